"""Named state changes of members' reports; they flush, callers commit."""
from datetime import date

from flask_babel import gettext as _

from ..extensions import db
from ..models import MemberReport, MemberReportRule, ReportFrequency
from ..reports.periods import period_bounds
from ..services import RuleViolation
from .figures import period_figures
from .queries import member_in_period
from .rules import report_problem


def set_rule(group, frequency: ReportFrequency, due_day: int, months_after: int, starts_on: date) -> MemberReportRule:
    """How often the group's members report, and when it is due (one rule per group, replaced when set again)."""
    rule = db.session.query(MemberReportRule).filter_by(group_id=group.id).one_or_none()
    if rule is None:
        rule = MemberReportRule(group_id=group.id)
        db.session.add(rule)
    rule.frequency, rule.due_day, rule.months_after, rule.starts_on, rule.active = (
        frequency, due_day, months_after, starts_on, True)
    db.session.flush()
    return rule


def submit_member_report(user, rule: MemberReportRule, person_id: int | None, key: str, text: str,
                         today: date) -> MemberReport:
    """Record a member's report for one period, keeping the period's figures as the records show them now."""
    start, end = period_bounds(rule.frequency, key)
    already = person_id is not None and db.session.query(MemberReport.id).filter_by(
        rule_id=rule.id, person_id=person_id, period_key=key).first() is not None
    problem = report_problem(member_in_period=member_in_period(person_id, rule.group_id, start, end),
                             period_start=start, period_end=end, rule_starts_on=rule.starts_on,
                             already_submitted=already, today=today)
    if problem:
        raise RuleViolation("text", problem)
    figures = period_figures(person_id, rule.group_id, start, min(end, today))
    report = MemberReport(rule_id=rule.id, group_id=rule.group_id, person_id=person_id, period_key=key,
                          text=text.strip(), visits=figures.visits, meetings_attended=figures.meetings_attended,
                          feedback=figures.feedback, submitted_on=today, submitted_by_id=user.id)
    db.session.add(report)
    db.session.flush()
    return report


def compile_draft(reports: list[MemberReport]) -> str:
    """The members' reports gathered into a draft of the group's report: the totals, then each member's text."""
    if not reports:
        return ""
    totals = (sum(r.visits for r in reports), sum(r.meetings_attended for r in reports),
              sum(r.feedback for r in reports))
    lines = [_("Tổng hợp %(n)s báo cáo của thành viên: %(v)s lượt đi cơ sở, %(m)s lượt dự họp, %(f)s phản ánh, "
               "kiến nghị.", n=len(reports), v=totals[0], m=totals[1], f=totals[2]), ""]
    for report in reports:
        lines.append(f"- {report.person.full_name} ({report.period_key}): {report.text}")
    return "\n".join(lines)
