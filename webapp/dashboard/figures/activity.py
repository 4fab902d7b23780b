"""Members' activity besides attendance: opinions raised, feedback reported, tasks and the groups' reports."""
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, case, func, or_, select

from ...extensions import db
from ...meetings.rates import month_key
from ...models import Assignment, FeedbackCategory, FeedbackItem, Meeting, Membership, Opinion, Task, TaskStatus, Unit
from ...models.meetings import meeting_unit
from ...permissions import path_under
from ..filters import Filters
from .common import group_ids, member_person_ids


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
    from ...reports.ledger import ledger_rows

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
            .where(FeedbackItem.received_on.between(f.start, f.end), path_under(Unit.path, f.unit_path))
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
                Task.owner_unit_id.in_(select(Unit.id).where(path_under(Unit.path, f.unit_path))))
    stmt = (select(Task.status, age, func.count(Task.id))
            .where(owned, Task.status != TaskStatus.CANCELLED, Task.created_at <= datetime.combine(f.end, time.max))
            .group_by(Task.status, age))
    table: dict[str, dict[str, int]] = {}
    for status, bucket, count in db.session.execute(stmt):
        table.setdefault(getattr(status, "value", status), {})[bucket] = count
    return table
