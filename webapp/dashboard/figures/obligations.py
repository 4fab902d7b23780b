"""Attendance measured against each group's obligation: per member, what they owed at their followed units in the
period (absences declared excluded) and what counts towards it.

Most groups ask for every meeting and most members declare no absence: for them the attendance cube already
holds the answer. Only members of groups with an 'N times per period' rule, and members with a declared absence
in the period, need the meetings unit by unit — one statement narrowed to them before it runs."""
from dataclasses import dataclass

from sqlalchemy import and_, case, exists, func, or_, select

from ...documents.services import regulation_in_force
from ...extensions import db
from ...models import Absence, Assignment, Attendance, AttendanceRule, Membership, ObligationMode
from ...models.meetings import ATTENDED
from ...obligations.rules import Compliance, compliance, describe
from ..filters import Filters
from .attendance import assigned_meetings
from .common import month_key
from .members import Member


@dataclass
class MemberObligation:
    member: Member
    compliance: Compliance


def _absent_persons(f: Filters) -> set[int]:
    return set(db.session.scalars(select(Absence.person_id).where(Absence.start_date <= f.as_of,
                                                                  Absence.end_date >= f.start).distinct()))


def _held(f: Filters, groups: set[int], persons: set[int]) -> dict[tuple[int, int], dict]:
    """(group, person) → (unit, month) → (meetings marked while expected and not excused, meetings attended)."""
    if not groups and not persons:
        return {}
    narrow = or_(Membership.group_id.in_(groups or {0}), Assignment.person_id.in_(persons or {0}))
    pairs = assigned_meetings(f, f.start, f.as_of, narrow=narrow)
    excused = exists().where(Absence.person_id == pairs.c.person_id, Absence.start_date <= pairs.c.held_on,
                             Absence.end_date >= pairs.c.held_on)
    attended = func.max(case((Attendance.status.in_(ATTENDED), 1), else_=0))
    per_meeting = (select(pairs.c.group_id, pairs.c.person_id, pairs.c.unit_id, pairs.c.meeting_id,
                          month_key(pairs.c.held_on).label("month"), attended.label("attended"))
                   .select_from(pairs)   # marked, expected rows only, as the attendance cube counts them
                   .join(Attendance, and_(Attendance.meeting_id == pairs.c.meeting_id,
                                          Attendance.person_id == pairs.c.person_id))
                   .where(Attendance.expected.is_(True), Attendance.status.is_not(None), ~excused)
                   .group_by(pairs.c.group_id, pairs.c.person_id, pairs.c.unit_id, pairs.c.meeting_id, pairs.c.held_on)
                   .subquery())
    stmt = (select(per_meeting.c.group_id, per_meeting.c.person_id, per_meeting.c.unit_id, per_meeting.c.month,
                   func.count(), func.sum(per_meeting.c.attended))
            .group_by(per_meeting.c.group_id, per_meeting.c.person_id, per_meeting.c.unit_id, per_meeting.c.month))
    held: dict = {}
    for group_id, person_id, unit_id, month, count, attended_count in db.session.execute(stmt):
        held.setdefault((group_id, person_id), {})[(unit_id, month)] = (count, int(attended_count or 0))
    return held


def _from_cube(member: Member, cube: dict, months: list[str]) -> Compliance:
    rates = [cube.get((member.group_id, member.person_id, month)) for month in months]
    return Compliance(sum(r.expected for r in rates if r), sum(r.attended for r in rates if r))


def member_obligations(f: Filters, members: list[Member], cube: dict) -> tuple[list[MemberObligation], dict[int, str]]:
    """Each member's compliance with their group's rule, and each group's rule in words (for the legend)."""
    rules = {rule.group_id: rule for rule in db.session.scalars(
        select(AttendanceRule).where(AttendanceRule.group_id.in_({m.group_id for m in members} or {0})))}
    regulation = regulation_in_force(f.as_of)
    if regulation is not None:  # the regulation in force over the period speaks for groups without their own rule
        for group_id in {m.group_id for m in members} - set(rules):
            rules[group_id] = AttendanceRule(
                group_id=group_id,
                mode=ObligationMode.TIMES_PER_PERIOD,
                times=regulation.attendance_times,
                months=regulation.attendance_months or 3,
            )
    per_period = {g for g, rule in rules.items() if rule.mode == ObligationMode.TIMES_PER_PERIOD}
    absent = _absent_persons(f)
    held = _held(f, per_period, absent)
    months = f.months
    figures = []
    for member in members:
        rule = rules.get(member.group_id)
        if member.group_id in per_period or member.person_id in absent:
            mode = rule.mode if rule else ObligationMode.EVERY_MEETING
            result = compliance(mode, rule.times if rule else 1, rule.months if rule else 3, held.get(member.key, {}))
        else:
            result = _from_cube(member, cube, months)
        figures.append(MemberObligation(member, result))
    legend = {g: describe(rule.mode, rule.times, rule.months) for g, rule in rules.items()}
    default = describe(None)
    return figures, {m.group_id: legend.get(m.group_id, default) for m in members}
