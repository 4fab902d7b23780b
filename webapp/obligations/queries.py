"""Who declares absences for whom, and which absences a user reads."""
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from ..clock import local_today
from ..extensions import db
from ..models import Absence, Membership, Person, Role
from ..models.groups import active_on
from ..permissions import is_town_admin, managed_groups, scope_unit_ids

OFFICE = {Role.ADMIN, Role.LEADERSHIP}


def managed_person_ids(user) -> set[int]:
    """Persons the user may declare absences for (absences change obligation figures, so this follows the group
    rule `can_manage_group`): themself; the current members of the groups they manage (a head's groups, an
    admin's groups owned within their scope); for an admin also the persons whose home unit is in scope, and for a
    town-wide admin everyone."""
    ids = {user.person_id} if user.person_id else set()
    ids |= set(db.session.scalars(select(Membership.person_id).where(Membership.group_id.in_(managed_groups(user)),
                                                                     active_on(Membership, local_today()))))
    if user.role == Role.ADMIN:
        ids |= set(db.session.scalars(select(Person.id).where(Person.home_unit_id.in_(scope_unit_ids(user)))))
    return ids


def _everyone(user) -> bool:
    return is_town_admin(user)


def person_choices(user) -> list[tuple[int, str]]:
    statement = select(Person).order_by(Person.sort_key)
    if not _everyone(user):
        statement = statement.where(Person.id.in_(managed_person_ids(user) or {0}))
    return [(p.id, p.full_name) for p in db.session.scalars(statement)]


def absences_for(user):
    """The absences the user reads, newest first."""
    statement = select(Absence).options(selectinload(Absence.person)).order_by(Absence.start_date.desc())
    if user.role not in OFFICE:
        statement = statement.where(or_(Absence.person_id.in_(managed_person_ids(user) or {0}),
                                        Absence.created_by_id == user.id))
    return statement
