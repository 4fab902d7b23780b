"""Members' reports up the chain: a group decides how often its members report; each report keeps the figures
taken from the records at the time it was written, and what the member wrote."""
from datetime import date, datetime
from typing import Optional

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clock import utcnow
from ..extensions import db
from ._types import str_enum
from .accounts import User
from .groups import WorkingGroup
from .people import Person
from .reporting import ReportFrequency


class MemberReportRule(db.Model):
    """A group's members each owe a report every period, due on `due_day` of the month `months_after` it ends."""

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("working_group.id"), unique=True)
    frequency: Mapped[ReportFrequency] = mapped_column(str_enum(ReportFrequency, "member_report_frequency"))
    due_day: Mapped[int] = mapped_column(default=25)
    months_after: Mapped[int] = mapped_column(default=0)
    starts_on: Mapped[date]
    active: Mapped[bool] = mapped_column(default=True)

    group: Mapped[WorkingGroup] = relationship()

    __table_args__ = (
        CheckConstraint("due_day BETWEEN 1 AND 31", name="member_rule_due_day"),
        CheckConstraint("months_after BETWEEN 0 AND 12", name="member_rule_months_after"),
    )


class MemberReport(db.Model):
    """One member's report for one period, with the period's figures as they stood when it was written."""

    id: Mapped[int] = mapped_column(primary_key=True)
    rule_id: Mapped[int] = mapped_column(ForeignKey("member_report_rule.id"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("working_group.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    period_key: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    visits: Mapped[int] = mapped_column(default=0)
    meetings_attended: Mapped[int] = mapped_column(default=0)
    feedback: Mapped[int] = mapped_column(default=0)
    submitted_on: Mapped[date]
    submitted_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    rule: Mapped[MemberReportRule] = relationship()
    group: Mapped[WorkingGroup] = relationship()
    person: Mapped[Person] = relationship()
    submitted_by: Mapped[Optional[User]] = relationship()

    __table_args__ = (UniqueConstraint("rule_id", "person_id", "period_key", name="uq_member_report_period"),)
