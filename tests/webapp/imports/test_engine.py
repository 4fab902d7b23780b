"""The bulk-writing engine: values survive the bulk insert exactly; the deferred index comes back, or rolls back."""
import pytest
from sqlalchemy import func, inspect, select

from webapp.extensions import db
from webapp.imports.commit import attendance, bulk
from webapp.models import Attendance, BatchStatus, ImportBatch, Person, Role

from .conftest import COMMIT, batch_id_of, sample, truth

AWKWARD = ["Nguyễn Văn \"An\"", "Lê Thị O'Hara", "Trần\\Bình", "Phạm Văn\nXuân", "Ngô 😀 Tú", "=1+2", ""]


@pytest.fixture
def admin(as_role):
    return as_role(Role.ADMIN)


def attendance_indexes() -> set[str]:
    return {index["name"] for index in inspect(db.session.connection()).get_indexes("attendance")}


def test_bulk_insert_keeps_every_value_exactly(app):
    rows = [(name, f"key {i}", f"{i:08d}", None if i % 2 else f"09{i:08d}") for i, name in enumerate(AWKWARD)]
    inserted = bulk.bulk_insert(Person.__table__, ["full_name", "search_key", "sort_key", "phone"], iter(rows),
                                  {"is_council_delegate": bulk.db_value(False), "import_batch_id": None})
    db.session.commit()
    stored = db.session.execute(select(Person.full_name, Person.search_key, Person.sort_key, Person.phone,
                                       Person.is_council_delegate).order_by(Person.sort_key)).all()
    assert inserted == len(AWKWARD)
    assert [tuple(r) for r in stored] == [row + (False,) for row in rows]


def test_bulk_insert_goes_in_chunks(app, monkeypatch):
    monkeypatch.setattr(bulk, "CHUNK", 3)
    rows = ((f"Người {i}", f"nguoi {i}", f"{i:08d}") for i in range(10))
    assert bulk.bulk_insert(Person.__table__, ["full_name", "search_key", "sort_key"], rows,
                              {"is_council_delegate": bulk.db_value(False)}) == 10
    assert db.session.scalar(select(func.count()).select_from(Person)) == 10


def test_big_attendance_import_rebuilds_the_person_index(app, client, admin, town, upload, monkeypatch):
    monkeypatch.setattr(bulk, "REBUILD_MIN_ROWS", 1)
    before = attendance_indexes()
    client.post(f"/imports/{batch_id_of(upload(sample('a06_attendance_wide_months.xlsx')))}/commit",
                data={**COMMIT, "create_persons": "y"}, follow_redirects=True)
    assert db.session.scalar(select(func.count()).select_from(Attendance)) == len(
        truth("a06_attendance_wide_months.xlsx")["records"])
    assert "ix_attendance_person_meeting" in attendance_indexes() == before


def test_failure_after_the_index_is_dropped_rolls_the_drop_back(app, client, admin, town, upload, monkeypatch):
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)
    monkeypatch.setattr(bulk, "REBUILD_MIN_ROWS", 1)
    real_insert = bulk.bulk_insert

    def insert_then_fail(table, *args, **kwargs):
        real_insert(table, *args, **kwargs)
        if table.name == "attendance":
            dropped = db.session.connection().dialect.name == "sqlite"  # PostgreSQL keeps its indexes
            assert ("ix_attendance_person_meeting" not in attendance_indexes()) == dropped
            raise RuntimeError("disk full")

    before = attendance_indexes()
    batch_id = batch_id_of(upload(sample("a06_attendance_wide_months.xlsx")))
    monkeypatch.setattr(attendance, "bulk_insert", insert_then_fail)
    response = client.post(f"/imports/{batch_id}/commit", data={**COMMIT, "create_persons": "y"})
    assert response.status_code == 500
    db.session.expire_all()
    assert attendance_indexes() == before
    assert db.session.scalar(select(func.count()).select_from(Attendance)) == 0
    assert db.session.get(ImportBatch, batch_id).status == BatchStatus.DRAFT
