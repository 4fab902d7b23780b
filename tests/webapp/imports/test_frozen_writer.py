"""#21.17: on PostgreSQL a frozen import writer (SIGSTOP) kept the import lock past its lease, blocking every
other import for minutes. The server now ends a writer left idle in its transaction past the lease, and a
writer waiting for the lock gives up after a lease with a Vietnamese message."""
import threading
import time

import pytest
from sqlalchemy import text

from webapp.extensions import db
from webapp.imports import locks
from webapp.imports.commit import ImportRefused


@pytest.fixture
def short_lease(app, monkeypatch):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL advisory locks only")
    monkeypatch.setitem(app.config, "IMPORT_JOB_LEASE_SECONDS", 1)


def test_a_frozen_writer_loses_the_lock_after_its_lease(app, short_lease):
    frozen_has_lock = threading.Event()

    def frozen_writer():
        with app.app_context():
            locks.begin_writing()
            frozen_has_lock.set()
            time.sleep(4)  # stopped: never commits, never speaks to the server
            try:
                db.session.rollback()
            except Exception:
                pass
            db.session.remove()

    thread = threading.Thread(target=frozen_writer)
    thread.start()
    assert frozen_has_lock.wait(5)
    started = time.monotonic()
    waited = None
    for _attempt in range(4):
        try:
            locks.begin_writing()
            waited = time.monotonic() - started
            break
        except ImportRefused as refusal:
            assert "thử lại" in refusal.message
    db.session.rollback()
    thread.join()
    assert waited is not None and waited < 3.5


def test_a_waiting_writer_gives_up_with_a_message(app, short_lease):
    holder = db.engine.connect()
    transaction = holder.begin()
    holder.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": locks.WRITE_LOCK_KEY})
    try:
        with pytest.raises(ImportRefused) as refused:
            locks.begin_writing()
        assert "Một lần nhập khác đang ghi dữ liệu" in refused.value.message
    finally:
        transaction.rollback()
        holder.close()
    db.session.rollback()
