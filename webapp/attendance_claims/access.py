"""Who may do what in the attendance_claims area: its object-level checks, on top of `webapp.permissions`."""
from sqlalchemy import select

from ..extensions import db
from ..meetings.access import RECORDERS, can_record_meeting
from ..models import Attendance, AttendanceClaim, Meeting
from .queries import follows_a_unit_of


def can_decide(user, claim: AttendanceClaim) -> bool:
    """An officer (or admin) whose scope holds every unit of the meeting confirms or rejects."""
    return user.role in RECORDERS and can_record_meeting(user, claim.meeting)


def can_declare_here(user, meeting: Meeting) -> bool:
    """Who may open a meeting's declaration page: a person expected at it or following one of its units."""
    if user.person_id is None:
        return False
    expected = db.session.scalar(select(Attendance.id).where(Attendance.meeting_id == meeting.id,
                                                             Attendance.person_id == user.person_id))
    return expected is not None or follows_a_unit_of(user.person_id, meeting)
