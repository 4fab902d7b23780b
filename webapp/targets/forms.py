"""Forms for indicators and their measurements."""
from flask_wtf import FlaskForm
from wtforms import DateField, FloatField, IntegerField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from flask_babel import lazy_gettext as _l



class IndicatorForm(FlaskForm):
    year = IntegerField(_l("Năm"), validators=[DataRequired(_l("Hãy nhập năm.")),
                                               NumberRange(1990, 2100, _l("Năm không hợp lệ (1990–2100)."))])
    name = StringField(_l("Tên chỉ tiêu"), validators=[DataRequired(_l("Hãy nhập tên chỉ tiêu.")), Length(max=255)])
    measure_unit = StringField(_l("Đơn vị tính"), validators=[DataRequired(_l("Hãy nhập đơn vị tính.")),
                                                             Length(max=60)])
    target_value = FloatField(_l("Chỉ tiêu"), validators=[DataRequired(_l("Hãy nhập giá trị chỉ tiêu (lớn hơn 0).")),
                                                          NumberRange(min=0.01, message=_l("Chỉ tiêu phải lớn hơn 0."))])
    notes = TextAreaField(_l("Ghi chú"), validators=[Optional(), Length(max=2000)])


class MeasurementForm(FlaskForm):
    measured_on = DateField(_l("Ngày cập nhật"), validators=[DataRequired(_l("Hãy nhập ngày (dd/mm/yyyy)."))])
    value = FloatField(_l("Giá trị thực hiện (lũy kế)"), validators=[
        NumberRange(min=0, message=_l("Giá trị không được âm.")), DataRequired(_l("Hãy nhập giá trị."))])
    note = StringField(_l("Ghi chú"), validators=[Optional(), Length(max=255)])
