"""Background jobs for big files: a thread started by the app works through an ImportJob row (no Redis)."""
import threading

from flask import current_app
from sqlalchemy import insert, update

from ..extensions import db
from ..models import ImportJob, JobStatus
from ..clock import utcnow

DEFAULT_BACKGROUND_BYTES = 256 * 1024
_threads: dict[int, threading.Thread] = {}
_progress: dict[int, int] = {}  # live percent of running jobs in this process


def runs_in_background(size_bytes: int) -> bool:
    """Files over a few thousand rows (by size) are parsed and committed in the background."""
    return size_bytes > current_app.config.get("IMPORT_BACKGROUND_BYTES", DEFAULT_BACKGROUND_BYTES)


def _set(job_id: int, **values) -> None:
    """Update the job on its own connection, so progress shows while the import transaction is still open."""
    with db.engine.begin() as conn:
        conn.execute(update(ImportJob.__table__).where(ImportJob.__table__.c.id == job_id).values(**values))


def _report(job_id: int, percent: int) -> None:
    """Live progress: kept in memory (SQLite allows one writer, and the import transaction is it), and
    written to the job row too where the database takes concurrent writers."""
    _progress[job_id] = percent
    if db.engine.dialect.name != "sqlite":
        _set(job_id, progress=percent)


def progress(job) -> int:
    """Percent done of a job, live while it runs in this process."""
    return _progress.get(job.id, job.progress)


def start(batch_id: int, action: str, user_id: int | None, scope_path: str) -> int:
    """Queue a job ('analyse' or 'commit') for a batch and start its thread."""
    table = ImportJob.__table__
    job_id = db.session.execute(insert(table).values(
        batch_id=batch_id, action=action, status=JobStatus.QUEUED.value, progress=0, created_by_id=user_id,
        created_at=utcnow()).returning(table.c.id)).scalar_one()
    db.session.commit()
    app = current_app._get_current_object()
    thread = threading.Thread(target=_run, args=(app, job_id, batch_id, action, user_id, scope_path),
                              name=f"import-job-{job_id}", daemon=True)
    _threads[job_id] = thread
    thread.start()
    return job_id


def _run(app, job_id, batch_id, action, user_id, scope_path) -> None:
    from importers import ImportFileError

    from . import services
    from .engine import ImportRefused

    with app.app_context():
        _set(job_id, status=JobStatus.RUNNING.value, progress=1)
        try:
            report = lambda percent: _report(job_id, min(int(percent), 99))  # noqa: E731
            if action == "commit":
                services.commit_batch(batch_id, user_id, scope_path, progress=report)
            else:
                services.analyse(batch_id, scope_path, progress=report)
            _set(job_id, status=JobStatus.DONE.value, progress=100, finished_at=utcnow())
        except (ImportFileError, ImportRefused) as exc:
            _set(job_id, status=JobStatus.FAILED.value, message=exc.message, finished_at=utcnow())
        except Exception:  # a job must never die silently: the officer sees that it failed and nothing was written
            app.logger.exception("import job %s failed", job_id)
            db.session.rollback()
            _set(job_id, status=JobStatus.FAILED.value, finished_at=utcnow(),
                 message="Lỗi hệ thống khi xử lý tệp; dữ liệu chưa thay đổi.")
        finally:
            db.session.remove()
            _threads.pop(job_id, None)
            _progress.pop(job_id, None)


def wait(job_id: int, timeout: float = 60) -> None:
    """Block until a job's thread ends (tests and the CLI)."""
    thread = _threads.get(job_id)
    if thread is not None:
        thread.join(timeout)
