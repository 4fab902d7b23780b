"""Named state changes of units; the materialised path of a moved unit and its subtree is refreshed."""
from sqlalchemy import select

from ..extensions import db
from ..models import OrgIdentity, Sector, Unit, UnitKind
from ..services import RuleViolation
from ..unit_labels import unit_label
from . import rules
from .access import can_edit_unit
from .identity import own_settings
from .queries import namesake_under


def _refuse(field: str, message) -> None:
    if message is not None:
        raise RuleViolation(field, message)


def _check_name(name: str, parent: Unit | None, unit: Unit | None = None) -> None:
    _refuse("name", rules.name_missing(name))
    namesake = namesake_under(parent.id if parent else None, name, unit.id if unit else None)
    _refuse("name", rules.name_taken(unit_label(namesake) if namesake else None))


def create_unit(name: str, kind: UnitKind, sector: Sector, parent: Unit | None,
                short_name: str | None = None, user=None) -> Unit:
    """Add a unit under `parent` (None for a top-level unit) and give it its path; with `user`, only under a
    parent within their scope."""
    _check_name(name, parent)
    _refuse("sector", rules.sector_retired(sector, None))
    if user is not None:
        _refuse("parent_id", rules.parent_refused(can_edit_unit(user, parent)))
    unit = Unit(kind=kind, sector=sector, short_name=(short_name or "").strip() or None)
    unit.set_name(name)
    unit.place_under(parent)
    db.session.add(unit)
    db.session.flush()
    unit.refresh_path()
    db.session.flush()
    return unit


def update_unit(unit: Unit, name: str, kind: UnitKind, sector: Sector, parent: Unit | None,
                short_name: str | None = None, user=None) -> Unit:
    """Rename, reclassify or move a unit; moving rewrites the paths of its whole subtree. With `user`, a new
    parent must lie within their scope."""
    _check_name(name, parent, unit)
    _refuse("sector", rules.sector_retired(sector, unit.sector))
    if user is not None and parent is not unit.parent:
        _refuse("parent_id", rules.parent_refused(can_edit_unit(user, parent)))
    _refuse("parent_id", rules.under_itself(parent is not None and parent.is_within(unit)))
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
    row = own_settings(unit)
    if row is None:
        row = OrgIdentity(unit_id=unit.id)
        db.session.add(row)
    for name, value in values.items():
        setattr(row, name, value.strip() if isinstance(value, str) else value)
    db.session.flush()
    return row
