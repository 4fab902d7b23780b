"""The register of outgoing documents (sổ văn bản đi): each document gets the next number of its kind in the
issuer's year, and keeps the document as printed, so it can be printed again exactly."""
from datetime import date, datetime
from typing import Optional

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clock import utcnow
from ..extensions import db
from .accounts import User
from .units import Unit


class OutgoingDocument(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    issuer_unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))          # BC, TB, QĐ, GM (the symbol's type part)
    year: Mapped[int]
    number: Mapped[int]
    symbol: Mapped[str] = mapped_column(String(40))       # 12-BC/ĐU
    title: Mapped[str] = mapped_column(String(500))
    issued_on: Mapped[date]
    source_kind: Mapped[Optional[str]] = mapped_column(String(32))
    source_id: Mapped[Optional[int]]
    content: Mapped[dict] = mapped_column(JSON)            # the OfficialDocument as data
    created_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The issuing form's one-time token: a second submit of the same form finds this row instead of a new number.
    request_token: Mapped[Optional[str]] = mapped_column(String(40), unique=True)

    issuer: Mapped[Unit] = relationship()
    created_by: Mapped[Optional[User]] = relationship()

    __table_args__ = (UniqueConstraint("issuer_unit_id", "kind", "year", "number", name="uq_outgoing_number"),)


class SignedCopy(db.Model):
    """The digitally signed PDF actually sent for a number, kept byte for byte, with what its check found. A
    replaced copy stays (its `replaced_at` set): the register shows the one copy not replaced."""
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("outgoing_document.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))         # valid, modified, untrusted, expired, unsigned
    signer_name: Mapped[Optional[str]] = mapped_column(String(300))
    signed_at: Mapped[Optional[datetime]]                   # UTC
    uploaded_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)
    replaced_at: Mapped[Optional[datetime]]

    document: Mapped[OutgoingDocument] = relationship()
    uploaded_by: Mapped[Optional[User]] = relationship()
