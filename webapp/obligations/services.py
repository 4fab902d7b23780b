"""Named state changes of the attendance obligation; they flush, callers commit."""
from datetime import date

from ..extensions import db
from ..models import Absence, AbsenceReason, AttendanceRule, ObligationMode


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
    """A period the member is excused from attending; meetings in it are not expected of them."""
    absence = Absence(person_id=person_id, start_date=start, end_date=end, reason=reason,
                      note=(note or "").strip() or None, created_by_id=user.id)
    db.session.add(absence)
    db.session.flush()
    return absence


def withdraw_absence(absence: Absence) -> None:
    """Take back a declared absence: its meetings count towards the obligation again."""
    db.session.delete(absence)
    db.session.flush()
