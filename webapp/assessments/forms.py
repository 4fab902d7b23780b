"""Forms of the assessment round and its three steps."""
from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from ..formbase import AppForm
from ..formfields import VnDateField, VnIntegerField
from ..lengths import fits
from ..models import AssessmentRound


class RoundForm(AppForm):
    name = StringField(_l("Tên đợt đánh giá"), validators=[DataRequired(_l("Hãy nhập tên đợt.")),
                                                           fits(AssessmentRound.name)])
    start_date = VnDateField(_l("Từ ngày"), validators=[InputRequired(_l("Hãy nhập ngày bắt đầu."))])
    end_date = VnDateField(_l("Đến ngày"), validators=[InputRequired(_l("Hãy nhập ngày kết thúc."))])


class StepForm(AppForm):
    level = SelectField(_l("Mức xếp loại"), validators=[DataRequired(_l("Hãy chọn mức xếp loại."))])
    text = TextAreaField(_l("Nhận xét"), validators=[Optional(), Length(max=10000, message=_l("Tối đa 10.000 ký tự."))])


def criteria_form(criteria: dict, keys: tuple[str, ...] | None = None, prefix: str = ""):
    """A form with one number per (level, figure) threshold of the round (its members' by default)."""
    from .rules import CRITERIA_KEYS, ORDER

    class CriteriaForm(AppForm):
        pass

    for level in ORDER:
        for key in keys or CRITERIA_KEYS:
            setattr(CriteriaForm, f"{level.value}__{key}", VnIntegerField(
                key, default=criteria.get(level.value, {}).get(key, 0),
                validators=[InputRequired(_l("Hãy nhập một số.")), NumberRange(0, 1000, _l("Từ 0 đến 1000."))]))
    return CriteriaForm(prefix=prefix)
