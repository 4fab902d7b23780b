"""Who declares absences for whom, and which absences a user reads."""
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from ..clock import local_today
from ..extensions import db
from ..models import Absence, Membership, Person, Role
from ..models.groups import active_on
from ..permissions import headed_group_ids

OFFICE = {Role.ADMIN, Role.LEADERSHIP}


def managed_person_ids(user) -> set[int]:
    """Persons the user may declare absences for: themself; a head their groups' current members; admins anyone."""
    ids = {user.person_id} if user.person_id else set()
    headed = headed_group_ids(user)
    if headed:
        ids |= set(db.session.scalars(select(Membership.person_id).where(Membership.group_id.in_(headed),
                                                                         active_on(Membership, local_today()))))
    return ids


def person_choices(user) -> list[tuple[int, str]]:
    statement = select(Person).order_by(Person.sort_key)
    if user.role != Role.ADMIN:
        statement = statement.where(Person.id.in_(managed_person_ids(user) or {0}))
    return [(p.id, p.full_name) for p in db.session.scalars(statement)]


def absences_for(user):
    """The absences the user reads, newest first."""
    statement = select(Absence).options(selectinload(Absence.person)).order_by(Absence.start_date.desc())
    if user.role not in OFFICE:
        statement = statement.where(or_(Absence.person_id.in_(managed_person_ids(user) or {0}),
                                        Absence.created_by_id == user.id))
    return statement


def may_manage_absence(user, absence: Absence) -> bool:
    return user.role == Role.ADMIN or absence.created_by_id == user.id or absence.person_id in managed_person_ids(user)
