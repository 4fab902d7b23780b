"""The document upload form."""
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from ..formbase import AppForm
from ..formfields import IdSelectField, VnDateField, VnIntegerField
from ..lengths import fits
from ..models import Document


class DocumentForm(AppForm):
    number = StringField(_l("Số, ký hiệu"), validators=[Optional(), fits(Document.number)])
    title = StringField(
        _l("Trích yếu / tên văn bản"), validators=[DataRequired(_l("Hãy nhập tên văn bản.")), fits(Document.title)]
    )
    issued_on = VnDateField(_l("Ngày ban hành"), validators=[Optional()])
    term_id = IdSelectField(_l("Nhiệm kỳ"))
    summary = TextAreaField(_l("Tóm tắt"), validators=[Optional(), Length(max=4000)])
    file = FileField(_l("Tệp đính kèm"), validators=[FileRequired(_l("Hãy chọn tệp văn bản."))])
    draft = BooleanField(_l("Lưu là dự thảo (chưa ban hành, để lấy ý kiến)"))
    relation = SelectField(_l("Quan hệ với văn bản trước"), default="", choices=[
        SelectChoice("", _l("— Không —")), SelectChoice("replaces", _l("Thay thế")),
        SelectChoice("amends", _l("Sửa đổi, bổ sung")), SelectChoice("annuls", _l("Bãi bỏ"))])
    related_id = IdSelectField(_l("Văn bản được thay thế, sửa đổi hoặc bãi bỏ"))
    effective_from = VnDateField(_l("Có hiệu lực từ ngày"), validators=[Optional()])
    attendance_times = VnIntegerField(_l("Nghĩa vụ dự sinh hoạt: mỗi đơn vị được phân công ít nhất (lần)"),
                                      validators=[Optional(), NumberRange(1, 31, _l("Từ 1 đến 31."))])
    attendance_months = SelectField(_l("mỗi"), validate_choice=False, choices=[
        SelectChoice("3", _l("quý")), SelectChoice("1", _l("tháng")), SelectChoice("6", _l("6 tháng")),
        SelectChoice("12", _l("năm"))])


class CommentForm(AppForm):
    text = TextAreaField(_l("Góp ý"), validators=[DataRequired(_l("Hãy nhập nội dung góp ý.")),
                                                 Length(max=5000, message=_l("Tối đa 5.000 ký tự."))])


def _figure(label, low: int, high: int, source):
    return VnIntegerField(label, description=source, validators=[InputRequired(_l("Hãy nhập con số.")), NumberRange(
        low, high, _l("Từ %(low)s đến %(high)s.", low=low, high=high))])


# Where each default comes from, shown under its field: the guidance's own figure, or the app's choice where the
# guidance names none (how many days ahead), so nobody takes an app default for the rule's text.
APP_DEFAULT = _l("Mặc định của ứng dụng, chỉnh theo quy định của cấp ủy (hướng dẫn chỉ yêu cầu thông báo trước, "
                 "không nêu số ngày).")


class CellRulesForm(AppForm):
    """The cell meeting rule set a regulation version adopts (defaults: HD 42-HD/BTCTW, HD 12-HD/BTCTW; the notice
    days are the app's own)."""

    member_notice_days = _figure(_l("Thông báo cho đảng viên trước (ngày)"), 0, 60, APP_DEFAULT)
    committee_notice_days = _figure(_l("Thông báo cho cấp ủy viên được phân công trước (ngày)"), 0, 60, APP_DEFAULT)
    documents_days = _figure(_l("Gửi tài liệu trước (ngày)"), 0, 60, APP_DEFAULT)
    thematic_per_quarter = _figure(_l("Sinh hoạt chuyên đề mỗi quý ít nhất (lần)"), 0, 3,
                                   _l("Theo HD 42-HD/BTCTW (2025): ít nhất một lần mỗi quý."))
    min_minutes = _figure(_l("Thời gian sinh hoạt ít nhất (phút)"), 0, 600,
                          _l("Theo HD 42-HD/BTCTW (2025): khoảng 90 phút, dài hơn khi có chuyên đề hoặc chi bộ đông "
                             "đảng viên."))
    attendance_percent = _figure(_l("Tỷ lệ dự sinh hoạt ít nhất (%)"), 0, 100,
                                 _l("Theo HD 12-HD/BTCTW (2018): trên 85%."))
    max_excused_in_row = _figure(_l("Vắng có phép liên tiếp nhiều nhất (lần)"), 1, 24,
                                 _l("Theo HD 12-HD/BTCTW (2018): không quá ba lần liên tiếp."))

    FIGURES = ("member_notice_days", "committee_notice_days", "documents_days", "thematic_per_quarter",
               "min_minutes", "attendance_percent", "max_excused_in_row")

    def figures(self) -> dict:
        return {name: getattr(self, name).data for name in self.FIGURES}
