"""Forms of members' reports."""
from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange

from ..clock import local_today
from ..formbase import AppForm
from ..formfields import IdSelectField, VnDateField, VnIntegerField, enum_choices
from ..lengths import fits
from ..models import ReportFrequency, ReportSubmission


class MemberReportForm(AppForm):
    text = TextAreaField(_l("Điều mới trong kỳ (tình hình đơn vị theo dõi, việc đã làm, kiến nghị)"), validators=[
        DataRequired(_l("Hãy viết nội dung báo cáo.")), Length(max=10000, message=_l("Tối đa 10.000 ký tự."))])


class RuleForm(AppForm):
    frequency = SelectField(_l("Kỳ báo cáo"), choices=lambda: enum_choices(ReportFrequency),
                            validators=[DataRequired(_l("Hãy chọn kỳ báo cáo."))])
    due_day = VnIntegerField(_l("Hạn nộp: ngày"), default=25, validators=[
        InputRequired(_l("Hãy nhập ngày hạn nộp.")), NumberRange(1, 31, _l("Từ 1 đến 31."))])
    months_after = VnIntegerField(_l("của tháng thứ … sau khi hết kỳ"), default=0, validators=[
        InputRequired(_l("Hãy nhập số tháng.")), NumberRange(0, 12, _l("Từ 0 đến 12."))])
    starts_on = VnDateField(_l("Áp dụng từ ngày"), validators=[InputRequired(_l("Hãy nhập ngày áp dụng."))],
                            default=lambda: local_today().replace(day=1))


class CompileForm(AppForm):
    schedule_id = IdSelectField(_l("Báo cáo của đoàn"), validators=[InputRequired(_l("Hãy chọn chế độ báo cáo."))])
    period_key = StringField(_l("Kỳ báo cáo của đoàn"), validators=[DataRequired(_l("Hãy nhập kỳ báo cáo.")),
                                                                   fits(ReportSubmission.period_key)])
    text = TextAreaField(_l("Báo cáo của đoàn (dự thảo từ báo cáo của thành viên)"), validators=[
        DataRequired(_l("Hãy nhập nội dung báo cáo.")), Length(max=20000, message=_l("Tối đa 20.000 ký tự."))])
