"""Benchmark: ordinary writes beside a long background import commit on SQLite (issue #21).

Loads the demo town into a fresh SQLite file (WAL), generates a --rows attendance register (import_bench's
generator), serves the app with `flask serve` (waitress, 16 threads), logs 16 clients in as the demo users and
posts the register's commit as a background job through the web form; while the job runs, every client loops over
ordinary writes (feedback, a field visit, a task note, the language setting) and reads. Reports the count per
HTTP status, the writes refused as busy (the Vietnamese message), the slowest write, the p95 and the commit's
duration; exits 1 when any request answered 500 (or the commit failed). Usage:
    python bench/concurrent_writes.py [--rows 250000] [--clients 16] [--out /tmp/concurrent-writes]
"""
import argparse
import html
import http.cookiejar
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from register_town import kept_register  # noqa: E402

BUSY_WORDS = "Cơ sở dữ liệu đang bận ghi việc khác"
USERS = ["admin", "canbo", "truongdoan1", "thanhvien", "lanhdao"]
READS = ["/", "/dashboard/", "/feedback/", "/tasks/", "/visits/", "/people/", "/meetings/"]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.statuses, self.writes, self.reads, self.busy, self.failures = Counter(), [], [], 0, []

    def record(self, kind: str, path: str, status: int, seconds: float, body: str) -> None:
        with self.lock:
            self.statuses[status] += 1
            (self.writes if kind == "write" else self.reads).append((seconds, path, status))
            self.busy += BUSY_WORDS in body
            if status >= 500 and len(self.failures) < 10:
                self.failures.append(f"{status} {path}")


class Client:
    """A logged-in browser (cookies, CSRF token) that fills a page's form like a person would."""

    def __init__(self, base: str, stats: Stats, rng: random.Random):
        self.base, self.stats, self.rng = base, stats, rng
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
                                                  NoRedirect)

    def request(self, path: str, data: dict | None = None, kind: str = "read") -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        started = time.perf_counter()
        try:
            with self.opener.open(urllib.request.Request(self.base + path, data=body), timeout=300) as response:
                status, text = response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            status, text = exc.code, exc.read().decode("utf-8", "replace")
        self.stats.record(kind, path, status, time.perf_counter() - started, text)
        return status, text

    def form_fields(self, page: str, action: str) -> dict | None:
        """The fields of the form posting to `action` on `page`, filled: first real choice, text in the text areas."""
        match = re.search(rf'<form[^>]*action="{re.escape(action)}"[^>]*>(.*?)</form>', page, re.S)
        if match is None:
            return None
        body, fields = match.group(1), {}
        for tag in re.findall(r"<input[^>]*>", body):
            name, kind = re.search(r'name="([^"]+)"', tag), re.search(r'type="([^"]+)"', tag)
            kind = kind.group(1) if kind else "text"
            if name is None or kind in ("file", "submit", "button", "checkbox", "radio"):
                continue
            value = re.search(r'value="([^"]*)"', tag)
            fields[name.group(1)] = html.unescape(value.group(1)) if value else f"Ghi chú thử {self.rng.random():.6f}"
        for name, options in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', body, re.S):
            values = [v for v in re.findall(r'<option[^>]*value="([^"]*)"', options) if v]
            if values:
                fields[name] = values[0]
        for name in re.findall(r'<textarea[^>]*name="([^"]+)"', body):
            fields[name] = f"Nội dung ghi trong lúc nhập tệp lớn {self.rng.random():.6f}"
        return fields

    def token(self, path: str = "/") -> str:
        _, page = self.request(path)
        return re.search(r'<meta name="csrf-token" content="([^"]+)"', page).group(1)

    def login(self, username: str, password: str) -> None:
        status, _ = self.request("/auth/login", {"csrf_token": self.token("/auth/login"), "username": username,
                                                 "password": password}, "write")
        if status != 302:
            raise SystemExit(f"login of {username} answered {status}")

    def write(self, page_path: str, action: str) -> None:
        _, page = self.request(page_path)
        fields = self.form_fields(page, action)
        if fields is not None:
            self.request(action, fields, "write")

    def task_note(self) -> None:
        _, page = self.request("/tasks/")
        ids = re.findall(r'href="/tasks/(\d+)"', page)
        if ids:
            task = self.rng.choice(ids)
            self.write(f"/tasks/{task}", f"/tasks/{task}/notes")

    def setting(self) -> None:
        self.request("/auth/locale/vi", {"csrf_token": self.token(), "next": "/"}, "write")

    def one_round(self) -> None:
        choice = self.rng.randrange(6)
        if choice == 0:
            self.write("/feedback/new", "/feedback/new")
        elif choice == 1:
            self.write("/visits/new", "/visits/new")
        elif choice == 2:
            self.task_note()
        elif choice == 3:
            self.setting()
        else:
            self.request(self.rng.choice(READS))


def prepare(instance: Path, register: Path) -> tuple[str, int, int]:
    """Demo town into a fresh SQLite file and the register stored as a draft batch: (url, batch id, root id)."""
    os.environ["INSTANCE_PATH"] = str(instance)
    from register_town import load_town_for_register

    from webapp import create_app
    from webapp.demo import DEMO_PASSWORD
    from webapp.extensions import db
    from webapp.imports import services

    url = f"sqlite:///{instance}/bench.sqlite"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    with app.app_context():
        root_id = load_town_for_register()
        batch_id = services.create_batch(register, register.name, None, kind="attendance")
        db.session.remove()
        db.engine.dispose()
    assert DEMO_PASSWORD
    return url, batch_id, root_id


def job_state(url: str, batch_id: int):
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT status, started_at, finished_at, message FROM import_job "
                                     "WHERE batch_id = :b ORDER BY id DESC LIMIT 1"), {"b": batch_id}).first()
    finally:
        engine.dispose()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if ordered else 0.0


def serve(url: str, instance: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": url, "INSTANCE_PATH": str(instance), "SECRET_KEY": "bench",
           "PYTHONPATH": str(ROOT), "PYTHONWARNINGS": "ignore",
           "TOTP_REQUIRED_ROLES": ""}  # the demo admin has no authenticator app
    server = subprocess.Popen([sys.executable, "-m", "flask", "--app", "wsgi", "serve", "--host", "127.0.0.1",
                               "--port", str(port), "--threads", "16"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=open(instance / "server.log", "w"))
    for _ in range(600):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/auth/login", timeout=2)
            return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("the server did not start")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=250_000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--out", default="/tmp/concurrent-writes", help="where generated registers are kept")
    args = parser.parse_args()
    register = kept_register(Path(args.out), args.rows)
    instance = Path(tempfile.mkdtemp(prefix="concurrent-writes-"))
    url, batch_id, root_id = prepare(instance, register)
    from webapp.demo import DEMO_PASSWORD

    port = free_port()
    server = serve(url, instance, port)
    base, stats = f"http://127.0.0.1:{port}", Stats()
    try:
        clients = [Client(base, stats, random.Random(n)) for n in range(args.clients)]
        for n, client in enumerate(clients):
            client.login(USERS[n % len(USERS)], DEMO_PASSWORD)
        admin = clients[0]
        token = admin.token()
        started = time.monotonic()
        status, _ = admin.request(f"/imports/{batch_id}/commit", {
            "csrf_token": token, "action": "commit", "start_date": "01/01/2025", "create_units": "y",
            "create_persons": "y", "unit_parent_id": str(root_id), "default_unit_id": "0"}, "write")
        if status not in (200, 302):
            raise SystemExit(f"the commit was not started ({status})")
        done = threading.Event()

        def loop(client: Client) -> None:
            while not done.is_set():
                client.one_round()

        threads = [threading.Thread(target=loop, args=(client,)) for client in clients]
        for thread in threads:
            thread.start()
        while (state := job_state(url, batch_id)) is None or state[0] in ("queued", "running"):
            time.sleep(1)
        done.set()
        wall = time.monotonic() - started
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(30)
    writes = [seconds for seconds, _, _ in stats.writes]
    slowest = max(stats.writes, default=(0, "-", 0))
    print(f"rows: {args.rows}; clients: {args.clients}; database: SQLite (WAL)")
    print(f"commit job: {state[0]} in {wall:.1f} s (posted to finished){' - ' + state[3] if state[3] else ''}")
    print("statuses: " + ", ".join(f"{code}: {count}" for code, count in sorted(stats.statuses.items())))
    print(f"writes: {len(writes)} (refused as busy: {stats.busy}); reads: {len(stats.reads)}")
    print(f"write p95: {percentile(writes, 0.95):.2f} s; "
          f"slowest write: {slowest[0]:.2f} s ({slowest[1]}, {slowest[2]})")
    print(f"read p95: {percentile([s for s, _, _ in stats.reads], 0.95):.2f} s")
    if stats.failures:
        print("5xx: " + ", ".join(stats.failures) + f" (server log: {instance / 'server.log'})")
    failed = bool(stats.failures) or state[0] != "done"
    if not failed:  # the database of a big run weighs hundreds of MB; a failed run keeps it with the server log
        shutil.rmtree(instance, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
