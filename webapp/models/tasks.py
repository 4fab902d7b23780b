"""Tasks from briefing conclusions, opinions, feedback or typed by hand, with dated progress notes."""
import enum
from datetime import date, datetime
from typing import Optional

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clock import utcnow
from ..extensions import db
from ._types import str_enum
from .accounts import User
from .groups import WorkingGroup
from .people import Person
from .units import Unit


class TaskStatus(str, enum.Enum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


FINISHED_TASK_STATUSES = (TaskStatus.DONE, TaskStatus.CANCELLED)
TASK_SOURCE_KINDS = ("conclusion_point", "opinion", "feedback", "field_visit")


class Task(db.Model):
    """A task owned by exactly one of: a working group, a person or a unit."""

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[Optional[str]] = mapped_column(Text)
    owner_group_id: Mapped[Optional[int]] = mapped_column(ForeignKey("working_group.id"), index=True)
    owner_person_id: Mapped[Optional[int]] = mapped_column(ForeignKey("person.id"), index=True)
    owner_unit_id: Mapped[Optional[int]] = mapped_column(ForeignKey("unit.id"), index=True)
    deadline: Mapped[date] = mapped_column(index=True)
    status: Mapped[TaskStatus] = mapped_column(str_enum(TaskStatus, "task_status"), default=TaskStatus.OPEN)
    source_kind: Mapped[Optional[str]] = mapped_column(String(32))
    source_id: Mapped[Optional[int]]
    completed_on: Mapped[Optional[date]]
    created_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    owner_group: Mapped[Optional[WorkingGroup]] = relationship()
    owner_person: Mapped[Optional[Person]] = relationship()
    owner_unit: Mapped[Optional[Unit]] = relationship()
    created_by: Mapped[Optional[User]] = relationship()
    notes: Mapped[list["TaskNote"]] = relationship(back_populates="task", order_by="TaskNote.noted_on.desc()",
                                                   cascade="all, delete-orphan")

    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN owner_group_id IS NULL THEN 0 ELSE 1 END) + "
            "(CASE WHEN owner_person_id IS NULL THEN 0 ELSE 1 END) + "
            "(CASE WHEN owner_unit_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="task_one_owner",
        ),
        Index("ix_task_source", "source_kind", "source_id"),
    )

    @property
    def owner_name(self) -> str:
        owner = self.owner_group or self.owner_person or self.owner_unit
        return getattr(owner, "name", None) or getattr(owner, "full_name", "")


class TaskNote(db.Model):
    """A dated progress note on a task."""

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), index=True)
    noted_on: Mapped[date]
    text: Mapped[str] = mapped_column(Text)
    by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)

    task: Mapped[Task] = relationship(back_populates="notes")
    by: Mapped[Optional[User]] = relationship()
