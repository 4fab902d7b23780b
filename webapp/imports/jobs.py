"""Background jobs for big files: an ImportJob row claimed by one worker with a lease (no Redis).

Workers run as threads of `flask serve` (and of the process that queued a job) or as `flask worker` processes.
The running worker renews a heartbeat; a job whose heartbeat is older than IMPORT_JOB_LEASE_SECONDS is failed by
whichever process looks next, and its batch is free again (a commit runs in one transaction: nothing was written).
"""
import json
import os
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

from flask import current_app
from sqlalchemy import insert, select, update
from sqlalchemy.exc import OperationalError

from importers import ImportFileError

from ..clock import utcnow
from ..extensions import db
from ..i18n import N_
from ..models import BatchStatus, ImportBatch, ImportJob, JobStatus
from . import dry_run, locks, services
from .commit import ImportRefused
from .locks import lease_seconds

DEFAULT_BACKGROUND_BYTES = 256 * 1024
HEARTBEAT_SECONDS = 2
POLL_SECONDS = 2
LOST = N_("Tiến trình xử lý tệp đã dừng giữa chừng (máy chủ khởi động lại hoặc bị tắt); dữ liệu chưa thay đổi. "
          "Hãy bấm làm lại hoặc hủy lượt nhập.")
CRASHED = N_("Lỗi hệ thống khi xử lý tệp; dữ liệu chưa thay đổi.")
ACTIVE = (JobStatus.QUEUED.value, JobStatus.RUNNING.value)
_job = ImportJob.__table__


def runs_in_background(size_bytes: int) -> bool:
    """Files over a few thousand rows (by size) are parsed and committed in the background."""
    return size_bytes > current_app.config.get("IMPORT_BACKGROUND_BYTES", DEFAULT_BACKGROUND_BYTES)


def _set(job_id: int, *where, **values) -> bool:
    """Update the job on its own connection (progress shows while the import transaction is still open)."""
    with db.engine.begin() as conn:
        return conn.execute(update(_job).where(_job.c.id == job_id, *where).values(**values)).rowcount == 1


# ------------------------------------------------------------------ heartbeat
# PostgreSQL takes the heartbeat in the job row. SQLite has one writer, and a running commit is it, so there
# the heartbeat and progress go to a small file beside the uploads (SQLite serves one host: every process sees it).
def _beat_file(job_id: int) -> Path:
    return Path(current_app.config["UPLOAD_FOLDER"]) / ".jobs" / f"{job_id}.json"


def _on_sqlite() -> bool:
    return db.engine.dialect.name == "sqlite"


def beat(job_id: int, percent: int) -> None:
    """Renew the lease of a running job and record its progress."""
    now = utcnow()
    if not _on_sqlite():
        _set(job_id, heartbeat_at=now, progress=percent)
        return
    path = _beat_file(job_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}")
    temporary.write_text(json.dumps({"at": now.isoformat(), "progress": percent}))
    os.replace(temporary, path)


def _live(job) -> tuple[datetime | None, int]:
    """Last heartbeat and progress of a job, from whichever store its database uses."""
    if _on_sqlite():
        try:
            data = json.loads(_beat_file(job.id).read_text())
            return max(datetime.fromisoformat(data["at"]), job.heartbeat_at or datetime.min), data["progress"]
        except (OSError, ValueError, KeyError):
            pass
    return job.heartbeat_at, job.progress


def progress(job) -> int:
    """Percent done of a job, as its worker last reported it (any process can read it)."""
    return job.progress if job.status != JobStatus.RUNNING else _live(job)[1]


# ------------------------------------------------------------------ queue
def start(batch_id: int, action: str, user_id: int | None, scope_path: str) -> int | None:
    """Queue a job ('analyse' or 'commit') for a batch; None when another commit holds the batch already."""
    if action == "commit" and not locks.claim(batch_id, BatchStatus.DRAFT.value, BatchStatus.COMMITTING.value):
        return None
    job_id = db.session.execute(insert(_job).values(
        batch_id=batch_id, action=action, status=JobStatus.QUEUED.value, progress=0, created_by_id=user_id,
        scope_path=scope_path, created_at=utcnow()).returning(_job.c.id)).scalar_one()
    db.session.commit()
    if current_app.config.get("IMPORT_WORKER", "thread") == "thread":
        _drain_in_thread(f"import-job-{job_id}")
    return job_id


_drainer: threading.Thread | None = None


def _drain_in_thread(name: str) -> threading.Thread:
    thread = threading.Thread(target=_work_once, args=(current_app._get_current_object(),), name=name, daemon=True)
    thread.start()
    return thread


def nudge() -> None:
    """Run the queue in a thread of this process if none of the poll's is running (the job poll calls it, so a
    job whose queueing process died before a worker took it still runs where workers are threads)."""
    global _drainer
    if current_app.config.get("IMPORT_WORKER", "thread") == "thread" and not (_drainer and _drainer.is_alive()):
        _drainer = _drain_in_thread("import-jobs")


def worker_name() -> str:
    return locks.writer_name()


def claim(worker: str) -> int | None:
    """Take the oldest queued job: FOR UPDATE SKIP LOCKED on PostgreSQL, the conditional UPDATE decides on SQLite."""
    with db.engine.begin() as conn:
        job_id = conn.scalar(select(_job.c.id).where(_job.c.status == JobStatus.QUEUED.value).order_by(_job.c.id)
                             .limit(1).with_for_update(skip_locked=True))
        if job_id is None:
            return None
        now = utcnow()
        won = conn.execute(update(_job).where(_job.c.id == job_id, _job.c.status == JobStatus.QUEUED.value).values(
            status=JobStatus.RUNNING.value, worker=worker, started_at=now, heartbeat_at=now, progress=1)).rowcount
    return job_id if won == 1 else None


def expire_stale() -> int:
    """Fail running jobs whose worker stopped renewing its lease, and free their batches; returns how many.

    Called by the batch page, the job poll and every worker loop, so a dead worker is noticed by whoever looks."""
    cutoff = utcnow() - timedelta(seconds=lease_seconds())
    running = db.session.scalars(select(ImportJob).where(ImportJob.status == JobStatus.RUNNING)).all()
    stale = [job for job in running if (_live(job)[0] or job.started_at or job.created_at) < cutoff]
    failed = 0
    for job in stale:
        try:
            failed += _fail_lost(job.id, job.batch_id, job.action, job.worker)
        except OperationalError:  # SQLite busy with another import: the next look fails it
            db.session.rollback()
    if stale:
        db.session.expire_all()
    return failed


locks.while_waiting(expire_stale)


def _fail_lost(job_id: int, batch_id: int, action: str, worker: str | None) -> int:
    with db.engine.begin() as conn:
        # first its session, and with it any lock its transaction holds (the import lock, or the job's own row)
        ended = locks.end_lost_writer(conn, worker)
        if not conn.execute(update(_job).where(_job.c.id == job_id, _job.c.status == JobStatus.RUNNING.value,
                                               _job.c.worker == worker).values(
                status=JobStatus.FAILED.value, message=LOST, finished_at=utcnow())).rowcount:
            return 0
        if action == "commit":
            table = ImportBatch.__table__
            conn.execute(update(table).where(table.c.id == batch_id, table.c.status == BatchStatus.COMMITTING.value)
                         .values(status=BatchStatus.DRAFT.value))
    current_app.logger.warning("import job %s: worker %s stopped renewing its lease%s", job_id, worker,
                               "; its database session was ended" if ended else "")
    return 1


# ------------------------------------------------------------------ running
class _Heartbeat(threading.Thread):
    """Renews a job's lease every few seconds while its worker runs it."""

    def __init__(self, app, job_id: int):
        super().__init__(name=f"heartbeat-{job_id}", daemon=True)
        self.app, self.job_id, self.percent, self.stopped = app, job_id, 1, threading.Event()

    def run(self) -> None:
        interval = self.app.config.get("IMPORT_JOB_HEARTBEAT_SECONDS", HEARTBEAT_SECONDS)
        with self.app.app_context():
            while not pause(self.stopped, interval):
                try:
                    beat(self.job_id, self.percent)
                except (OSError, OperationalError):  # a missed beat is retried; the lease outlasts several
                    self.app.logger.warning("import job %s: heartbeat missed", self.job_id)


def _perform(app, job_id: int, worker: str, heartbeat: "_Heartbeat"):
    """Do a claimed job's work; on failure record why (while the lease is still ours) and raise."""
    job = db.session.get(ImportJob, job_id)
    batch_id, action, user_id, scope = job.batch_id, job.action, job.created_by_id, job.scope_path or "/"
    db.session.rollback()
    mine = (_job.c.status == JobStatus.RUNNING.value, _job.c.worker == worker)

    def report(percent):
        heartbeat.percent = min(int(percent), 99)

    def finish():  # inside the commit's transaction: a worker whose lease was taken away writes nothing,
        done = db.session.execute(update(_job).where(_job.c.id == job_id, *mine).values(  # so a retry can never
            status=JobStatus.DONE.value, progress=100, finished_at=utcnow())).rowcount  # make a second copy
        if done != 1:
            raise ImportRefused(LOST)

    try:
        if action == "commit":
            return services.commit_batch(batch_id, user_id, scope, progress=report, claimed=True, finish=finish)
        summary = dry_run.analyse(batch_id, scope, progress=report)
        _set(job_id, *mine, status=JobStatus.DONE.value, progress=100, finished_at=utcnow())
        return summary
    except Exception as exc:
        db.session.rollback()
        message = exc.message if isinstance(exc, (ImportFileError, ImportRefused)) else CRASHED
        # only while the job is still ours: a lease taken away belongs to whoever took it (and its retry)
        if _set(job_id, *mine, status=JobStatus.FAILED.value, message=message, finished_at=utcnow()) \
                and action == "commit":
            locks.claim(batch_id, BatchStatus.COMMITTING.value, BatchStatus.DRAFT.value)
        raise


def _leased(app, job_id: int, worker: str):
    """Run the job's work with its heartbeat beating; the beat file goes when it ends."""
    heartbeat = _Heartbeat(app, job_id)
    heartbeat.start()
    try:
        return _perform(app, job_id, worker, heartbeat)
    finally:
        heartbeat.stopped.set()
        if _on_sqlite():
            _beat_file(job_id).unlink(missing_ok=True)


def run(app, job_id: int, worker: str) -> None:
    """Run a claimed job to its end, renewing its lease meanwhile (a failure is recorded on the job)."""
    with app.app_context():
        try:
            _leased(app, job_id, worker)
        except (ImportFileError, ImportRefused):
            pass
        except Exception:  # a job must never die silently: the officer sees that it failed, nothing written
            app.logger.exception("import job %s failed", job_id)
        finally:
            db.session.remove()


def commit_here(batch_id: int, user_id: int | None, scope_path: str) -> dict:
    """Commit a small file in this request, as a job leased to this thread: if the process dies half-way, the
    batch is freed like a background job's. Raises what the commit raises (services.BatchBusy when taken)."""
    if not locks.claim(batch_id, BatchStatus.DRAFT.value, BatchStatus.COMMITTING.value):
        raise services.BatchBusy(services.refusal(batch_id))
    worker, now = worker_name(), utcnow()
    job_id = db.session.execute(insert(_job).values(
        batch_id=batch_id, action="commit", status=JobStatus.RUNNING.value, progress=1, created_by_id=user_id,
        scope_path=scope_path, created_at=now, started_at=now, heartbeat_at=now, worker=worker)
        .returning(_job.c.id)).scalar_one()
    db.session.commit()
    return _leased(current_app._get_current_object(), job_id, worker)


def work_once(app) -> int | None:
    """Fail lost jobs, then claim and run one queued job; returns its id (None when the queue was empty)."""
    worker = worker_name()
    with app.app_context():
        try:
            expire_stale()
            job_id = claim(worker)
        except OperationalError:  # SQLite busy with a long import: look again on the next round
            job_id = None
        finally:
            db.session.remove()
    if job_id is not None:
        run(app, job_id, worker)
    return job_id


def _work_once(app) -> None:
    """A thread's one round (started when a job is queued, so a lone process needs no worker loop)."""
    while work_once(app) is not None:
        pass


def work_forever(app, stop: threading.Event | None = None) -> None:
    """The worker loop: run queued jobs as they come, look for lost ones between."""
    stop = stop or threading.Event()
    poll = app.config.get("IMPORT_WORKER_POLL_SECONDS", POLL_SECONDS)
    while not stop.is_set():
        try:
            if work_once(app) is not None:
                continue
        except Exception:  # the database went away for a moment: the loop outlives it
            app.logger.exception("import worker: round failed")
        pause(stop, poll)


def pause(stop: threading.Event, seconds: float, step: float = 0.05) -> bool:
    """Wait up to `seconds` or until `stop` is set (True then), in short sleeps: a timed Event.wait can stall for
    hours when the system clock is moved (a clock set by an administrator, or the tests' shifted clock)."""
    deadline = time.monotonic() + seconds
    while not stop.is_set():
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        time.sleep(min(step, left))
    return True


def start_worker_thread(app) -> threading.Thread:
    """The worker loop as a daemon thread of this process (what `flask serve` runs)."""
    thread = threading.Thread(target=work_forever, args=(app,), name="import-worker", daemon=True)
    thread.start()
    return thread


def wait(job_id: int, timeout: float = 60) -> None:
    """Block until a job has ended, whichever process runs it (tests and the CLI)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with db.engine.connect() as conn:
            if conn.scalar(select(_job.c.status).where(_job.c.id == job_id)) not in ACTIVE:
                return
        time.sleep(0.05)
