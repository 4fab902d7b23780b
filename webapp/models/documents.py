"""Regulations and decisions, with the uploaded file kept in the instance folder."""
from datetime import date, datetime
from typing import Optional

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clock import utcnow
from ..extensions import db
from .accounts import User  # noqa: F401  (DocumentComment.user)
from .groups import Term


class Document(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[Optional[str]] = mapped_column(String(80))
    title: Mapped[str] = mapped_column(String(300))
    issued_on: Mapped[Optional[date]]
    summary: Mapped[Optional[str]] = mapped_column(Text)
    term_id: Mapped[Optional[int]] = mapped_column(ForeignKey("term.id"), index=True)
    file_name: Mapped[Optional[str]] = mapped_column(String(255))
    stored_name: Mapped[Optional[str]] = mapped_column(String(255))
    content_type: Mapped[Optional[str]] = mapped_column(String(120))
    size_bytes: Mapped[Optional[int]]
    uploaded_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)
    # A regulation by version: draft → issued; in force over [effective_from, effective_to]; it may replace,
    # amend or annul an earlier one; the obligations it sets apply to the periods it is in force.
    status: Mapped[str] = mapped_column(String(16), default="issued", server_default="issued")
    effective_from: Mapped[Optional[date]]
    effective_to: Mapped[Optional[date]]
    relation: Mapped[Optional[str]] = mapped_column(String(16))    # replaces / amends / annuls
    related_id: Mapped[Optional[int]] = mapped_column(ForeignKey("document.id"), index=True)
    attendance_times: Mapped[Optional[int]]    # each followed unit at least N times …
    attendance_months: Mapped[Optional[int]]   # … per 1, 3, 6 or 12 months (None: every meeting)

    term: Mapped[Optional[Term]] = relationship()
    related: Mapped[Optional["Document"]] = relationship(remote_side=[id])
    cell_rules: Mapped[Optional["CellMeetingRules"]] = relationship(back_populates="document",
                                                                    cascade="all, delete-orphan")
    comments: Mapped[list["DocumentComment"]] = relationship(back_populates="document", cascade="all, delete-orphan",
                                                             order_by="DocumentComment.id")


class DocumentComment(db.Model):
    """A comment on a draft regulation."""

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(default=utcnow)

    document: Mapped[Document] = relationship(back_populates="comments")
    user: Mapped[Optional["User"]] = relationship()  # noqa: F821


class CellMeetingRules(db.Model):
    """The cell meeting rule set a regulation version adopts (defaults: HD 42-HD/BTCTW, 2025, and HD 12-HD/BTCTW,
    2018); the version in force on a meeting's date judges it."""

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), unique=True)
    member_notice_days: Mapped[int] = mapped_column(default=3)      # invitation to members, days ahead
    committee_notice_days: Mapped[int] = mapped_column(default=5)   # to the assigned committee member
    documents_days: Mapped[int] = mapped_column(default=3)          # documents sent ahead
    thematic_per_quarter: Mapped[int] = mapped_column(default=1)    # thematic meetings a quarter, at least
    min_minutes: Mapped[int] = mapped_column(default=90)            # shortest meeting
    attendance_percent: Mapped[int] = mapped_column(default=85)     # attendance at each meeting, at least
    max_excused_in_row: Mapped[int] = mapped_column(default=3)      # excused absences in a row, at most
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    document: Mapped[Document] = relationship(back_populates="cell_rules")

    __table_args__ = (
        CheckConstraint("member_notice_days BETWEEN 0 AND 60 AND committee_notice_days BETWEEN 0 AND 60 "
                        "AND documents_days BETWEEN 0 AND 60", name="cell_rules_days"),
        CheckConstraint("thematic_per_quarter BETWEEN 0 AND 3 AND min_minutes BETWEEN 0 AND 600 "
                        "AND attendance_percent BETWEEN 0 AND 100 AND max_excused_in_row BETWEEN 1 AND 24",
                        name="cell_rules_figures"),
    )
