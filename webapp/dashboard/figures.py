"""Every figure shown on the dashboard, in reports and on scorecards, computed in one place.

Each figure is one aggregate query (GROUP BY) or a pure function over the rows of one, so a page costs a
constant number of SQL statements whatever the data size. Attendance counts for a member only at the units
that member was assigned to on the meeting's date (see `assigned_attendance`).
"""
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, case, exists, func, or_, select, true
from sqlalchemy.orm import aliased, contains_eager

from ..clock import local_today
from ..extensions import db
from ..models import (
    Assignment,
    Attendance,
    AttendanceStatus,
    FeedbackCategory,
    FeedbackItem,
    Meeting,
    MemberRole,
    Membership,
    Opinion,
    Person,
    Sector,
    TargetIndicator,
    TargetMeasurement,
    Task,
    TaskStatus,
    Unit,
    UnitKind,
    WorkingGroup,
)
from ..models.meetings import meeting_unit
from .filters import Filters

ATTENDED = (AttendanceStatus.PRESENT, AttendanceStatus.LATE)
HEAT_LEVELS = 4
EPOCH = date(1900, 1, 1)


# ---------------------------------------------------------------- building blocks
def month_key(column):
    """SQL expression 'YYYY-MM' of a date column, for either database."""
    if db.engine.dialect.name == "postgresql":
        return func.to_char(column, "YYYY-MM")
    return func.strftime("%Y-%m", column)


def in_subtree(path_column, path: str):
    """SQL condition: the unit path lies under `path` ('/' = everything)."""
    return true() if path == "/" else path_column.like(path + "%")


def overlaps(model, start: date, end: date):
    """SQL condition: the effective-dated row is in force on at least one day of [start, end]."""
    return and_(model.start_date <= end, or_(model.end_date.is_(None), model.end_date >= start))


def group_ids(f: Filters, *, all_groups: bool = False):
    """Sub-select of the groups in view: the term's groups that own or follow units in the subtree,
    narrowed to the chosen group unless `all_groups` (coverage is judged against every group)."""
    stmt = select(WorkingGroup.id)
    if f.term is not None:
        stmt = stmt.where(WorkingGroup.term_id == f.term.id)
    if f.group is not None and not all_groups:
        stmt = stmt.where(WorkingGroup.id == f.group.id)
    if f.unit_path != "/":
        follows = (select(Membership.group_id).join(Assignment, Assignment.membership_id == Membership.id)
                   .join(Unit, Unit.id == Assignment.unit_id).where(in_subtree(Unit.path, f.unit_path)))
        owned = select(Unit.id).where(in_subtree(Unit.path, f.unit_path))
        stmt = stmt.where(or_(WorkingGroup.id.in_(follows), WorkingGroup.owner_unit_id.in_(owned)))
    return stmt


def assigned_attendance(f: Filters, start: date, end: date, *, all_groups: bool = False):
    """Select of attendance rows that count for members: the member was assigned (through a membership of a
    group in view) to one of the meeting's units on the meeting's date, the row was expected and marked.

    A row may repeat when a meeting has several units the member follows; aggregate with DISTINCT
    attendance_id. Driven from assignments, so its cost follows the members, not the attendance table.
    """
    stmt = (
        select(Attendance.id.label("attendance_id"), Attendance.person_id, Attendance.status,
               Meeting.id.label("meeting_id"), Meeting.held_on, Membership.group_id, Assignment.unit_id)
        .select_from(Assignment)
        .join(Membership, Membership.id == Assignment.membership_id)
        .join(meeting_unit, meeting_unit.c.unit_id == Assignment.unit_id)
        .join(Meeting, and_(Meeting.id == meeting_unit.c.meeting_id, Meeting.held_on >= start,
                            Meeting.held_on <= end, Meeting.held_on >= Assignment.start_date,
                            or_(Assignment.end_date.is_(None), Meeting.held_on <= Assignment.end_date)))
        .join(Attendance, and_(Attendance.meeting_id == Meeting.id, Attendance.person_id == Assignment.person_id))
        .where(Attendance.expected.is_(True), Attendance.status.is_not(None),
               Membership.group_id.in_(group_ids(f, all_groups=all_groups)))
    )
    if f.unit_path != "/":
        stmt = stmt.join(Unit, Unit.id == Assignment.unit_id).where(in_subtree(Unit.path, f.unit_path))
    return stmt


def assigned_meetings(f: Filters, start: date, end: date, *, all_groups: bool = False, narrow=None):
    """Materialised CTE of (person, group, unit, meeting, day): each meeting held at a unit on a day a member of a
    group in view was assigned to that unit — the same conditions as `assigned_attendance` minus the attendance
    row itself. It holds members × meetings per unit (thousands of rows), so it is computed first and attendance is
    then reached by index, whatever either database's planner would guess about the join order."""
    stmt = (
        select(Assignment.person_id, Membership.group_id, Assignment.unit_id, Meeting.id.label("meeting_id"),
               Meeting.held_on)
        .select_from(Assignment)
        .join(Membership, Membership.id == Assignment.membership_id)
        .join(meeting_unit, meeting_unit.c.unit_id == Assignment.unit_id)
        .join(Meeting, and_(Meeting.id == meeting_unit.c.meeting_id, Meeting.held_on >= start,
                            Meeting.held_on <= end, Meeting.held_on >= Assignment.start_date,
                            or_(Assignment.end_date.is_(None), Meeting.held_on <= Assignment.end_date)))
        .where(Membership.group_id.in_(group_ids(f, all_groups=all_groups)))
    )
    if narrow is not None:  # a further condition on Assignment/Membership, applied before materialising
        stmt = stmt.where(narrow)
    if f.unit_path != "/":
        stmt = stmt.join(Unit, Unit.id == Assignment.unit_id).where(in_subtree(Unit.path, f.unit_path))
    return stmt.cte("assigned_meeting").prefix_with("MATERIALIZED")


def assigned_marks(f: Filters, start: date, end: date, *, all_groups: bool = False):
    """The rows of `assigned_attendance` (same columns, same repeats), driven from `assigned_meetings`."""
    pairs = assigned_meetings(f, start, end, all_groups=all_groups)
    return (select(Attendance.id.label("attendance_id"), Attendance.person_id, Attendance.status, pairs.c.meeting_id,
                   pairs.c.held_on, pairs.c.group_id, pairs.c.unit_id)
            .select_from(pairs)
            .join(Attendance, and_(Attendance.meeting_id == pairs.c.meeting_id,
                                   Attendance.person_id == pairs.c.person_id))
            .where(Attendance.expected.is_(True), Attendance.status.is_not(None)))


# ---------------------------------------------------------------- value objects
@dataclass
class Rate:
    """Attendance counts at assigned units; the rate is (present + late) / expected, excused shown apart."""

    expected: int = 0
    present: int = 0
    late: int = 0
    excused: int = 0
    absent: int = 0

    @property
    def attended(self) -> int:
        return self.present + self.late

    @property
    def rate(self) -> float | None:
        """Percentage with one decimal, or None when nothing was expected."""
        return round(100 * self.attended / self.expected, 1) if self.expected else None

    def add(self, other: "Rate") -> None:
        self.expected += other.expected
        self.present += other.present
        self.late += other.late
        self.excused += other.excused
        self.absent += other.absent


@dataclass(frozen=True)
class Member:
    """A person's membership of a group within the period (the latest role when it changed)."""

    group_id: int
    group_number: int
    group_name: str
    person_id: int
    name: str
    position: str | None
    phone: str | None
    role: MemberRole

    @property
    def key(self) -> tuple[int, int]:
        return self.group_id, self.person_id


@dataclass
class MemberFigure:
    """Everything counted for one member over the period."""

    member: Member
    attendance: Rate = field(default_factory=Rate)
    group_meetings: int = 0
    opinions: int = 0
    feedback: int = 0
    tasks_on_time: int = 0
    tasks_overdue: int = 0
    months: dict[str, int] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)

    @property
    def meetings_attended(self) -> int:
        """Meetings attended: at assigned units plus the group's own meetings and briefings."""
        return self.attendance.attended + self.group_meetings

    @property
    def activity(self) -> int:
        """Everything the member did: meetings attended, opinions raised, feedback reported, tasks done."""
        return self.meetings_attended + self.opinions + self.feedback + self.tasks_on_time

    @property
    def flagged(self) -> bool:
        return bool(self.flags)


@dataclass
class GroupFigure:
    group: WorkingGroup
    members: int = 0
    attendance: Rate = field(default_factory=Rate)
    meetings_attended: int = 0
    opinions: int = 0
    feedback: int = 0
    tasks_on_time: int = 0
    tasks_overdue: int = 0
    reports: dict[str, int] = field(default_factory=dict)
    flagged: int = 0


# ---------------------------------------------------------------- figures (queries)
def groups_in_view(f: Filters) -> list[WorkingGroup]:
    """The working groups the filters select, by number."""
    return list(db.session.scalars(select(WorkingGroup).where(WorkingGroup.id.in_(group_ids(f)))
                                   .order_by(WorkingGroup.number)))


def group_in_scope(f: Filters, group: WorkingGroup) -> bool:
    """Whether `group` is among the groups the user's scope and the term allow (group filter ignored)."""
    stmt = group_ids(f, all_groups=True).where(WorkingGroup.id == group.id)
    return db.session.scalar(select(func.count()).select_from(stmt.subquery())) > 0


def members_in_view(f: Filters) -> list[Member]:
    """Members of the groups in view whose membership overlaps the period (and who follow a unit in the
    chosen subtree), ordered by group, role (head, deputy, member) and Vietnamese name order."""
    role_order = case((Membership.role == MemberRole.HEAD, 0), (Membership.role == MemberRole.DEPUTY, 1), else_=2)
    stmt = (select(Membership.group_id, WorkingGroup.number, WorkingGroup.name, Person.id, Person.full_name,
                   Person.position, Person.phone, Membership.role)
            .join(Person, Person.id == Membership.person_id).join(WorkingGroup, WorkingGroup.id == Membership.group_id)
            .where(Membership.group_id.in_(group_ids(f)), overlaps(Membership, f.start, f.end))
            .order_by(WorkingGroup.number, role_order, Person.sort_key, Membership.start_date.desc()))
    if f.unit_path != "/":
        follows = (select(Assignment.membership_id).join(Unit, Unit.id == Assignment.unit_id)
                   .where(in_subtree(Unit.path, f.unit_path), overlaps(Assignment, f.start, f.end)))
        stmt = stmt.where(Membership.id.in_(follows))
    seen, members = set(), []
    for row in db.session.execute(stmt):
        member = Member(*row)
        if member.key not in seen:
            seen.add(member.key)
            members.append(member)
    return members


def attendance_cube(f: Filters) -> dict[tuple[int, int, str], Rate]:
    """(group id, person id, 'YYYY-MM') → attendance counts at assigned units within the period."""
    marks = assigned_marks(f, f.start, f.end).subquery()
    # One row per (group, attendance row): a mark repeated through several followed units counts once. The month
    # is taken before the DISTINCT and leads its columns after the group and person, so the rows come out of it
    # already in GROUP BY order (one sort, not two).
    base = (select(marks.c.group_id, marks.c.person_id, month_key(marks.c.held_on).label("month"),
                   marks.c.attendance_id, marks.c.status)
            .distinct().subquery())

    def count(*statuses):
        return func.sum(case((base.c.status.in_(statuses), 1), else_=0))

    stmt = (select(base.c.group_id, base.c.person_id, base.c.month, func.count(),
                   count(AttendanceStatus.PRESENT), count(AttendanceStatus.LATE), count(AttendanceStatus.EXCUSED),
                   count(AttendanceStatus.ABSENT))
            .group_by(base.c.group_id, base.c.person_id, base.c.month))
    return {(g, p, m): Rate(*counts) for g, p, m, *counts in db.session.execute(stmt)}


def group_meeting_cube(f: Filters) -> dict[tuple[int, int, str], int]:
    """(group id, person id, 'YYYY-MM') → the group's own meetings and briefings the person attended."""
    # The groups' meetings in the period first (few), then their attendance by index.
    meetings = (select(Meeting.id, Meeting.group_id, Meeting.held_on)
                .where(Meeting.group_id.in_(group_ids(f)), Meeting.held_on.between(f.start, f.end))
                .cte("group_meeting").prefix_with("MATERIALIZED"))
    month = month_key(meetings.c.held_on)
    stmt = (select(meetings.c.group_id, Attendance.person_id, month, func.count(func.distinct(meetings.c.id)))
            .select_from(meetings).join(Attendance, Attendance.meeting_id == meetings.c.id)
            .where(Attendance.status.in_(ATTENDED))
            .group_by(meetings.c.group_id, Attendance.person_id, month))
    return {(g, p, m): n for g, p, m, n in db.session.execute(stmt)}


def assigned_units(f: Filters) -> dict[tuple[int, int], list[str]]:
    """(group id, person id) → names of the units the member followed during the period."""
    stmt = (select(Membership.group_id, Assignment.person_id, Unit.name, Unit.path)
            .join(Membership, Membership.id == Assignment.membership_id).join(Unit, Unit.id == Assignment.unit_id)
            .where(Membership.group_id.in_(group_ids(f)), overlaps(Assignment, f.start, f.end),
                   in_subtree(Unit.path, f.unit_path))
            .order_by(Unit.path).distinct())
    units: dict[tuple[int, int], list[str]] = {}
    for group_id, person_id, name, _path in db.session.execute(stmt):
        units.setdefault((group_id, person_id), []).append(name)
    return units


def member_person_ids(f: Filters):
    """Sub-select of persons holding a membership of a group in view during the period."""
    return select(Membership.person_id).where(Membership.group_id.in_(group_ids(f)),
                                              overlaps(Membership, f.start, f.end))


def opinion_speaker_groups(f: Filters):
    """Sub-select (opinion id, group id or None) crediting each opinion of the period: to the group the minutes
    say the speaker spoke for; else a group's own meeting or briefing counts for that group; at a unit's meeting,
    for the groups that assigned the speaker to one of its units on that day; otherwise (a town briefing, a unit
    the speaker follows for no group) None, which counts for every group the speaker belongs to."""
    followed = (select(meeting_unit.c.meeting_id, Membership.person_id, Membership.group_id)
                .join(Assignment, Assignment.unit_id == meeting_unit.c.unit_id)
                .join(Membership, Membership.id == Assignment.membership_id)
                .join(Meeting, Meeting.id == meeting_unit.c.meeting_id)
                .where(Meeting.held_on.between(f.start, f.end), Assignment.start_date <= Meeting.held_on,
                       or_(Assignment.end_date.is_(None), Assignment.end_date >= Meeting.held_on))
                .distinct().subquery())
    group = func.coalesce(Opinion.group_id, Meeting.group_id, followed.c.group_id)
    return (select(Opinion.id.label("opinion_id"), group.label("group_id"))
            .join(Meeting, Meeting.id == Opinion.meeting_id)
            .outerjoin(followed, and_(Opinion.group_id.is_(None), Meeting.group_id.is_(None),
                                      followed.c.meeting_id == Meeting.id, followed.c.person_id == Opinion.person_id))
            .where(Meeting.held_on.between(f.start, f.end), Opinion.person_id.in_(member_person_ids(f))))


def opinion_cube(f: Filters) -> dict[tuple[int, int | None, str], int]:
    """(person id, group id or None, 'YYYY-MM') → opinions (lượt ý kiến) members raised at any meeting or
    briefing in the period, credited as `opinion_speaker_groups` says (None: every group of the speaker)."""
    credited = opinion_speaker_groups(f).subquery()
    month = month_key(Meeting.held_on)
    stmt = (select(Opinion.person_id, credited.c.group_id, month, func.count(func.distinct(Opinion.id)))
            .join(credited, credited.c.opinion_id == Opinion.id).join(Meeting, Meeting.id == Opinion.meeting_id)
            .group_by(Opinion.person_id, credited.c.group_id, month))
    return {(p, g, m): n for p, g, m, n in db.session.execute(stmt)}


def feedback_cube(f: Filters) -> dict[tuple[int, int | None, str], int]:
    """(person id, group id or None, 'YYYY-MM') → feedback items (tâm tư, kiến nghị) members reported in the
    period, for the group named on the item (None credits every group the person belongs to)."""
    month = month_key(FeedbackItem.received_on)
    stmt = (select(FeedbackItem.source_person_id, FeedbackItem.group_id, month, func.count(FeedbackItem.id))
            .where(FeedbackItem.received_on.between(f.start, f.end),
                   FeedbackItem.source_person_id.in_(member_person_ids(f)))
            .group_by(FeedbackItem.source_person_id, FeedbackItem.group_id, month))
    return {(p, g, m): n for p, g, m, n in db.session.execute(stmt)}


def task_done_on_time():
    """SQL condition: the task was completed by its deadline."""
    return and_(Task.status == TaskStatus.DONE, Task.completed_on <= Task.deadline)


def task_overdue(today: date):
    """SQL condition: the deadline passed and the task was not done by then (done late, or still open)."""
    return and_(Task.deadline < today, Task.status != TaskStatus.CANCELLED,
                or_(Task.status != TaskStatus.DONE, Task.completed_on > Task.deadline))


def task_counts(f: Filters, today: date) -> dict[int, tuple[int, int]]:
    """Person id → (tasks done on time, tasks overdue) among the members' tasks due in the period."""
    stmt = (select(Task.owner_person_id, func.sum(case((task_done_on_time(), 1), else_=0)),
                   func.sum(case((task_overdue(today), 1), else_=0)))
            .where(Task.deadline.between(f.start, f.end), Task.owner_person_id.in_(member_person_ids(f)))
            .group_by(Task.owner_person_id))
    return {p: (int(on_time or 0), int(overdue or 0)) for p, on_time, overdue in db.session.execute(stmt)}


def report_standings(f: Filters, today: date) -> dict[int, dict[str, int]]:
    """Group id → counts of reports on time / late / missing for the periods in view (the reporting
    regime's own ledger, limited to the groups in view)."""
    from ..reports.ledger import ledger_rows

    in_view = set(db.session.scalars(group_ids(f)))
    counts: dict[int, dict[str, int]] = {}
    for row in ledger_rows(f.start, f.end, today):
        if row.schedule.group_id in in_view:
            bucket = counts.setdefault(row.schedule.group_id, {})
            bucket[row.standing.standing.value] = bucket.get(row.standing.standing.value, 0) + 1
    return counts


@dataclass
class FeedbackBreakdown:
    """Feedback items received in the period by month × status and by category × status."""

    by_month: dict[str, dict[str, int]]
    by_category: dict[str, dict[str, int]]
    total: int


def feedback_breakdown(f: Filters) -> FeedbackBreakdown:
    """Feedback received in the subtree during the period, counted by month, category and status."""
    month = month_key(FeedbackItem.received_on)
    stmt = (select(month, FeedbackCategory.name, FeedbackItem.status, func.count(FeedbackItem.id))
            .join(FeedbackCategory, FeedbackCategory.id == FeedbackItem.category_id)
            .join(Unit, Unit.id == FeedbackItem.unit_id)
            .where(FeedbackItem.received_on.between(f.start, f.end), in_subtree(Unit.path, f.unit_path))
            .group_by(month, FeedbackCategory.name, FeedbackItem.status))
    by_month: dict = {key: {} for key in f.months}
    by_category: dict = {}
    total = 0
    for key, category, status, count in db.session.execute(stmt):
        status = getattr(status, "value", status)
        by_month.setdefault(key, {})[status] = by_month.get(key, {}).get(status, 0) + count
        by_category.setdefault(category, {})[status] = by_category.get(category, {}).get(status, 0) + count
        total += count
    return FeedbackBreakdown(by_month, dict(sorted(by_category.items())), total)


TASK_AGES = ("not_due", "overdue_30", "overdue_90", "overdue_more")


def tasks_by_status_age(f: Filters, today: date) -> dict[str, dict[str, int]]:
    """Tasks of the groups in view (or of units in the subtree) not cancelled, by status and by how long past
    the deadline they are as of min(today, period end): not yet due, ≤30, 31–90, >90 days overdue."""
    as_of = min(today, f.end)
    age = case((Task.deadline >= as_of, "not_due"), (Task.deadline >= as_of - timedelta(days=30), "overdue_30"),
               (Task.deadline >= as_of - timedelta(days=90), "overdue_90"), else_="overdue_more")
    owned = or_(Task.owner_group_id.in_(group_ids(f)), Task.owner_person_id.in_(member_person_ids(f)),
                Task.owner_unit_id.in_(select(Unit.id).where(in_subtree(Unit.path, f.unit_path))))
    stmt = (select(Task.status, age, func.count(Task.id))
            .where(owned, Task.status != TaskStatus.CANCELLED, Task.created_at <= datetime.combine(f.end, time.max))
            .group_by(Task.status, age))
    table: dict[str, dict[str, int]] = {}
    for status, bucket, count in db.session.execute(stmt):
        table.setdefault(getattr(status, "value", status), {})[bucket] = count
    return table


def uncovered_units(f: Filters) -> list[Unit]:
    """Active units in the subtree (below the town) that no member of any group in view followed during the
    period."""
    assigned = (select(Assignment.id).join(Membership, Membership.id == Assignment.membership_id)
                .where(Assignment.unit_id == Unit.id, overlaps(Assignment, f.start, f.end),
                       Membership.group_id.in_(group_ids(f, all_groups=True))))
    stmt = (select(Unit).where(Unit.active.is_(True), Unit.kind != UnitKind.ROOT, in_subtree(Unit.path, f.unit_path),
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
    recent = assigned_marks(f, f.gap_start, f.as_of, all_groups=True).where(Attendance.status.in_(ATTENDED)).subquery()
    last = (assigned_attendance(f, EPOCH, f.as_of, all_groups=True)
            .where(Attendance.status.in_(ATTENDED), Assignment.unit_id == cell.id)
            .with_only_columns(func.max(Meeting.held_on)).scalar_subquery())
    followed = (select(Assignment.id).join(Membership, Membership.id == Assignment.membership_id)
                .where(Assignment.unit_id == cell.id, overlaps(Assignment, f.gap_start, f.as_of),
                       Membership.group_id.in_(group_ids(f, all_groups=True))))
    stmt = (select(cell, last)
            .where(cell.active.is_(True), cell.kind == UnitKind.CELL, in_subtree(cell.path, f.unit_path),
                   exists(followed), cell.id.not_in(select(recent.c.unit_id)))
            .order_by(cell.path))
    return [UnattendedCell(unit, last_day) for unit, last_day in db.session.execute(stmt)]


@dataclass
class IndicatorFigure:
    indicator: TargetIndicator
    actual: float | None
    measured_on: date | None

    @property
    def percent(self) -> float | None:
        """Achievement as a percentage of the target (None before the first measurement)."""
        if self.actual is None:
            return None
        return round(float(self.actual) * 100 / float(self.indicator.target_value), 1)


def indicator_figures(year: int, unit_path: str = "/", unit_id: int | None = None,
                      as_of: date | None = None) -> list[IndicatorFigure]:
    """The year's indicators in the subtree (or of one unit) with their latest measurement up to `as_of`."""
    as_of = as_of or date(year, 12, 31)
    ranked = (select(TargetMeasurement.indicator_id, TargetMeasurement.value, TargetMeasurement.measured_on,
                     func.row_number().over(partition_by=TargetMeasurement.indicator_id,
                                            order_by=(TargetMeasurement.measured_on.desc(),
                                                      TargetMeasurement.id.desc())).label("rank"))
              .where(TargetMeasurement.measured_on <= as_of).subquery())
    stmt = (select(TargetIndicator, ranked.c.value, ranked.c.measured_on)
            .join(Unit, Unit.id == TargetIndicator.unit_id)
            .outerjoin(ranked, and_(ranked.c.indicator_id == TargetIndicator.id, ranked.c.rank == 1))
            .where(TargetIndicator.year == year, in_subtree(Unit.path, unit_path))
            .options(contains_eager(TargetIndicator.unit))
            .order_by(Unit.path, TargetIndicator.id))
    if unit_id is not None:
        stmt = stmt.where(TargetIndicator.unit_id == unit_id)
    return [IndicatorFigure(ind, value, day) for ind, value, day in db.session.execute(stmt)]


# ---------------------------------------------------------------- figures (pure, over the rows above)
def member_figures(f: Filters, members: list[Member], cube: dict, group_cube: dict,
                   opinions: dict | None = None, feedback: dict | None = None,
                   tasks: dict | None = None) -> list[MemberFigure]:
    """Per member: attendance at assigned units, meetings attended, opinions raised, activity per month, and
    the flags (below the attendance threshold, or no activity at all)."""
    empty_months = dict.fromkeys(f.months, 0)
    figures = {m.key: MemberFigure(m, months=empty_months.copy()) for m in members}
    for (group_id, person_id, month), rate in cube.items():
        figure = figures.get((group_id, person_id))
        if figure:
            figure.attendance.add(rate)
            figure.months[month] = figure.months.get(month, 0) + rate.attended
    for (group_id, person_id, month), count in group_cube.items():
        figure = figures.get((group_id, person_id))
        if figure:
            figure.group_meetings += count
            figure.months[month] = figure.months.get(month, 0) + count
    by_person: dict[int, list[MemberFigure]] = {}
    for figure in figures.values():
        by_person.setdefault(figure.member.person_id, []).append(figure)
    for attribute, cube_by_person in (("opinions", opinions), ("feedback", feedback)):
        for (person_id, group_id, month), count in (cube_by_person or {}).items():
            credited = by_person.get(person_id, []) if group_id is None else [
                figure for figure in [figures.get((group_id, person_id))] if figure]
            for figure in credited:
                setattr(figure, attribute, getattr(figure, attribute) + count)
                figure.months[month] = figure.months.get(month, 0) + count
    for person_id, (on_time, overdue) in (tasks or {}).items():
        for figure in by_person.get(person_id, []):
            figure.tasks_on_time, figure.tasks_overdue = on_time, overdue
    for figure in figures.values():
        figure.flags = member_flags(figure, f.threshold)
    return list(figures.values())


def member_flags(figure: MemberFigure, threshold: int) -> list[str]:
    """Why a member counts as inactive: 'low_attendance' below the threshold, 'no_activity' when nothing."""
    flags = []
    rate = figure.attendance.rate
    if rate is not None and rate < threshold:
        flags.append("low_attendance")
    if figure.activity == 0:
        flags.append("no_activity")
    return flags


def ranking(figures: list[MemberFigure]) -> list[MemberFigure]:
    """Members from the least to the most active: flagged first, then by attendance rate and activity."""
    return sorted(figures, key=lambda fig: (not fig.flagged, fig.attendance.rate if fig.attendance.rate is not None
                                            else -1, fig.activity, fig.member.name))


def group_figures(groups: list[WorkingGroup], figures: list[MemberFigure],
                  reports: dict | None = None) -> list[GroupFigure]:
    """Per group: members, summed attendance and activity, reports by standing, and how many members are
    flagged."""
    by_id = {g.id: GroupFigure(g, reports=(reports or {}).get(g.id, {})) for g in groups}
    for figure in figures:
        group = by_id.get(figure.member.group_id)
        if group:
            group.members += 1
            group.attendance.add(figure.attendance)
            group.meetings_attended += figure.meetings_attended
            group.opinions += figure.opinions
            group.feedback += figure.feedback
            group.tasks_on_time += figure.tasks_on_time
            group.tasks_overdue += figure.tasks_overdue
            group.flagged += figure.flagged
    return list(by_id.values())


def heat_level(value: int, peak: int) -> int:
    """Shade 0..HEAT_LEVELS of a heatmap cell relative to the busiest cell."""
    if value <= 0 or peak <= 0:
        return 0
    return max(1, min(HEAT_LEVELS, -(-value * HEAT_LEVELS // peak)))


def heatmap_peak(figures: list[MemberFigure]) -> int:
    return max((v for fig in figures for v in fig.months.values()), default=0)


def split_enterprise(units: list, unit_of=lambda u: u) -> tuple[list, list]:
    """(enterprise-sector units, the others): enterprise cells are called out separately."""
    enterprise = [u for u in units if unit_of(u).sector == Sector.ENTERPRISE]
    return enterprise, [u for u in units if unit_of(u).sector != Sector.ENTERPRISE]


@dataclass(frozen=True)
class UnitAchievement:
    unit: Unit
    indicators: int
    measured: int
    average: float | None


def unit_achievements(indicators: list[IndicatorFigure]) -> list[UnitAchievement]:
    """Per unit: indicators, how many have a measurement, and the average achievement (unmeasured count as 0)."""
    by_unit: dict[int, list[IndicatorFigure]] = {}
    for figure in indicators:
        by_unit.setdefault(figure.indicator.unit_id, []).append(figure)
    return [UnitAchievement(figures[0].indicator.unit, len(figures), sum(fig.percent is not None for fig in figures),
                            round(sum(fig.percent or 0 for fig in figures) / len(figures), 1))
            for figures in by_unit.values()]


def low_achievement_units(indicators: list[IndicatorFigure], threshold: int) -> list[UnitAchievement]:
    """Units whose average achievement is below `threshold` %, lowest first."""
    return sorted((u for u in unit_achievements(indicators) if u.average < threshold), key=lambda u: u.average)


MARKS = (("present", "x"), ("late", "M"), ("excused", "P"), ("absent", "K"))


def register_mark(rate: Rate | None) -> str:
    """A month's cell in the paper attendance register: 'x', 'M', 'P', 'K', with a count when repeated."""
    if rate is None:
        return ""
    parts = []
    for name, letter in MARKS:
        count = getattr(rate, name)
        if count:
            parts.append(letter if count == 1 else f"{count}{letter}")
    return " ".join(parts)


def totals(figures: list[MemberFigure]) -> Rate:
    """Attendance over every member in view."""
    total = Rate()
    for figure in figures:
        total.add(figure.attendance)
    return total


# ---------------------------------------------------------------- the whole dashboard
@dataclass
class Dashboard:
    filters: Filters
    groups: list[GroupFigure]
    members: list[MemberFigure]
    ranking: list[MemberFigure]
    flagged: list[MemberFigure]
    heat_peak: int
    total: Rate
    uncovered: tuple[list, list]
    unattended: tuple[list, list]
    indicators: list[IndicatorFigure]
    low_units: list[UnitAchievement]
    feedback: FeedbackBreakdown
    tasks: dict[str, dict[str, int]]
    visits: list = field(default_factory=list)
    visit_gaps: list = field(default_factory=list)
    obligations: list = field(default_factory=list)
    obligation_legend: dict = field(default_factory=dict)


def build_dashboard(f: Filters, today: date | None = None) -> Dashboard:
    """Run every figure for the filters (a fixed number of queries) and assemble them."""
    today = today or local_today()
    from .obligation_figures import member_obligations  # these build on this module's building blocks
    from .visit_figures import member_visits, visit_gaps

    groups = groups_in_view(f)
    members = members_in_view(f)
    cube = attendance_cube(f)
    figures = member_figures(f, members, cube, group_meeting_cube(f), opinion_cube(f),
                             feedback_cube(f), task_counts(f, today))
    ranked = ranking(figures)
    visits = member_visits(f, members)
    obligations, obligation_legend = member_obligations(f, members, cube)
    indicators = indicator_figures(f.end.year, f.unit_path, as_of=f.end)
    return Dashboard(
        filters=f, groups=group_figures(groups, figures, report_standings(f, today)), members=figures, ranking=ranked,
        flagged=[fig for fig in ranked if fig.flagged], heat_peak=heatmap_peak(figures), total=totals(figures),
        uncovered=split_enterprise(uncovered_units(f)),
        unattended=split_enterprise(unattended_cells(f), lambda cell: cell.unit),
        indicators=indicators, low_units=low_achievement_units(indicators, f.target_threshold),
        feedback=feedback_breakdown(f), tasks=tasks_by_status_age(f, today), visits=visits,
        visit_gaps=visit_gaps(visits, f.gap_start), obligation_legend=obligation_legend,
        obligations=sorted(obligations, key=lambda o: (o.compliance.rate is None, o.compliance.rate or 0)),
    )
