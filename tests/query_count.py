"""Counting the SQL statements a request runs (every statement the engine sends, through before_cursor_execute)."""
from contextlib import contextmanager

from sqlalchemy import event

from webapp import data_cache
from webapp.extensions import db


@contextmanager
def counted_statements():
    """Collect the statements sent to the database inside the block (the list is filled as they run)."""
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def statements_of(client, url: str, **kwargs) -> list[str]:
    """The statements one GET runs, from an empty session: the tests hold one session across requests, and a row
    it already holds would hide the lazy load a real request makes. The whole-database facts kept between requests
    (`data_cache`) are forgotten too, so two counts compare like with like (both read them)."""
    db.session.expunge_all()
    data_cache.clear()
    with counted_statements() as statements:
        response = client.get(url, **kwargs)
    assert response.status_code == 200, (url, response.status_code)
    return statements
