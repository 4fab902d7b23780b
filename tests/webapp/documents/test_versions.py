"""Regulations by version: a draft takes comments and is issued; a new version replaces the old one from its first
day; the attendance obligation a regulation sets measures the periods it is in force."""
import io
from datetime import date, datetime, timezone

from sqlalchemy import select

from webapp.documents.rules import ends_related, in_force
from webapp.extensions import db
from webapp.models import Document, Role


def test_version_rules_are_pure():
    assert in_force("issued", date(2026, 1, 1), None, date(2026, 6, 1))
    assert not in_force("draft", date(2026, 1, 1), None, date(2026, 6, 1))
    assert not in_force("issued", date(2026, 1, 1), date(2026, 3, 31), date(2026, 4, 1))
    assert ends_related("replaces", date(2026, 4, 1)) == date(2026, 3, 31)
    assert ends_related("amends", date(2026, 4, 1)) is None


def _upload(client, **fields):
    data = {"title": "Quy chế hoạt động Đoàn công tác", "file": (io.BytesIO(b"%PDF-1.4 x"), "quy-che.pdf"), **fields}
    return client.post("/documents/new", data=data, content_type="multipart/form-data")


def test_a_draft_is_commented_issued_and_replaces_the_old_version(client, login, make_user, clock):
    clock(datetime(2026, 4, 10, 3, 0, tzinfo=timezone.utc))
    admin, leader = make_user(Role.ADMIN, username="vanphong"), make_user(Role.LEADERSHIP, username="lanhdao")
    db.session.commit()
    login(admin)
    assert _upload(client, number="46-QĐ/ĐU", issued_on="2022-09-28").status_code == 302
    old = db.session.scalar(select(Document))
    assert (old.status, old.effective_from) == ("issued", date(2022, 9, 28))
    assert _upload(client, number="12-QĐ/ĐU", draft="y", relation="replaces", related_id=old.id,
                   attendance_times=1, attendance_months="3").status_code == 302
    new = db.session.scalar(select(Document).where(Document.number == "12-QĐ/ĐU"))
    assert new.status == "draft" and old.effective_to is None
    client.post("/auth/logout")
    login(leader)
    assert (
        client.post(f"/documents/{new.id}/comments", data={"text": "Đề nghị bổ sung chế độ báo cáo"}).status_code == 302
    )
    assert client.post(f"/documents/{new.id}/issue").status_code == 403
    client.post("/auth/logout")
    login(admin)
    assert client.post(f"/documents/{new.id}/issue").status_code == 302
    db.session.expire_all()
    new, old = db.session.get(Document, new.id), db.session.get(Document, old.id)
    assert (new.status, new.effective_from, old.effective_to) == ("issued", date(2026, 4, 10), date(2026, 4, 9))
    page = client.get(f"/documents/{old.id}").get_data(as_text=True)
    assert "Bị thay thế bởi" in page and "12-QĐ/ĐU" in page
    assert client.post(f"/documents/{new.id}/comments", data={"text": "muộn"}).status_code == 422


def test_the_obligation_of_the_regulation_in_force_measures_its_period(app):
    from webapp.documents.services import regulation_in_force

    db.session.add_all([
        Document(title="Quy chế cũ", status="issued", effective_from=date(2022, 1, 1), effective_to=date(2026, 3, 31),
                 attendance_times=2, attendance_months=3),
        Document(title="Quy chế mới", status="issued", effective_from=date(2026, 4, 1), attendance_times=1,
                 attendance_months=1),
        Document(title="Dự thảo", status="draft", attendance_times=5, attendance_months=1)])
    db.session.commit()
    assert regulation_in_force(date(2025, 6, 30)).title == "Quy chế cũ"
    assert regulation_in_force(date(2026, 6, 30)).title == "Quy chế mới"
    assert regulation_in_force(date(2021, 6, 30)) is None


def test_a_wards_admin_neither_issues_nor_annuls_the_towns_regulations(client, login, make_user, make_unit, root_unit,
                                                                        clock):
    """#21.3: regulations set every ward's obligations; a ward-scoped admin could annul or issue the town's."""
    clock(datetime(2026, 4, 10, 3, 0, tzinfo=timezone.utc))
    ward = make_unit("Đảng bộ phường Bắc Hồng", parent=root_unit)
    town_admin, ward_admin = make_user(Role.ADMIN, username="vanphong"), make_user(Role.ADMIN, scope_unit=ward)
    login(town_admin)
    assert _upload(client, number="46-QĐ/ĐU", issued_on="2022-09-28").status_code == 302
    regulation = db.session.scalar(select(Document))
    assert _upload(client, number="13-QĐ/ĐU", draft="y").status_code == 302
    draft = db.session.scalar(select(Document).where(Document.number == "13-QĐ/ĐU"))
    client.post("/auth/logout")
    login(ward_admin)
    assert "/documents/new" not in client.get("/documents/").get_data(as_text=True)
    assert _upload(client, number="1-QĐ/P", relation="annuls", related_id=regulation.id).status_code == 403
    assert client.post(f"/documents/{draft.id}/issue").status_code == 403
    db.session.expire_all()
    assert db.session.get(Document, regulation.id).effective_to is None
    assert db.session.get(Document, draft.id).status == "draft"
