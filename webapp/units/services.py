"""Named state changes of units; the materialised path of a moved unit and its subtree is refreshed."""
from flask_babel import lazy_gettext as _
from sqlalchemy import select

from ..extensions import db
from ..formfields import RuleViolation
from ..models import OrgIdentity, Sector, Unit, UnitKind


def _check_name(name: str) -> None:
    if not name.strip():
        raise RuleViolation("name", _("Hãy nhập tên đơn vị."))


def create_unit(name: str, kind: UnitKind, sector: Sector, parent: Unit | None,
                short_name: str | None = None) -> Unit:
    """Add a unit under `parent` (None for a top-level unit) and give it its path."""
    _check_name(name)
    unit = Unit(kind=kind, sector=sector, short_name=(short_name or "").strip() or None)
    unit.set_name(name)
    unit.place_under(parent)
    db.session.add(unit)
    db.session.flush()
    unit.refresh_path()
    db.session.flush()
    return unit


def update_unit(unit: Unit, name: str, kind: UnitKind, sector: Sector, parent: Unit | None,
                short_name: str | None = None) -> Unit:
    """Rename, reclassify or move a unit; moving rewrites the paths of its whole subtree."""
    _check_name(name)
    if parent is not None and parent.is_within(unit):
        raise RuleViolation("parent_id", _("Không thể đặt đơn vị dưới chính nó hoặc đơn vị cấp dưới của nó."))
    unit.set_name(name)
    unit.kind, unit.sector, unit.short_name = kind, sector, (short_name or "").strip() or None
    if parent is not unit.parent:
        old_path = unit.path
        unit.place_under(parent)
        unit.refresh_path()
        _move_descendants(old_path, unit.path)
    db.session.flush()
    return unit


def _move_descendants(old_path: str, new_path: str) -> None:
    descendants = db.session.scalars(select(Unit).where(Unit.path.startswith(old_path, autoescape=True),
                                                        Unit.path != old_path))
    for descendant in descendants:
        descendant.path = new_path + descendant.path[len(old_path):]


def save_identity(unit: Unit, **values) -> OrgIdentity:
    """Set the identity under which the unit issues documents (created on first save)."""
    row = db.session.scalar(select(OrgIdentity).where(OrgIdentity.unit_id == unit.id))
    if row is None:
        row = OrgIdentity(unit_id=unit.id)
        db.session.add(row)
    for name, value in values.items():
        setattr(row, name, value.strip() if isinstance(value, str) else value)
    db.session.flush()
    return row
