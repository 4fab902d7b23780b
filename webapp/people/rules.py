"""Rules of persons as pure predicates over plain values: None when allowed, else the Vietnamese message."""
from flask_babel import lazy_gettext as _


def home_unit_refused(has_unit: bool, may_place: bool):
    """The user files the person under a unit of their scope (unit officers must name one)."""
    if may_place:
        return None
    return _("Đơn vị này nằm ngoài phạm vi quản lý của bạn.") if has_unit \
        else _("Hãy chọn đơn vị sinh hoạt thuộc phạm vi của bạn.")
