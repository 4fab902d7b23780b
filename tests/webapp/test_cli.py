import sqlite3

from sqlalchemy import func, select

from webapp.attendance_claims.queries import declarable
from webapp.clock import local_today
from webapp.extensions import db
from webapp.models import (
    Assessment,
    Assignment,
    AttendanceClaim,
    ClaimStatus,
    FieldVisit,
    GroupAssessment,
    Meeting,
    MemberReport,
    MemberRole,
    Membership,
    Person,
    Role,
    TargetIndicator,
    Unit,
    User,
    WorkingGroup,
)


def test_create_user_command(runner):
    result = runner.invoke(args=["create-user", "vanphong", "--password", "mot-mat-khau", "--role", "admin"])
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User).where(User.username == "vanphong"))
    assert user.role == Role.ADMIN and user.check_password("mot-mat-khau")


def test_create_user_refuses_short_password(runner):
    result = runner.invoke(args=["create-user", "x", "--password", "ngan"])
    assert result.exit_code != 0 and "ít nhất 8 ký tự" in result.output


def test_demo_loads_a_town_with_eight_groups_a_linked_ward_group_and_logins(runner):
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    assert "admin" in result.output and "doancongtac" in result.output
    assert db.session.scalar(select(func.count()).select_from(WorkingGroup)) == 9
    heads = db.session.scalar(select(func.count()).select_from(Membership).where(Membership.role == MemberRole.HEAD))
    assert heads == 9
    linked = db.session.scalars(select(WorkingGroup).where(WorkingGroup.works_with_group_id.is_not(None))).all()
    assert len(linked) == 1 and linked[0].works_with.owner_unit.parent_id is None
    assert {c.status for c in db.session.scalars(select(AttendanceClaim))} == {
        ClaimStatus.PENDING,
        ClaimStatus.CONFIRMED,
    }
    member = db.session.scalar(select(User).where(User.username == "thanhvien"))
    assert declarable(member.person_id, local_today())  # a meeting held two days ago waits for their declaration
    assert db.session.scalar(select(func.count()).select_from(Unit)) > 40
    indicators = db.session.scalars(select(TargetIndicator)).all()
    assert len(indicators) == 5 * len({i.unit_id for i in indicators}) >= 5 * 8  # five per ward and commune
    assert {i.year for i in indicators} == {local_today().year}
    assert db.session.scalar(select(func.count()).select_from(Meeting).where(Meeting.held_on > local_today())) == 4
    visits = db.session.scalars(select(FieldVisit)).all()
    assert visits and any(v.difficulties for v in visits) and all(v.group_id for v in visits)
    assert db.session.scalar(select(func.count()).select_from(MemberReport)) > 8
    own = db.session.scalar(select(Assessment).where(Assessment.person_id == member.person_id))
    assert own.self_level and own.proposed_level and own.decided_level is None  # the board's decision waits
    group_one = db.session.scalar(select(GroupAssessment).where(GroupAssessment.self_level.is_not(None)))
    assert group_one.decided_level is None and group_one.group.number == 1
    assert runner.invoke(args=["demo"]).exit_code == 0
    assert db.session.scalar(select(func.count()).select_from(WorkingGroup)) == 9


def test_backup_and_restore_round_trip(runner, app, tmp_path, make_person):
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        result = runner.invoke(args=["backup", str(tmp_path / "b.sqlite")])
        assert result.exit_code != 0 and "pg_dump" in result.output
        return
    make_person("Lê Thành Đông")
    backup = tmp_path / "backup.sqlite"
    assert runner.invoke(args=["backup", str(backup)]).exit_code == 0
    with sqlite3.connect(backup) as conn:
        assert conn.execute("select full_name from person").fetchall() == [("Lê Thành Đông",)]
    make_person("Người Thêm Sau")
    result = runner.invoke(args=["restore", str(backup), "--yes"])
    assert result.exit_code == 0, result.output
    db.session.remove()
    assert [p.full_name for p in db.session.scalars(select(Person))] == ["Lê Thành Đông"]


def test_demo_loads_a_ward_party_committee_with_its_cells(runner):
    from webapp.units.identity import identity_for

    result = runner.invoke(args=["demo", "--shape", "ward"])
    assert result.exit_code == 0, result.output
    root = db.session.scalar(select(Unit).where(Unit.parent_id.is_(None)))
    assert root.name == "Đảng bộ phường Bắc Hồng"
    who = identity_for()
    assert (who.committee_name, who.symbol, who.place_name) == ("Đảng ủy", "ĐU", "Bắc Hồng")
    followed = db.session.scalars(select(Unit).join(Assignment, Assignment.unit_id == Unit.id)).all()
    assert followed and all(unit.name.startswith("Chi bộ") for unit in followed)
    assert db.session.scalar(select(func.count()).select_from(WorkingGroup)) == 8
    texts = " ".join(db.session.scalars(select(User.display_name))) + " ".join(
        db.session.scalars(select(Meeting.title))
    )
    assert "Thị ủy" not in texts and "Đảng ủy" in texts


def test_restore_refuses_while_the_server_holds_its_lock_unless_forced(runner, app, tmp_path, make_person):
    import os
    from pathlib import Path

    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        return  # restore is the SQLite path; PostgreSQL uses pg_restore
    make_person("Lê Thành Đông")
    backup = tmp_path / "backup.sqlite"
    assert runner.invoke(args=["backup", str(backup)]).exit_code == 0
    make_person("Người Ghi Sau Sao Lưu")
    lock = Path(app.instance_path) / "serve.lock"
    lock.write_text(str(os.getpid()))  # a live process holds the lock, as `flask serve` does
    try:
        refused = runner.invoke(args=["restore", str(backup), "--yes"])
        assert refused.exit_code != 0 and "Máy chủ đang chạy" in refused.output and "serve.lock" in refused.output
        assert len(db.session.scalars(select(Person)).all()) == 2
        lock.write_text("999999999")  # a stale lock: its process is gone
        assert runner.invoke(args=["restore", str(backup), "--yes"]).exit_code == 0
        make_person("Người Thêm Nữa")
        lock.write_text(str(os.getpid()))
        forced = runner.invoke(args=["restore", str(backup), "--yes", "--force"])
        assert forced.exit_code == 0, forced.output
    finally:
        lock.unlink(missing_ok=True)
    db.session.remove()
    assert [p.full_name for p in db.session.scalars(select(Person))] == ["Lê Thành Đông"]
