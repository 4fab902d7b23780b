"""Spreadsheet imports: batches (with receipts and undo data), remembered column mappings, background jobs."""
import enum
from datetime import datetime
from typing import Optional

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clock import utcnow
from ..extensions import db
from ._types import str_enum
from .accounts import User


class BatchStatus(str, enum.Enum):
    DRAFT = "draft"          # uploaded, being previewed
    COMMITTING = "committing"  # taken by one commit (the conditional UPDATE only one caller wins)
    COMMITTED = "committed"  # written to the database
    UNDOING = "undoing"      # taken by one undo
    UNDONE = "undone"        # reverted
    CANCELLED = "cancelled"  # abandoned before commit


class JobStatus(str, enum.Enum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class ImportBatch(db.Model):
    """One uploaded file from preview to commit (and undo); its receipt and everything undo needs."""

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[Optional[str]] = mapped_column(String(16))
    status: Mapped[BatchStatus] = mapped_column(str_enum(BatchStatus, "import_batch_status"),
                                                default=BatchStatus.DRAFT, index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size_bytes: Mapped[int]
    sheet: Mapped[Optional[str]] = mapped_column(String(255))
    header_row: Mapped[Optional[int]]
    signature: Mapped[Optional[str]] = mapped_column(String(64))
    mapping: Mapped[Optional[dict]] = mapped_column(JSON)
    overrides: Mapped[Optional[dict]] = mapped_column(JSON)
    layout: Mapped[Optional[dict]] = mapped_column(JSON)  # the officer's corrections (importers.overrides)
    options: Mapped[Optional[dict]] = mapped_column(JSON)
    confirmations: Mapped[Optional[dict]] = mapped_column(JSON)  # the officer's answers in the values table
    summary: Mapped[Optional[dict]] = mapped_column(JSON)
    counts: Mapped[Optional[dict]] = mapped_column(JSON)
    row_results: Mapped[Optional[list]] = mapped_column(JSON)
    error: Mapped[Optional[str]] = mapped_column(Text)
    created_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    committed_at: Mapped[Optional[datetime]]
    undone_at: Mapped[Optional[datetime]]

    created_by: Mapped[Optional[User]] = relationship()


class ImportChange(db.Model):
    """A row a batch created (few-row tables) or updated (with its before-image), for undo."""

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id", ondelete="CASCADE"), index=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[int]
    action: Mapped[str] = mapped_column(String(16))
    before: Mapped[Optional[dict]] = mapped_column(JSON)


class ImportMapping(db.Model):
    """A confirmed column mapping, remembered by the header signature of the file it was made for."""

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    signature: Mapped[str] = mapped_column(String(64))
    mapping: Mapped[dict] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))

    __table_args__ = (UniqueConstraint("kind", "signature", name="uq_import_mapping_kind_signature"),)


class ImportJob(db.Model):
    """Background parse or commit of a big file: claimed by one worker with a lease; any process reads its progress."""

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(16))
    status: Mapped[JobStatus] = mapped_column(str_enum(JobStatus, "import_job_status"), default=JobStatus.QUEUED,
                                              index=True)
    progress: Mapped[int] = mapped_column(default=0)
    message: Mapped[Optional[str]] = mapped_column(Text)
    created_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[Optional[datetime]]
    scope_path: Mapped[Optional[str]] = mapped_column(String(255))  # the starter's scope, for whichever worker runs it
    worker: Mapped[Optional[str]] = mapped_column(String(64))  # host:pid:thread of the worker holding the lease
    started_at: Mapped[Optional[datetime]]
    heartbeat_at: Mapped[Optional[datetime]]  # renewed by the running worker; stale = the worker died

    batch: Mapped[ImportBatch] = relationship()
