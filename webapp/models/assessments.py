"""Assessment per Quy định 366-QĐ/TW: a round (year, quarter or term) in which each member assesses themself
with their figures from the records, the head proposes a level and the standing board decides."""
import enum
from datetime import date, datetime
from typing import Optional

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clock import utcnow
from ..extensions import db
from ._types import str_enum
from .groups import WorkingGroup
from .people import Person
from .units import Unit


class AssessmentLevel(str, enum.Enum):
    EXCELLENT = "excellent"
    GOOD = "good"
    COMPLETE = "complete"
    INCOMPLETE = "incomplete"


class AssessmentRound(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[date]
    end_date: Mapped[date]
    criteria: Mapped[dict] = mapped_column(JSON)      # level → thresholds that suggest it (settings, not code)
    group_criteria: Mapped[Optional[dict]] = mapped_column(JSON)   # the same for the groups' own assessment
    closed: Mapped[bool] = mapped_column(default=False)
    scope_unit_id: Mapped[Optional[int]] = mapped_column(ForeignKey("unit.id"))
    created_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    scope_unit: Mapped[Optional[Unit]] = relationship()
    assessments: Mapped[list["Assessment"]] = relationship(back_populates="round", cascade="all, delete-orphan")
    group_assessments: Mapped[list["GroupAssessment"]] = relationship(back_populates="round",
                                                                      cascade="all, delete-orphan")


def _level(name: str):
    return mapped_column(str_enum(AssessmentLevel, name), nullable=True)


class Assessment(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("assessment_round.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("working_group.id"), index=True)
    figures: Mapped[dict] = mapped_column(JSON)
    suggested_level: Mapped[Optional[AssessmentLevel]] = _level("assessment_suggested_level")
    self_level: Mapped[Optional[AssessmentLevel]] = _level("assessment_self_level")
    self_text: Mapped[Optional[str]] = mapped_column(Text)
    self_on: Mapped[Optional[date]]
    proposed_level: Mapped[Optional[AssessmentLevel]] = _level("assessment_proposed_level")
    proposal_comment: Mapped[Optional[str]] = mapped_column(Text)
    proposed_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    proposed_on: Mapped[Optional[date]]
    decided_level: Mapped[Optional[AssessmentLevel]] = _level("assessment_decided_level")
    decision_note: Mapped[Optional[str]] = mapped_column(Text)
    decided_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    decided_on: Mapped[Optional[date]]

    round: Mapped[AssessmentRound] = relationship(back_populates="assessments")
    person: Mapped[Person] = relationship()
    group: Mapped[WorkingGroup] = relationship()

    __table_args__ = (UniqueConstraint("round_id", "person_id", "group_id", name="uq_assessment_member"),)


class GroupAssessment(db.Model):
    """A working group assessed as a whole in a round: its figures from the records, the level they suggest,
    the head's self-assessment of the group and the standing board's decision."""
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("assessment_round.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("working_group.id"), index=True)
    figures: Mapped[dict] = mapped_column(JSON)
    suggested_level: Mapped[Optional[AssessmentLevel]] = _level("group_assessment_suggested_level")
    self_level: Mapped[Optional[AssessmentLevel]] = _level("group_assessment_self_level")
    self_text: Mapped[Optional[str]] = mapped_column(Text)
    self_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    self_on: Mapped[Optional[date]]
    decided_level: Mapped[Optional[AssessmentLevel]] = _level("group_assessment_decided_level")
    decision_note: Mapped[Optional[str]] = mapped_column(Text)
    decided_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    decided_on: Mapped[Optional[date]]

    round: Mapped[AssessmentRound] = relationship(back_populates="group_assessments")
    group: Mapped[WorkingGroup] = relationship()

    __table_args__ = (UniqueConstraint("round_id", "group_id", name="uq_group_assessment"),)
