"""Field-visit figures: per member, the visits made for the group in the period to each followed unit, and
the followed units nobody of the group visited in the last N months (two statements for the whole view)."""
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select

from ...extensions import db
from ...models import Assignment, FieldVisit, Membership, Unit
from ...models.groups import overlaps
from ...permissions import path_under
from ..filters import Filters
from .common import group_ids
from .members import Member


@dataclass
class FollowedUnit:
    unit_id: int
    name: str
    visits: int = 0
    last_visit: date | None = None


@dataclass
class MemberVisits:
    """One member's visits for one group over the period, unit by unit."""

    member: Member
    units: list[FollowedUnit] = field(default_factory=list)

    @property
    def visits(self) -> int:
        return sum(unit.visits for unit in self.units)


def _followed(f: Filters) -> dict[tuple[int, int], list[FollowedUnit]]:
    """(group id, person id) → the units the member followed during the period, in tree order."""
    stmt = (select(Membership.group_id, Assignment.person_id, Unit.id, Unit.name, Unit.path)
            .join(Membership, Membership.id == Assignment.membership_id).join(Unit, Unit.id == Assignment.unit_id)
            .where(Membership.group_id.in_(group_ids(f)), overlaps(Assignment, f.start, f.end),
                   path_under(Unit.path, f.unit_path))
            .distinct().order_by(Unit.path))
    found: dict[tuple[int, int], list[FollowedUnit]] = {}
    for group_id, person_id, unit_id, name, _path in db.session.execute(stmt):
        found.setdefault((group_id, person_id), []).append(FollowedUnit(unit_id, name))
    return found


def _visit_counts(f: Filters) -> dict[tuple[int, int, int], tuple[int, date | None]]:
    """(group id, person id, unit id) → visits within the period, and the last visit up to `as_of`."""
    in_period = func.sum(func.cast(FieldVisit.visited_on.between(f.start, f.end), db.Integer))
    stmt = (select(FieldVisit.group_id, FieldVisit.person_id, FieldVisit.unit_id, in_period,
                   func.max(FieldVisit.visited_on))
            .where(FieldVisit.group_id.in_(group_ids(f)), FieldVisit.visited_on <= f.as_of)
            .group_by(FieldVisit.group_id, FieldVisit.person_id, FieldVisit.unit_id))
    return {(g, p, u): (int(n or 0), last) for g, p, u, n, last in db.session.execute(stmt)}


def member_visits(f: Filters, members: list[Member]) -> list[MemberVisits]:
    """Every member in view with the units they followed and the visits they made to each."""
    followed, counts = _followed(f), _visit_counts(f)
    result = []
    for member in members:
        units = [FollowedUnit(u.unit_id, u.name) for u in followed.get(member.key, [])]
        for unit in units:
            unit.visits, unit.last_visit = counts.get((member.group_id, member.person_id, unit.unit_id), (0, None))
        result.append(MemberVisits(member, units))
    return result


def not_visited(figure: MemberVisits, since: date) -> list[FollowedUnit]:
    """The member's followed units with no visit on or after `since`."""
    return [unit for unit in figure.units if unit.last_visit is None or unit.last_visit < since]


def visit_gaps(figures: list[MemberVisits], since: date) -> list[tuple[MemberVisits, list[FollowedUnit]]]:
    """Members with followed units not visited since `since`, fewest visits first."""
    gaps = [(figure, missing) for figure in figures if (missing := not_visited(figure, since))]
    return sorted(gaps, key=lambda pair: pair[0].visits)
