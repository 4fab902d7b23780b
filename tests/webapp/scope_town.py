"""The demo town one test module shares (the write-scope, fuzz and double-submit tables): loaded once for the
module, emptied at its end, and the helpers that find its records and fill its forms.

A module takes `_clean_database` from here (it replaces the suite's per-test emptying) and builds its `town`
fixture with `demo_town`."""
from contextlib import contextmanager
from datetime import timedelta

import pytest

from tests.conftest import _empty_all_tables
from webapp.clock import local_today
from webapp.demo import load_demo
from webapp.extensions import db


@pytest.fixture(autouse=True)
def _clean_database():
    """The module's town lives for the whole module (emptied by `demo_town` at its end), not a single test."""
    yield
    db.session.rollback()


@contextmanager
def demo_town(app, find_records):
    """The demo town loaded, `find_records()` (the records the module's tests name, added where the demo has
    none) committed and given to the block; every table emptied when the block ends, however it ends."""
    with app.app_context():
        load_demo()
        try:
            records = find_records()
            db.session.commit()
            yield records
        finally:
            _empty_all_tables()
            db.session.remove()


class Ids:
    """The town's records, by id, as attributes."""

    def __init__(self, values: dict):
        self.__dict__.update(values)


class NoTown:
    """Stands for the town's ids where a table is read only for its endpoints (at collection)."""

    def __getattr__(self, name):
        return 0


def one(statement):
    """The first row the statement selects, or None."""
    return db.session.scalars(statement.limit(1)).first()


def day(offset: int = 0) -> str:
    """Today (or `offset` days from it) as a form's date field takes it."""
    return (local_today() + timedelta(days=offset)).strftime("%d/%m/%Y")
