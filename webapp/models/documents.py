"""Regulations and decisions, with the uploaded file kept in the instance folder."""
from datetime import date, datetime
from typing import Optional

from sqlalchemy import ForeignKey, String, Text
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
