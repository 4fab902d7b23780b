"""Exactly-once import writes: a batch changes state through a conditional UPDATE only one caller wins, and
the writes of commits and undos run one at a time on each database (so "create if missing" never races)."""
import hashlib
import os
import socket
import threading
import time

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import text, update
from sqlalchemy.exc import DBAPIError, OperationalError

from ..extensions import db
from ..models import ImportBatch
from .commit import ImportRefused

REFERENCES_AT_END = "foreign keys checked at the end"  # a connection's info key: SQLite checks them once
WRITE_LOCK_KEY = 0x6463_7401  # pg_advisory_xact_lock key shared by every process writing imports
DEFAULT_LEASE_SECONDS = 60
WAIT_SLICE_SECONDS = 2  # a writer waiting for the lock looks for a lost holder this often
_while_waiting = []  # what a waiting writer runs between slices (`jobs` fails lost jobs): returns a count taken over


def while_waiting(take_over) -> None:
    """Have writers waiting for the import lock run `take_over()` between slices of their wait; it returns how
    many lost holders it took the lock from (jobs.expire_stale: this module sits below the jobs it locks for)."""
    _while_waiting.append(take_over)


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


def writer_name() -> str:
    """This thread of this process on this host: the name a job's worker is known by."""
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"[:64]


def writer_tag(worker: str) -> str:
    """The PostgreSQL application_name a writer's session carries while it holds the import lock (ASCII, short
    enough for the server to keep whole), so the session of a writer that lost its lease can be found."""
    return "doancongtac-import-" + hashlib.sha256(worker.encode()).hexdigest()[:24]


def end_lost_writer(connection, worker: str | None) -> int:
    """PostgreSQL: end the database session of a writer whose lease ran out (frozen by SIGSTOP, a hung host), so
    the import lock its transaction holds is released now; a session stuck mid-statement (a COPY waiting for
    rows) is never idle in its transaction, so the server's idle timeout alone would not end it. Returns how many
    sessions were ended (0 elsewhere, or without the right to signal them: the idle timeout remains)."""
    if worker is None or connection.dialect.name != "postgresql":
        return 0
    try:
        with connection.begin_nested():
            return len(connection.execute(text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                "AND application_name = :tag AND pid <> pg_backend_pid()"), {"tag": writer_tag(worker)}).all())
    except DBAPIError:  # another role's session, and this one may not signal it
        current_app.logger.warning("import writer %s: its session could not be ended", worker)
        return 0


def begin_writing(references_at_end: bool = False) -> None:
    """Open the session's transaction holding the import write lock (released at its commit or rollback).

    PostgreSQL: a transaction-scoped advisory lock. SQLite: BEGIN IMMEDIATE takes the database's write lock
    before the first look-up, so no other writer slips in between a look-up and its insert.

    `references_at_end` (an import, which inserts and updates but never deletes, so no cascade is lost): SQLite
    checks foreign keys once, over the whole database, before the commit (`check_references`) instead of on every
    inserted row; per million marks ~1.9 s of per-row look-ups become ~0.4 s. The setting belongs to the
    connection and can only change outside a transaction, so it is switched off here and switched on again when
    the connection goes back to the pool (`restore_references`), before anyone else can take it."""
    db.session.rollback()
    connection = db.session.connection()
    if connection.dialect.name == "postgresql":
        _take_advisory_lock()
    elif connection.dialect.name == "sqlite":
        if references_at_end:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.connection.info[REFERENCES_AT_END] = True
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def check_references() -> None:
    """Before committing a write begun with `references_at_end`: a row pointing at nothing is a fault of the
    writer, and the whole write is refused (rolled back by the caller), as SQLite would have refused that row."""
    connection = db.session.connection()
    if connection.dialect.name != "sqlite" or not connection.connection.info.get(REFERENCES_AT_END):
        return
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
    if broken is not None:
        table, rowid, parent, _ = broken
        raise RuntimeError(f"import wrote {table} row {rowid} referring to a missing {parent} row")


def restore_references(dbapi_connection, connection_record) -> None:
    """Pool check-in (after its rollback): foreign keys on again for a connection an import switched them off on."""
    if dbapi_connection is not None and connection_record.info.pop(REFERENCES_AT_END, False):
        dbapi_connection.execute("PRAGMA foreign_keys=ON")


def _take_advisory_lock() -> None:
    """Wait for the import lock up to a lease, in slices: between them, jobs whose lease ran out are failed and
    their writers' sessions ended (`while_waiting`), so a frozen holder keeps others waiting only its lease.

    A writer frozen mid-transaction (SIGSTOP, a hung host) must not hold the lock past its lease: its session
    carries a tag by which it is ended once its lease has run out, and the server ends a session left idle in
    its transaction that long anyway; a writer waiting for the lock gives up after a lease with a message."""
    deadline = time.monotonic() + lease_seconds()
    while True:
        connection = db.session.connection()
        left = deadline - time.monotonic()
        connection.exec_driver_sql(f"SET LOCAL idle_in_transaction_session_timeout = {_lease_ms()}")
        connection.exec_driver_sql(f"SET LOCAL lock_timeout = {max(1, int(1000 * min(left, WAIT_SLICE_SECONDS)))}")
        try:
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY})
            break
        except OperationalError as error:
            if not _waited_too_long(error):
                raise
            db.session.rollback()
            taken_over = sum(take_over() for take_over in _while_waiting)  # a lost holder ended: try once more
            db.session.rollback()
            if taken_over:  # its session is ending: its lock is free in a moment
                deadline = max(deadline, time.monotonic() + WAIT_SLICE_SECONDS)
            elif time.monotonic() >= deadline:
                raise ImportRefused(_("Một lần nhập khác đang ghi dữ liệu; hãy thử lại sau ít phút.")) from error
    connection.exec_driver_sql("SET LOCAL lock_timeout = 0")
    connection.execute(text("SELECT set_config('application_name', :tag, true)"), {"tag": writer_tag(writer_name())})
