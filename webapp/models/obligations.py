"""Attendance as an obligation: what a group asks of its members at the cells they follow, and the periods a
member is excused from it (leave, illness, training)."""
import enum
from datetime import date, datetime
from typing import Optional

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clock import utcnow
from ..extensions import db
from ._types import str_enum
from .accounts import User
from .groups import WorkingGroup
from .people import Person


class ObligationMode(str, enum.Enum):
    EVERY_MEETING = "every_meeting"        # every meeting of every followed unit
    TIMES_PER_PERIOD = "times_per_period"  # each followed unit at least N times per month or quarter


class AbsenceReason(str, enum.Enum):
    LEAVE = "leave"
    ILLNESS = "illness"
    TRAINING = "training"
    OTHER = "other"


class AttendanceRule(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("working_group.id"), unique=True)
    mode: Mapped[ObligationMode] = mapped_column(str_enum(ObligationMode, "obligation_mode"))
    times: Mapped[int] = mapped_column(default=1)
    months: Mapped[int] = mapped_column(default=3)   # the period: 1 = a month, 3 = a quarter

    group: Mapped[WorkingGroup] = relationship()

    __table_args__ = (CheckConstraint("times BETWEEN 1 AND 31", name="rule_times"),
                      CheckConstraint("months IN (1, 3, 6, 12)", name="rule_months"))


class Absence(db.Model):
    """A period a member is excused from attending (meetings in it are not expected of them)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    start_date: Mapped[date]
    end_date: Mapped[date]
    reason: Mapped[AbsenceReason] = mapped_column(str_enum(AbsenceReason, "absence_reason"))
    note: Mapped[Optional[str]] = mapped_column(String(300))
    created_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    person: Mapped[Person] = relationship()
    created_by: Mapped[Optional[User]] = relationship()

    __table_args__ = (CheckConstraint("end_date >= start_date", name="absence_dates"),
                      Index("ix_absence_person_dates", "person_id", "start_date", "end_date"))
