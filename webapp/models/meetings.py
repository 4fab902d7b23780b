"""Meetings and the attendance marks taken at them."""
import enum
from datetime import date, datetime
from typing import Optional

from sqlalchemy import Column, ForeignKey, Index, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ._types import str_enum, utcnow
from .groups import WorkingGroup
from .people import Person
from .units import Unit


class MeetingKind(str, enum.Enum):
    CELL = "cell"              # sinh hoạt chi bộ định kỳ
    CONFERENCE = "conference"  # hội nghị phường/xã: đảng ủy, HĐND, UBND, MTTQ, đoàn thể
    BRIEFING = "briefing"      # giao ban Thường trực với các đoàn
    GROUP = "group"            # họp nội bộ đoàn


class AttendanceStatus(str, enum.Enum):
    PRESENT = "present"
    LATE = "late"
    EXCUSED = "excused"
    ABSENT = "absent"


meeting_unit = Table(
    "meeting_unit",
    db.Model.metadata,
    Column("meeting_id", ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True),
    Column("unit_id", ForeignKey("unit.id"), primary_key=True, index=True),
)


class Meeting(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[MeetingKind] = mapped_column(str_enum(MeetingKind, "meeting_kind"))
    held_on: Mapped[date] = mapped_column(index=True)
    title: Mapped[str] = mapped_column(String(300))
    place: Mapped[Optional[str]] = mapped_column(String(255))
    agenda: Mapped[Optional[str]] = mapped_column(Text)
    group_id: Mapped[Optional[int]] = mapped_column(ForeignKey("working_group.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    import_batch_id: Mapped[Optional[int]] = mapped_column(index=True)

    units: Mapped[list[Unit]] = relationship(secondary=meeting_unit)
    group: Mapped[Optional[WorkingGroup]] = relationship()
    attendances: Mapped[list["Attendance"]] = relationship(back_populates="meeting", cascade="all, delete-orphan")


class Attendance(db.Model):
    """One person's expected or actual presence at a meeting; `status` is None until marked."""

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    expected: Mapped[bool] = mapped_column(default=True)
    status: Mapped[Optional[AttendanceStatus]] = mapped_column(str_enum(AttendanceStatus, "attendance_status"))
    reason: Mapped[Optional[str]] = mapped_column(String(255))
    marked_at: Mapped[Optional[datetime]]
    marked_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    import_batch_id: Mapped[Optional[int]] = mapped_column(index=True)

    meeting: Mapped[Meeting] = relationship(back_populates="attendances")
    person: Mapped[Person] = relationship()

    __table_args__ = (
        UniqueConstraint("meeting_id", "person_id", name="uq_attendance_meeting_person"),
        Index("ix_attendance_person_meeting", "person_id", "meeting_id"),
    )
