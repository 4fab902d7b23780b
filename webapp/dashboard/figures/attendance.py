"""The attendance marks that count for members (at the units they were assigned to on the meeting's date), and
their counts by group, person and month."""
from datetime import date

from sqlalchemy import and_, case, func, or_, select

from ...extensions import db
from ...models import Assignment, Attendance, AttendanceStatus, Meeting, Membership, Unit
from ...models.meetings import ATTENDED, REGISTER_LETTERS, meeting_unit
from ...permissions import path_under
from ..filters import Filters
from .common import Rate, group_ids, month_key


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
        stmt = stmt.join(Unit, Unit.id == Assignment.unit_id).where(path_under(Unit.path, f.unit_path))
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
        stmt = stmt.join(Unit, Unit.id == Assignment.unit_id).where(path_under(Unit.path, f.unit_path))
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


def register_mark(rate: Rate | None) -> str:
    """A month's cell in the paper attendance register: 'x', 'M', 'P', 'K', with a count when repeated."""
    if rate is None:
        return ""
    parts = []
    for name, letter in REGISTER_LETTERS.items():
        count = getattr(rate, name)
        if count:
            parts.append(letter if count == 1 else f"{count}{letter}")
    return " ".join(parts)
