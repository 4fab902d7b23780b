from datetime import timedelta

from webapp.clock import local_today
from webapp.extensions import db
from webapp.meetings.services import create_meeting
from webapp.models import AuditLog, MeetingKind, Role, Sector, UnitKind
from webapp.tasks.services import create_task


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


def test_audit_log_names_operations_and_enum_values_by_their_labels(client, as_role, make_unit):
    as_role(Role.ADMIN)
    cell = make_unit("Chi bộ Tổ dân phố 5", UnitKind.CELL, Sector.RESIDENTIAL)
    cell.kind = UnitKind.PARTY_COMMITTEE
    db.session.commit()
    body = client.get("/audit").get_data(as_text=True)
    assert "<td>Thêm bản ghi</td>" in body and "<td>Sửa bản ghi</td>" in body and "<td>update</td>" not in body
    assert "<code>kind</code></b>: Đảng bộ cơ sở" in body and "<code>kind</code></b>: Chi bộ" in body
    assert ": party_committee<" not in body
    assert "<td><code>unit</code></td>" in body
    client.post("/auth/locale/en")
    english = client.get("/audit").get_data(as_text=True)
    assert "<td>Record added</td>" in english and "<td>Record changed</td>" in english


def test_audit_log_never_stores_password_hashes(make_user):
    make_user(Role.ADMIN)
    insert = db.session.query(AuditLog).filter_by(table_name="user").one()
    assert "password_hash" not in insert.after


def test_favicon_is_served_without_login(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response.location.endswith("/static/img/favicon.svg")
    with client.get(response.location) as icon:
        assert icon.status_code == 200 and icon.mimetype == "image/svg+xml"


def _meeting(unit, title, days_ahead):
    meeting = create_meeting({"kind": MeetingKind.CELL, "held_on": local_today() + timedelta(days=days_ahead),
                              "title": title}, [unit])
    db.session.commit()
    return meeting


def test_home_page_lists_upcoming_meetings_in_scope_and_work_due(client, town, login_as):
    near = _meeting(town.cell, "Sinh hoạt chi bộ Tổ dân phố 3", 3)
    _meeting(town.other_ward, "Hội nghị phường Nam Hồng", 2)
    _meeting(town.cell, "Sinh hoạt tháng sau nữa", 40)
    user = login_as(Role.UNIT_OFFICER)  # scoped to the ward
    create_task(user, title="Báo cáo tình hình <b>tổ dân phố</b>", deadline=local_today() + timedelta(days=2),
                owner_unit=town.ward)
    db.session.commit()
    body = client.get("/").get_data(as_text=True)
    meetings = body.split('id="home-meetings"')[1]
    assert f'href="/meetings/{near.id}"' in meetings and "Sinh hoạt chi bộ Tổ dân phố 3" in meetings
    assert "Nam Hồng" not in meetings and "tháng sau nữa" not in meetings
    work = body.split('id="home-work"')[1].split('id="home-meetings"')[0]
    assert "Báo cáo tình hình &lt;b&gt;tổ dân phố&lt;/b&gt;" in work


def test_a_members_home_page_lists_the_meetings_they_are_expected_at_as_text(client, town, login_as):
    expected = _meeting(town.cell, "Sinh hoạt chi bộ Tổ dân phố 3", 5)
    _meeting(town.other_ward, "Hội nghị phường Nam Hồng", 2)
    login_as(Role.MEMBER)
    meetings = client.get("/").get_data(as_text=True).split('id="home-meetings"')[1]
    assert "Sinh hoạt chi bộ Tổ dân phố 3" in meetings and f'href="/meetings/{expected.id}"' not in meetings
    assert "Nam Hồng" not in meetings
