"""The unit form."""
from flask_babel import lazy_gettext as _l
from wtforms import StringField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from ..formbase import AppForm
from ..formfields import EnumSelectField, IdSelectField
from ..models import Sector, UnitKind
from ..template_helpers import SECTOR_LABELS, UNIT_KIND_LABELS


def _choices(labels: dict):
    return lambda: [(value.value, _l(text)) for value, text in labels.items()]


class UnitForm(AppForm):
    name = StringField(_l("Tên đơn vị"), validators=[DataRequired(_l("Hãy nhập tên đơn vị.")), Length(max=255)])
    short_name = StringField(_l("Tên viết tắt"), validators=[Optional(), Length(max=120)])
    kind = EnumSelectField(_l("Loại"), enum=UnitKind, choices=_choices(UNIT_KIND_LABELS),
                           validators=[InputRequired(_l("Hãy chọn loại đơn vị."))])
    sector = EnumSelectField(_l("Khối / lĩnh vực"), enum=Sector, choices=_choices(SECTOR_LABELS),
                             validators=[InputRequired(_l("Hãy chọn khối."))])
    parent_id = IdSelectField(_l("Trực thuộc"))
