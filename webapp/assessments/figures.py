"""Figures for an assessment period, taken from the records through the dashboard's own figures (attendance
against the obligation, briefings, opinions, feedback, tasks, visits, the groups' reports on the reporting
ledger) and the member reports: one set per member, and per group the sum of its members' with its own reports."""
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from ..dashboard.figures.dashboard import build_dashboard
from ..dashboard.figures.groups import GroupFigure
from ..dashboard.figures.members import MemberFigure
from ..dashboard.filters import Filters
from ..extensions import db
from ..member_reports.queries import owed_by
from ..models import FeedbackItem, FeedbackStatus
from ..reports.periods import Standing

ANSWERED = (FeedbackStatus.ANSWERED, FeedbackStatus.CLOSED)
# Member figures a group's figures add up.
SUMMED = ("attendance_required", "attendance_met", "visits", "reports_owed", "reports_on_time", "feedback_answered")


@dataclass(frozen=True)
class RoundFigures:
    members: dict[tuple[int, int], dict]   # (group id, person id) → the member's figures
    groups: dict[int, dict]                # group id → the group's figures


def _rate(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def _reports(person_id: int, start: date, end: date, today: date) -> tuple[int, int]:
    owed = [o for o in owed_by(person_id, today) if start <= o.start <= end
            and o.standing.standing != Standing.NOT_YET_DUE]
    return len(owed), sum(1 for o in owed if o.standing.standing == Standing.ON_TIME)


def _answered(person_id: int, start: date, end: date) -> int:
    return db.session.scalar(select(func.count(FeedbackItem.id)).where(
        FeedbackItem.source_person_id == person_id, FeedbackItem.received_on.between(start, end),
        FeedbackItem.status.in_(ANSWERED))) or 0


def _member(figure: MemberFigure, compliance, visits: int, start: date, end: date, today: date) -> dict:
    owed, on_time = _reports(figure.member.person_id, start, end, today)
    return {
        "attendance_required": compliance.required if compliance else 0,
        "attendance_met": compliance.credited if compliance else 0,
        "attendance_rate": round(compliance.rate, 1) if compliance and compliance.rate is not None else None,
        "visits": visits,
        "reports_owed": owed,
        "reports_on_time": on_time,
        "reports_on_time_rate": _rate(on_time, owed),
        "feedback": figure.feedback,
        "feedback_answered": _answered(figure.member.person_id, start, end),
        "tasks_on_time": figure.tasks_on_time,
        "tasks_overdue": figure.tasks_overdue,
        "opinions": figure.opinions,
        "group_meetings": figure.group_meetings,
    }


def _group(group: GroupFigure, members: list[dict]) -> dict:
    """The dashboard's figure of the group (opinions, feedback, tasks, its reports by standing) with its members'
    obligation, visits and reports added up."""
    sums = {key: sum(m[key] for m in members) for key in SUMMED}
    due = sum(count for standing, count in group.reports.items() if standing != Standing.NOT_YET_DUE.value)
    on_time = group.reports.get(Standing.ON_TIME.value, 0)
    return {
        "members": group.members, **sums,
        "attendance_rate": _rate(sums["attendance_met"], sums["attendance_required"]),
        "visits_per_member": round(sums["visits"] / group.members, 1) if group.members else None,
        "reports_on_time_rate": _rate(sums["reports_on_time"], sums["reports_owed"]),
        "group_reports_due": due, "group_reports_on_time": on_time, "group_reports_on_time_rate": _rate(on_time, due),
        "feedback": group.feedback, "tasks_on_time": group.tasks_on_time, "tasks_overdue": group.tasks_overdue,
        "opinions": group.opinions, "meetings_attended": group.meetings_attended,
    }


def round_figures(scope: str, start: date, end: date, today: date) -> RoundFigures:
    """Every member's and every group's figures for the period, for the groups in scope."""
    f = Filters(start=start, end=end, period="custom", year=end.year, scope=scope, today=today)
    dash = build_dashboard(f, today)
    obligations = {o.member.key: o.compliance for o in dash.obligations}
    visits = {v.member.key: v.visits for v in dash.visits}
    members = {figure.member.key: _member(figure, obligations.get(figure.member.key),
                                          visits.get(figure.member.key, 0), start, end, today)
               for figure in dash.members}
    groups = {group.group.id: _group(group, [m for (g, _p), m in members.items() if g == group.group.id])
              for group in dash.groups}
    return RoundFigures(members, groups)
