"""Named state changes of the attendance obligation; they flush, callers commit."""
from datetime import date

from sqlalchemy import select

from ..extensions import db
from ..models import Absence, AbsenceReason, AttendanceRule, ObligationMode, Person
from ..services import RuleViolation, take_turns
from .rules import absence_overlaps


def set_attendance_rule(group, mode: ObligationMode, times: int = 1, months: int = 3) -> AttendanceRule:
    """What the group asks of its members at the units they follow (one rule per group)."""
    rule = db.session.query(AttendanceRule).filter_by(group_id=group.id).one_or_none()
    if rule is None:
        rule = AttendanceRule(group_id=group.id)
        db.session.add(rule)
    rule.mode, rule.times, rule.months = mode, times, months
    db.session.flush()
    return rule


def declare_absence(user, person_id: int, start: date, end: date, reason: AbsenceReason,
                    note: str | None = None) -> Absence:
    """A period the member is excused from attending; meetings in it are not expected of them. Periods of one
    person never overlap (a double submit's twin takes turns on the person and finds the first)."""
    person = db.session.get(Person, person_id)
    if person is not None:
        take_turns(person)
    overlap = db.session.scalar(select(Absence).where(Absence.person_id == person_id, Absence.start_date <= end,
                                                      Absence.end_date >= start).order_by(Absence.start_date).limit(1))
    problem = absence_overlaps(overlap.start_date if overlap else None, overlap.end_date if overlap else None)
    if problem:
        raise RuleViolation("start_date", problem)
    absence = Absence(person_id=person_id, start_date=start, end_date=end, reason=reason,
                      note=(note or "").strip() or None, created_by_id=user.id)
    db.session.add(absence)
    db.session.flush()
    return absence


def withdraw_absence(absence: Absence) -> None:
    """Take back a declared absence: its meetings count towards the obligation again."""
    db.session.delete(absence)
    db.session.flush()
