"""Regulations and decisions, with the uploaded file kept in the instance folder."""
from datetime import date, datetime
from typing import Optional

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..clock import utcnow
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

    term: Mapped[Optional[Term]] = relationship()
