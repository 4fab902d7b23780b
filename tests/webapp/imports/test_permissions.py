"""Who may use the import pages: route x role -> status; object checks on batches; CSRF on every POST."""
import pytest
from sqlalchemy import func, select

from webapp.extensions import db
from webapp.imports import dry_run, services
from webapp.models import Attendance, ImportBatch, Person, Role

from .conftest import COMMIT, batch_id_of, sample

ROLES = [Role.ADMIN, Role.LEADERSHIP, Role.GROUP_HEAD, Role.UNIT_OFFICER, Role.MEMBER]


@pytest.fixture
def admin_batch(town, make_user):
    """A draft batch uploaded by an admin."""
    owner = make_user(Role.ADMIN)
    batch_id = services.create_batch(sample("a01_roster_title_block.xlsx"), "a01.xlsx", owner.id)
    dry_run.analyse(batch_id)
    return batch_id


@pytest.mark.parametrize("role, expected", [
    (Role.ADMIN, 200), (Role.LEADERSHIP, 403), (Role.GROUP_HEAD, 403), (Role.UNIT_OFFICER, 200), (Role.MEMBER, 403),
])
@pytest.mark.parametrize("path", ["/imports/", "/imports/template/attendance.xlsx", "/imports/template/targets.xlsx"])
def test_pages_by_role(client, as_role, role, expected, path):
    as_role(role)
    assert client.get(path).status_code == expected


@pytest.mark.parametrize("role, expected", [
    (Role.ADMIN, 200), (Role.LEADERSHIP, 403), (Role.GROUP_HEAD, 403), (Role.UNIT_OFFICER, 403), (Role.MEMBER, 403),
])
@pytest.mark.parametrize("suffix", ["", "/receipt"])
def test_batches_of_others_by_role(client, as_role, admin_batch, role, expected, suffix):
    as_role(role)
    response = client.get(f"/imports/{admin_batch}{suffix}", follow_redirects=True)
    assert response.status_code == expected


@pytest.mark.parametrize("role", [Role.LEADERSHIP, Role.GROUP_HEAD, Role.UNIT_OFFICER, Role.MEMBER])
@pytest.mark.parametrize("action", ["commit", "cell", "mapping", "settings", "cancel", "undo"])
def test_posts_on_others_batches_are_forbidden(client, as_role, admin_batch, role, action):
    as_role(role)
    assert client.post(f"/imports/{admin_batch}/{action}", data=COMMIT).status_code == 403
    assert db.session.scalar(select(func.count()).select_from(Person)) == 0


def test_anonymous_is_sent_to_login(client):
    response = client.get("/imports/")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_unit_officer_imports_attendance_only_for_units_in_scope(client, as_role, town, upload):
    scope = town["units"]["Chi bộ Tổ dân phố 1"]
    as_role(Role.UNIT_OFFICER, scope_unit=scope)
    page = client.get("/imports/").get_data(as_text=True)
    assert "Danh sách đoàn công tác" not in page and "Tự nhận biết" not in page
    assert upload(sample("a06_attendance_wide_months.xlsx"), kind="roster").status_code == 422
    preview = upload(sample("a06_attendance_wide_months.xlsx"))  # no kind chosen: attendance
    batch_id = batch_id_of(preview)
    assert db.session.get(ImportBatch, batch_id).kind == "attendance"
    client.post(f"/imports/{batch_id}/commit", data={**COMMIT, "create_persons": "y"})
    batch = db.session.get(ImportBatch, batch_id)
    failed = [r for r in batch.row_results if r["outcome"] == "failed"]
    assert failed and all("trong phạm vi của bạn" in r["reason"] for r in failed)
    assert batch.counts["imported"] > 0
    units = db.session.scalars(select(Attendance.meeting_id)).all()
    assert units, "marks for the officer's own cell were written"


def test_upload_without_csrf_token_is_refused(app, client, as_role, town, monkeypatch):
    as_role(Role.ADMIN)
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)
    with open(sample("a01_roster_title_block.xlsx"), "rb") as handle:
        response = client.post("/imports/", data={"file": (handle, "a01.xlsx")}, content_type="multipart/form-data")
    assert response.status_code == 400 and "CSRF" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(ImportBatch)) == 0


@pytest.mark.parametrize("action", ["commit", "cell", "mapping", "settings", "undo", "cancel"])
def test_batch_posts_without_csrf_token_are_refused(app, client, login, admin_batch, action, monkeypatch):
    login(db.session.get(ImportBatch, admin_batch).created_by)
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)
    response = client.post(f"/imports/{admin_batch}/{action}", data={**COMMIT, "ref": "C9", "value": "x"})
    assert response.status_code == 400
    batch = db.session.get(ImportBatch, admin_batch)
    assert batch.status.value == "draft" and batch.overrides == {}
    assert db.session.scalar(select(func.count()).select_from(Person)) == 0


@pytest.fixture
def ward_batch(town, make_user):
    """A draft batch uploaded by an admin scoped to one ward (ward B)."""
    wards = sorted(town["units"].values(), key=lambda u: u.id)
    owner = make_user(Role.ADMIN, scope_unit=wards[0])
    batch_id = services.create_batch(sample("a01_roster_title_block.xlsx"), "a01.xlsx", owner.id)
    dry_run.analyse(batch_id, wards[0].path)
    return batch_id


@pytest.mark.parametrize("suffix", ["", "/receipt"])
def test_ward_admin_cannot_open_another_wards_batch(client, as_role, town, ward_batch, suffix):
    wards = sorted(town["units"].values(), key=lambda u: u.id)
    as_role(Role.ADMIN, scope_unit=wards[1])
    assert client.get(f"/imports/{ward_batch}{suffix}").status_code == 403
    assert f"/imports/{ward_batch}\"" not in client.get("/imports/").get_data(as_text=True)


@pytest.mark.parametrize("action", ["commit", "cancel", "undo", "settings"])
def test_ward_admin_cannot_change_another_wards_batch(client, as_role, town, ward_batch, action):
    wards = sorted(town["units"].values(), key=lambda u: u.id)
    as_role(Role.ADMIN, scope_unit=wards[1])
    before = db.session.get(ImportBatch, ward_batch).status
    assert client.post(f"/imports/{ward_batch}/{action}", data=COMMIT).status_code == 403
    db.session.expire_all()
    assert db.session.get(ImportBatch, ward_batch).status == before


def test_ward_admin_cannot_open_a_town_admins_batch(client, as_role, town, admin_batch):
    ward = next(iter(town["units"].values()))
    as_role(Role.ADMIN, scope_unit=ward)
    assert client.get(f"/imports/{admin_batch}").status_code == 403
    assert f"/imports/{admin_batch}\"" not in client.get("/imports/").get_data(as_text=True)


@pytest.mark.parametrize("scoped_to_root", [False, True])
def test_town_admin_opens_ward_batches(client, as_role, town, ward_batch, scoped_to_root):
    as_role(Role.ADMIN, scope_unit=town["root"] if scoped_to_root else None)
    assert client.get(f"/imports/{ward_batch}").status_code == 200


def test_ward_admin_cannot_put_people_in_town_groups_by_roster(client, as_role, town, upload, roster_file):
    """Groups belong to the town's committee: a ward admin's roster rows for them all fail, each named."""
    from webapp.models import Membership, WorkingGroup

    as_role(Role.ADMIN, scope_unit=town["units"][roster_file.unit])
    batch_id = batch_id_of(upload(roster_file()))
    receipt = client.post(f"/imports/{batch_id}/commit", data=COMMIT, follow_redirects=True).get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Membership)) == 0
    assert db.session.scalar(select(func.count()).select_from(WorkingGroup)) == 0
    assert db.session.scalar(select(func.count()).select_from(Person)) == 0
    assert "ngoài phạm vi quản lý của bạn" in receipt
    rows = db.session.get(ImportBatch, batch_id).row_results
    assert [r.get("outcome") for r in rows] == ["failed"] * 3, rows
