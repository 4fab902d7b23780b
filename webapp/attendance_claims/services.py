"""Named state changes of self-declared attendance; they flush and leave the commit to the caller. Confirming
writes the attendance mark through `meetings.services` (the one path for marks), in the same transaction."""
from ..clock import local_today, utcnow
from ..extensions import db
from ..meetings import services as meeting_services
from ..models import Attendance, AttendanceClaim, AttendanceStatus, ClaimStatus, Meeting
from ..models.meetings import ATTENDED
from ..services import RuleViolation
from .queries import OPEN, attended, claim_of, follows_a_unit_of
from .rules import claim_problem, decision_problem

CONFIRMED_NOTE = "Tự khai báo, đã được xác nhận"  # stored on the mark, in the office's language


def declare_attendance(user, meeting: Meeting, note: str | None = None, *,
                       person_id: int | None = None) -> AttendanceClaim:
    """A person (the user's own unless given: the demo enters others') declares attending `meeting`; pending
    until an officer of the unit decides."""
    person_id = user.person_id if person_id is None else person_id
    existing = claim_of(meeting.id, person_id)
    problem = claim_problem(person_id=person_id, held_on=meeting.held_on, today=local_today(),
                            follows_a_unit=follows_a_unit_of(person_id, meeting),
                            attended=person_id is not None and attended(meeting.id, person_id),
                            open_claim=existing is not None and existing.status in OPEN)
    if problem:
        raise RuleViolation(*problem)
    claim = existing or AttendanceClaim(meeting=meeting, person_id=person_id)
    claim.status, claim.note = ClaimStatus.PENDING, (note or "").strip() or None
    claim.declared_by_id, claim.declared_at = user.id, utcnow()
    claim.decided_by_id = claim.decided_at = claim.reason = None
    db.session.add(claim)
    db.session.flush()
    return claim


def _decide(user, claim: AttendanceClaim, status: ClaimStatus, reason: str | None) -> None:
    problem = decision_problem(pending=claim.status == ClaimStatus.PENDING,
                               rejecting=status == ClaimStatus.REJECTED, reason=reason)
    if problem:
        raise RuleViolation(*problem)
    claim.status, claim.reason = status, (reason or "").strip() or None
    claim.decided_by_id, claim.decided_at = user.id, utcnow()
    db.session.flush()


def confirm_claim(user, claim: AttendanceClaim) -> AttendanceClaim:
    """Confirm a pending declaration and mark the person present (a guest row when they were not on the roster;
    an existing 'attended' mark is left as it is)."""
    _decide(user, claim, ClaimStatus.CONFIRMED, None)
    row = db.session.query(Attendance).filter_by(meeting_id=claim.meeting_id, person_id=claim.person_id).one_or_none()
    if row is None:
        row = meeting_services.add_guest(claim.meeting, claim.person_id)
    if row.status not in ATTENDED:
        meeting_services.mark_attendance(row, AttendanceStatus.PRESENT, CONFIRMED_NOTE, user)
    return claim


def reject_claim(user, claim: AttendanceClaim, reason: str) -> AttendanceClaim:
    """Reject a pending declaration with the reason the member will read."""
    _decide(user, claim, ClaimStatus.REJECTED, reason)
    return claim
