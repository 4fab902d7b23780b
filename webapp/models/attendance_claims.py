"""A member's own declaration that they attended a meeting, pending until an officer of the unit confirms it
(the confirmation writes the attendance mark) or rejects it with a reason."""
import enum
from datetime import datetime
from typing import Optional

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clock import utcnow
from ..extensions import db
from ._types import str_enum
from .accounts import User
from .meetings import Meeting
from .people import Person


class ClaimStatus(str, enum.Enum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class AttendanceClaim(db.Model):
    """One person's declaration for one meeting; a rejected one may be declared again (the row is reopened)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    status: Mapped[ClaimStatus] = mapped_column(str_enum(ClaimStatus, "claim_status"), default=ClaimStatus.PENDING)
    note: Mapped[Optional[str]] = mapped_column(String(300))
    declared_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    declared_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    decided_at: Mapped[Optional[datetime]]
    reason: Mapped[Optional[str]] = mapped_column(String(300))  # why it was rejected

    meeting: Mapped[Meeting] = relationship()
    person: Mapped[Person] = relationship()
    decided_by: Mapped[Optional[User]] = relationship(foreign_keys=[decided_by_id])

    __table_args__ = (UniqueConstraint("meeting_id", "person_id", name="uq_attendance_claim_meeting_person"),
                      Index("ix_attendance_claim_status", "status"))
