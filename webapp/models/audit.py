"""Audit trail: every change to a domain row, with who, when and the values before and after.

Entries are append-only and hash-chained (`webapp/audit_chain.py`): at commit each new entry gets the next
`chain_seq`, the hash of the entry before it (`prev_hash`) and its own (`entry_hash`). Entries older than the
retention are moved to signed archive files; `AuditArchive` records where the chain continues from."""
import enum
from datetime import datetime
from typing import Optional

from sqlalchemy import JSON, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from ..clock import utcnow
from ..extensions import db


class AuditAction(str, enum.Enum):
    """What an entry records (stored as plain text in `AuditLog.action`)."""

    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"
    IMPORT = "import"            # an import batch committed (its rows are audited by the batch)
    UNDO_IMPORT = "undo_import"  # an import batch reverted
    READ = "read"                # restricted content shown to someone allowed to see it (`audit.log_read`)


class AuditLog(db.Model):
    # the data version (`audit_chain.data_head`): the newest entry that is not a read, found without walking reads
    __table_args__ = (Index("ix_audit_log_change_seq", "chain_seq", sqlite_where=text("action != 'read'"),
                            postgresql_where=text("action != 'read'")),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"), index=True)
    action: Mapped[str] = mapped_column(String(16))
    table_name: Mapped[str] = mapped_column(String(64), index=True)
    row_id: Mapped[Optional[int]] = mapped_column(index=True)
    before: Mapped[Optional[dict]] = mapped_column(JSON)
    after: Mapped[Optional[dict]] = mapped_column(JSON)
    note: Mapped[Optional[str]] = mapped_column(String(255))
    chain_seq: Mapped[Optional[int]] = mapped_column(unique=True)   # None until sealed at commit
    prev_hash: Mapped[Optional[str]] = mapped_column(String(64))
    entry_hash: Mapped[Optional[str]] = mapped_column(String(64))


class AuditArchive(db.Model):
    """One archiving: entries up to `up_to_seq` were written to `file_name` and removed from the log; the chain
    in the log continues from `last_hash`. `signature` (HMAC with SECRET_KEY) makes this row itself tamper-evident."""

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    from_seq: Mapped[int]
    up_to_seq: Mapped[int]
    entries: Mapped[int]
    last_hash: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(255))
    file_digest: Mapped[str] = mapped_column(String(64))
    signature: Mapped[str] = mapped_column(String(64))
