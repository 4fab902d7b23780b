"""Object-level rules of the people area, on top of `webapp.permissions`."""
from ..models import Person, Role, Unit
from ..permissions import unit_in_scope


def can_place_person(user, home_unit: Unit | None) -> bool:
    """Admins may file a person under any unit of their scope (or none); unit officers only inside theirs."""
    if user.role == Role.ADMIN:
        return unit_in_scope(user, home_unit)
    return user.role == Role.UNIT_OFFICER and home_unit is not None and unit_in_scope(user, home_unit)


def can_edit_person(user, person: Person) -> bool:
    """Admins and unit officers edit persons whose home unit lies within their subtree."""
    return can_place_person(user, person.home_unit)


def can_create_person(user) -> bool:
    """Admins and unit officers add persons (placed within their scope)."""
    return user.role in (Role.ADMIN, Role.UNIT_OFFICER)
