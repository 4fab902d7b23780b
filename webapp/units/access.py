"""Object-level rules of the units area, on top of `webapp.permissions`."""
from ..models import Role, Unit
from ..permissions import unit_in_scope


def can_edit_unit(user, unit: Unit | None) -> bool:
    """Admins and unit officers change units (or add under a parent) within their subtree;
    only an unrestricted admin may work at the top level (unit None)."""
    if user.role not in (Role.ADMIN, Role.UNIT_OFFICER):
        return False
    if unit is None:
        return user.role == Role.ADMIN and not user.scope_unit_id
    return unit_in_scope(user, unit)
