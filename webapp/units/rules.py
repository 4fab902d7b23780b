"""Rules of units as pure predicates over plain values: None when allowed, else the Vietnamese message."""
from flask_babel import lazy_gettext as _

from ..models import RETIRED_SECTORS


def name_missing(name: str | None):
    """A unit needs a name."""
    return _("Hãy nhập tên đơn vị.") if not (name or "").strip() else None



def name_taken(namesake_label: str | None):
    """No two units of one name under one parent: nothing, not even the ward, would tell them apart."""
    if namesake_label is None:
        return None
    return _("Đã có đơn vị «%(unit)s» cùng tên dưới cùng đơn vị cấp trên: hãy đặt tên khác hoặc dùng đơn vị đó.",
             unit=namesake_label)


def parent_refused(may_place: bool):
    """The user places units only under a parent within their scope."""
    return None if may_place else _("Đơn vị cấp trên nằm ngoài phạm vi quản lý của bạn.")


def under_itself(parent_within_unit: bool):
    """A unit cannot move under itself or one of its descendants (the tree would loop)."""
    return _("Không thể đặt đơn vị dưới chính nó hoặc đơn vị cấp dưới của nó.") if parent_within_unit else None


def sector_retired(sector, current):
    """A retired sector (the district-level town, ended 1/7/2025) stays on a unit that has it; no unit takes it
    anew."""
    if sector in RETIRED_SECTORS and sector != current:
        return _("Khối «Thị xã» không còn dùng cho đơn vị mới: cấp huyện đã kết thúc từ ngày 01/7/2025.")
    return None
