"""Forms of the feedback register; choices are filled by the view from what the user may use."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, MultipleFileField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError

from ..clock import local_today
from ..formbase import AppForm
from ..formfields import VnDateField, VnIntegerField
from ..lengths import fits
from ..models import FeedbackCategory, FeedbackItem
from ..uploads import extension_allowed

NONE_CHOICE = (0, "—")


class InChoices:
    """Select validation with a Vietnamese message (WTForms ships no Vietnamese catalogue)."""

    def __init__(self, message=None):
        self.message = message or _l("Lựa chọn không hợp lệ.")

    def __call__(self, form, field):
        if field.data and field.data not in {value for value, _label in field.choices}:
            raise ValidationError(self.message)


def optional_id(value) -> int | None:
    """Coerce a select value, 0/empty meaning 'none'."""
    try:
        return int(value) or None
    except (TypeError, ValueError):
        return None


def check_files(field) -> None:
    """Refuse files whose type is not a document or an image."""
    for upload in field.data or []:
        if getattr(upload, "filename", "") and not extension_allowed(upload.filename):
            raise ValidationError(_l("Tệp “%(name)s” không được chấp nhận (chỉ PDF, Word, Excel, ảnh, văn bản).",
                                     name=upload.filename))


def uploaded_files(field) -> list:
    """The non-empty uploads of a MultipleFileField."""
    return [f for f in (field.data or []) if getattr(f, "filename", "")]


class FeedbackForm(AppForm):
    received_on = VnDateField(_l("Ngày tiếp nhận"), validators=[InputRequired(_l("Hãy nhập ngày tiếp nhận."))],
                           default=local_today)
    category_id = SelectField(_l("Lĩnh vực"), coerce=optional_id, validate_choice=False,
                              validators=[DataRequired(_l("Hãy chọn lĩnh vực.")), InChoices()])
    unit_id = SelectField(_l("Đơn vị (tổ chức đảng)"), coerce=optional_id, validate_choice=False,
                          validators=[DataRequired(_l("Hãy chọn đơn vị.")), InChoices()])
    group_id = SelectField(_l("Đoàn công tác"), coerce=optional_id, validate_choice=False,
                             validators=[InChoices()])
    source_person_id = SelectField(_l("Thành viên nắm bắt"), coerce=optional_id, validate_choice=False,
                             validators=[InChoices()])
    citizen_ref = StringField(_l("Người/nhóm phản ánh (nếu cần, ghi tối thiểu)"),
                              validators=[Optional(), fits(FeedbackItem.citizen_ref)])
    content = TextAreaField(_l("Nội dung phản ánh, kiến nghị"),
                            validators=[DataRequired(_l("Hãy nhập nội dung.")),
                                        Length(max=10000, message=_l("Nội dung quá dài (tối đa 10.000 ký tự)."))])
    files = MultipleFileField(_l("Tệp đính kèm"))

    def validate_received_on(self, field):
        if field.data and field.data > local_today():
            raise ValidationError(_l("Ngày tiếp nhận không được ở tương lai."))

    def validate_files(self, field):
        check_files(field)


class TransitionForm(AppForm):
    target = SelectField(_l("Chuyển sang"), validate_choice=False,
                         validators=[DataRequired(_l("Hãy chọn bước xử lý."))])
    forwarded_to = StringField(_l("Chuyển đến (cơ quan, đơn vị)"),
                               validators=[Optional(), fits(FeedbackItem.forwarded_to)])
    forwarded_group_id = SelectField(_l("Hoặc đoàn công tác"), coerce=optional_id, validate_choice=False,
                             validators=[InChoices()])
    handler_id = SelectField(_l("Người xử lý"), coerce=optional_id, validate_choice=False,
                             validators=[InChoices()])
    note = TextAreaField(_l("Ghi chú / nội dung trả lời"),
                         validators=[Optional(), Length(max=10000, message=_l("Tối đa 10.000 ký tự."))])


class AttachmentForm(AppForm):
    files = MultipleFileField(_l("Thêm tệp đính kèm"))

    def validate_files(self, field):
        check_files(field)
        if not uploaded_files(field):
            raise ValidationError(_l("Hãy chọn ít nhất một tệp."))


class CategoryForm(AppForm):
    name = StringField(_l("Tên lĩnh vực"), validators=[DataRequired(_l("Hãy nhập tên lĩnh vực.")),
                                                      fits(FeedbackCategory.name)])
    sla_days = VnIntegerField(_l("Thời hạn trả lời (ngày)"),
                            validators=[InputRequired(_l("Hãy nhập số ngày.")),
                                        NumberRange(1, 365, _l("Số ngày từ 1 đến 365."))])
    restricted = BooleanField(_l("Hạn chế truy cập (khiếu nại, tố cáo)"))
    active = BooleanField(_l("Đang sử dụng"), default=True)
