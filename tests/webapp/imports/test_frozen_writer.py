"""#21.17: on PostgreSQL a frozen import writer (SIGSTOP) kept the import lock past its lease, blocking every
other import for minutes. The server now ends a writer left idle in its transaction past the lease; a writer
frozen mid-statement (a COPY waiting for its rows is never idle) has its session ended once its job's lease ran
out; and a writer waiting for the lock gives up after a lease with a Vietnamese message."""
import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.exc import DBAPIError

from webapp.clock import utcnow
from webapp.extensions import db
from webapp.imports import locks, services
from webapp.imports.commit import ImportRefused
from webapp.models import ImportJob, JobStatus


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


def test_a_writer_frozen_mid_statement_is_ended_once_its_lease_ran_out(app, short_lease, tmp_path):
    source = tmp_path / "ds.csv"
    source.write_text("Họ và tên\nA\n", encoding="utf-8")
    batch_id = services.create_batch(source, source.name, None, kind="roster")
    lost = "frozen-host:4242:1"
    long_ago = utcnow() - timedelta(hours=1)
    db.session.execute(insert(ImportJob.__table__).values(
        batch_id=batch_id, action="commit", status=JobStatus.RUNNING.value, progress=40, worker=lost,
        created_at=long_ago, started_at=long_ago, heartbeat_at=long_ago))
    db.session.commit()
    holding, ended = threading.Event(), []

    def frozen_mid_statement():  # holds the lock inside one long statement: never idle in its transaction
        with app.app_context(), db.engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": locks.WRITE_LOCK_KEY})
            conn.execute(text("SELECT set_config('application_name', :tag, true)"), {"tag": locks.writer_tag(lost)})
            holding.set()
            try:
                conn.execute(text("SELECT pg_sleep(30)"))
            except DBAPIError:
                ended.append(True)

    thread = threading.Thread(target=frozen_mid_statement)
    thread.start()
    assert holding.wait(10)
    started = time.monotonic()
    locks.begin_writing()
    waited = time.monotonic() - started
    db.session.rollback()
    thread.join(30)
    assert waited < 3 and ended == [True]
    job = db.session.scalar(select(ImportJob).where(ImportJob.batch_id == batch_id))
    assert job.status == JobStatus.FAILED
