"""The attendance rate: one definition, one query, for every page that shows it (the person's and the group's
records, the dashboard with its heatmap and drill-downs, the obligation and the assessment).

Which meetings count for a person: those held at a unit the person followed on the meeting's day (an assignment
to one of the meeting's units, within a membership, both in force that day) where the meeting's list has them as
expected (the roster derived from those assignments; a guest never counts). A mark at a cell they did not follow
that day (an imported register, a list made before the assignment ended) does not count, nor do briefings and the
groups' own meetings, which nobody is assigned to: those are counted apart ("meetings attended"). A meeting held
at two units the person follows counts once, for the first of them (by id).

Each counted meeting is, by its mark: attended (present, or late: the member came, the register writes 'M' for
it and every page has always counted it as attended), excused ('P') or absent ('K') — both missed, both in the
denominator, since an excuse given on the day does not make the member present —, declared (missed while a declared
absence for leave, illness or training covered the day: the obligation does not ask for it, so it leaves the
denominator), exempt ('MS', miễn sinh hoạt: the member is relieved of the meeting, so it leaves the denominator too)
or unmarked (attendance not taken yet: in neither part, shown apart).

    rate = attended ÷ expected, expected = present + late + excused + absent

The cell scorecard's attendance at one meeting (`meeting_counts`) is the same rate over that meeting's marks.
"""
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, case, exists, func, select

from ..extensions import db
from ..models import Absence, Assignment, Attendance, AttendanceStatus, Meeting, Membership, Unit
from ..models.groups import active_on
from ..models.meetings import meeting_unit
from ..permissions import path_under

MISSED = (AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT)


def attendance_rate(attended: int, expected: int) -> float | None:
    """The percentage attended, with one decimal; None when nothing was expected."""
    return round(100 * attended / expected, 1) if expected else None


@dataclass
class Counts:
    """A person's (or a group's) counted meetings by mark; see the module's docstring for what counts."""

    present: int = 0
    late: int = 0
    excused: int = 0
    absent: int = 0
    declared: int = 0
    unmarked: int = 0
    exempt: int = 0

    @property
    def attended(self) -> int:
        return self.present + self.late

    @property
    def expected(self) -> int:
        return self.attended + self.excused + self.absent

    @property
    def rate(self) -> float | None:
        return attendance_rate(self.attended, self.expected)

    def add(self, other: "Counts") -> None:
        for name in ("present", "late", "excused", "absent", "declared", "unmarked", "exempt"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def month_key(column):
    """SQL expression 'YYYY-MM' of a date column, for either database."""
    if db.engine.dialect.name == "postgresql":
        return func.to_char(column, "YYYY-MM")
    return func.strftime("%Y-%m", column)


def followed_meetings(start: date | None, end: date | None, *, groups=None, persons=None, unit_path: str = "/",
                      narrow=None):
    """The one join behind every attendance figure: (person, group, unit, meeting, day) for each meeting held at a
    unit on a day a member followed that unit (assignment and membership in force that day). Bounds may be None
    (open); `groups` and `persons` are ids or sub-selects; `narrow` is a further condition on Assignment,
    Membership or Meeting. Driven from assignments, so its cost follows the members, not the meetings."""
    on_day = [Meeting.id == meeting_unit.c.meeting_id, active_on(Assignment, Meeting.held_on),
              active_on(Membership, Meeting.held_on)]
    if start is not None:
        on_day.append(Meeting.held_on >= start)
    if end is not None:
        on_day.append(Meeting.held_on <= end)
    stmt = (select(Assignment.person_id, Membership.group_id, Assignment.unit_id, Meeting.id.label("meeting_id"),
                   Meeting.held_on)
            .select_from(Assignment)
            .join(Membership, Membership.id == Assignment.membership_id)
            .join(meeting_unit, meeting_unit.c.unit_id == Assignment.unit_id)
            .join(Meeting, and_(*on_day)))
    if groups is not None:
        stmt = stmt.where(Membership.group_id.in_(groups))
    if persons is not None:
        stmt = stmt.where(Assignment.person_id.in_(persons))
    if narrow is not None:
        stmt = stmt.where(narrow)
    if unit_path != "/":
        stmt = stmt.join(Unit, Unit.id == Assignment.unit_id).where(path_under(Unit.path, unit_path))
    return stmt


def followed_marks(start: date | None, end: date | None, **who):
    """The expected attendance rows at followed meetings, one per (person, group, unit, meeting): columns
    attendance_id, person_id, group_id, unit_id, meeting_id, held_on, status. The followed meetings are
    materialised first (members × meetings per unit), then attendance is reached by index whatever either
    database's planner would guess about the join order."""
    pairs = followed_meetings(start, end, **who).cte("followed_meeting").prefix_with("MATERIALIZED")
    return (select(Attendance.id.label("attendance_id"), pairs.c.person_id, pairs.c.group_id, pairs.c.unit_id,
                   pairs.c.meeting_id, pairs.c.held_on, Attendance.status)
            .select_from(pairs)
            .join(Attendance, and_(Attendance.meeting_id == pairs.c.meeting_id,
                                   Attendance.person_id == pairs.c.person_id))
            .where(Attendance.expected.is_(True)))


def counted_marks(start: date | None, end: date | None, *, per_group: bool = True, **who):
    """The meetings that count, one row per (person, meeting) — per (group, person, meeting) when `per_group` —
    with its first followed unit and `declared` (1 when missed within a declared absence, else 0)."""
    rows = followed_marks(start, end, **who).subquery()
    covered = exists().where(Absence.person_id == rows.c.person_id, Absence.start_date <= rows.c.held_on,
                             Absence.end_date >= rows.c.held_on)
    # The absence is looked up only for missed marks: CASE evaluates its branches in order.
    declared = func.max(case((rows.c.status.in_(MISSED), case((covered, 1), else_=0)), else_=0))
    keys = [rows.c.attendance_id, rows.c.person_id, rows.c.meeting_id, rows.c.held_on, rows.c.status]
    group = [rows.c.group_id] if per_group else [func.min(rows.c.group_id).label("group_id")]
    return (select(*keys, *group, func.min(rows.c.unit_id).label("unit_id"), declared.label("declared"))
            .group_by(*keys, *([rows.c.group_id] if per_group else [])))


BY = {"group": "group_id", "person": "person_id", "unit": "unit_id"}


def attendance_counts(start: date | None, end: date | None, by: tuple[str, ...] = ("group", "person", "month"),
                      **who) -> dict[tuple, Counts]:
    """The one query of the figures: `Counts` per key of `by` (any of group, person, unit, month 'YYYY-MM'), over
    the meetings of `counted_marks`; a meeting counts once per person, or once per group and person when the
    group is in `by`. `who` narrows as in `followed_meetings`."""
    marks = counted_marks(start, end, per_group="group" in by, **who).subquery()
    columns = [month_key(marks.c.held_on) if key == "month" else marks.c[BY[key]] for key in by]
    kept = marks.c.declared == 0

    def count(condition):
        return func.sum(case((condition, 1), else_=0))

    stmt = (select(*columns, count(marks.c.status == AttendanceStatus.PRESENT),
                   count(marks.c.status == AttendanceStatus.LATE),
                   count(and_(marks.c.status == AttendanceStatus.EXCUSED, kept)),
                   count(and_(marks.c.status == AttendanceStatus.ABSENT, kept)),
                   func.sum(marks.c.declared), count(marks.c.status.is_(None)),
                   count(marks.c.status == AttendanceStatus.EXEMPT))
            .group_by(*columns))
    width = len(by)
    return {tuple(row[:width]): Counts(*(int(n or 0) for n in row[width:])) for row in db.session.execute(stmt)}


def counted_rows(start: date | None, end: date | None, **who):
    """The marked, not declared rows of `counted_marks` (per group): exactly the meetings in `Counts.expected`,
    which a drill-down lists."""
    marks = counted_marks(start, end, **who).subquery()
    return select(marks).where(marks.c.status.is_not(None), marks.c.status != AttendanceStatus.EXEMPT,
                               marks.c.declared == 0)


def counts_of_marks(statuses) -> Counts:
    """`Counts` over one list of marks (None: unmarked), by the definition above (no declared absences: those are
    a person's, judged by `attendance_counts`)."""
    counts = Counts()
    for status in statuses:
        name = "unmarked" if status is None else AttendanceStatus(status).value
        setattr(counts, name, getattr(counts, name) + 1)
    return counts


def meeting_counts(meeting_ids) -> dict[int, Counts]:
    """Meeting id → `Counts` of its expected list's marks (a guest never counts): a meeting's own attendance."""
    result: dict[int, Counts] = {meeting_id: Counts() for meeting_id in meeting_ids}
    if not result:
        return result
    rows = db.session.execute(select(Attendance.meeting_id, Attendance.status)
                              .where(Attendance.meeting_id.in_(list(result)), Attendance.expected.is_(True)))
    marks: dict[int, list] = {meeting_id: [] for meeting_id in result}
    for meeting_id, status in rows:
        marks[meeting_id].append(status)
    return {meeting_id: counts_of_marks(statuses) for meeting_id, statuses in marks.items()}
