"""The ledger: every (schedule, period) in a window with its due date, submission and standing."""
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..models import ReportSchedule, ReportSubmission
from .periods import Classification, classify, due_date, on_time_rate, period_bounds, periods_between


@dataclass
class LedgerRow:
    schedule: ReportSchedule
    period_key: str
    due_on: date
    submission: ReportSubmission | None
    standing: Classification


@dataclass
class GroupSummary:
    group_name: str
    counts: dict
    rate: float | None


def ledger_rows(start: date, end: date, today: date, group_id: int | None = None) -> list[LedgerRow]:
    """Rows for every active schedule's periods overlapping [start, end] that began after the schedule did."""
    statement = (select(ReportSchedule).where(ReportSchedule.active.is_(True))
                 .options(selectinload(ReportSchedule.group)).order_by(ReportSchedule.group_id, ReportSchedule.id))
    if group_id:
        statement = statement.where(ReportSchedule.group_id == group_id)
    schedules = list(db.session.scalars(statement))
    submissions = {(s.schedule_id, s.period_key): s for s in db.session.scalars(
        select(ReportSubmission).where(ReportSubmission.schedule_id.in_([s.id for s in schedules])))}
    rows = []
    for schedule in schedules:
        for key in periods_between(schedule.frequency, start, end):
            if period_bounds(schedule.frequency, key)[1] < schedule.starts_on:
                continue
            due = due_date(schedule.frequency, key, schedule.due_day, schedule.months_after)
            submission = submissions.get((schedule.id, key))
            rows.append(LedgerRow(schedule, key, due, submission,
                                  classify(due, submission.submitted_on if submission else None, today)))
    return rows


def summarise(rows: list[LedgerRow]) -> tuple[list[GroupSummary], float | None]:
    """Per-group counts by standing and on-time rate, and the overall on-time rate."""
    by_group: dict[int, list[LedgerRow]] = {}
    for row in rows:
        by_group.setdefault(row.schedule.group_id, []).append(row)
    summaries = []
    for group_rows in by_group.values():
        counts: dict = {}
        for row in group_rows:
            counts[row.standing.standing] = counts.get(row.standing.standing, 0) + 1
        summaries.append(GroupSummary(group_rows[0].schedule.group.name, counts,
                                      on_time_rate([r.standing for r in group_rows])))
    return summaries, on_time_rate([r.standing for r in rows])
