"""Attendance measured against each group's obligation: per member, what they owed at their followed units in the
period and what counts towards it, from the same counts as the attendance rate (`meetings.rates`: declared
absences already left out).

Under 'every meeting' the obligation is the rate itself: the attendance cube already holds it. Only members of
groups with an 'N times per period' rule need the counts unit by unit — one statement narrowed to those groups."""
from dataclasses import dataclass

from sqlalchemy import select

from ...documents.services import regulation_in_force
from ...extensions import db
from ...meetings.rates import Counts, attendance_counts
from ...models import AttendanceRule, ObligationMode
from ...obligations.rules import Compliance, compliance, describe
from ..filters import Filters
from .attendance import followed
from .members import Member


@dataclass
class MemberObligation:
    member: Member
    compliance: Compliance


def _held(f: Filters, groups: set[int]) -> dict[tuple[int, int], dict]:
    """(group, person) → (unit, month) → (meetings expected, meetings attended), for the members of `groups`."""
    if not groups:
        return {}
    counts = attendance_counts(f.start, f.as_of, ("group", "person", "unit", "month"),
                               **{**followed(f), "groups": list(groups)})
    held: dict = {}
    for (group_id, person_id, unit_id, month), figures in counts.items():
        held.setdefault((group_id, person_id), {})[(unit_id, month)] = (figures.expected, figures.attended)
    return held


def _from_cube(member: Member, cube: dict[tuple[int, int, str], Counts], months: list[str]) -> Compliance:
    total = Counts()
    for month in months:
        total.add(cube.get((member.group_id, member.person_id, month)) or Counts())
    return Compliance(total.expected, total.attended)


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
    held = _held(f, per_period)
    months = f.months
    figures = []
    for member in members:
        rule = rules.get(member.group_id)
        if member.group_id in per_period:
            result = compliance(rule.mode, rule.times, rule.months, held.get(member.key, {}))
        else:
            result = _from_cube(member, cube, months)
        figures.append(MemberObligation(member, result))
    legend = {g: describe(rule.mode, rule.times, rule.months) for g, rule in rules.items()}
    default = describe(None)
    return figures, {m.group_id: legend.get(m.group_id, default) for m in members}
