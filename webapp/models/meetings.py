"""Meetings and the attendance marks taken at them."""
import enum
from datetime import date, datetime
from typing import Optional

from sqlalchemy import Column, ForeignKey, Index, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clock import utcnow
from ..extensions import db
from ._types import str_enum
from .groups import WorkingGroup
from .people import Person
from .units import Unit


class MeetingKind(str, enum.Enum):
    CELL = "cell"              # sinh hoạt chi bộ định kỳ
    CONFERENCE = "conference"  # hội nghị phường/xã: đảng ủy, HĐND, UBND, MTTQ, đoàn thể
    BRIEFING = "briefing"      # giao ban Thường trực với các đoàn
    GROUP = "group"            # họp nội bộ đoàn


class Organiser(str, enum.Enum):
    """Who convenes a conference (hội nghị)."""

    PARTY_COMMITTEE = "party_committee"    # Đảng ủy
    PEOPLES_COUNCIL = "peoples_council"    # HĐND
    PEOPLES_COMMITTEE = "peoples_committee"  # UBND
    FATHERLAND_FRONT = "fatherland_front"  # Ủy ban MTTQ
    MASS_ORGANISATION = "mass_organisation"  # đoàn thể


class OpinionKind(str, enum.Enum):
    """What a speaker's point is about, as briefings are structured."""

    ADVANTAGES = "advantages"
    RESULTS = "results"
    DIFFICULTIES = "difficulties"
    SHORTCOMINGS = "shortcomings"
    PROPOSALS = "proposals"


class AttendanceStatus(str, enum.Enum):
    PRESENT = "present"
    LATE = "late"
    EXCUSED = "excused"
    ABSENT = "absent"
    EXEMPT = "exempt"  # miễn sinh hoạt: not expected, so outside the rate's denominator


ATTENDED = (AttendanceStatus.PRESENT, AttendanceStatus.LATE)  # the marks that count as having attended
# The letters of the paper register (sổ theo dõi dự sinh hoạt), in the order a month's cell lists them.
REGISTER_LETTERS = {"present": "x", "late": "M", "excused": "P", "absent": "K", "exempt": "MS"}


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
    organiser: Mapped[Optional[Organiser]] = mapped_column(str_enum(Organiser, "meeting_organiser"))
    starts_at: Mapped[Optional[str]] = mapped_column(String(5))  # "HH:MM", as written on the invitation
    chair: Mapped[Optional[str]] = mapped_column(String(255))
    conclusion: Mapped[Optional[str]] = mapped_column(Text)
    import_batch_id: Mapped[Optional[int]] = mapped_column(index=True)
    rescheduled_at: Mapped[Optional[datetime]]  # when its date, start time or place last changed (UTC)
    # What the cell meeting rules judge (webapp/meetings/cell_rules.py); None everywhere means "not known", as
    # imported and self-declared meetings leave them.
    ends_at: Mapped[Optional[str]] = mapped_column(String(5))  # "HH:MM"
    thematic: Mapped[Optional[bool]]  # sinh hoạt chuyên đề (True) or thường kỳ (False)
    members_invited_on: Mapped[Optional[date]]  # the day the invitation went to the cell's members
    documents_sent_on: Mapped[Optional[date]]  # the day the documents went out ahead

    units: Mapped[list[Unit]] = relationship(secondary=meeting_unit)
    group: Mapped[Optional[WorkingGroup]] = relationship()
    attendances: Mapped[list["Attendance"]] = relationship(back_populates="meeting", cascade="all, delete-orphan")
    files: Mapped[list["MeetingFile"]] = relationship(back_populates="meeting", cascade="all, delete-orphan",
                                                      order_by="MeetingFile.id")
    opinions: Mapped[list["Opinion"]] = relationship(back_populates="meeting", cascade="all, delete-orphan",
                                                     order_by="Opinion.position")
    conclusion_points: Mapped[list["ConclusionPoint"]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="ConclusionPoint.number")

    __table_args__ = (Index("ix_meeting_kind_held_on", "kind", "held_on"),)


class Attendance(db.Model):
    """One person's expected or actual presence at a meeting; `status` is None until marked."""

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))  # indexed by ix_attendance_person_meeting
    expected: Mapped[bool] = mapped_column(default=True)
    status: Mapped[Optional[AttendanceStatus]] = mapped_column(str_enum(AttendanceStatus, "attendance_status"))
    reason: Mapped[Optional[str]] = mapped_column(String(255))
    marked_at: Mapped[Optional[datetime]]
    marked_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    informed_at: Mapped[Optional[datetime]]  # when the app put the invitation before them (UTC); None: not known
    import_batch_id: Mapped[Optional[int]]  # no index: it would slow every bulk import; undo scans once

    meeting: Mapped[Meeting] = relationship(back_populates="attendances")
    person: Mapped[Person] = relationship()

    __table_args__ = (
        UniqueConstraint("meeting_id", "person_id", name="uq_attendance_meeting_person"),
        Index("ix_attendance_person_meeting", "person_id", "meeting_id"),
        # Covers the dashboard's probes (meeting, person) → status, expected without reading the table rows.
        Index("ix_attendance_meeting_person_status", "meeting_id", "person_id", "status", "expected",
              postgresql_include=["id"]),
    )


class MeetingFile(db.Model):
    """An attachment of a meeting (minutes, slides), stored under the upload folder."""

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(255), unique=True)
    content_type: Mapped[Optional[str]] = mapped_column(String(120))
    size_bytes: Mapped[int]
    uploaded_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)

    meeting: Mapped[Meeting] = relationship(back_populates="files")


class Opinion(db.Model):
    """One speaker's turn at a briefing or conference (a "lượt ý kiến"), in speaking order."""

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    person_id: Mapped[Optional[int]] = mapped_column(ForeignKey("person.id"), index=True)
    speaker_name: Mapped[Optional[str]] = mapped_column(String(160))
    affiliation: Mapped[Optional[str]] = mapped_column(String(255))
    group_id: Mapped[Optional[int]] = mapped_column(ForeignKey("working_group.id"), index=True)  # spoke for it
    kind: Mapped[OpinionKind] = mapped_column(str_enum(OpinionKind, "opinion_kind"))
    text: Mapped[str] = mapped_column(Text)
    needs_follow_up: Mapped[bool] = mapped_column(default=False)

    meeting: Mapped[Meeting] = relationship(back_populates="opinions")
    person: Mapped[Optional[Person]] = relationship(lazy="joined")
    group: Mapped[Optional[WorkingGroup]] = relationship(lazy="joined")  # named on each speech

    @property
    def speaker(self) -> str:
        return self.person.full_name if self.person else (self.speaker_name or "")


class ConclusionPoint(db.Model):
    """A numbered point of the chair's conclusion, with who owns it and by when."""

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    owner_text: Mapped[Optional[str]] = mapped_column(String(255))
    deadline: Mapped[Optional[date]]

    meeting: Mapped[Meeting] = relationship(back_populates="conclusion_points")

    __table_args__ = (UniqueConstraint("meeting_id", "number", name="uq_conclusion_point_number"),)
