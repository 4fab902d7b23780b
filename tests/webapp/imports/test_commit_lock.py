"""#21.16: a long import commit kept every other SQLite write waiting (and refused) while it parsed its file
under the write lock. The file is now read before the lock is taken; what the database decides is still looked up
under it, and a cell fixed between the read and the lock is what gets written."""
import sqlite3

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from webapp.extensions import db
from webapp.imports import files, locks, services
from webapp.models import BatchStatus, ImportBatch, Person

from .test_exactly_once import NAMES, roster_batch


def _write_lock_is_free(url) -> bool:
    """Could another process take the import write lock right now (without waiting)?"""
    if url.get_backend_name() == "sqlite":
        other = sqlite3.connect(url.database, timeout=0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
            return True
        except sqlite3.OperationalError:
            return False
        finally:
            other.close()
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            return conn.scalar(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": locks.WRITE_LOCK_KEY})
    finally:
        engine.dispose()


@pytest.fixture
def watch_parse(monkeypatch):
    """Run `hook()` inside each parse of an import file; returns what each hook call returned."""
    seen = []

    def install(hook):
        parse = files.parse

        def watched(*args, **kwargs):
            seen.append(hook())
            return parse(*args, **kwargs)

        monkeypatch.setattr(files, "parse", watched)
        return seen

    return install


def test_the_file_is_read_while_other_writers_may_still_write(app, root_unit, term, tmp_path, watch_parse):
    batch_id = roster_batch(tmp_path / "ds.xlsx", NAMES[:5], ["Chi bộ Đọc Trước"], root_unit)
    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    lock_free = watch_parse(lambda: _write_lock_is_free(url))
    counts = services.commit_batch(batch_id, None)
    assert counts["created"]["person"] == 5
    assert lock_free == [True]  # read once, and not under the lock


def test_a_cell_fixed_between_the_read_and_the_lock_is_what_is_written(app, root_unit, term, tmp_path, watch_parse):
    batch_id = roster_batch(tmp_path / "ds.xlsx", NAMES[:3], ["Chi bộ Sửa Muộn"], root_unit)

    def fix_a_name_once():
        if not fixed:
            fixed.append(True)
            services.set_cell(batch_id, "B4", "Trần Thị Sửa Muộn")  # another request's cell fix, committed
        return True

    fixed = []
    reads = watch_parse(fix_a_name_once)
    services.commit_batch(batch_id, None)
    assert len(reads) == 2  # the settings changed after the first read: read again under the lock
    names = set(db.session.scalars(select(Person.full_name)))
    assert "Trần Thị Sửa Muộn" in names and NAMES[0] not in names
    assert db.session.get(ImportBatch, batch_id).status == BatchStatus.COMMITTED


def test_a_batch_taken_away_while_its_file_was_read_writes_nothing(app, root_unit, term, tmp_path, watch_parse):
    batch_id = roster_batch(tmp_path / "ds.xlsx", NAMES[:3], ["Chi bộ Mất Lượt"], root_unit)

    def lease_lost():  # the lease ran out while the file was read: the batch went back to draft
        db.session.execute(ImportBatch.__table__.update().where(ImportBatch.__table__.c.id == batch_id)
                           .values(status=BatchStatus.DRAFT.value))
        db.session.commit()

    watch_parse(lease_lost)
    assert locks.claim(batch_id, BatchStatus.DRAFT.value, BatchStatus.COMMITTING.value)
    with pytest.raises(services.BatchBusy):
        services.commit_batch(batch_id, None, claimed=True)
    assert db.session.scalar(select(func.count()).select_from(Person)) == 0
