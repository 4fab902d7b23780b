"""Object-level rules of the units area, on top of `webapp.permissions`."""
from ..models import Role, Unit
from ..permissions import READ_DIRECTORY, unit_in_scope
from .queries import followed_unit_ids


def can_edit_unit(user, unit: Unit | None) -> bool:
    """Admins and unit officers change units (or add under a parent) within their subtree;
    only an unrestricted admin may work at the top level (unit None)."""
    if user.role not in (Role.ADMIN, Role.UNIT_OFFICER):
        return False
    if unit is None:
        return user.role == Role.ADMIN and not user.scope_unit_id
    return unit_in_scope(user, unit)


def can_read_unit_record(user, unit: Unit, today) -> bool:
    """The unit's timeline: directory readers within their scope, and any member who follows the unit today (the
    town-level and ward-level members following one unit read the same record)."""
    if user.role in READ_DIRECTORY and unit_in_scope(user, unit):
        return True
    return unit.id in followed_unit_ids(user.person_id, today)


def can_set_identity(user, unit: Unit) -> bool:
    """Admins set the identity of units in their scope (so only an admin scoped to the root sets the root's)."""
    return user.role == Role.ADMIN and unit_in_scope(user, unit)
