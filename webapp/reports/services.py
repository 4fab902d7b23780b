"""Named state changes of the reporting regime; each checks its rules and flushes, callers commit."""
from datetime import date

from sqlalchemy import select

from ..clock import local_today
from ..extensions import db
from ..feedback.uploads import store_attachment
from ..models import ReportFrequency, ReportSchedule, ReportSubmission
from ..services import RuleViolation
from . import rules


def create_schedule(group, frequency: ReportFrequency, due_day: int = 20, months_after: int = 1,
                    starts_on: date | None = None) -> ReportSchedule:
    """Declare that `group` owes a report every period of `frequency` (once per group and frequency)."""
    taken = db.session.scalar(select(ReportSchedule.id).where(ReportSchedule.group_id == group.id,
                                                              ReportSchedule.frequency == frequency).limit(1))
    message = rules.schedule_taken(taken is not None)
    if message is not None:
        raise RuleViolation("frequency", message)
    schedule = ReportSchedule(group=group, frequency=frequency, due_day=due_day, months_after=months_after,
                              starts_on=starts_on or local_today().replace(day=1))
    db.session.add(schedule)
    db.session.flush()
    return schedule


def submit_report(schedule: ReportSchedule, user, period_key: str, text: str | None = None, files=(),
                  submitted_on: date | None = None) -> ReportSubmission:
    """Record the report a group handed in for one period, with its files.

    The day of submission is the office's today on the app clock: a form never sets it, so a late report cannot
    be backdated into an on-time one. Only the demo loader, writing history, passes `submitted_on`."""
    submission = ReportSubmission(schedule=schedule, group=schedule.group, period_key=period_key,
                                  submitted_on=submitted_on or local_today(), text=text or None,
                                  submitted_by_id=user.id)
    db.session.add(submission)
    db.session.flush()
    for upload in files:
        store_attachment(upload, user, report_submission_id=submission.id)
    return submission
