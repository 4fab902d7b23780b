"""Background jobs survive their process: a worker killed mid-commit loses its lease, nothing is written, a retry
by another worker succeeds."""
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from webapp import clock as app_clock
from webapp.extensions import db
from webapp.imports import jobs
from webapp.models import BatchStatus, ImportBatch, ImportJob, JobStatus, Person, Role

from .test_exactly_once import NAMES, roster_batch

ROOT = Path(__file__).resolve().parents[3]
SLOW_WORKER = """
import sys, time
from pathlib import Path
from webapp import create_app
from webapp.imports import jobs, services

url, uploads, ready = sys.argv[1:4]
app = create_app({"SQLALCHEMY_DATABASE_URI": url, "UPLOAD_FOLDER": uploads, "SECRET_KEY": "x",
                  "IMPORT_WORKER": "external", "IMPORT_JOB_HEARTBEAT_SECONDS": 0.2})
write = services._write

def stuck(*args, **kwargs):  # every row is written, the transaction stays open: the moment to pull the plug
    counts = write(*args, **kwargs)
    services.db.session.flush()
    Path(ready).write_text("in the commit")
    time.sleep(600)
    return counts

services._write = stuck
jobs.work_forever(app)
"""


@pytest.fixture
def admin(as_role):
    return as_role(Role.ADMIN)


def job_row(job_id: int) -> ImportJob:
    db.session.expire_all()
    return db.session.get(ImportJob, job_id)


def persons() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(Person))


def test_a_worker_killed_mid_commit_loses_its_lease_and_a_retry_commits(app, client, admin, root_unit, term,
                                                                         tmp_path, clock, monkeypatch):
    monkeypatch.setitem(app.config, "IMPORT_WORKER", "external")  # no thread here: the subprocess takes the job
    batch_id = roster_batch(tmp_path / "ds.xlsx", NAMES, ["Chi bộ Song Song"], root_unit, admin.id)
    job_id = jobs.start(batch_id, "commit", admin.id, "/")
    script, ready = tmp_path / "slow_worker.py", tmp_path / "ready"
    script.write_text(SLOW_WORKER)
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))  # the run's may shift the clock
    worker = subprocess.Popen([sys.executable, str(script), app.config["SQLALCHEMY_DATABASE_URI"],
                               app.config["UPLOAD_FOLDER"], str(ready)], cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": path, "INSTANCE_PATH": str(tmp_path)})
    try:
        deadline = time.monotonic() + 90  # a guard only: a loaded machine starts the worker slowly
        while not ready.exists() and time.monotonic() < deadline and worker.poll() is None:
            time.sleep(0.05)
        assert ready.exists(), "the worker never reached the commit"
        time.sleep(0.6)  # a heartbeat or two
        assert jobs.progress(job_row(job_id)) > 1  # this process reads the other's progress
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(10)
    assert job_row(job_id).status == JobStatus.RUNNING and job_row(job_id).worker
    assert client.get(f"/imports/{batch_id}").status_code == 200  # within the lease: still running
    assert job_row(job_id).status == JobStatus.RUNNING

    clock(app_clock.now() + timedelta(seconds=jobs.lease_seconds() + 5))
    page = client.get(f"/imports/{batch_id}").get_data(as_text=True)
    assert "dừng giữa chừng" in page
    assert job_row(job_id).status == JobStatus.FAILED and job_row(job_id).message == jobs.LOST
    assert db.session.get(ImportBatch, batch_id).status == BatchStatus.DRAFT and persons() == 0

    monkeypatch.setitem(app.config, "IMPORT_WORKER", "thread")  # the retry runs in this process
    retry = jobs.start(batch_id, "commit", admin.id, "/")
    jobs.wait(retry, 20)
    assert job_row(retry).status == JobStatus.DONE
    assert db.session.get(ImportBatch, batch_id).status == BatchStatus.COMMITTED and persons() == 25


def test_a_commit_whose_request_died_frees_its_batch(app, client, admin, root_unit, term, tmp_path, clock):
    from webapp.imports import locks

    batch_id = roster_batch(tmp_path / "ds.xlsx", NAMES[:3], ["Chi bộ Song Song"], root_unit, admin.id)
    assert locks.claim(batch_id, "draft", "committing")
    started = app_clock.utcnow()
    db.session.execute(insert(ImportJob.__table__).values(  # what a request killed mid-commit leaves behind
        batch_id=batch_id, action="commit", status="running", progress=1, created_by_id=admin.id,
        created_at=started, started_at=started, heartbeat_at=started, worker="gone:1:1"))
    db.session.commit()
    assert "đang được ghi vào dữ liệu" in client.get(f"/imports/{batch_id}").get_data(as_text=True)
    clock(app_clock.now() + timedelta(seconds=jobs.lease_seconds() + 1))
    assert "dừng giữa chừng" in client.get(f"/imports/{batch_id}").get_data(as_text=True)
    assert db.session.get(ImportBatch, batch_id).status == BatchStatus.DRAFT
    response = client.post(f"/imports/{batch_id}/commit", data={
        "start_date": "01/11/2025", "action": "commit", "create_units": "y", "unit_parent_id": str(root_unit.id),
        "default_unit_id": "0"})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/imports/{batch_id}/receipt")
    assert persons() == 3


def test_a_lost_analysis_gives_the_officer_a_way_out(app, client, admin, root_unit, term, tmp_path, clock):
    batch_id = roster_batch(tmp_path / "ds.xlsx", NAMES[:3], ["Chi bộ Song Song"], root_unit, admin.id)
    started = app_clock.utcnow()
    job_id = db.session.execute(insert(ImportJob.__table__).values(
        batch_id=batch_id, action="analyse", status="running", progress=65, created_by_id=admin.id,
        created_at=started, started_at=started, heartbeat_at=started, worker="gone:1:1")
        .returning(ImportJob.__table__.c.id)).scalar_one()
    db.session.commit()
    polled = client.get(f"/imports/jobs/{job_id}", headers={"HX-Request": "true"})
    assert polled.status_code == 200 and "<progress" in polled.get_data(as_text=True)
    clock(app_clock.now() + timedelta(seconds=jobs.lease_seconds() + 1))
    polled = client.get(f"/imports/jobs/{job_id}", headers={"HX-Request": "true"})
    assert polled.status_code == 204 and polled.headers["HX-Redirect"].endswith(f"/imports/{batch_id}")
    page = client.get(f"/imports/{batch_id}").get_data(as_text=True)
    assert "dừng giữa chừng" in page and "<progress" not in page
    assert f"/imports/{batch_id}/analyse" in page and f"/imports/{batch_id}/cancel" in page
    again = client.post(f"/imports/{batch_id}/analyse", follow_redirects=True)
    assert again.status_code == 200 and db.session.get(ImportBatch, batch_id).summary["record_count"] == 3


def test_flask_worker_runs_the_queued_jobs(app, runner, admin, root_unit, term, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "IMPORT_WORKER", "external")  # queued here, run by the worker command
    batch_id = roster_batch(tmp_path / "ds.xlsx", NAMES[:4], ["Chi bộ Song Song"], root_unit, admin.id)
    job_id = jobs.start(batch_id, "commit", admin.id, "/")
    assert job_row(job_id).status == JobStatus.QUEUED
    result = runner.invoke(args=["worker", "--once"])
    assert result.exit_code == 0, result.output
    assert job_row(job_id).status == JobStatus.DONE and persons() == 4
    assert db.session.get(ImportBatch, batch_id).status == BatchStatus.COMMITTED


def test_a_job_queued_by_a_process_that_died_runs_when_polled(app, client, admin, root_unit, term, tmp_path):
    batch_id = roster_batch(tmp_path / "ds.xlsx", NAMES[:3], ["Chi bộ Song Song"], root_unit, admin.id)
    job_id = db.session.execute(insert(ImportJob.__table__).values(  # queued; its process never ran it
        batch_id=batch_id, action="analyse", status="queued", progress=0, created_by_id=admin.id, scope_path="/",
        created_at=app_clock.utcnow()).returning(ImportJob.__table__.c.id)).scalar_one()
    db.session.commit()
    assert client.get(f"/imports/jobs/{job_id}", headers={"HX-Request": "true"}).status_code == 200
    jobs.wait(job_id, 20)
    assert job_row(job_id).status == JobStatus.DONE
    assert db.session.get(ImportBatch, batch_id).summary["record_count"] == 3


@pytest.mark.parametrize("mode, threads", [("thread", 1), ("external", 0)])
def test_flask_serve_runs_a_worker_thread_unless_workers_are_external(app, runner, monkeypatch, mode, threads):
    started = []
    monkeypatch.setitem(app.config, "IMPORT_WORKER", mode)
    monkeypatch.setattr("waitress.serve", lambda *args, **kwargs: None)
    monkeypatch.setattr(jobs, "start_worker_thread", started.append)
    result = runner.invoke(args=["serve", "--port", "8999"])
    assert result.exit_code == 0, result.output
    assert len(started) == threads
