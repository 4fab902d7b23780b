"""#21.1/#21.2: a visit's difficulty raised as a restricted complaint ("Tố cáo") is restricted at its source: the
visit page, the list, the export, the unit timeline and a task made from it do not show it to readers who may not
see the complaint's content."""
from io import BytesIO

from openpyxl import load_workbook
from sqlalchemy import select

from webapp.extensions import db
from webapp.feedback.services import save_category
from webapp.models import AuditLog, FieldVisit, Role

from .test_views import _record, _switch

MARKER = "TOCAO-MARKER-7731 ông X nhận tiền"


def _sheet_text(data: bytes) -> str:
    sheet = load_workbook(BytesIO(data)).active
    return " ".join(str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None)


def test_restricted_complaint_text_never_leaves_its_source(client, login, make_user, visit_town):
    restricted = save_category(None, name="Tố cáo", restricted=True, sla_days=30)
    db.session.commit()
    _record(client, login, visit_town.member, visit_town.cell, difficulties=MARKER, findings=MARKER)
    visit = db.session.scalar(select(FieldVisit))
    assert client.post(f"/visits/{visit.id}/feedback", data={"category_id": restricted.id}).status_code == 302
    assert db.session.get(FieldVisit, visit.id).restricted
    assert MARKER in client.get(f"/visits/{visit.id}").get_data(as_text=True)  # its author still reads it

    ward_officer = make_user(Role.UNIT_OFFICER, username="canbo1", scope_unit=visit_town.ward)
    leader = make_user(Role.LEADERSHIP, username="lanhdao")
    db.session.commit()
    for user in (visit_town.head, visit_town.partner, visit_town.outsider, ward_officer):
        _switch(client, login, user)
        pages = [f"/visits/{visit.id}", "/visits/", f"/units/{visit_town.cell.id}/timeline", "/tasks/", "/"]
        for url in pages:
            response = client.get(url)
            assert MARKER not in response.get_data(as_text=True), (user.username, url)
        assert MARKER not in _sheet_text(client.get("/visits/export.xlsx").data), user.username
        detail = client.get(f"/visits/{visit.id}").get_data(as_text=True)
        assert "title=TOCAO" not in detail and "Chuyển thành phản ánh" not in detail
        assert client.post(f"/visits/{visit.id}/feedback", data={"category_id": restricted.id}).status_code in (
            403,
            404,
        )
    _switch(client, login, leader)
    assert MARKER in client.get(f"/visits/{visit.id}").get_data(as_text=True)
    assert MARKER in client.get("/visits/").get_data(as_text=True)
    assert MARKER in _sheet_text(client.get("/visits/export.xlsx").data)
    db.session.expire_all()
    reads = db.session.execute(select(AuditLog.user_id, AuditLog.table_name, AuditLog.row_id, AuditLog.note)
                               .where(AuditLog.action == "read").order_by(AuditLog.id)).all()
    # the readers shown the text left one entry per page; those shown it withheld left none
    assert [r for r in reads if r.user_id == leader.id] == [
        (leader.id, "field_visit", visit.id, note)
        for note in ("xem chuyến đi cơ sở", "xem danh sách chuyến đi", "xuất Excel chuyến đi cơ sở")]
    assert not [r for r in reads if r.user_id in (visit_town.head.id, ward_officer.id)]


def test_an_ordinary_visit_reads_as_before(client, login, visit_town):
    _record(client, login, visit_town.member, visit_town.cell, difficulties="Đèn đường hỏng")
    _switch(client, login, visit_town.head)
    assert "Đèn đường hỏng" in client.get("/visits/").get_data(as_text=True)


def test_a_category_made_restricted_restricts_the_visits_raised_under_it(client, login, make_user, visit_town):
    category = save_category(None, name="Đất đai", restricted=False, sla_days=30)
    db.session.commit()
    _record(client, login, visit_town.member, visit_town.cell, difficulties=MARKER, findings=MARKER)
    visit = db.session.scalar(select(FieldVisit))
    assert client.post(f"/visits/{visit.id}/feedback", data={"category_id": category.id}).status_code == 302
    assert not db.session.get(FieldVisit, visit.id).restricted
    save_category(category, name="Đất đai", restricted=True, sla_days=30)
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(FieldVisit, visit.id).restricted
    ward_officer = make_user(Role.UNIT_OFFICER, username="canbo1", scope_unit=visit_town.ward)
    _switch(client, login, ward_officer)
    page = client.get(f"/visits/{visit.id}")
    assert page.status_code == 200 and MARKER not in page.get_data(as_text=True)
