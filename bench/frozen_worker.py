"""Benchmark: a PostgreSQL import worker frozen (SIGSTOP) while it holds the import write lock (issue #21).

Loads the demo town into a fresh PostgreSQL database, stores a --rows attendance register (import_bench's
generator) and a small roster as draft batches, starts a `flask worker` process and queues the register's commit.
When the worker holds the import lock (and, with --when copy, is in the middle of its COPY; with --when idle,
between two statements), it is stopped with SIGSTOP. Then, as an officer would, this process retries the frozen
batch (looking for lost jobs first, as the batch page does) and commits an unrelated small upload, each retried
whenever it is refused with "try again later". Reports how long after the freeze each got the lock and finished,
against the lease. Usage:
    python bench/frozen_worker.py --database-url postgresql://postgres@127.0.0.1:5432/frozen_bench \
        [--rows 50000] [--lease 10] [--when copy|idle]
"""
import argparse
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from register_town import kept_register, load_town_for_register  # noqa: E402


def fresh_database(url: str) -> str:
    """Drop and create the database the URL names; returns the URL for psycopg 3."""
    url = make_url(url).set(drivername="postgresql+psycopg")
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{url.database}"'))
    admin.dispose()
    return url.render_as_string(hide_password=False)


def small_roster(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC"])
    sheet.append([])
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đoàn công tác", "Nhiệm vụ trong đoàn",
                  "Đơn vị phụ trách", "Số điện thoại"])
    for n in range(3):
        sheet.append([n + 1, f"Lê Văn Đóng Băng {n}", f"01/01/{1970 + n}", "Ủy viên", "Đoàn công tác số 9",
                      "Thành viên", "Chi bộ Nhập Nhỏ", f"09{n:08d}"])
    book.save(path)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", required=True, help="a PostgreSQL database of its own (dropped first)")
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--lease", type=int, default=10, help="IMPORT_JOB_LEASE_SECONDS")
    parser.add_argument("--when", choices=["copy", "idle"], default="copy")
    parser.add_argument("--out", default="/tmp/frozen-worker", help="where generated registers are kept")
    parser.add_argument("--give-up", type=float, default=180, help="seconds after the freeze to stop retrying")
    args = parser.parse_args()
    register = kept_register(Path(args.out), args.rows)
    url = fresh_database(args.database_url)
    instance = Path(tempfile.mkdtemp(prefix="frozen-worker-"))
    settings = {"DATABASE_URL": url, "INSTANCE_PATH": str(instance), "SECRET_KEY": "bench",
                "IMPORT_JOB_LEASE_SECONDS": str(args.lease), "IMPORT_WORKER": "external", "PYTHONPATH": str(ROOT),
                "PYTHONWARNINGS": "ignore"}
    os.environ.update(settings)

    from webapp import create_app
    from webapp.extensions import db
    from webapp.imports import jobs, locks, services
    from webapp.imports.commit import ImportRefused, Options
    from webapp.models import BatchStatus, ImportBatch

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "IMPORT_WORKER": "external",
                      "IMPORT_JOB_LEASE_SECONDS": args.lease})
    with app.app_context():
        root_id = load_town_for_register()
        options = Options(start_date=date(2025, 1, 1), create_units=True, create_persons=True,
                          unit_parent_id=root_id).as_dict()
        big = services.create_batch(register, register.name, None, kind="attendance", options=options)
        small_roster(instance / "nho.xlsx")
        small = services.create_batch(instance / "nho.xlsx", "nho.xlsx", None, kind="roster", options=options)
        db.session.remove()

    worker = subprocess.Popen([sys.executable, "-m", "flask", "--app", "wsgi", "worker", "--poll", "0.5"], cwd=ROOT,
                              env={**os.environ, **settings}, stdout=subprocess.DEVNULL,
                              stderr=open(instance / "worker.log", "w"))
    watcher = create_engine(url)
    key = locks.WRITE_LOCK_KEY
    try:
        with app.app_context():
            jobs.start(big, "commit", None, "/")
        holder, state, query = None, None, ""
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            with watcher.connect() as conn:
                found = conn.execute(text(
                    "SELECT a.pid, a.state, a.query FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                    "WHERE l.locktype = 'advisory' AND l.granted AND l.objid = :key"), {"key": key}).first()
            if found and (args.when == "idle" and found.state == "idle in transaction"
                          or args.when == "copy" and found.query.startswith("COPY") and found.state == "active"):
                holder, state, query = found
                break
            time.sleep(0.01)
        if holder is None:
            raise SystemExit("the worker never held the lock in the state asked for")
        os.kill(worker.pid, signal.SIGSTOP)
        frozen_at = time.monotonic()
        print(f"worker {worker.pid} stopped holding the import lock (backend {holder}: {state}, {query[:40]!r})")

        got_lock, finished, refusals = {}, {}, {"retry": 0, "small": 0}
        give_up = frozen_at + args.give_up
        begin = locks.begin_writing

        def timed_begin():
            begin()
            got_lock.setdefault(threading.current_thread().name, time.monotonic() - frozen_at)

        locks.begin_writing = timed_begin

        def retry():
            with app.app_context():
                while time.monotonic() < give_up:
                    jobs.expire_stale()  # the batch page looks for lost jobs on every visit
                    db.session.rollback()
                    if db.session.get(ImportBatch, big).status == BatchStatus.DRAFT:
                        try:
                            services.commit_batch(big, None, "/")
                            finished["retry"] = time.monotonic() - frozen_at
                            break
                        except ImportRefused:
                            refusals["retry"] += 1
                    db.session.expire_all()
                    time.sleep(1)
                db.session.remove()

        def upload():
            with app.app_context():
                while time.monotonic() < give_up:
                    try:
                        services.commit_batch(small, None, "/")
                        finished["small"] = time.monotonic() - frozen_at
                        break
                    except ImportRefused:
                        refusals["small"] += 1
                        time.sleep(1)
                db.session.remove()

        threads = [threading.Thread(target=retry, name="retry"), threading.Thread(target=upload, name="small")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(1800)
    finally:
        os.kill(worker.pid, signal.SIGCONT)
        worker.terminate()
        worker.wait(30)
        watcher.dispose()
    print(f"rows: {args.rows}; lease: {args.lease} s; frozen {args.when}")
    for name in ("small", "retry"):
        if name not in got_lock:
            print(f"{name}: never got the import lock in {args.give_up:.0f} s after the freeze; "
                  f"refused {refusals[name]} times")
            continue
        print(f"{name}: got the import lock {got_lock[name]:.1f} s after the freeze, "
              f"finished after {finished.get(name, float('nan')):.1f} s; refused {refusals[name]} times meanwhile")
    late = max(got_lock.get(name, 1e9) for name in ("small", "retry")) > args.lease + 5
    return 1 if late else 0


if __name__ == "__main__":
    sys.exit(main())
