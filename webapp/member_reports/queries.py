"""Reads of members' reports: what each member owes and where it stands, the group's view for a period, and
who may read a report."""
from dataclasses import dataclass
from datetime import date

from sqlalchemy import false, select
from sqlalchemy.orm import selectinload

from ..clock import local_today
from ..extensions import db
from ..groups.queries import linked_group_ids
from ..models import MemberReport, MemberReportRule, Membership, Role, WorkingGroup
from ..models.groups import active_on, overlaps
from ..permissions import can_manage_group, headed_group_ids, unit_in_scope
from ..reports.periods import Classification, classify, due_date, period_bounds, periods_between
from ..visits.queries import coordinating_person_ids

RECENT_PERIODS = 6


@dataclass
class Owed:
    """One period a member owes a report for, and how it stands."""

    rule: MemberReportRule
    period_key: str
    start: date
    end: date
    due_on: date
    report: MemberReport | None
    standing: Classification


def member_in_period(person_id: int | None, group_id: int, start: date, end: date) -> bool:
    if person_id is None:
        return False
    return db.session.scalar(select(Membership.id).where(
        Membership.person_id == person_id, Membership.group_id == group_id, overlaps(Membership, start, end))
        .limit(1)) is not None


def owed_by(person_id: int, today: date) -> list[Owed]:
    """The member's recent periods in every group with a report rule, newest first."""
    groups = select(Membership.group_id).where(Membership.person_id == person_id)
    rules = db.session.scalars(select(MemberReportRule).options(selectinload(MemberReportRule.group))
                               .where(MemberReportRule.active.is_(True), MemberReportRule.group_id.in_(groups))).all()
    reports = {(r.rule_id, r.period_key): r for r in db.session.scalars(
        select(MemberReport).where(MemberReport.person_id == person_id))}
    # the member's terms in those groups, read once: a period counts when one of them overlaps it (as
    # `member_in_period`, without a query per rule and period)
    terms: dict[int, list[tuple[date, date | None]]] = {}
    if rules:
        for group_id, start_date, end_date in db.session.execute(
                select(Membership.group_id, Membership.start_date, Membership.end_date)
                .where(Membership.person_id == person_id, Membership.group_id.in_({r.group_id for r in rules}))):
            terms.setdefault(group_id, []).append((start_date, end_date))

    def in_group(group_id: int, start: date, end: date) -> bool:
        return any(begun <= end and (ended is None or ended >= start) for begun, ended in terms.get(group_id, ()))

    owed = []
    for rule in rules:
        for key in periods_between(rule.frequency, rule.starts_on, today)[-RECENT_PERIODS:]:
            start, end = period_bounds(rule.frequency, key)
            if end < rule.starts_on or not in_group(rule.group_id, start, end):
                continue
            due = due_date(rule.frequency, key, rule.due_day, rule.months_after)
            report = reports.get((rule.id, key))
            owed.append(Owed(rule, key, start, end, due, report,
                             classify(due, report.submitted_on if report else None, today)))
    return sorted(owed, key=lambda o: (o.start, o.rule.group_id), reverse=True)


@dataclass
class MemberStanding:
    membership: Membership
    report: MemberReport | None
    standing: Classification


def group_standings(rule: MemberReportRule, key: str, today: date) -> list[MemberStanding]:
    """Every member of the group during the period, with their report and standing."""
    start, end = period_bounds(rule.frequency, key)
    due = due_date(rule.frequency, key, rule.due_day, rule.months_after)
    memberships = db.session.scalars(select(Membership).options(selectinload(Membership.person))
                                     .where(Membership.group_id == rule.group_id, overlaps(Membership, start, end))
                                     .order_by(Membership.role, Membership.id)).all()
    reports = {r.person_id: r for r in db.session.scalars(
        select(MemberReport).where(MemberReport.rule_id == rule.id, MemberReport.period_key == key))}
    seen, rows = set(), []
    for membership in memberships:
        if membership.person_id in seen:
            continue
        seen.add(membership.person_id)
        report = reports.get(membership.person_id)
        rows.append(MemberStanding(membership, report, classify(due, report.submitted_on if report else None, today)))
    return rows


def reports_within(group_id: int, start: date, end: date) -> list[MemberReport]:
    """The group's members' reports whose period lies within [start, end] (for compiling the group's report)."""
    rows = db.session.scalars(
        select(MemberReport)
        .options(selectinload(MemberReport.person), selectinload(MemberReport.rule))
        .where(MemberReport.group_id == group_id)
        .order_by(MemberReport.period_key, MemberReport.id)
    ).all()
    return [r for r in rows if start <= period_bounds(r.rule.frequency, r.period_key)[0] <= end]


def can_oversee_group(user, group: WorkingGroup) -> bool:
    """The group's head or deputy and admins in scope manage its reporting; leadership in scope reads it."""
    if user.role == Role.LEADERSHIP:
        return unit_in_scope(user, group.owner_unit)
    return can_manage_group(user, group)


def coordinating_clause(user, today: date):
    """SQL condition over MemberReport: reports by members who follow, today, a unit the user follows (the rule
    the visits use), written for the user's own group or a group linked to it (the ward-level group and the
    higher-level group it works with)."""
    peers = coordinating_person_ids(user.person_id, today) - {user.person_id}
    groups = linked_group_ids(user.person_id, today)
    if not peers or not groups:
        return false()
    return MemberReport.person_id.in_(peers) & MemberReport.group_id.in_(groups)


def coordinating_reports(user, today: date, limit: int = 30) -> list[MemberReport]:
    """The newest reports the coordination rule lets the user read."""
    return db.session.scalars(select(MemberReport).options(selectinload(MemberReport.person),
                                                           selectinload(MemberReport.group))
                              .where(coordinating_clause(user, today))
                              .order_by(MemberReport.submitted_on.desc(), MemberReport.id.desc()).limit(limit)).all()


def readable_reports(user, reports: list[MemberReport]) -> list[MemberReport]:
    """The reports among `reports` the user may read: their own, those of the groups they oversee, and those the
    coordination rule opens to them (one query for all)."""
    overseen: dict[int, bool] = {}

    def direct(report: MemberReport) -> bool:
        if user.person_id is not None and report.person_id == user.person_id:
            return True
        if report.group_id not in overseen:
            overseen[report.group_id] = can_oversee_group(user, report.group)
        return overseen[report.group_id]

    others = [report.id for report in reports if not direct(report)]
    coordinated = set(db.session.scalars(select(MemberReport.id).where(
        MemberReport.id.in_(others), coordinating_clause(user, local_today())))) if others else set()
    return [report for report in reports if direct(report) or report.id in coordinated]


def current_members(group_id: int, today: date) -> int:
    return len(db.session.scalars(select(Membership.id).where(Membership.group_id == group_id,
                                                               active_on(Membership, today))).all())


def headed_rules(user) -> list[MemberReportRule]:
    """Report rules of the groups the user manages (every group in scope for admins)."""
    statement = select(MemberReportRule).options(selectinload(MemberReportRule.group))
    if user.role != Role.ADMIN:
        statement = statement.where(MemberReportRule.group_id.in_(headed_group_ids(user) or {0}))
    return [rule for rule in db.session.scalars(statement) if can_oversee_group(user, rule.group)]
