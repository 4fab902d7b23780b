"""Coverage: units no member of any group in view follows, and cells where no assigned member attended lately."""
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import aliased

from ...extensions import db
from ...meetings.rates import followed_meetings
from ...models import Assignment, Attendance, Meeting, Membership, Sector, Unit, UnitKind
from ...models.groups import overlaps
from ...models.meetings import ATTENDED
from ...permissions import path_under
from ..filters import Filters
from .attendance import attended_marks, followed
from .common import group_ids


def uncovered_units(f: Filters) -> list[Unit]:
    """Active units in the subtree (below the town) that no member of any group in view followed during the
    period."""
    assigned = (select(Assignment.id).join(Membership, Membership.id == Assignment.membership_id)
                .where(Assignment.unit_id == Unit.id, overlaps(Assignment, f.start, f.end),
                       Membership.group_id.in_(group_ids(f, all_groups=True))))
    stmt = (select(Unit).where(Unit.active.is_(True), Unit.kind != UnitKind.ROOT, path_under(Unit.path, f.unit_path),
                               ~exists(assigned))
            .order_by(Unit.path))
    return list(db.session.scalars(stmt))


@dataclass(frozen=True)
class UnattendedCell:
    unit: Unit
    last_attended: date | None


def unattended_cells(f: Filters) -> list[UnattendedCell]:
    """Cells followed by some member during the last `gap_months` months up to `as_of` (the period's end, or
    today while it runs) where no assigned member attended (present or late) in that window; with the last
    date one did, if ever."""
    # "No attended mark in the window" is `last` (the latest attended mark up to the period end) being missing or
    # before the window. Recent marks are few, so they are found first; the latest date over the whole history
    # is then looked up only for the cells listed (a lookup per listed cell, through the assignments of that cell).
    cell = aliased(Unit)
    recent = attended_marks(f, f.gap_start, f.as_of, all_groups=True).subquery()
    last = (followed_meetings(None, f.as_of, narrow=Assignment.unit_id == cell.id, **followed(f, all_groups=True))
            .join(Attendance, and_(Attendance.meeting_id == Meeting.id, Attendance.person_id == Assignment.person_id))
            .where(Attendance.expected.is_(True), Attendance.status.in_(ATTENDED))
            .with_only_columns(func.max(Meeting.held_on)).scalar_subquery())
    followers = (select(Assignment.id).join(Membership, Membership.id == Assignment.membership_id)
                 .where(Assignment.unit_id == cell.id, overlaps(Assignment, f.gap_start, f.as_of),
                        Membership.group_id.in_(group_ids(f, all_groups=True))))
    stmt = (select(cell, last)
            .where(cell.active.is_(True), cell.kind == UnitKind.CELL, path_under(cell.path, f.unit_path),
                   exists(followers), cell.id.not_in(select(recent.c.unit_id)))
            .order_by(cell.path))
    return [UnattendedCell(unit, last_day) for unit, last_day in db.session.execute(stmt)]


def split_enterprise(units: list, unit_of=lambda u: u) -> tuple[list, list]:
    """(enterprise-sector units, the others): enterprise cells are called out separately."""
    enterprise = [u for u in units if unit_of(u).sector == Sector.ENTERPRISE]
    return enterprise, [u for u in units if unit_of(u).sector != Sector.ENTERPRISE]
