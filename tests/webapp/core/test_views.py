from webapp.models import AuditLog, Role
from webapp.extensions import db


def test_healthz_reports_database_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


def test_home_page_full_and_fragment(client, as_role):
    as_role(Role.ADMIN)
    page = client.get("/").get_data(as_text=True)
    assert "<html" in page and "Đoàn công tác" in page


def test_errors_are_vietnamese_pages(client, as_role):
    as_role(Role.ADMIN)
    response = client.get("/khong-co-trang-nay")
    assert response.status_code == 404
    assert "Không tìm thấy" in response.get_data(as_text=True)


def test_errors_for_htmx_are_fragments(client, as_role):
    as_role(Role.ADMIN)
    response = client.get("/khong-co-trang-nay", headers={"HX-Request": "true"})
    body = response.get_data(as_text=True)
    assert response.status_code == 404 and "<html" not in body and "Không tìm thấy" in body


def test_audit_log_is_admin_only(client, as_role):
    as_role(Role.LEADERSHIP)
    assert client.get("/audit").status_code == 403


def test_audit_log_records_changes_with_before_and_after(client, as_role, make_person):
    as_role(Role.ADMIN)
    person = make_person("Trần Văn Cũ")
    person.set_name("Trần Văn Mới")
    db.session.commit()
    update = db.session.query(AuditLog).filter_by(table_name="person", action="update").one()
    assert update.before["full_name"] == "Trần Văn Cũ" and update.after["full_name"] == "Trần Văn Mới"
    body = client.get("/audit").get_data(as_text=True)
    assert "Trần Văn Mới" in body


def test_audit_log_never_stores_password_hashes(make_user):
    make_user(Role.ADMIN)
    insert = db.session.query(AuditLog).filter_by(table_name="user").one()
    assert "password_hash" not in insert.after


def test_favicon_is_served_without_login(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response.location.endswith("/static/img/favicon.svg")
    with client.get(response.location) as icon:
        assert icon.status_code == 200 and icon.mimetype == "image/svg+xml"
