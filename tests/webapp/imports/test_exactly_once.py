"""Exactly once: concurrent commits of one batch write it once; overlapping batches create no duplicates."""
import threading
from datetime import date

import pytest
from sqlalchemy import func, select

from webapp.extensions import db
from webapp.imports import services
from webapp.imports.commit import Options
from webapp.imports.undo import undo_batch
from webapp.models import BatchStatus, ImportBatch, Membership, Person, Role, Unit

from .conftest import ROSTER_HEADERS, write_xlsx

NAMES = [f"Nguyễn Văn Thử {i:02d}" for i in range(25)]


@pytest.fixture
def admin(as_role):
    return as_role(Role.ADMIN)


def roster_batch(path, names, units, root, user_id=None) -> int:
    """A draft roster batch whose members are `names`, assigned round-robin to `units` (created when missing)."""
    rows = [[i + 1, name, f"01/01/{1960 + NAMES.index(name)}", "Ủy viên", "Đoàn công tác số 3",
             "Thành viên", units[i % len(units)], f"09{NAMES.index(name):08d}"] for i, name in enumerate(names)]
    write_xlsx(path, ROSTER_HEADERS, rows)
    with open(path, "rb") as handle:
        batch_id = services.create_batch(handle, path.name, user_id, kind="roster")
    services.configure(batch_id, options=Options(start_date=date(2025, 11, 1), create_units=True,
                                                 unit_parent_id=root.id).as_dict())
    return batch_id


def at_once(app, *calls):
    """Run the calls in threads released together, each in its own app context; returns result or exception."""
    barrier, results = threading.Barrier(len(calls)), [None] * len(calls)

    def run(index, call):
        with app.app_context():
            barrier.wait()
            try:
                results[index] = call()
            except Exception as exc:  # noqa: BLE001 - the test inspects what each caller got
                results[index] = exc
            finally:
                db.session.remove()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def count(model, *where) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_two_commits_of_one_batch_write_it_once(app, root_unit, term, tmp_path):
    batch_id = roster_batch(tmp_path / "ds.xlsx", NAMES, ["Chi bộ Song Song"], root_unit)
    results = at_once(app, *[lambda: services.commit_batch(batch_id, None)] * 2)
    won = [r for r in results if isinstance(r, dict)]
    lost = [r for r in results if isinstance(r, services.BatchBusy)]
    assert len(won) == 1 and len(lost) == 1, results
    assert count(Person) == 25 and count(Membership) == 25 and count(Unit, Unit.name == "Chi bộ Song Song") == 1
    batch = db.session.get(ImportBatch, batch_id)
    assert batch.status == BatchStatus.COMMITTED and batch.counts["created"]["person"] == 25
    undo = at_once(app, *[lambda: undo_batch(batch_id, None)] * 2)
    assert sorted(type(r).__name__ for r in undo) == ["BatchBusy", "dict"], undo
    assert count(Person) == 0 and count(Membership) == 0 and count(Unit, Unit.name == "Chi bộ Song Song") == 0


def test_overlapping_batches_share_units_and_persons_without_duplicates(app, root_unit, term, tmp_path):
    shared_units = ["Chi bộ Chung Một", "Chi bộ Chung Hai"]
    batches = [roster_batch(tmp_path / f"ds{n}.xlsx", NAMES[n * 3:n * 3 + 12], shared_units, root_unit)
               for n in range(5)]
    results = at_once(app, *[lambda b=b: services.commit_batch(b, None) for b in batches])
    assert all(isinstance(r, dict) for r in results), results
    names = set().union(*(NAMES[n * 3:n * 3 + 12] for n in range(5)))
    assert count(Person) == len(names) == db.session.scalar(select(func.count(func.distinct(Person.full_name))))
    assert count(Unit, Unit.name.in_(shared_units)) == 2
    created = sum(db.session.get(ImportBatch, b).counts["created"].get("person", 0) for b in batches)
    assert created == len(names)
    order = db.session.scalars(select(ImportBatch.id).order_by(ImportBatch.committed_at.desc(),
                                                               ImportBatch.id.desc())).all()
    for batch_id in order:  # later batches rest on rows earlier ones created: undo them first
        undo_batch(batch_id, None)
    assert count(Person) == 0 and count(Membership) == 0 and count(Unit, Unit.name.in_(shared_units)) == 0


def test_second_commit_post_is_told_the_batch_is_being_written(app, client, admin, root_unit, term, tmp_path):
    batch_id = roster_batch(tmp_path / "ds.xlsx", NAMES[:3], ["Chi bộ Song Song"], root_unit, admin.id)
    services.locks.claim(batch_id, BatchStatus.DRAFT.value, BatchStatus.COMMITTING.value)  # the first click
    response = client.post(f"/imports/{batch_id}/commit", data={
        "start_date": "01/11/2025", "action": "commit", "unit_parent_id": "0", "default_unit_id": "0"},
        follow_redirects=True)
    assert response.status_code == 200 and "đang được ghi vào dữ liệu" in response.get_data(as_text=True)
    assert count(Person) == 0 and db.session.get(ImportBatch, batch_id).status == BatchStatus.COMMITTING
