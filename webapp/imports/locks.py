"""Exactly-once import writes: a batch changes state through a conditional UPDATE only one caller wins, and
the writes of commits and undos run one at a time on each database (so "create if missing" never races)."""
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import text, update
from sqlalchemy.exc import OperationalError

from ..extensions import db
from ..models import ImportBatch
from .commit import ImportRefused

WRITE_LOCK_KEY = 0x6463_7401  # pg_advisory_xact_lock key shared by every process writing imports
DEFAULT_LEASE_SECONDS = 60


def lease_seconds() -> int:
    """How long a writer (a job's worker) may go silent before others take over: its lease."""
    return int(current_app.config.get("IMPORT_JOB_LEASE_SECONDS", DEFAULT_LEASE_SECONDS))


def _lease_ms() -> int:
    return 1000 * lease_seconds()


def _waited_too_long(error: OperationalError) -> bool:
    return getattr(error.orig, "sqlstate", None) == "55P03"  # lock_not_available


def claim(batch_id: int, before: str, after: str) -> bool:
    """Move a batch from `before` to `after` in its own short transaction; True for the one caller that won."""
    db.session.rollback()  # no snapshot read earlier may decide: the UPDATE's WHERE does
    table = ImportBatch.__table__
    won = db.session.execute(update(table).where(table.c.id == batch_id, table.c.status == before)
                             .values(status=after)).rowcount == 1
    db.session.commit()
    return won


def begin_writing() -> None:
    """Open the session's transaction holding the import write lock (released at its commit or rollback).

    PostgreSQL: a transaction-scoped advisory lock. SQLite: BEGIN IMMEDIATE takes the database's write lock
    before the first look-up, so no other writer slips in between a look-up and its insert."""
    db.session.rollback()
    connection = db.session.connection()
    if connection.dialect.name == "postgresql":
        # A writer frozen mid-transaction (SIGSTOP, a hung host) must not hold the lock past its lease: the
        # server ends a session left idle in its transaction that long, which releases the lock; and a writer
        # waiting for the lock gives up after a lease with a message instead of waiting for minutes.
        lease = _lease_ms()
        connection.exec_driver_sql(f"SET LOCAL idle_in_transaction_session_timeout = {lease}")
        connection.exec_driver_sql(f"SET LOCAL lock_timeout = {lease}")
        try:
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY})
        except OperationalError as error:
            if not _waited_too_long(error):
                raise
            db.session.rollback()
            raise ImportRefused(_("Một lần nhập khác đang ghi dữ liệu; hãy thử lại sau ít phút.")) from error
        connection.exec_driver_sql("SET LOCAL lock_timeout = 0")
    elif connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
