"""Pages benchmark (issue #23): each main page's throughput as a share of a bare Flask page's, in the same run.

Loads the demo town (or, with --big, the 3,000-person / 1-million-mark data of dashboard_bench.py) into a fresh
SQLite file or the PostgreSQL database of --database-url (created when missing; its tables are dropped and
loaded again), then serves the app with waitress (8 threads) in --processes child processes. Beside the app, on
the same waitress, is mounted a bare Flask app at /_bare/: one Jinja template of a 50-row table, no database, no
login, no hooks: the ceiling of Flask + waitress on this machine. The bench logs in through the login form (CSRF
token, demo account `lanhdao`, or `bench` on the --big data), then drives each page with Debian's `wrk` (16
connections, 2 threads, --seconds each, longer for a page that answered fewer requests than there are
connections; the session cookie, a fixed User-Agent and Accept-Encoding: gzip as a
browser sends them). Each page is driven right after a run of the bare page, and its share is against that
run (the machine's load drifts during a run; a pair stays comparable).

With --processes 2 the parent binds one listening socket and both waitress processes inherit it and accept from
it (as gunicorn's workers do): one port, one wrk, the kernel hands each connection to whichever process accepts
first. Per page it prints: req/s, share of the bare page, p50 and p99 latency, non-200 answers (wrk counts them
through a Lua hook), HTML bytes, bytes of the gzip body, and the SQL statements of one request (counted in this
process through the Flask test client on the same database).

Needs `wrk` (apt-get install -y wrk). Usage:
    python bench/pages_bench.py [--database-url postgresql://postgres@127.0.0.1:5432/bench_pages] [--big]
        [--processes 2] [--seconds 3] [--connections 16] [--no-gzip]

On a shared, loaded machine wall-clock figures drift; `--cpu` measures instead, in this process and without wrk,
the CPU time per request of each page and of the bare page through the Flask test client (logged in through the
form, gzip asked for as a browser does): the pages take turns in short batches, and each figure is the fastest
batch's, the one least disturbed by other processes. `--profile PAGE` (a label, e.g. "one group", or "bare") runs
--requests requests of that page under cProfile and prints the functions with the most cumulative time:
    python bench/pages_bench.py --cpu [--requests 300]
    python bench/pages_bench.py --profile "one group" [--requests 300] [--top 60]
"""
import argparse
import cProfile
import http.cookiejar
import json
import os
import pstats
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

USER_AGENT = "pages-bench"  # Flask-Login's strong session protection binds the session to the user agent
BARE = "/_bare/"
BIG_USER = ("bench", "bench-password")
WRK_SCRIPT = r"""
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) bad = 0 end
function response(status, headers, body) if status ~= 200 then bad = bad + 1 end end
function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do n = n + t:get("bad") end
  io.write(string.format('WRK {"requests": %d, "duration_us": %d, "bytes": %d, "p50_us": %d, "p99_us": %d, ' ..
    '"not_200": %d, "socket_errors": %d}\n', summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(99), n,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""
BARE_TEMPLATE = """<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{{ title }}</title></head><body>
<h1>{{ title }}</h1><table><thead><tr><th>#</th><th>Họ và tên</th><th>Đơn vị</th><th>Ngày</th></tr></thead><tbody>
{% for row in rows %}<tr><td>{{ row.n }}</td><td>{{ row.name }}</td><td>{{ row.unit }}</td><td>{{ row.day }}</td>
</tr>{% endfor %}</tbody></table></body></html>"""


def bare_app():
    """A bare Flask app: one page rendering a 50-row Jinja table, nothing else."""
    from flask import Flask, render_template_string

    app = Flask("bare")
    rows = [{"n": n, "name": f"Nguyễn Văn Người {n}", "unit": f"Chi bộ Tổ dân phố {n % 12 + 1}",
             "day": f"{n % 28 + 1:02d}/06/2026"} for n in range(1, 51)]

    @app.get("/")
    def table():
        return render_template_string(BARE_TEMPLATE, title="Danh sách", rows=rows)

    return app


def serve_child(fd: int, threads: int) -> None:
    """In a child process: the app (its configuration from the environment) and the bare app on one waitress,
    accepting on the listening socket inherited from the parent."""
    from waitress import serve
    from werkzeug.middleware.dispatcher import DispatcherMiddleware

    from webapp import create_app
    from webapp.heap import freeze_start_up_heap

    sock = socket.socket(fileno=fd)
    app = DispatcherMiddleware(create_app(), {BARE.rstrip("/"): bare_app()})
    freeze_start_up_heap()  # as `flask serve` does
    serve(app, sockets=[sock], threads=threads, ident="pages-bench")


def prepare(url: str, big: bool) -> tuple[tuple[str, str], dict[str, str]]:
    """Load the data; return the login (user name, password) and the pages to drive, by label."""
    from sqlalchemy import func, select, text

    from webapp import create_app, models
    from webapp.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    started = time.perf_counter()
    with app.app_context():
        db.drop_all()
        db.create_all()
        if big:
            from dashboard_bench import seed

            from webapp.auth.services import create_user

            seed(db, models, random.Random(7))
            create_user(*BIG_USER, models.Role.LEADERSHIP, "Bench", None, None)
            db.session.commit()
            login = BIG_USER
        else:
            from webapp.demo import DEMO_PASSWORD, load_demo

            load_demo()
            login = ("lanhdao", DEMO_PASSWORD)
        if db.engine.dialect.name == "postgresql":
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("VACUUM ANALYZE"))
        else:
            db.session.execute(text("ANALYZE"))
            db.session.commit()
        # the biggest of each: the group with most members, the meeting and the person with most marks
        group = db.session.scalar(select(models.Membership.group_id).group_by(models.Membership.group_id)
                                  .order_by(func.count().desc(), models.Membership.group_id).limit(1))
        meeting = db.session.scalar(select(models.Attendance.meeting_id).group_by(models.Attendance.meeting_id)
                                    .order_by(func.count().desc(), models.Attendance.meeting_id).limit(1))
        person = db.session.scalar(select(models.Attendance.person_id).group_by(models.Attendance.person_id)
                                   .order_by(func.count().desc(), models.Attendance.person_id).limit(1))
        counts = {t: db.session.execute(text(f"SELECT count(*) FROM {t}")).scalar()
                  for t in ("person", "working_group", "unit", "meeting", "attendance")}
        db.session.remove()
        db.engine.dispose()
    print(f"data loaded in {time.perf_counter() - started:.1f} s: {counts}", flush=True)
    pages = {"home": "/", "groups": "/groups/", "one group": f"/groups/{group}", "meetings": "/meetings/",
             "one meeting": f"/meetings/{meeting}", "people": "/people/", "one person": f"/people/{person}",
             "dashboard": "/dashboard/", "feedback": "/feedback/", "tasks": "/tasks/"}
    return login, pages


def count_queries(url: str, login: tuple[str, str], pages: dict[str, str]) -> dict[str, int]:
    """SQL statements of one request of each page (after one warm-up request), through the test client."""
    from sqlalchemy import event

    from webapp import create_app
    from webapp.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False})
    client = app.test_client()
    assert client.post("/auth/login", data={"username": login[0], "password": login[1]}).status_code == 302
    statements = []
    with app.app_context():
        engine = db.engine
    listener = lambda *args: statements.append(1)  # noqa: E731
    counts = {}
    for label, path in pages.items():
        client.get(path)
        event.listen(engine, "before_cursor_execute", listener)
        statements.clear()
        client.get(path)
        event.remove(engine, "before_cursor_execute", listener)
        counts[label] = len(statements)
    with app.app_context():
        db.engine.dispose()
    return counts


def in_process_clients(url: str, login: tuple[str, str], pages: dict[str, str]) -> dict:
    """Per label, a function requesting that page once through the test client (the app as served: CSRF on, the
    login through the form, gzip asked for), the bare page under "bare"; each page asked once already."""
    from webapp import create_app
    from webapp.heap import freeze_start_up_heap

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    client, bare = app.test_client(), bare_app().test_client()
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip"}
    page = client.get("/auth/login", headers=headers | {"Accept-Encoding": ""}).get_data()
    token = re.search(rb'<meta name="csrf-token" content="([^"]+)"', page).group(1).decode()
    answer = client.post("/auth/login", headers=headers, data={"csrf_token": token, "username": login[0],
                                                                "password": login[1]})
    if answer.status_code != 302:
        raise SystemExit(f"login of {login[0]} answered {answer.status_code}")
    freeze_start_up_heap()  # as the server does

    def asker(test_client, path):
        def ask():
            status = test_client.get(path, headers=headers).status_code
            if status != 200:
                raise SystemExit(f"{path} answered {status}")
        return ask

    askers = {"bare": asker(bare, "/")} | {label: asker(client, path) for label, path in pages.items()}
    for ask in askers.values():
        ask()
    return askers


def cpu_per_request(askers: dict, requests: int, batch: int = 20) -> dict[str, float]:
    """CPU ms per request of each page: the fastest of its batches, the pages taking turns batch by batch."""
    best = dict.fromkeys(askers, float("inf"))
    for _ in range(max(1, requests // batch)):
        for label, ask in askers.items():
            started = time.process_time()
            for _ in range(batch):
                ask()
            best[label] = min(best[label], (time.process_time() - started) * 1000 / batch)
    return best


def in_process(url: str, login: tuple[str, str], pages: dict[str, str], args) -> int:
    """--cpu and --profile: CPU time per request, or one page's profile, measured in this process."""
    askers = in_process_clients(url, login, pages)
    if args.profile:
        if args.profile not in askers:
            raise SystemExit(f"no page {args.profile!r}; pages: {', '.join(askers)}")
        ask = askers[args.profile]
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.requests):
            ask()
        profile.disable()
        print(f"{args.profile}: {args.requests} requests under cProfile (times inflated by the profiler)")
        pstats.Stats(profile).sort_stats("cumulative").print_stats(args.top)
        return 0
    figures = cpu_per_request(askers, args.requests)
    engine = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
    print(f"{engine}, {'3,000-person data' if args.big else 'demo town'}, in process (test client, gzip), "
          f"fastest batch of 20 over {args.requests} requests; load average {os.getloadavg()[0]:.1f}")
    print()
    print("| page | CPU ms per request | bare as a share of it |")
    print("|---|---:|---:|")
    for label, ms in figures.items():
        print(f"| {label} | {ms:.2f} | {figures['bare'] / ms:.0%} |")
    return 0


class Browser:
    """One logged-in session over plain HTTP, no redirects followed."""

    def __init__(self, base: str):
        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        self.base, self.jar = base, http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def get(self, path: str, gzip: bool = False, data: dict | None = None) -> tuple[int, bytes, dict]:
        headers = {"User-Agent": USER_AGENT, **({"Accept-Encoding": "gzip"} if gzip else {})}
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(urllib.request.Request(self.base + path, data=body, headers=headers),
                                  timeout=120) as response:
                return response.status, response.read(), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read(), dict(error.headers)

    def login(self, username: str, password: str) -> str:
        """Log in through the form; return the Cookie header that carries the session."""
        _, page, _ = self.get("/auth/login")
        token = re.search(rb'<meta name="csrf-token" content="([^"]+)"', page).group(1).decode()
        status, _, _ = self.get("/auth/login", data={"csrf_token": token, "username": username, "password": password})
        if status != 302:
            raise SystemExit(f"login of {username} answered {status}")
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)


def wrk(base: str, path: str, cookie: str, seconds: float, connections: int, script: Path, gzip: bool) -> dict:
    """One wrk run against one URL; its figures as a dict (latencies in ms)."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "-s", str(script),
               "-H", f"Cookie: {cookie}", "-H", f"User-Agent: {USER_AGENT}",
               *(["-H", "Accept-Encoding: gzip"] if gzip else []), base + path]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    figures = json.loads(out.split("WRK ", 1)[1].splitlines()[0])
    figures["rps"] = figures["requests"] / (figures["duration_us"] / 1e6)
    figures["p50"], figures["p99"] = figures["p50_us"] / 1000, figures["p99_us"] / 1000
    return figures


def free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(1024)
    sock.set_inheritable(True)
    return sock


def start_servers(url: str, instance: Path, processes: int, threads: int) -> tuple[str, list, socket.socket]:
    sock = free_socket()
    env = {**os.environ, "DATABASE_URL": url, "INSTANCE_PATH": str(instance), "SECRET_KEY": "bench",
           "PYTHONPATH": str(ROOT), "PYTHONWARNINGS": "ignore", "TOTP_REQUIRED_ROLES": ""}
    children = [subprocess.Popen([sys.executable, __file__, "--serve-fd", str(sock.fileno()), "--threads",
                                  str(threads)], cwd=ROOT, env=env, pass_fds=[sock.fileno()],
                                 stdout=subprocess.DEVNULL, stderr=open(instance / f"server-{n}.log", "w"))
                 for n in range(processes)]
    base = f"http://127.0.0.1:{sock.getsockname()[1]}"
    for _ in range(600):
        if any(child.poll() is not None for child in children):
            break
        try:
            urllib.request.urlopen(base + "/auth/login", timeout=2)
            time.sleep(1.5 if processes > 1 else 0)  # the other processes finish starting too
            return base, children, sock
        except OSError:
            time.sleep(0.2)
    for child in children:
        child.terminate()
    raise SystemExit(f"the server did not start (see {instance}/server-*.log)")


def database_url(given: str | None, folder: Path) -> str:
    """The SQLAlchemy URL to bench on: a fresh SQLite file, or the given PostgreSQL database, created if missing."""
    if not given:
        return f"sqlite:///{folder / 'bench.sqlite'}"
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    url = make_url(given)
    if url.get_backend_name() != "postgresql":
        return given
    url = url.set(drivername="postgresql+psycopg")
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if not conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": url.database}).scalar():
            conn.execute(text(f'CREATE DATABASE "{url.database}"'))
    admin.dispose()
    return url.render_as_string(hide_password=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="PostgreSQL URL (database created when missing, its tables "
                                               "reloaded); default: a fresh SQLite file")
    parser.add_argument("--big", action="store_true", help="the 3,000-person data of dashboard_bench.py")
    parser.add_argument("--processes", type=int, default=1, help="waitress processes sharing one socket")
    parser.add_argument("--threads", type=int, default=8, help="waitress threads per process")
    parser.add_argument("--seconds", type=int, default=3, help="wrk's duration per page")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--no-gzip", action="store_true", help="wrk asks without Accept-Encoding (compression's cost)")
    parser.add_argument("--cpu", action="store_true", help="CPU ms per request of each page, in this process")
    parser.add_argument("--profile", metavar="PAGE", help="profile one page (a label, or 'bare') in this process")
    parser.add_argument("--requests", type=int, default=300, help="requests per page of --cpu and --profile")
    parser.add_argument("--top", type=int, default=50, help="functions --profile prints")
    parser.add_argument("--serve-fd", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_fd is not None:
        serve_child(args.serve_fd, args.threads)
        return 0
    if args.cpu or args.profile:
        folder = Path(tempfile.mkdtemp(prefix="pages-bench-"))
        os.environ["INSTANCE_PATH"] = str(folder)
        os.environ["TOTP_REQUIRED_ROLES"] = ""
        url = database_url(args.database_url, folder)
        try:
            return in_process(url, *prepare(url, args.big), args)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install -y wrk")
    folder = Path(tempfile.mkdtemp(prefix="pages-bench-"))
    os.environ["INSTANCE_PATH"] = str(folder)
    os.environ["TOTP_REQUIRED_ROLES"] = ""
    url = database_url(args.database_url, folder)
    login, pages = prepare(url, args.big)
    queries = count_queries(url, login, pages)
    script = folder / "status.lua"
    script.write_text(WRK_SCRIPT)
    base, children, sock = start_servers(url, folder, args.processes, args.threads)
    try:
        browser = Browser(base)
        cookie = browser.login(*login)
        sizes = {}
        for label, path in pages.items():
            status, html, _ = browser.get(path)
            _, packed, headers = browser.get(path, gzip=True)
            if status != 200:
                raise SystemExit(f"{path} answered {status} (server logs in {folder})")
            if headers.get("Content-Encoding") != "gzip":
                raise SystemExit(f"{path} was not compressed")
            sizes[label] = (len(html), len(packed))

        def run(path: str) -> dict:
            figures = wrk(base, path, cookie, args.seconds, args.connections, script, not args.no_gzip)
            if figures["requests"] < args.connections:  # a page slower than the run: run it long enough to count
                drain()
                figures = wrk(base, path, cookie, max(10, 4 * args.seconds), args.connections, script,
                              not args.no_gzip)
            drain()
            return figures

        def drain() -> None:
            quiet = 0  # waitress still works off the requests wrk left queued: the next run starts once the
            for _ in range(1000):  # bare page answers fast three times in a row (from every process, likely)
                started = time.perf_counter()
                browser.get(BARE)
                quiet = quiet + 1 if time.perf_counter() - started < 0.05 else 0
                if quiet == 3:
                    break

        results, bares = {}, {}
        for label, path in pages.items():  # each page right after its own bare run: a share holds under drift
            bares[label] = run(BARE)
            results[label] = run(path)
        if browser.get("/people/")[0] != 200:
            raise SystemExit("the session was lost during the run: the figures are of the login page")
    finally:
        for child in children:
            child.terminate()
        for child in children:
            child.wait(30)
        sock.close()
    bare_rps = [b["rps"] for b in bares.values()]
    engine = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
    print(f"{engine}, {'3,000-person data' if args.big else 'demo town'}, {args.processes} waitress process(es) × "
          f"{args.threads} threads, wrk 2 threads × {args.connections} connections, {args.seconds} s per page"
          f"{' (asked without gzip)' if args.no_gzip else ''}; "
          f"{os.cpu_count()} CPUs, load average at the end {os.getloadavg()[0]:.1f}")
    print(f"bare page: median {statistics.median(bare_rps):.0f} req/s (from {min(bare_rps):.0f} to "
          f"{max(bare_rps):.0f} over the run), p50 {statistics.median(b['p50'] for b in bares.values()):.1f} ms")
    print()
    print("| page | path | req/s | bare req/s | share of bare | p50 ms | p99 ms | non-200 | HTML KB | gzip KB | SQL |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, path in pages.items():
        r = results[label]
        html, packed = sizes[label]
        bare = bares[label]["rps"]
        print(f"| {label} | `{path}` | {r['rps']:.1f} | {bare:.0f} | {r['rps'] / bare:.1%} | {r['p50']:.0f} | "
              f"{r['p99']:.0f} | "
              f"{r['not_200'] + r['socket_errors']} | {html / 1024:.1f} | {packed / 1024:.1f} | {queries[label]} |")
    shutil.rmtree(folder, ignore_errors=True)
    return 1 if any(r["not_200"] or r["socket_errors"] for r in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
