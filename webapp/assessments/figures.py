"""A member's figures for an assessment period, taken from the records through the dashboard's own figures
(attendance against the obligation, briefings, opinions, feedback, tasks, visits) and the member reports."""
from datetime import date

from sqlalchemy import func, select

from ..dashboard.figures.dashboard import build_dashboard
from ..dashboard.filters import Filters
from ..extensions import db
from ..member_reports.queries import owed_by
from ..models import FeedbackItem, FeedbackStatus
from ..reports.periods import Standing

ANSWERED = (FeedbackStatus.ANSWERED, FeedbackStatus.CLOSED)


def _reports(person_id: int, start: date, end: date, today: date) -> tuple[int, int]:
    owed = [o for o in owed_by(person_id, today) if start <= o.start <= end
            and o.standing.standing != Standing.NOT_YET_DUE]
    return len(owed), sum(1 for o in owed if o.standing.standing == Standing.ON_TIME)


def _answered(person_id: int, start: date, end: date) -> int:
    return db.session.scalar(select(func.count(FeedbackItem.id)).where(
        FeedbackItem.source_person_id == person_id, FeedbackItem.received_on.between(start, end),
        FeedbackItem.status.in_(ANSWERED))) or 0


def period_figures(scope: str, start: date, end: date, today: date) -> dict[tuple[int, int], dict]:
    """(group id, person id) → the member's figures for the period, for every member of a group in scope."""
    f = Filters(start=start, end=end, period="custom", year=end.year, scope=scope, today=today)
    dash = build_dashboard(f, today)
    obligations = {o.member.key: o.compliance for o in dash.obligations}
    visits = {v.member.key: v.visits for v in dash.visits}
    result = {}
    for figure in dash.members:
        key = figure.member.key
        owed, on_time = _reports(figure.member.person_id, start, end, today)
        compliance = obligations.get(key)
        result[key] = {
            "attendance_required": compliance.required if compliance else 0,
            "attendance_met": compliance.credited if compliance else 0,
            "attendance_rate": round(compliance.rate, 1) if compliance and compliance.rate is not None else None,
            "visits": visits.get(key, 0),
            "reports_owed": owed, "reports_on_time": on_time,
            "reports_on_time_rate": round(100.0 * on_time / owed, 1) if owed else None,
            "feedback": figure.feedback, "feedback_answered": _answered(figure.member.person_id, start, end),
            "tasks_on_time": figure.tasks_on_time, "tasks_overdue": figure.tasks_overdue,
            "opinions": figure.opinions, "group_meetings": figure.group_meetings,
        }
    return result
