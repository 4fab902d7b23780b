"""Object-level rules of the people area, on top of `webapp.permissions`."""
from ..models import Person, Role, Unit
from ..permissions import is_town_admin, unit_in_scope


def can_place_person(user, home_unit: Unit | None) -> bool:
    """Admins and unit officers file a person under a unit of their scope; only a town-wide admin files one
    under no unit (cadres of the town, who belong to no ward)."""
    if home_unit is None:
        return is_town_admin(user)
    return user.role in (Role.ADMIN, Role.UNIT_OFFICER) and unit_in_scope(user, home_unit)


def can_edit_person(user, person: Person) -> bool:
    """Admins and unit officers edit persons whose home unit lies within their subtree; persons with no home
    unit (town cadres) only town-wide admins."""
    return can_place_person(user, person.home_unit)


def can_create_person(user) -> bool:
    """Admins and unit officers add persons (placed within their scope)."""
    return user.role in (Role.ADMIN, Role.UNIT_OFFICER)
