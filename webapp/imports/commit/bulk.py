"""Bulk writes of an import inside the session's transaction: COPY on PostgreSQL, multi-row VALUES on SQLite,
executemany elsewhere; a big SQLite insert builds its random-order index once afterwards."""
import itertools
import sqlite3
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
    (psycopg) gets the rows through COPY (executemany manages ~26,000 rows/s there); SQLite gets statements of as
    many rows as its parameter limit allows (`INSERT … VALUES (…), (…), …`: per million marks ~1.8 s less than
    one JSON parameter unpacked by json_each, which itself beat the DBAPI's executemany); any other database gets
    the DBAPI's executemany."""
    connection = db.session.connection()
    fixed = fixed or {}
    quote = connection.dialect.identifier_preparer.quote
    target = f"{quote(table.name)} ({', '.join(quote(c) for c in [*columns, *fixed])})"
    tail = tuple(fixed.values())
    if connection.dialect.driver == "psycopg":
        return _copy_rows(connection, target, rows, tail)
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA cache_size=-32768")  # index pages of a million-row insert stay in memory
        return _insert_values(connection, target, len(columns), rows, tail)
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    sql = f"INSERT INTO {target} VALUES ({', '.join([mark] * (len(columns) + len(fixed)))})"
    return _insert_chunks(rows, lambda chunk: connection.exec_driver_sql(sql, [row + tail for row in chunk]))


def _values_sql(target: str, width: int, count: int, fixed: int) -> str:
    """INSERT of `count` rows of `width` numbered parameters each, the `fixed` ones shared after them all."""
    shared = [f"?{count * width + i + 1}" for i in range(fixed)]
    rows = (f"({', '.join([f'?{n * width + i + 1}' for i in range(width)] + shared)})" for n in range(count))
    return f"INSERT INTO {target} VALUES {', '.join(rows)}"


def _insert_values(connection, target: str, width: int, rows, tail: tuple) -> int:
    """SQLite: statements of as many rows as its parameter limit allows (999 before SQLite 3.32, 32,766 since)."""
    try:
        limit = connection.connection.dbapi_connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    except AttributeError:  # Python before 3.11
        limit = 999
    per_statement = max(1, min(1000, (limit - len(tail)) // max(width, 1)))
    statements = {}

    def insert_chunk(chunk: list[tuple]) -> None:
        for start in range(0, len(chunk), per_statement):
            part = chunk[start:start + per_statement]
            if len(part) not in statements:
                statements[len(part)] = _values_sql(target, width, len(part), len(tail))
            connection.exec_driver_sql(statements[len(part)], (*itertools.chain.from_iterable(part), *tail))

    return _insert_chunks(rows, insert_chunk)


def _copy_rows(connection, target: str, rows, tail: tuple) -> int:
    """COPY … FROM STDIN on the session's own psycopg connection (so inside its transaction)."""
    total = 0
    with connection.connection.dbapi_connection.cursor() as cursor, \
            cursor.copy(f"COPY {target} FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row + tail)
            total += 1
    return total


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
