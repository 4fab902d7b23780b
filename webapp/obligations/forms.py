"""Forms of the attendance obligation: a group's rule and a declared absence."""
from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, NumberRange, Optional, ValidationError

from ..formbase import AppForm
from ..formfields import IdSelectField, VnDateField, VnIntegerField
from ..lengths import fits
from ..models import Absence

PERIODS = [SelectChoice("1", _l("tháng")), SelectChoice("3", _l("quý")), SelectChoice("6", _l("6 tháng")),
           SelectChoice("12", _l("năm"))]


class RuleForm(AppForm):
    mode = SelectField(_l("Nghĩa vụ dự sinh hoạt"), validators=[DataRequired(_l("Hãy chọn nghĩa vụ."))])
    times = VnIntegerField(_l("Số lần tối thiểu tại mỗi đơn vị"), default=1, validators=[
        InputRequired(_l("Hãy nhập số lần.")), NumberRange(1, 31, _l("Từ 1 đến 31."))])
    months = SelectField(_l("Mỗi"), choices=PERIODS, default="3")


class AbsenceForm(AppForm):
    person_id = IdSelectField(_l("Thành viên"), validators=[InputRequired(_l("Hãy chọn thành viên."))])
    start_date = VnDateField(_l("Từ ngày"), validators=[InputRequired(_l("Hãy nhập ngày bắt đầu."))])
    end_date = VnDateField(_l("Đến ngày"), validators=[InputRequired(_l("Hãy nhập ngày kết thúc."))])
    reason = SelectField(_l("Lý do"), validators=[DataRequired(_l("Hãy chọn lý do."))])
    note = StringField(_l("Ghi chú"), validators=[Optional(), fits(Absence.note)])

    def validate_end_date(self, field):
        if field.data and self.start_date.data and field.data < self.start_date.data:
            raise ValidationError(_l("Ngày kết thúc phải từ ngày bắt đầu trở đi."))
        if field.data and self.start_date.data and (field.data - self.start_date.data).days > 366:
            raise ValidationError(_l("Mỗi lần khai báo tối đa một năm."))
