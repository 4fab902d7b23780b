"""Concurrency benchmark: `flask serve` (waitress) under 8 uploaders and 8 readers at once.

Starts the server on a free port against a fresh SQLite file (or, with --postgres URL, a scratch database created
next to URL and dropped afterwards), seeds a small town and users, then for --seconds runs 8 uploaders (upload a
roster or attendance register naming units and persons shared with the others, then post its commit twice at
once, like a double click) and 8 readers (pages, dashboard). Reports requests, errors (5xx or unexpected status),
duplicates (persons and units with the same natural identity), lost writes (committed batches whose rows are not
all there) and p50/p95 latency. Usage:
    python bench/concurrency_bench.py [--seconds 60] [--postgres postgresql://postgres@127.0.0.1:5432/test]
"""
import argparse
import http.cookiejar
import io
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, func, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

UPLOADERS, READERS, PASSWORD = 8, 8, "bench-password-1"
NAMES = [f"Trần Văn Chung {i:03d}" for i in range(80)]
UNITS = [f"Chi bộ Dùng Chung {i}" for i in range(6)]
READ_PATHS = ["/", "/dashboard/", "/imports/", "/people/", "/units/", "/groups/", "/meetings/"]
HEADERS = ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đoàn công tác", "Nhiệm vụ trong đoàn", "Đơn vị phụ trách",
           "Số điện thoại"]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    """A logged-in browser: cookies, CSRF token, timings of every request."""

    def __init__(self, base: str, stats: "Stats"):
        self.base, self.stats = base, stats
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
                                                  NoRedirect)

    def request(self, path: str, data: bytes | None = None, content_type: str | None = None,
                expect=(200,)) -> tuple[int, str, dict]:
        request = urllib.request.Request(self.base + path, data=data)
        if content_type:
            request.add_header("Content-Type", content_type)
        started = time.perf_counter()
        try:
            with self.opener.open(request, timeout=120) as response:
                status, body, headers = response.status, response.read().decode("utf-8", "replace"), response.headers
        except urllib.error.HTTPError as exc:
            status, body, headers = exc.code, exc.read().decode("utf-8", "replace"), exc.headers
        self.stats.record(time.perf_counter() - started, status, expect, path)
        return status, body, headers

    def token(self, html: str) -> str:
        return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)

    def form(self, path: str, fields: dict, expect=(302,)):
        data = urllib.parse.urlencode(fields).encode()
        return self.request(path, data, "application/x-www-form-urlencoded", expect)

    def login(self, username: str) -> None:
        _, html, _ = self.request("/auth/login")
        self.form("/auth/login", {"csrf_token": self.token(html), "username": username, "password": PASSWORD})


class Stats:
    def __init__(self):
        self.lock, self.times, self.errors, self.samples = threading.Lock(), [], 0, []

    def record(self, seconds: float, status: int, expect, path: str) -> None:
        with self.lock:
            self.times.append(seconds)
            if status >= 500 or status not in expect:
                self.errors += 1
                if len(self.samples) < 5:
                    self.samples.append(f"{status} {path}")


def roster(rng: random.Random) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC"])
    sheet.append([])
    sheet.append(HEADERS)
    for i, n in enumerate(sorted(rng.sample(range(len(NAMES)), 10))):
        sheet.append([i + 1, NAMES[n], f"01/01/{1950 + n % 40}", "Ủy viên", f"Đoàn công tác số {1 + n % 5}",
                      "Thành viên", UNITS[rng.randrange(len(UNITS))], f"09{n:08d}"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def attendance(rng: random.Random) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["ĐIỂM DANH SINH HOẠT CHI BỘ"])
    sheet.append([])
    sheet.append(["STT", "Họ và tên", "Chi bộ", "Ngày sinh hoạt", "Điểm danh", "Ghi chú"])
    for i, n in enumerate(sorted(rng.sample(range(len(NAMES)), 10))):
        sheet.append([i + 1, NAMES[n], UNITS[n % len(UNITS)], f"0{1 + rng.randrange(3)}/10/2025",
                      rng.choice(["x", "x", "p", "v"]), ""])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def multipart(fields: dict, file_name: str, content: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
             for k, v in fields.items()]
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{file_name}"\r\n'
                 "Content-Type: application/octet-stream\r\n\r\n".encode() + content + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def uploader(client: Client, number: int, root_id: int, stop: float, committed: list) -> None:
    rng = random.Random(number)
    client.login(f"upload{number}")
    while time.monotonic() < stop:
        kind = rng.choice(["roster", "attendance"])
        _, html, _ = client.request("/imports/")
        body, content_type = multipart({"csrf_token": client.token(html), "kind": kind},
                                       f"{kind}-{number}.xlsx", (roster if kind == "roster" else attendance)(rng))
        status, _, headers = client.request("/imports/", body, content_type, expect=(302,))
        if status != 302:
            continue
        batch_path = headers["Location"].split("://", 1)[-1].split("/", 1)[-1]
        batch_id = int(re.search(r"imports/(\d+)", batch_path).group(1))
        _, html, _ = client.request(f"/imports/{batch_id}")
        fields = {"csrf_token": client.token(html), "action": "commit", "start_date": "01/11/2025",
                  "create_units": "y", "create_persons": "y", "unit_parent_id": str(root_id),
                  "default_unit_id": "0"}
        clicks = [threading.Thread(target=client.form, args=(f"/imports/{batch_id}/commit", fields))
                  for _ in range(2)]  # the double click
        for click in clicks:
            click.start()
        for click in clicks:
            click.join()
        committed.append(batch_id)


def reader(client: Client, number: int, stop: float) -> None:
    rng = random.Random(100 + number)
    client.login(f"read{number}")
    while time.monotonic() < stop:
        client.request(rng.choice(READ_PATHS))


def seed(url: str, instance: str) -> int:
    os.environ["INSTANCE_PATH"] = instance
    from webapp import create_app
    from webapp.auth.services import create_user
    from webapp.extensions import db
    from webapp.models import Role, Sector, Term, Unit, UnitKind

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "PASSWORD_HASH_METHOD":
                      "pbkdf2:sha256:1000"})
    with app.app_context():
        db.create_all()
        root = Unit(name="Đảng bộ thị xã Hồng Sơn", kind=UnitKind.ROOT, sector=Sector.TOWN, path="/",
                    search_key="dang bo thi xa hong son")
        db.session.add(root)
        db.session.flush()
        root.path = f"/{root.id}/"
        db.session.add(Term(name="2025 - 2030", start_date=date(2025, 1, 1), end_date=date(2030, 12, 31),
                            is_current=True))
        for n in range(UPLOADERS):
            create_user(f"upload{n}", PASSWORD, Role.ADMIN)
        for n in range(READERS):
            create_user(f"read{n}", PASSWORD, Role.ADMIN)
        db.session.commit()
        root_id = root.id
        db.engine.dispose()
    return root_id


def verdict(url: str, committed: list) -> dict:
    from webapp.imports.undo import BULK_TABLES, TABLES
    from webapp.models import ImportBatch, Meeting, Person, Unit
    from webapp.models.meetings import meeting_unit

    def duplicates(conn, *columns, joined=None):
        query = select(*columns).group_by(*columns).having(func.count() > 1)
        return conn.scalar(select(func.count()).select_from((query if joined is None else joined(query)).subquery()))

    engine = create_engine(url)
    with engine.connect() as conn:
        dup_persons = duplicates(conn, Person.search_key, Person.birth_date, Person.home_unit_id)
        dup_units = duplicates(conn, Unit.parent_id, Unit.name)
        dup_meetings = duplicates(conn, Meeting.kind, Meeting.held_on, meeting_unit.c.unit_id,
                                  joined=lambda q: q.join(meeting_unit, meeting_unit.c.meeting_id == Meeting.id))
        lost, batches = 0, conn.execute(select(ImportBatch.id, ImportBatch.counts).where(
            ImportBatch.status == "committed")).all()
        for batch_id, counts in batches:
            created = (counts or {}).get("created", {})
            for name in BULK_TABLES:
                model = TABLES[name]
                there = conn.scalar(select(func.count()).select_from(model).where(model.import_batch_id == batch_id))
                lost += there != created.get(name, 0)
        persons = conn.scalar(select(func.count()).select_from(Person))
        meetings = conn.scalar(select(func.count()).select_from(Meeting))
    engine.dispose()
    return {"committed batches": len(batches), "commit attempts": len(committed), "persons": persons,
            "meetings": meetings, "duplicate persons": dup_persons, "duplicate units": dup_units,
            "duplicate meetings": dup_meetings, "lost writes": lost}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--postgres")
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="concurrency-bench-")
    drop = None
    if args.postgres:
        base = make_url(args.postgres).set(drivername="postgresql+psycopg")
        name = f"dct_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(base, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = base.set(database=name).render_as_string(hide_password=False)

        def drop():
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    else:
        url = f"sqlite:///{workdir}/bench.sqlite"
    root_id = seed(url, workdir)
    port = free_port()
    env = {**os.environ, "DATABASE_URL": url, "INSTANCE_PATH": workdir, "SECRET_KEY": "bench", "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen([sys.executable, "-m", "flask", "--app", "wsgi", "serve", "--host", "127.0.0.1",
                               "--port", str(port), "--threads", "16"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=open(Path(workdir) / "server.log", "w"))
    base_url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base_url + "/auth/login", timeout=2)
                break
            except OSError:
                time.sleep(0.1)
        stats, committed = Stats(), []
        stop = time.monotonic() + args.seconds
        threads = [threading.Thread(target=uploader, args=(Client(base_url, stats), n, root_id, stop, committed))
                   for n in range(UPLOADERS)]
        threads += [threading.Thread(target=reader, args=(Client(base_url, stats), n, stop))
                    for n in range(READERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        times = sorted(stats.times)
        figures = {"database": "postgresql" if args.postgres else "sqlite", "seconds": args.seconds,
                   "requests": len(times), "errors": stats.errors,
                   "p50 ms": round(statistics.median(times) * 1000, 1),
                   "p95 ms": round(times[int(len(times) * 0.95) - 1] * 1000, 1), **verdict(url, committed)}
        for key, value in figures.items():
            print(f"{key:>20}: {value}")
        if stats.samples:
            print("first errors:", ", ".join(stats.samples))
    finally:
        server.terminate()
        server.wait(10)
        if drop:
            drop()


if __name__ == "__main__":
    main()
