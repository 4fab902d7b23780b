"""The reporting regime: which group owes which periodic report, and what was submitted when."""
import enum
from datetime import date, datetime
from typing import Optional

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clock import utcnow
from ..extensions import db
from ._types import str_enum
from .accounts import User
from .groups import WorkingGroup


class ReportFrequency(str, enum.Enum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"


class Standing(str, enum.Enum):
    """Where a group's report for one period stands (computed by `reports.periods`, never stored)."""
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    NOT_YET_DUE = "not_yet_due"


class ReportSchedule(db.Model):
    """A group owes a report each period, due on `due_day` of the month `months_after` the period ends."""

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("working_group.id"), index=True)
    frequency: Mapped[ReportFrequency] = mapped_column(str_enum(ReportFrequency, "report_frequency"))
    due_day: Mapped[int] = mapped_column(default=20)
    months_after: Mapped[int] = mapped_column(default=1)
    starts_on: Mapped[date]
    active: Mapped[bool] = mapped_column(default=True)

    group: Mapped[WorkingGroup] = relationship()

    __table_args__ = (
        UniqueConstraint("group_id", "frequency", name="uq_report_schedule_group_frequency"),
        CheckConstraint("due_day BETWEEN 1 AND 31", name="schedule_due_day"),
        CheckConstraint("months_after BETWEEN 0 AND 12", name="schedule_months_after"),
    )


class ReportSubmission(db.Model):
    """A report a group handed in for one period (period key such as 2025-10, 2025-Q4, 2025-H2, 2025)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    schedule_id: Mapped[int] = mapped_column(ForeignKey("report_schedule.id"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("working_group.id"), index=True)
    period_key: Mapped[str] = mapped_column(String(10))
    text: Mapped[Optional[str]] = mapped_column(Text)
    submitted_on: Mapped[date]
    submitted_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    schedule: Mapped[ReportSchedule] = relationship()
    group: Mapped[WorkingGroup] = relationship()
    submitted_by: Mapped[Optional[User]] = relationship()
    attachments: Mapped[list["Attachment"]] = relationship(order_by="Attachment.id")  # noqa: F821

    __table_args__ = (UniqueConstraint("schedule_id", "period_key", name="uq_report_submission_period"),)
