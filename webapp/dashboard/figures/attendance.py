"""The attendance figures of the dashboard, all from `meetings.rates` (the one definition of the rate and the one
query behind it), and the counts of the groups' own meetings."""
from datetime import date

from sqlalchemy import func, select

from ...extensions import db
from ...meetings.rates import Counts, attendance_counts, counted_rows, followed_marks, month_key
from ...models import Attendance, Meeting
from ...models.meetings import ATTENDED, REGISTER_LETTERS
from ..filters import Filters
from .common import group_ids


def followed(f: Filters, *, all_groups: bool = False) -> dict:
    """The filters as `rates` narrows its query: the groups in view and the chosen subtree."""
    return {"groups": group_ids(f, all_groups=all_groups), "unit_path": f.unit_path}


def attendance_cube(f: Filters) -> dict[tuple[int, int, str], Counts]:
    """(group id, person id, 'YYYY-MM') → counted meetings by mark, over the period up to today."""
    return attendance_counts(f.start, f.as_of, ("group", "person", "month"), **followed(f))


def counted_attendance(f: Filters, start: date, end: date):
    """Select of the meetings the cube counts as expected, one row per (group, person, meeting)."""
    return counted_rows(start, min(end, f.as_of), **followed(f))


def attended_marks(f: Filters, start: date, end: date, *, all_groups: bool = False):
    """Select of the attended marks at followed units, one row per (person, group, unit, meeting)."""
    rows = followed_marks(start, end, **followed(f, all_groups=all_groups))
    return rows.where(Attendance.status.in_(ATTENDED))


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


def register_mark(rate: Counts | None) -> str:
    """A month's cell in the paper attendance register: 'x', 'M', 'P', 'K', with a count when repeated."""
    if rate is None:
        return ""
    parts = []
    for name, letter in REGISTER_LETTERS.items():
        count = getattr(rate, name)
        if count:
            parts.append(letter if count == 1 else f"{count}{letter}")
    return " ".join(parts)
