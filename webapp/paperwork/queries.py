"""Reads of the register: the signed copy each number shows, and a number's replaced copies."""
from sqlalchemy import select

from ..extensions import db
from ..models import OutgoingDocument, SignedCopy


def current_signed_copy(document: OutgoingDocument) -> SignedCopy | None:
    """The signed copy the register shows for a number: the last one uploaded and not replaced."""
    return db.session.scalar(select(SignedCopy).where(SignedCopy.document_id == document.id,
                                                      SignedCopy.replaced_at.is_(None))
                             .order_by(SignedCopy.id.desc()).limit(1))


def current_copies(document_ids: list[int]) -> dict[int, SignedCopy]:
    """Document id → its signed copy in force, for a page of the register."""
    rows = db.session.scalars(select(SignedCopy).where(SignedCopy.document_id.in_(document_ids or [0]),
                                                       SignedCopy.replaced_at.is_(None)).order_by(SignedCopy.id))
    return {row.document_id: row for row in rows}


def replaced_copies(document: OutgoingDocument) -> list[SignedCopy]:
    """The copies uploaded for a number and later replaced, newest first."""
    return list(db.session.scalars(select(SignedCopy).where(SignedCopy.document_id == document.id,
                                                            SignedCopy.replaced_at.is_not(None))
                                   .order_by(SignedCopy.id.desc())))
