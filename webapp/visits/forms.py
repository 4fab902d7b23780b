"""Field visit forms: short, one column, so they fit a phone screen."""
from flask_babel import lazy_gettext as _l
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from ..clock import local_today
from ..formbase import AppForm
from ..formfields import IdSelectField, VnDateField
from ..lengths import fits
from ..models import FieldVisit


class VisitForm(AppForm):
    visited_on = VnDateField(_l("Ngày đi cơ sở"), validators=[InputRequired(_l("Hãy nhập ngày."))],
                             default=local_today)
    unit_id = IdSelectField(_l("Đơn vị đến làm việc"), validators=[InputRequired(_l("Hãy chọn đơn vị."))])
    met_with = StringField(
        _l("Làm việc với"), validators=[Optional(), fits(FieldVisit.met_with)]
    )
    findings = TextAreaField(_l("Tình hình nắm được"), validators=[
        DataRequired(_l("Hãy ghi tình hình nắm được.")), Length(max=10000, message=_l("Tối đa 10.000 ký tự."))])
    difficulties = TextAreaField(_l("Khó khăn, kiến nghị của cơ sở"), validators=[
        Optional(), Length(max=10000, message=_l("Tối đa 10.000 ký tự."))])


class RaiseFeedbackForm(AppForm):
    category_id = IdSelectField(_l("Lĩnh vực"), validators=[InputRequired(_l("Hãy chọn lĩnh vực."))])
