"""Forms for indicators and their measurements."""
from flask_babel import lazy_gettext as _l
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from ..formbase import AppForm
from ..formfields import VnDateField, VnFloatField, VnIntegerField
from ..lengths import fits
from ..models import TargetIndicator, TargetMeasurement

FIRST_YEAR, LAST_YEAR = 1990, 2100


class IndicatorForm(AppForm):
    year = VnIntegerField(
        _l("Năm"),
        validators=[
            DataRequired(_l("Hãy nhập năm.")),
            NumberRange(FIRST_YEAR, LAST_YEAR, _l("Năm không hợp lệ (1990–2100).")),
        ],
    )
    name = StringField(_l("Tên chỉ tiêu"), validators=[DataRequired(_l("Hãy nhập tên chỉ tiêu.")),
                                                       fits(TargetIndicator.name)])
    measure_unit = StringField(_l("Đơn vị tính"), validators=[DataRequired(_l("Hãy nhập đơn vị tính.")),
                                                             fits(TargetIndicator.measure_unit)])
    target_value = VnFloatField(_l("Chỉ tiêu"), validators=[
        InputRequired(_l("Hãy nhập giá trị chỉ tiêu (lớn hơn 0).")),
        NumberRange(min=0.01, message=_l("Chỉ tiêu phải lớn hơn 0."))])
    notes = TextAreaField(_l("Ghi chú"), validators=[Optional(), Length(max=2000)])


class MeasurementForm(AppForm):
    measured_on = VnDateField(_l("Ngày cập nhật"), validators=[DataRequired(_l("Hãy nhập ngày (dd/mm/yyyy)."))])
    value = VnFloatField(_l("Giá trị thực hiện (lũy kế)"), validators=[  # 0 is a value: nothing achieved yet
        InputRequired(_l("Hãy nhập giá trị.")), NumberRange(min=0, message=_l("Giá trị không được âm."))])
    note = StringField(_l("Ghi chú"), validators=[Optional(), fits(TargetMeasurement.note)])
