"""A member's figures for one period, taken from the records: field visits made for the group, meetings attended
at the units they followed or of the group, and feedback they brought in."""
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from ..extensions import db
from ..models import Attendance, FeedbackItem, FieldVisit, Meeting
from ..models.meetings import ATTENDED


@dataclass(frozen=True)
class PeriodFigures:
    visits: int
    meetings_attended: int
    feedback: int


def period_figures(person_id: int, group_id: int, start: date, end: date) -> PeriodFigures:
    """The member's figures between two days (three counts)."""
    visits = db.session.scalar(select(func.count(FieldVisit.id)).where(
        FieldVisit.person_id == person_id, FieldVisit.group_id == group_id, FieldVisit.visited_on.between(start, end)))
    meetings = db.session.scalar(select(func.count(Attendance.id)).join(Meeting, Meeting.id == Attendance.meeting_id)
                                 .where(Attendance.person_id == person_id, Attendance.status.in_(ATTENDED),
                                        Meeting.held_on.between(start, end)))
    feedback = db.session.scalar(select(func.count(FeedbackItem.id)).where(
        FeedbackItem.source_person_id == person_id, FeedbackItem.received_on.between(start, end)))
    return PeriodFigures(visits or 0, meetings or 0, feedback or 0)
