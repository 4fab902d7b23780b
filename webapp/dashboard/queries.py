"""The records behind each dashboard figure (drill-downs), built on the figures' own SQL conditions."""
from datetime import date, timedelta

from sqlalchemy import case, null, or_, select

from ..dates import add_months
from ..feedback.visibility import content_visible_clause, readable_clause
from ..models import (
    Attendance,
    AttendanceStatus,
    FeedbackCategory,
    FeedbackItem,
    Meeting,
    Membership,
    Opinion,
    Person,
    Task,
    Term,
    Unit,
)
from ..models.meetings import ATTENDED
from ..restricted import task_text_visible_clause
from ..units.queries import units_under
from .figures.activity import opinion_speaker_groups, task_done_on_time, task_overdue
from .figures.attendance import counted_attendance
from .figures.common import group_ids, member_person_ids
from .filters import Filters, terms_newest_first

STATUS_CHOICES = {"attended": ATTENDED, **{s.value: (s,) for s in AttendanceStatus}}


def month_range(key: str | None, f: Filters) -> tuple[date, date] | None:
    """The days of month 'YYYY-MM' within the period; None when the key is malformed or the month lies outside
    the period (a drill-down never reaches past the figures it explains, nor past the calendar's end)."""
    try:
        year, month = (int(part) for part in (key or "").split("-"))
        first = date(year, month, 1)
    except ValueError:
        return None
    if not f.start <= first <= f.end:
        return None
    return first, min(add_months(first, 1) - timedelta(days=1), f.end)


def attendance_records(f: Filters, person_id=None, group_id=None, unit_id=None, statuses=None, days=None):
    """Select of the meetings counted in an attendance figure (`Counts.expected`, or one of its marks), one row
    per (group, person, meeting) as the figures count them, newest first."""
    start, end = days or (f.start, f.end)
    sub = counted_attendance(f, start, end).subquery()
    stmt = (select(sub.c.attendance_id, sub.c.held_on, sub.c.status, Meeting.title, Meeting.kind,
                   Person.full_name, Unit.name.label("unit_name"), Unit.id.label("unit_id"))
            .join(Meeting, Meeting.id == sub.c.meeting_id).join(Person, Person.id == sub.c.person_id)
            .join(Unit, Unit.id == sub.c.unit_id)
            .order_by(sub.c.held_on.desc(), Person.sort_key, sub.c.group_id))
    if person_id:
        stmt = stmt.where(sub.c.person_id == person_id)
    if group_id:
        stmt = stmt.where(sub.c.group_id == group_id)
    if statuses:
        stmt = stmt.where(sub.c.status.in_(statuses))
    if unit_id:
        stmt = stmt.where(sub.c.unit_id == unit_id)
    return stmt


def group_meeting_records(f: Filters, person_id=None, group_id=None, days=None):
    """Select of the group meetings and briefings attended, as counted in 'meetings attended'."""
    start, end = days or (f.start, f.end)
    stmt = (select(Attendance.id, Meeting.held_on, Attendance.status, Meeting.title, Meeting.kind,
                   Person.full_name, Meeting.place.label("unit_name"), null().label("unit_id"))
            .join(Attendance, Attendance.meeting_id == Meeting.id).join(Person, Person.id == Attendance.person_id)
            .where(Meeting.group_id.in_(group_ids(f)), Meeting.held_on.between(start, end),
                   Attendance.status.in_(ATTENDED))
            .order_by(Meeting.held_on.desc(), Person.sort_key))
    if person_id:
        stmt = stmt.where(Attendance.person_id == person_id)
    if group_id:
        stmt = stmt.where(Meeting.group_id == group_id)
    return stmt


def opinion_records(f: Filters, person_id=None, group_id=None, days=None):
    """Select of the opinions counted in 'opinions raised', newest first."""
    start, end = days or (f.start, f.end)
    stmt = (select(Opinion.id, Meeting.held_on, Opinion.kind, Meeting.title, Person.full_name, Opinion.text)
            .join(Meeting, Meeting.id == Opinion.meeting_id).join(Person, Person.id == Opinion.person_id)
            .where(Meeting.held_on.between(start, end), Opinion.person_id.in_(member_person_ids(f)))
            .order_by(Meeting.held_on.desc(), Opinion.position))
    if person_id:
        stmt = stmt.where(Opinion.person_id == person_id)
    if group_id:  # as opinion_cube credits them: to this group, or to no group in particular
        credited = opinion_speaker_groups(f).subquery()
        stmt = stmt.where(Opinion.person_id.in_(_group_members(group_id)), Opinion.id.in_(
            select(credited.c.opinion_id).where(or_(credited.c.group_id.is_(None), credited.c.group_id == group_id))))
    return stmt


def _group_members(group_id):
    return select(Membership.person_id).where(Membership.group_id == group_id)


def feedback_records(f: Filters, user, person_id=None, group_id=None, days=None):
    """Select of the feedback items counted in 'feedback reported' (credited as feedback_cube credits them),
    newest first; `content_visible` says whether `user` may read an item's text."""
    start, end = days or (f.start, f.end)
    stmt = (select(FeedbackItem.id, FeedbackItem.received_on, FeedbackItem.status, FeedbackItem.content,
                   FeedbackCategory.name.label("category"), Person.full_name,
                   content_visible_clause(user).label("content_visible"))
            .join(FeedbackCategory, FeedbackCategory.id == FeedbackItem.category_id)
            .join(Person, Person.id == FeedbackItem.source_person_id)
            .join(Unit, Unit.id == FeedbackItem.unit_id)
            # Members are chosen by group, so their items may lie in units outside the reader's scope.
            .where(FeedbackItem.received_on.between(start, end), readable_clause(user),
                   FeedbackItem.source_person_id.in_(member_person_ids(f)))
            .order_by(FeedbackItem.received_on.desc(), FeedbackItem.id.desc()))
    if person_id:
        stmt = stmt.where(FeedbackItem.source_person_id == person_id)
    if group_id:
        stmt = stmt.where(FeedbackItem.source_person_id.in_(_group_members(group_id)),
                          or_(FeedbackItem.group_id.is_(None), FeedbackItem.group_id == group_id))
    return stmt


def task_records(f: Filters, today: date, user, person_id=None, group_id=None):
    """Select of the members' tasks due in the period (those 'tasks on time / overdue' count), by deadline;
    `standing` is on_time, overdue or open; `text_visible` says whether `user` may read a task's title."""
    standing = case((task_done_on_time(), "on_time"), (task_overdue(today), "overdue"), else_="open")
    stmt = (select(Task.id, Task.title, Task.deadline, Task.status, Task.completed_on, Person.full_name,
                   standing.label("standing"), task_text_visible_clause(user).label("text_visible"))
            .join(Person, Person.id == Task.owner_person_id)
            .where(Task.deadline.between(f.start, f.end), Task.owner_person_id.in_(member_person_ids(f)))
            .order_by(Task.deadline.desc(), Task.id.desc()))
    if person_id:
        stmt = stmt.where(Task.owner_person_id == person_id)
    if group_id:
        stmt = stmt.where(Task.owner_person_id.in_(_group_members(group_id)))
    return stmt


def unit_choices(f: Filters) -> list[Unit]:
    """Units in the user's scope, in tree order, for the unit filter."""
    return units_under(f.scope)


def term_choices() -> list[Term]:
    return terms_newest_first()
