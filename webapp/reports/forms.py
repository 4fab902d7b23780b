"""Forms of the reporting regime."""

from flask_babel import lazy_gettext as _l
from wtforms import MultipleFileField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from ..clock import local_today
from ..feedback.forms import InChoices, check_files, optional_id
from ..formbase import AppForm
from ..formfields import VnDateField, VnIntegerField
from ..lengths import fits
from ..models import ReportSubmission


class ScheduleForm(AppForm):
    group_id = SelectField(_l("Đoàn công tác"), coerce=optional_id, validate_choice=False,
                           validators=[DataRequired(_l("Hãy chọn đoàn công tác.")), InChoices()])
    frequency = SelectField(_l("Kỳ báo cáo"), validate_choice=False,
                            validators=[DataRequired(_l("Hãy chọn kỳ báo cáo.")), InChoices()])
    due_day = VnIntegerField(
        _l("Hạn nộp: ngày"),
        default=20,
        validators=[InputRequired(_l("Hãy nhập ngày hạn nộp.")), NumberRange(1, 31, _l("Từ 1 đến 31."))],
    )
    months_after = VnIntegerField(
        _l("của tháng thứ … sau khi hết kỳ"),
        default=1,
        validators=[InputRequired(_l("Hãy nhập số tháng.")), NumberRange(0, 12, _l("Từ 0 đến 12."))],
    )
    starts_on = VnDateField(_l("Áp dụng từ ngày"), validators=[InputRequired(_l("Hãy nhập ngày áp dụng."))],
                         default=lambda: local_today().replace(month=1, day=1))


class SubmissionForm(AppForm):
    schedule_id = SelectField(_l("Báo cáo của đoàn"), coerce=optional_id, validate_choice=False,
                              validators=[DataRequired(_l("Hãy chọn chế độ báo cáo.")), InChoices()])
    period_key = StringField(_l("Kỳ báo cáo"), validators=[DataRequired(_l("Hãy nhập kỳ báo cáo.")),
                                                             fits(ReportSubmission.period_key)])
    text = TextAreaField(_l("Nội dung tóm tắt"), validators=[Optional(), Length(max=20000)])
    files = MultipleFileField(_l("Tệp báo cáo"))

    def validate_files(self, field):
        check_files(field)
