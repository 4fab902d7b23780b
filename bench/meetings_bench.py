"""Benchmark: a member's group record and a unit's yearly register over 500,000 attendance rows.

Seeds a fresh SQLite file (migrated with Alembic) by Core executemany — 3,000 persons in 100 groups of 30, each
member following one of 300 cells, 168 monthly cell meetings per cell (2012–2025), 10 people per meeting — then
times `GET /meetings/group/<id>/record` and `GET /meetings/matrix/unit/<id>` through the Flask test client.

Run: /work/main/.venv/bin/python bench/meetings_bench.py [--requests 25]
"""
import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from webapp import create_app  # noqa: E402
from webapp.extensions import db  # noqa: E402
from webapp.models import Assignment, Attendance, Meeting, Membership, Person, Role, Term, Unit, WorkingGroup  # noqa: E402
from webapp.models.meetings import meeting_unit  # noqa: E402
from webapp.names import fold, sort_key  # noqa: E402

PERSONS, GROUPS, CELLS, PER_CELL = 3000, 100, 300, 10
FIRST_YEAR, LAST_YEAR = 2012, 2025
STATUSES = ["present"] * 7 + ["late", "excused", "absent"]
BATCH = 20_000


def _insert(table, rows) -> None:
    for start in range(0, len(rows), BATCH):
        db.session.execute(insert(table), rows[start:start + BATCH])


def seed_units() -> None:
    units = [{"id": 1, "name": "Đảng bộ thị xã Hồng Sơn", "kind": "root", "sector": "town", "path": "/1/",
              "search_key": fold("Đảng bộ thị xã Hồng Sơn"), "active": True}]
    for c in range(CELLS):
        name = f"Chi bộ Tổ dân phố {c + 1}"
        units.append({"id": c + 2, "name": name, "kind": "cell", "sector": "residential", "parent_id": 1,
                      "path": f"/1/{c + 2}/", "search_key": fold(name), "active": True})
    _insert(Unit.__table__, units)


def seed_people_and_groups(rng: random.Random) -> None:
    db.session.execute(insert(Term.__table__), [{"id": 1, "name": "2010 - 2030", "start_date": date(2010, 1, 1),
                                                  "end_date": date(2030, 12, 31), "is_current": True}])
    _insert(WorkingGroup.__table__, [{"id": g + 1, "number": g + 1, "name": f"Đoàn công tác số {g + 1}",
                                      "term_id": 1, "owner_unit_id": 1} for g in range(GROUPS)])
    persons, memberships, assignments = [], [], []
    for p in range(PERSONS):
        name = f"{rng.choice(['Nguyễn', 'Trần', 'Lê', 'Phạm'])} {rng.choice(['Văn', 'Thị', 'Minh'])} Người {p + 1}"
        persons.append({"id": p + 1, "full_name": name, "search_key": fold(name), "sort_key": sort_key(name),
                        "is_council_delegate": False})
        memberships.append({"id": p + 1, "person_id": p + 1, "group_id": p % GROUPS + 1,
                            "role": "head" if p < GROUPS else "member", "start_date": date(FIRST_YEAR, 1, 1)})
        assignments.append({"id": p + 1, "membership_id": p + 1, "person_id": p + 1, "unit_id": p // PER_CELL + 2,
                            "start_date": date(FIRST_YEAR, 1, 1)})
    _insert(Person.__table__, persons)
    _insert(Membership.__table__, memberships)
    _insert(Assignment.__table__, assignments)


def seed_meetings(rng: random.Random) -> int:
    meetings, links, marks = [], [], []
    meeting_id = attendance_id = 0
    for c in range(CELLS):
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            for month in range(1, 13):
                meeting_id += 1
                meetings.append({"id": meeting_id, "kind": "cell", "held_on": date(year, month, 5),
                                 "title": f"Sinh hoạt chi bộ tháng {month}/{year}", "created_at": date(year, month, 5)})
                links.append({"meeting_id": meeting_id, "unit_id": c + 2})
                for k in range(PER_CELL):
                    attendance_id += 1
                    marks.append({"id": attendance_id, "meeting_id": meeting_id, "person_id": c * PER_CELL + k + 1,
                                  "expected": True, "status": rng.choice(STATUSES)})
    _insert(Meeting.__table__, meetings)
    _insert(meeting_unit, links)
    _insert(Attendance.__table__, marks)
    return len(marks)


def median_ms(client, url: str, requests: int) -> tuple[float, float]:
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url, headers={"HX-Request": "true"})
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings), max(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=25)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="meetings-bench-"))
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite'}", "SECRET_KEY": "bench",
                      "WTF_CSRF_ENABLED": False, "UPLOAD_FOLDER": str(folder / "uploads")})
    rng = random.Random(4)
    with app.app_context():
        upgrade()
        started = time.perf_counter()
        seed_units()
        seed_people_and_groups(rng)
        rows = seed_meetings(rng)
        from webapp.auth.services import create_user
        create_user("bench", "bench-password", Role.ADMIN)
        db.session.commit()
        print(f"seeded {PERSONS} persons, {rows} attendance rows in {time.perf_counter() - started:.1f} s ({folder})")
        group_id = db.session.scalar(select(WorkingGroup.id).order_by(WorkingGroup.id))
    client = app.test_client()
    client.post("/auth/login", data={"username": "bench", "password": "bench-password"})
    targets = [
        ("group record, one year (30 members)", f"/meetings/group/{group_id}/record?year=2025"),
        ("group record, all years (30 members)", f"/meetings/group/{group_id}/record"),
        ("unit matrix, one year", "/meetings/matrix/unit/2?year=2025"),
    ]
    for name, url in targets:
        median, worst = median_ms(client, url, args.requests)
        print(f"{name:40s} median {median:7.1f} ms   max {worst:7.1f} ms   ({args.requests} requests)")


if __name__ == "__main__":
    main()
