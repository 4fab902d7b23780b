"""Bulk writes of an import inside the session's transaction: COPY on PostgreSQL, json_each on SQLite,
executemany elsewhere; a big SQLite insert builds its random-order index once afterwards."""
import itertools
import json
from contextlib import contextmanager
from datetime import date, datetime

from sqlalchemy import func, select

from ...extensions import db

CHUNK = 20_000
REBUILD_MIN_ROWS = 100_000


def executemany(statement, rows: list[dict]) -> None:
    """Run a Core statement over parameter rows (dicts), a chunk at a time; nothing for no rows."""
    for start in range(0, len(rows), CHUNK):
        db.session.execute(statement, rows[start:start + CHUNK])


def bulk_insert(table, columns: list[str], rows, fixed: dict | None = None) -> int:
    """Insert tuples of `columns` (plus `fixed` values, the same for every row) inside the session's transaction;
    returns the number of rows.

    The hot path of an import: Core/ORM per-row parameter processing costs more than the insert itself. PostgreSQL
    (psycopg) gets the rows through COPY (executemany manages ~26,000 rows/s there); SQLite gets each chunk as one
    JSON parameter unpacked by json_each (a third faster than the DBAPI's executemany for a million rows); any
    other database gets the DBAPI's executemany."""
    connection = db.session.connection()
    fixed = fixed or {}
    quote = connection.dialect.identifier_preparer.quote
    target = f"{quote(table.name)} ({', '.join(quote(c) for c in [*columns, *fixed])})"
    tail = tuple(fixed.values())
    if connection.dialect.driver == "psycopg":
        return _copy_rows(connection, target, rows, tail)
    if _json_each_available(connection):
        connection.exec_driver_sql("PRAGMA cache_size=-32768")  # index pages of a million-row insert stay in memory
        picks = ", ".join([f"value->>{i}" for i in range(len(columns))] + ["?"] * len(fixed))
        sql = f"INSERT INTO {target} SELECT {picks} FROM json_each(?)"
        return _insert_chunks(rows, lambda chunk: connection.exec_driver_sql(
            sql, (*tail, json.dumps(chunk, ensure_ascii=False, allow_nan=False))))
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    sql = f"INSERT INTO {target} VALUES ({', '.join([mark] * (len(columns) + len(fixed)))})"
    return _insert_chunks(rows, lambda chunk: connection.exec_driver_sql(sql, [row + tail for row in chunk]))


def _copy_rows(connection, target: str, rows, tail: tuple) -> int:
    """COPY … FROM STDIN on the session's own psycopg connection (so inside its transaction)."""
    total = 0
    with connection.connection.dbapi_connection.cursor() as cursor, \
            cursor.copy(f"COPY {target} FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row + tail)
            total += 1
    return total


def _json_each_available(connection) -> bool:
    """SQLite with the JSON functions and the ->> operator built in (3.38 and later)."""
    return connection.dialect.name == "sqlite" and connection.dialect.dbapi.sqlite_version_info >= (3, 38)


def _insert_chunks(rows, insert_chunk) -> int:
    rows, total = iter(rows), 0
    while True:
        chunk = list(itertools.islice(rows, CHUNK))
        if not chunk:
            return total
        insert_chunk(chunk)
        total += len(chunk)


@contextmanager
def index_built_after(table, name: str, new_rows: int):
    """Around a big insert into SQLite, drop an index whose keys arrive in random order and build it once
    afterwards: one sort instead of a B-tree descent per row (per million marks ~1.5 s of inserting becomes
    ~0.5 s of building). Only when the insert at least doubles the table (else rebuilding costs more) and only
    inside an open transaction, so a failed import rolls the drop back with everything else."""
    connection = db.session.connection()
    index = next(i for i in table.indexes if i.name == name)
    rebuild = (connection.dialect.name == "sqlite" and new_rows >= REBUILD_MIN_ROWS
               and connection.connection.dbapi_connection.in_transaction
               and new_rows >= (connection.scalar(select(func.max(table.c.id))) or 0))
    if rebuild:
        index.drop(connection)
    yield
    if rebuild:
        index.create(connection)


def db_value(value):
    """A Python value as the DBAPI stores it for SQLAlchemy's column types (SQLite keeps datetimes as text)."""
    if db.session.connection().dialect.name == "sqlite" and isinstance(value, (datetime, date)):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    return value
