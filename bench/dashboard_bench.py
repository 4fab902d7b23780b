"""Dashboard benchmark: 3,000 persons, 100 groups, 300 units, 1,000,000 attendance rows.

Seeds a fresh SQLite file (or, with --postgres URL, a scratch database created next to URL and dropped
afterwards) with Core executemany, then renders the dashboard through the Flask test client and reports the
median of the timed requests. Usage:
    python bench/dashboard_bench.py [--requests 15] [--postgres postgresql://postgres@127.0.0.1:5432/test]
        [--reuse PATH | --reuse DBNAME] [--profile] [--period year|term|...]
--reuse keeps the seeded data: with SQLite a file PATH (seeded when missing, reused when present), with
PostgreSQL a database name next to URL (created and seeded when missing, never dropped). --profile prints each
SQL statement's time during one dashboard request, slowest first.
"""
import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, insert, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

PERSONS, GROUPS, MEMBERS_PER_GROUP, COMMITTEES, UNITS, ATTENDANCE = 3000, 100, 8, 20, 300, 1_000_000
MONTHS = [(y, m) for y in (2024, 2025, 2026) for m in range(1, 13)]
STATUSES = ["present"] * 7 + ["late", "excused", "absent"]


def seed(db, models, rng: random.Random) -> None:
    """Insert the whole dataset with Core executemany, table by table."""
    from webapp.models.meetings import meeting_unit

    conn = db.session.connection()
    ex = lambda model, rows: conn.execute(insert(model.__table__ if hasattr(model, "__table__") else model), rows)  # noqa: E731
    units = [{"id": 1, "name": "Đảng bộ thị xã Hồng Sơn", "kind": "root", "sector": "town", "parent_id": None,
              "path": "/1/", "search_key": "dang bo thi xa", "active": True}]
    for c in range(COMMITTEES):
        uid = 2 + c
        units.append({"id": uid, "name": f"Đảng bộ phường {c + 1}", "kind": "party_committee", "sector": "ward",
                      "parent_id": 1, "path": f"/1/{uid}/", "search_key": f"dang bo phuong {c + 1}", "active": True})
    for n in range(UNITS - 1 - COMMITTEES):
        uid = 2 + COMMITTEES + n
        parent = 2 + n % COMMITTEES
        sector = "enterprise" if n % 15 == 0 else "residential"
        units.append({"id": uid, "name": f"Chi bộ {n + 1}", "kind": "cell", "sector": sector, "parent_id": parent,
                      "path": f"/1/{parent}/{uid}/", "search_key": f"chi bo {n + 1}", "active": True})
    ex(models.Unit, units)
    cells = [u["id"] for u in units if u["kind"] == "cell"]
    ex(models.Person, [{"id": i, "full_name": f"Nguyễn Văn Người {i}", "search_key": f"nguyen van nguoi {i}",
                        "sort_key": f"{i:08d}", "is_council_delegate": False} for i in range(1, PERSONS + 1)])
    ex(models.Term, [{"id": 1, "name": "2025 - 2030", "start_date": date(2023, 10, 1), "end_date": date(2028, 9, 30),
                      "is_current": True}])
    ex(models.WorkingGroup, [{"id": g, "number": g, "name": f"Đoàn công tác số {g}", "term_id": 1, "owner_unit_id": 1}
                             for g in range(1, GROUPS + 1)])
    memberships, assignments, followers = [], [], {}
    for g in range(1, GROUPS + 1):
        for k in range(MEMBERS_PER_GROUP):
            mid = (g - 1) * MEMBERS_PER_GROUP + k + 1
            role = "head" if k == 0 else "deputy" if k == 1 else "member"
            memberships.append({"id": mid, "person_id": mid, "group_id": g, "role": role,
                                "start_date": date(2023, 10, 15), "end_date": None})
            unit = cells[(mid * 7) % len(cells)]
            assignments.append({"id": mid, "membership_id": mid, "person_id": mid, "unit_id": unit,
                                "start_date": date(2023, 10, 15), "end_date": None})
            followers.setdefault(unit, []).append(mid)
    ex(models.Membership, memberships)
    ex(models.Assignment, assignments)
    meetings, links = [], []
    for uid in [u["id"] for u in units[1:]]:
        for y, m in MONTHS:
            mid = len(meetings) + 1
            meetings.append({"id": mid, "kind": "cell", "held_on": date(y, m, 10), "title": f"Sinh hoạt {m}/{y}",
                             "group_id": None, "created_at": date(y, m, 10)})
            links.append({"meeting_id": mid, "unit_id": uid})
    ex(models.Meeting, meetings)
    conn.execute(insert(meeting_unit), links)
    per_meeting = ATTENDANCE // len(meetings)
    extra = ATTENDANCE - per_meeting * len(meetings)
    rows, aid = [], 0
    for index, (meeting, link) in enumerate(zip(meetings, links)):
        want = per_meeting + (1 if index < extra else 0)
        people = list(dict.fromkeys(followers.get(link["unit_id"], []) + rng.sample(range(1, PERSONS + 1), want)))[
            :want
        ]
        for person in people:
            aid += 1
            rows.append({"id": aid, "meeting_id": meeting["id"], "person_id": person, "expected": True,
                         "status": rng.choice(STATUSES)})
        if len(rows) >= 50_000:
            ex(models.Attendance, rows)
            rows = []
    if rows:
        ex(models.Attendance, rows)
    visits = [{"id": v + 1, "person_id": a["person_id"], "unit_id": a["unit_id"], "group_id": a["membership_id"] and
               memberships[a["membership_id"] - 1]["group_id"], "visited_on": date(y, m, 1 + v % 28),
               "findings": "Nắm tình hình", "created_at": date(y, m, 1)}
              for v, (a, (y, m)) in enumerate((a, ym) for a in assignments for ym in MONTHS if rng.random() < 0.6)]
    ex(models.FieldVisit, visits)
    db.session.commit()


def profile(app, client, args) -> None:
    """Time every SQL statement of one dashboard request and print them, slowest first."""
    from sqlalchemy import event

    from webapp.extensions import db

    with app.app_context():
        engine = db.engine
    stats = []

    def before(conn, cursor, statement, parameters, context, executemany):
        conn.info.setdefault("bench_started", []).append(time.perf_counter())

    def after(conn, cursor, statement, parameters, context, executemany):
        stats.append(((time.perf_counter() - conn.info["bench_started"].pop()) * 1000, statement))

    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    try:
        started = time.perf_counter()
        client.get("/dashboard/", query_string=args)
        total = (time.perf_counter() - started) * 1000
    finally:
        event.remove(engine, "before_cursor_execute", before)
        event.remove(engine, "after_cursor_execute", after)
    print(f"profile: {len(stats)} statements, {sum(t for t, _ in stats):.0f} ms in SQL, {total:.0f} ms request")
    for ms, statement in sorted(stats, key=lambda item: -item[0]):
        print(f"  {ms:9.1f} ms  {' '.join(statement.split())[:160]}")


def run(url: str, requests: int, *, reuse: bool = False, show_profile: bool = False,
        period: str = "year") -> list[float]:
    os.environ.setdefault("INSTANCE_PATH", tempfile.mkdtemp(prefix="dash-bench-"))
    from webapp import create_app, models
    from webapp.auth.services import create_user
    from webapp.extensions import db

    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": url, "TESTING": True, "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False}
    )
    with app.app_context():
        db.create_all()
        if reuse:  # indexes the models gained since the reused database was seeded
            for table in db.metadata.sorted_tables:
                for index in table.indexes:
                    index.create(db.engine, checkfirst=True)
        started = time.perf_counter()
        if not (reuse and db.session.execute(text("SELECT count(*) FROM attendance")).scalar()):
            seed(db, models, random.Random(7))
        db.session.commit()
        if db.engine.dialect.name == "postgresql":  # stats, and the visibility map for index-only scans
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("VACUUM ANALYZE"))
        else:
            db.session.execute(text("ANALYZE"))
            db.session.commit()
        print(f"seeded/analyzed in {time.perf_counter() - started:.1f} s:",
              {t: db.session.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in
               ("person", "working_group", "unit", "membership", "meeting", "attendance")})
        if db.session.scalar(select(models.User).where(models.User.username == "bench")) is None:
            create_user("bench", "bench-password", models.Role.LEADERSHIP, "Bench", None, None)
        db.session.commit()
    client = app.test_client()
    assert client.post("/auth/login", data={"username": "bench", "password": "bench-password"}).status_code == 302
    args = {"period": period, "year": "2026"}
    warm = client.get("/dashboard/section/groups", query_string=args, headers={"HX-Request": "true"})
    assert warm.status_code == 200 and "Đoàn công tác số 100" in warm.get_data(as_text=True), warm.status_code
    if show_profile:
        profile(app, client, args)
    from webapp import data_cache
    from webapp.dashboard.views import SECTIONS

    cold = []
    for _ in range(requests):  # the figures computed afresh, as after a write
        data_cache.clear()
        started = time.perf_counter()
        response = client.get("/dashboard/", query_string=args)
        cold.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    report("  first response, figures not kept (after a write)", cold)
    timings = []
    for _ in range(requests):  # nothing written since: the figures kept for this scope and period
        started = time.perf_counter()
        response = client.get("/dashboard/", query_string=args)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    print(f"  first response: {len(response.data) / 1024:.1f} KB of HTML")
    for name in SECTIONS:  # each section as HTMX loads it when scrolled to (member figures kept)
        started = time.perf_counter()
        response = client.get(f"/dashboard/section/{name}", query_string=args, headers={"HX-Request": "true"})
        assert response.status_code == 200, name
        print(f"  section {name}: {(time.perf_counter() - started) * 1000:.0f} ms, {len(response.data) / 1024:.1f} KB")
    section_timings = []
    for _ in range(requests):  # a further page of the ranking: an HTMX swap of that section alone
        started = time.perf_counter()
        response = client.get("/dashboard/section/ranking", query_string={**args, "ranking_page": "2"},
                              headers={"HX-Request": "true"})
        section_timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200 and 'id="ranking"' in response.get_data(as_text=True)
    report("  ranking section (page 2, HTMX)", section_timings)
    figure_timings = []
    with app.test_request_context("/dashboard/", query_string=args):
        from webapp.dashboard.figures.dashboard import build_dashboard
        from webapp.dashboard.filters import parse_filters

        user = db.session.scalar(select(models.User).where(models.User.username == "bench"))
        for _ in range(requests):
            started = time.perf_counter()
            build_dashboard(parse_filters(args, user))
            figure_timings.append((time.perf_counter() - started) * 1000)
            db.session.rollback()
        report("  figures only (build_dashboard, no rendering)", figure_timings)
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    return timings


def report(label: str, timings: list[float]) -> None:
    print(f"{label}: median {statistics.median(timings):.0f} ms, min {min(timings):.0f} ms, "
          f"max {max(timings):.0f} ms over {len(timings)} requests")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=15)
    parser.add_argument("--postgres", help="base PostgreSQL URL; a scratch database is created next to it")
    parser.add_argument("--reuse", "--keep", metavar="PATH|DBNAME",
                        help="keep the seeded data in this SQLite file / PostgreSQL database and reuse it next time")
    parser.add_argument("--profile", action="store_true", help="print each SQL statement's time for one request")
    parser.add_argument("--period", default="year", choices=["month", "quarter", "8m", "year", "term"],
                        help="the dashboard period to time (default: the year 2026; 'term' spans 2023-2028)")
    args = parser.parse_args()
    options = {"reuse": bool(args.reuse), "show_profile": args.profile, "period": args.period}
    if args.postgres:
        base = make_url(args.postgres).set(drivername="postgresql+psycopg")
        name = args.reuse or f"dash_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(base, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).scalar()
            if not exists:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            report("PostgreSQL", run(base.set(database=name).render_as_string(hide_password=False), args.requests,
                                     **options))
        finally:
            if not args.reuse:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
    elif args.reuse:
        report("SQLite", run(f"sqlite:///{Path(args.reuse).resolve()}", args.requests, **options))
    else:
        with tempfile.TemporaryDirectory() as folder:
            report("SQLite", run(f"sqlite:///{Path(folder) / 'bench.sqlite'}", args.requests, **options))


if __name__ == "__main__":
    main()
