"""Audit you can trust (#21 item 9): the log is hash-chained at commit, `flask audit verify` finds an edited or
deleted entry and says where, and `flask audit archive` moves entries past the retention to a signed file while
the chain left in the database still verifies."""
import json
import threading
from datetime import timedelta
from pathlib import Path

from sqlalchemy import delete, func, select, update

from webapp import clock as app_clock
from webapp.audit_chain import verify
from webapp.extensions import db
from webapp.models import AuditArchive, AuditLog, Person


def _people(make_person, count):
    for i in range(count):
        make_person(f"Người thứ {i}")
    db.session.commit()


def _chain():
    return db.session.execute(select(AuditLog).order_by(AuditLog.chain_seq)).scalars().all()


def test_every_entry_is_sealed_into_one_chain(make_person):
    _people(make_person, 3)
    person = db.session.scalar(select(Person).limit(1))
    person.full_name = "Tên đã sửa"
    db.session.commit()
    entries = _chain()
    assert len(entries) >= 4
    assert [e.chain_seq for e in entries] == list(range(1, len(entries) + 1))
    assert all(e.entry_hash for e in entries) and entries[0].prev_hash == ""
    assert all(b.prev_hash == a.entry_hash for a, b in zip(entries, entries[1:]))


def test_verify_passes_on_an_untouched_log(runner, make_person):
    _people(make_person, 3)
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 0 and "toàn vẹn" in result.output


def test_verify_finds_an_edited_entry(runner, make_person):
    _people(make_person, 4)
    target = _chain()[1]
    db.session.execute(update(AuditLog).where(AuditLog.id == target.id).values(after={"full_name": "Giả mạo"}))
    db.session.commit()
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 1
    assert f"Mục {target.chain_seq} (id {target.id}" in result.output and "đã bị sửa" in result.output


def test_verify_finds_a_deleted_entry(runner, make_person):
    _people(make_person, 4)
    target = _chain()[2]
    db.session.execute(delete(AuditLog).where(AuditLog.id == target.id))
    db.session.commit()
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 1 and f"Thiếu mục {target.chain_seq}" in result.output


def test_a_rehashed_forgery_without_the_key_is_found(runner, make_person):
    """Recomputing a plain SHA-256 over the edit does not help: the chain is keyed with SECRET_KEY."""
    import hashlib

    _people(make_person, 3)
    target = _chain()[1]
    forged = hashlib.sha256(b"forged").hexdigest()
    db.session.execute(update(AuditLog).where(AuditLog.id == target.id).values(action="forged", entry_hash=forged))
    db.session.commit()
    assert runner.invoke(args=["audit", "verify"]).exit_code == 1


def test_an_entry_written_behind_the_apps_back_is_reported(runner, make_person):
    _people(make_person, 2)
    with db.engine.begin() as conn:  # not through the app's session: never sealed
        conn.execute(AuditLog.__table__.insert().values(action="insert", table_name="person", row_id=99,
                                                        at=app_clock.utcnow()))
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 1 and "không thuộc chuỗi" in result.output


def test_concurrent_writers_extend_one_chain(app, make_person):
    """Two requests committing at once never fork the chain (PostgreSQL: advisory lock; SQLite: writer lock)."""
    errors = []

    def write(n):
        with app.app_context():
            try:
                for i in range(5):
                    person = Person()
                    person.set_name(f"Luồng {n} người {i}")
                    db.session.add(person)
                    db.session.commit()
            except Exception as error:  # noqa: BLE001 (reported by the assertion below)
                errors.append(error)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    problems, checked, _head = verify(db.session.connection())
    assert problems == [] and checked == db.session.scalar(select(func.count()).select_from(AuditLog)) == 20


def _age_entries(clock, make_person, months_old):
    """Entries written `months_old` months ago, then one written now."""
    now = app_clock.now()
    clock(now - timedelta(days=31 * months_old))
    _people(make_person, 3)
    clock(now)
    make_person("Người mới")
    db.session.commit()


def test_archive_moves_old_entries_to_a_signed_file_and_the_chain_still_verifies(app, runner, clock, make_person,
                                                                                  tmp_path):
    assert app.config["AUDIT_RETENTION_MONTHS"] == 12
    _age_entries(clock, make_person, 13)
    before = len(_chain())
    result = runner.invoke(args=["audit", "archive", "--folder", str(tmp_path)])
    assert result.exit_code == 0, result.output
    files = list(tmp_path.glob("audit-*.jsonl"))
    assert len(files) == 1
    lines = files[0].read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0])["entries"] == 3 and "signature" in json.loads(lines[-1])
    assert len(_chain()) == before - 3 + 1   # the archiving is itself audited
    assert db.session.scalar(select(func.count()).select_from(AuditArchive)) == 1
    assert runner.invoke(args=["audit", "verify"]).exit_code == 0
    assert runner.invoke(args=["audit", "verify-archive", str(files[0])]).exit_code == 0


def test_entries_within_the_retention_stay(runner, clock, make_person, tmp_path):
    _age_entries(clock, make_person, 11)
    result = runner.invoke(args=["audit", "archive", "--folder", str(tmp_path)])
    assert result.exit_code == 0 and "Không có mục nào" in result.output
    assert not list(tmp_path.glob("*.jsonl"))


def test_an_edited_archive_file_is_found(runner, clock, make_person, tmp_path):
    _age_entries(clock, make_person, 13)
    runner.invoke(args=["audit", "archive", "--folder", str(tmp_path)])
    path = next(tmp_path.glob("audit-*.jsonl"))
    path.write_text(path.read_text(encoding="utf-8").replace("Người thứ 1", "Người khác"), encoding="utf-8")
    result = runner.invoke(args=["audit", "verify-archive", str(path)])
    assert result.exit_code == 1 and "Chữ ký" in result.output


def test_deleting_entries_after_the_archive_point_is_found(runner, clock, make_person, tmp_path):
    _age_entries(clock, make_person, 13)
    runner.invoke(args=["audit", "archive", "--folder", str(tmp_path)])
    first_kept = _chain()[0]
    db.session.execute(delete(AuditLog).where(AuditLog.id == first_kept.id))
    db.session.commit()
    result = runner.invoke(args=["audit", "verify"])
    assert result.exit_code == 1 and f"Thiếu mục {first_kept.chain_seq}" in result.output


def test_a_broken_chain_is_not_archived(runner, clock, make_person, tmp_path):
    _age_entries(clock, make_person, 13)
    target = _chain()[1]
    db.session.execute(update(AuditLog).where(AuditLog.id == target.id).values(note="sửa lén"))
    db.session.commit()
    result = runner.invoke(args=["audit", "archive", "--folder", str(tmp_path)])
    assert result.exit_code == 1 and "bị hỏng" in result.output
    assert not list(Path(tmp_path).glob("*.jsonl"))


def test_entries_written_as_core_inserts_are_sealed_too(runner):
    """Imports write their batch's entry with `session.execute(insert(AuditLog.__table__))`."""
    from sqlalchemy import insert

    db.session.execute(insert(AuditLog.__table__).values(action="import", table_name="import_batch", row_id=1,
                                                         at=app_clock.utcnow(), note="Nhập tệp"))
    db.session.commit()
    entry = db.session.scalar(select(AuditLog))
    assert entry.chain_seq == 1 and entry.entry_hash
    assert runner.invoke(args=["audit", "verify"]).exit_code == 0
