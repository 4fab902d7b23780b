"""Reads of field visits: who may see which visit (one clause for lists, pages and exports), and the units a
person follows on a day."""
from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import false, or_, select

from ..extensions import db
from ..formfields import bounded_int
from ..models import Assignment, FieldVisit, Membership, Role, Unit
from ..models.groups import active_on
from ..permissions import headed_group_ids, in_scope, path_under
from ..restricted import can_see_visit_text
from ..units.queries import followed_assignments, followed_unit_ids  # noqa: F401  (the area's readers)

SCOPE_READERS = {Role.ADMIN, Role.LEADERSHIP, Role.UNIT_OFFICER}


def coordinating_person_ids(person_id: int | None, day: date) -> set[int]:
    """Everyone (of any group, any level) who follows on `day` a unit this person follows that day."""
    followed = followed_unit_ids(person_id, day)
    if not followed:
        return set()
    return set(db.session.scalars(select(Assignment.person_id).join(Assignment.membership).where(
        Assignment.unit_id.in_(followed), active_on(Assignment, day), active_on(Membership, day))))


def readable_clause(user, today: date):
    """SQL condition over FieldVisit joined to Unit: the visits this user may read.

    Admins, leadership and unit officers read visits to units in their scope; a head reads the visits made for
    the groups they head; everyone reads their own visits and the visits other members (of any level) made to the
    units they follow today, which is how the town-level and ward-level members following one unit coordinate."""
    if user.role in SCOPE_READERS:
        return in_scope(user)
    if user.person_id is None:
        return false()
    mine = [FieldVisit.person_id == user.person_id]
    followed = followed_unit_ids(user.person_id, today)
    if followed:
        mine.append(FieldVisit.unit_id.in_(followed))
    if user.role == Role.GROUP_HEAD:
        headed = headed_group_ids(user)
        if headed:
            mine.append(FieldVisit.group_id.in_(headed))
    return or_(*mine)


@dataclass
class VisitFilters:
    person_id: int | None = None
    unit_id: int | None = None
    group_id: int | None = None
    under: int | None = None
    start: date | None = None
    end: date | None = None

    @classmethod
    def from_args(cls, args) -> "VisitFilters":
        def day(name):
            try:
                return date.fromisoformat(args.get(name, ""))
            except ValueError:
                return None

        return cls(person_id=args.get("person", type=bounded_int), unit_id=args.get("unit", type=bounded_int),
                   group_id=args.get("group", type=bounded_int), under=args.get("under", type=bounded_int),
                   start=day("from"), end=day("to"))


def visits_select(user, filters: VisitFilters, today: date):
    """Visits the user may read, newest first, narrowed by the filters."""
    statement = (select(FieldVisit).join(Unit, FieldVisit.unit_id == Unit.id)
                 .where(readable_clause(user, today)).order_by(FieldVisit.visited_on.desc(), FieldVisit.id.desc()))
    if filters.person_id:
        statement = statement.where(FieldVisit.person_id == filters.person_id)
    if filters.unit_id:
        statement = statement.where(FieldVisit.unit_id == filters.unit_id)
    if filters.group_id:
        statement = statement.where(FieldVisit.group_id == filters.group_id)
    if filters.under:  # the unit and everything below it
        under_path = select(Unit.path).where(Unit.id == filters.under).scalar_subquery()
        statement = statement.where(path_under(Unit.path, under_path))
    if filters.start:
        statement = statement.where(FieldVisit.visited_on >= filters.start)
    if filters.end:
        statement = statement.where(FieldVisit.visited_on <= filters.end)
    return statement


WITHHELD = _l("(Nội dung hạn chế — chỉ người có thẩm quyền được xem)")


@dataclass(frozen=True)
class VisitText:
    """What a reader is shown of a visit's text (the one reader every list, page, export and timeline uses)."""

    findings: str
    difficulties: str | None
    withheld: bool
    met_with: str | None = None


def visit_text(user, visit: FieldVisit) -> VisitText:
    """The visit's own text (what was found, the difficulties raised and whom the member met) as `user` may read
    it: a restricted visit's text is withheld from readers who may not see it (`restricted.can_see_visit_text`)."""
    if can_see_visit_text(user, visit):
        return VisitText(visit.findings, visit.difficulties, False, visit.met_with)
    withheld = str(WITHHELD)
    return VisitText(withheld, withheld if visit.difficulties else None, True, withheld if visit.met_with else None)
