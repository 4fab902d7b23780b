"""Reads of the people area, each a fixed number of statements."""
from collections import defaultdict

from sqlalchemy import bindparam, false, select
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..models import Assignment, Membership, Person, WorkingGroup
from ..models.groups import active_on
from ..names import fold


def name_search(statement, search: str):
    """The statement narrowed to persons whose name contains the search, ignoring case, diacritics and
    punctuation (every person search goes through here)."""
    if not search.strip():
        return statement
    key = fold(search)
    if not key:  # punctuation alone ('%', '_') names nobody
        return statement.where(false())
    return statement.where(Person.search_key.contains(key, autoescape=True))


def persons_statement(search: str = ""):
    """Persons in Vietnamese name order, filtered by a search that ignores case and diacritics."""
    return name_search(select(Person).options(joinedload(Person.home_unit)).order_by(Person.sort_key, Person.id),
                       search)


# Built once, the persons and the day bound at each run: building and keying a statement anew cost more than
# running it. Plain rows: a page's memberships as ORM objects, each with its group, cost more than the list's rows.
_CURRENT_MEMBERSHIPS = (
    select(Membership.person_id, WorkingGroup.name.label("group_name"), Membership.role)
    .outerjoin(WorkingGroup, WorkingGroup.id == Membership.group_id)
    .where(Membership.person_id.in_(bindparam("person_ids", expanding=True)), active_on(Membership, bindparam("day")))
    .order_by(Membership.start_date, Membership.id))


def current_memberships(person_ids: list[int], day) -> dict[int, list]:
    """The memberships in force on `day` of each listed person, earliest first: rows of `group_name` and `role`."""
    result = defaultdict(list)
    for row in db.session.execute(_CURRENT_MEMBERSHIPS, {"person_ids": person_ids, "day": day}):
        result[row.person_id].append(row)
    return result


def person_history(person: Person) -> tuple[list[Membership], list[Assignment]]:
    """All memberships and assignments of the person, newest first, with groups, terms and units."""
    memberships = db.session.scalars(
        select(Membership).options(joinedload(Membership.group).joinedload(WorkingGroup.term))
        .where(Membership.person_id == person.id).order_by(Membership.start_date.desc(), Membership.id.desc())).all()
    assignments = db.session.scalars(
        select(Assignment).options(joinedload(Assignment.unit),
                                   joinedload(Assignment.membership).joinedload(Membership.group))
        .where(Assignment.person_id == person.id).order_by(Assignment.start_date.desc(), Assignment.id.desc())).all()
    return list(memberships), list(assignments)


def person_options(search: str, limit: int = 50) -> list[Person]:
    """Persons whose folded name contains the folded search, in Vietnamese name order."""
    return list(db.session.scalars(name_search(select(Person).order_by(Person.sort_key).limit(limit), search)))
