"""Citizens' feedback register: categories with an SLA, items with a recorded workflow, attachments."""
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


class FeedbackStatus(str, enum.Enum):
    NEW = "new"
    FORWARDED = "forwarded"
    IN_PROGRESS = "in_progress"
    ANSWERED = "answered"
    CLOSED = "closed"
    ESCALATED = "escalated"


SETTLED_STATUSES = (FeedbackStatus.ANSWERED, FeedbackStatus.CLOSED)


class FeedbackCategory(db.Model):
    """A kind of feedback (e.g. land & urban order) with its response time in calendar days."""

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(160), unique=True)
    restricted: Mapped[bool] = mapped_column(default=False)
    sla_days: Mapped[int] = mapped_column(default=15)
    active: Mapped[bool] = mapped_column(default=True)

    __table_args__ = (CheckConstraint("sla_days > 0", name="category_sla_positive"),)


class FeedbackItem(db.Model):
    """One concern, proposal or petition reported up by a member, and where it stands."""

    id: Mapped[int] = mapped_column(primary_key=True)
    received_on: Mapped[date] = mapped_column(index=True)
    due_on: Mapped[date] = mapped_column(index=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("feedback_category.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    group_id: Mapped[Optional[int]] = mapped_column(ForeignKey("working_group.id"), index=True)
    source_person_id: Mapped[Optional[int]] = mapped_column(ForeignKey("person.id"), index=True)
    citizen_ref: Mapped[Optional[str]] = mapped_column(String(160))
    field_visit_id: Mapped[Optional[int]] = mapped_column(ForeignKey("field_visit.id"), index=True)
    content: Mapped[str] = mapped_column(Text)
    status: Mapped[FeedbackStatus] = mapped_column(str_enum(FeedbackStatus, "feedback_status"),
                                                   default=FeedbackStatus.NEW, index=True)
    forwarded_to: Mapped[Optional[str]] = mapped_column(String(255))
    forwarded_group_id: Mapped[Optional[int]] = mapped_column(ForeignKey("working_group.id"))
    handler_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"), index=True)
    answer: Mapped[Optional[str]] = mapped_column(Text)
    answered_on: Mapped[Optional[date]]
    closed_on: Mapped[Optional[date]]
    created_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    category: Mapped[FeedbackCategory] = relationship()
    unit: Mapped[Unit] = relationship()
    group: Mapped[Optional[WorkingGroup]] = relationship(foreign_keys=[group_id])
    forwarded_group: Mapped[Optional[WorkingGroup]] = relationship(foreign_keys=[forwarded_group_id])
    source_person: Mapped[Optional[Person]] = relationship()
    handler: Mapped[Optional[User]] = relationship(foreign_keys=[handler_id])
    created_by: Mapped[Optional[User]] = relationship(foreign_keys=[created_by_id])
    events: Mapped[list["FeedbackEvent"]] = relationship(back_populates="item", order_by="FeedbackEvent.id",
                                                         cascade="all, delete-orphan")
    attachments: Mapped[list["Attachment"]] = relationship(back_populates="feedback_item",
                                                           order_by="Attachment.id")

    __table_args__ = (Index("ix_feedback_item_status_due", "status", "due_on"),)

    @property
    def number(self) -> str:
        """The register number officers quote, e.g. PA-00042."""
        return f"PA-{self.id:05d}"


class FeedbackEvent(db.Model):
    """One recorded step of an item's workflow: from, to, by whom, when, and a note."""

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("feedback_item.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[Optional[FeedbackStatus]] = mapped_column(str_enum(FeedbackStatus, "feedback_event_from"))
    to_status: Mapped[FeedbackStatus] = mapped_column(str_enum(FeedbackStatus, "feedback_event_to"))
    by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    note: Mapped[Optional[str]] = mapped_column(Text)

    item: Mapped[FeedbackItem] = relationship(back_populates="events")
    by: Mapped[Optional[User]] = relationship()


class Attachment(db.Model):
    """An uploaded file kept under UPLOAD_FOLDER, belonging to a feedback item or a report submission."""

    id: Mapped[int] = mapped_column(primary_key=True)
    feedback_item_id: Mapped[Optional[int]] = mapped_column(ForeignKey("feedback_item.id", ondelete="CASCADE"),
                                                            index=True)
    report_submission_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("report_submission.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(255), unique=True)
    content_type: Mapped[Optional[str]] = mapped_column(String(120))
    size_bytes: Mapped[int] = mapped_column(default=0)
    uploaded_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)

    feedback_item: Mapped[Optional[FeedbackItem]] = relationship(back_populates="attachments")

    __table_args__ = (
        CheckConstraint("(feedback_item_id IS NULL) <> (report_submission_id IS NULL)", name="attachment_one_owner"),
    )
