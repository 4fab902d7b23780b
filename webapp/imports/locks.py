"""Exactly-once import writes: a batch changes state through a conditional UPDATE only one caller wins, and
the writes of commits and undos run one at a time on each database (so "create if missing" never races)."""
from sqlalchemy import text, update

from ..extensions import db
from ..models import ImportBatch

WRITE_LOCK_KEY = 0x6463_7401  # pg_advisory_xact_lock key shared by every process writing imports


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
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY})
    elif connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
