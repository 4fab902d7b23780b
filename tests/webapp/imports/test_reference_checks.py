"""An import's commit on SQLite checks foreign keys once, before committing, instead of on each inserted row
(`locks.begin_writing(references_at_end=True)`): a broken reference still refuses the whole write, and the
connection has its per-row checks back once it returns to the pool."""
import pytest
from sqlalchemy import func, select

from webapp.extensions import db
from webapp.imports import locks, services
from webapp.models import Person

from .test_exactly_once import NAMES, roster_batch


def _foreign_keys_on() -> bool:
    return db.session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


@pytest.fixture
def sqlite_only(app):
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        pytest.skip("SQLite's foreign-key setting only")


def test_a_commit_leaves_every_connection_checking_references(app, sqlite_only, root_unit, term, tmp_path):
    batch_id = roster_batch(tmp_path / "ds.xlsx", NAMES[:4], ["Chi bộ Kiểm Tra Khóa"], root_unit)
    seen = []
    check = locks.check_references

    def watched():
        seen.append(_foreign_keys_on())
        check()

    locks.check_references = watched
    try:
        counts = services.commit_batch(batch_id, None)
    finally:
        locks.check_references = check
    assert counts["created"]["person"] == 4
    assert seen == [False]  # per-row checks were off during the write, and the end check ran
    db.session.rollback()
    assert _foreign_keys_on()


def test_a_broken_reference_refuses_the_whole_write(app, sqlite_only, root_unit):
    before = db.session.scalar(select(func.count()).select_from(Person))
    locks.begin_writing(references_at_end=True)
    db.session.execute(Person.__table__.insert().values(full_name="Người Thử", search_key="nguoi thu",
                                                        sort_key="thu nguoi", home_unit_id=987654))
    with pytest.raises(RuntimeError, match="missing unit"):
        locks.check_references()
    db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(Person)) == before
    assert _foreign_keys_on()


def test_other_writes_keep_per_row_checks(app, sqlite_only, root_unit):
    locks.begin_writing()
    assert _foreign_keys_on()
    db.session.rollback()
