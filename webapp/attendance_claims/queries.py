"""Reads of self-declared attendance: whether a person may declare a meeting, the meetings they may still
declare, their own declarations, and the declarations waiting for an officer."""
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..meetings.access import RECORDERS, can_record_meeting
from ..meetings.queries import meetings_for_person
from ..models import Attendance, AttendanceClaim, ClaimStatus, Meeting, Unit
from ..models.meetings import ATTENDED, meeting_unit
from ..permissions import in_scope
from ..visits.queries import followed_unit_ids

RECENT_DAYS = 30  # how far back the home page offers meetings to declare
OPEN = (ClaimStatus.PENDING, ClaimStatus.CONFIRMED)


def follows_a_unit_of(person_id: int | None, meeting: Meeting) -> bool:
    """The person followed one of the meeting's units on the meeting's day."""
    return bool({unit.id for unit in meeting.units} & followed_unit_ids(person_id, meeting.held_on))


def attended(meeting_id: int, person_id: int) -> bool:
    return db.session.scalar(select(Attendance.id).where(
        Attendance.meeting_id == meeting_id, Attendance.person_id == person_id,
        Attendance.status.in_(ATTENDED))) is not None


def claim_of(meeting_id: int, person_id: int | None) -> AttendanceClaim | None:
    if person_id is None:
        return None
    return db.session.scalar(select(AttendanceClaim).where(AttendanceClaim.meeting_id == meeting_id,
                                                           AttendanceClaim.person_id == person_id))


def declarable(person_id: int, today: date) -> list[Meeting]:
    """Meetings of the last RECENT_DAYS days (today included) the person is expected at, not marked attended
    and not declared yet (or declared and rejected), newest first."""
    meetings = meetings_for_person(person_id, today - timedelta(days=RECENT_DAYS), today)
    if not meetings:
        return []
    ids = [m.id for m in meetings]
    done = set(db.session.scalars(select(Attendance.meeting_id).where(
        Attendance.person_id == person_id, Attendance.meeting_id.in_(ids), Attendance.status.in_(ATTENDED))))
    done |= set(db.session.scalars(select(AttendanceClaim.meeting_id).where(
        AttendanceClaim.person_id == person_id, AttendanceClaim.meeting_id.in_(ids),
        AttendanceClaim.status.in_(OPEN))))
    return [m for m in reversed(meetings) if m.id not in done]


def claims_of(person_id: int | None, limit: int = 50) -> list[AttendanceClaim]:
    """The person's own declarations, newest first."""
    if person_id is None:
        return []
    return db.session.scalars(select(AttendanceClaim).options(selectinload(AttendanceClaim.meeting))
                              .where(AttendanceClaim.person_id == person_id)
                              .order_by(AttendanceClaim.declared_at.desc(), AttendanceClaim.id.desc())
                              .limit(limit)).all()


def _in_scope_meetings(user):
    return select(meeting_unit.c.meeting_id).join(Unit, Unit.id == meeting_unit.c.unit_id).where(in_scope(user))


def pending_for(user) -> list[AttendanceClaim]:
    """Pending declarations at meetings the user records for (every unit of the meeting in their scope)."""
    if user.role not in RECORDERS:
        return []
    rows = db.session.scalars(select(AttendanceClaim)
                              .options(selectinload(AttendanceClaim.meeting).selectinload(Meeting.units),
                                       selectinload(AttendanceClaim.person))
                              .where(AttendanceClaim.status == ClaimStatus.PENDING,
                                     AttendanceClaim.meeting_id.in_(_in_scope_meetings(user)))
                              .order_by(AttendanceClaim.declared_at, AttendanceClaim.id)).all()
    return [claim for claim in rows if can_record_meeting(user, claim.meeting)]


def pending_count(user) -> int:
    """How many declarations wait for this user (the menu's and the home page's counter)."""
    return len(pending_for(user))
