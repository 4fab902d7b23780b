"""Recording a field visit, who reads it, and turning its difficulties into feedback or a task."""
from datetime import datetime, timedelta, timezone
from html import unescape

from sqlalchemy import func, select

from webapp.clock import local_today
from webapp.extensions import db
from webapp.feedback.services import save_category
from webapp.models import FeedbackItem, FieldVisit, Role, Sector, UnitKind

EVENING_UTC = datetime(2026, 11, 29, 23, 30, tzinfo=timezone.utc)


def _visit_form(unit, **overrides):
    return {"visited_on": local_today().isoformat(), "unit_id": unit.id, "met_with": "Bí thư chi bộ",
            "findings": "Chi bộ sinh hoạt đều, nội dung còn chung chung.",
            "difficulties": "Đèn đường tổ 3 hỏng đã lâu.", **overrides}


def _switch(client, login, user):
    client.post("/auth/logout")
    login(user)


def _record(client, login, user, unit, **overrides):
    _switch(client, login, user)
    return client.post("/visits/new", data=_visit_form(unit, **overrides))


def test_member_records_a_visit_to_a_followed_unit(client, login, visit_town):
    response = _record(client, login, visit_town.member, visit_town.cell)
    assert response.status_code == 302
    visit = db.session.scalar(select(FieldVisit))
    assert (visit.person_id, visit.unit_id, visit.group_id) == (visit_town.member.person_id, visit_town.cell.id,
                                                               visit_town.group.id)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Đèn đường tổ 3 hỏng đã lâu." in page and visit.number in page


def test_the_form_offers_only_the_units_the_member_follows(client, login, visit_town):
    login(visit_town.member)
    page = client.get("/visits/new").get_data(as_text=True)
    assert "Chi bộ Tổ dân phố 1" in page and "Chi bộ Tổ dân phố 9" not in page


def test_a_visit_to_a_unit_not_followed_or_in_the_future_is_refused_with_the_reason(client, login, visit_town):
    refused = _record(client, login, visit_town.member, visit_town.other_cell)
    assert refused.status_code == 422
    assert "không được phân công theo dõi đơn vị này" in refused.get_data(as_text=True)
    tomorrow = (local_today() + timedelta(days=1)).isoformat()
    late = client.post("/visits/new", data=_visit_form(visit_town.cell, visited_on=tomorrow))
    assert late.status_code == 422 and "không được sau hôm nay" in late.get_data(as_text=True)
    assert db.session.scalar(select(func.count(FieldVisit.id))) == 0


def test_today_is_the_office_day_late_in_the_utc_evening(client, login, clock, visit_town):
    clock(EVENING_UTC)
    assert _record(client, login, visit_town.member, visit_town.cell, visited_on="2026-11-30").status_code == 302


def test_who_reads_a_visit(client, login, make_user, visit_town):
    _record(client, login, visit_town.member, visit_town.cell)
    visit = db.session.scalar(select(FieldVisit))
    url = f"/visits/{visit.id}"
    ward_officer = make_user(Role.UNIT_OFFICER, username="canbo1", scope_unit=visit_town.ward)
    other_officer = make_user(Role.UNIT_OFFICER, username="canbo2", scope_unit=visit_town.other_ward)
    db.session.commit()
    expected = {visit_town.member: 200, visit_town.head: 200, visit_town.partner: 200, visit_town.outsider: 403,
                ward_officer: 200, other_officer: 403}
    for user, status in expected.items():
        _switch(client, login, user)
        assert client.get(url).status_code == status, user.username
        listed = visit.number in client.get("/visits/").get_data(as_text=True)
        assert listed == (status == 200), user.username


def test_a_difficulty_becomes_a_feedback_item_in_one_click(client, login, visit_town):
    category = save_category(None, name="Hạ tầng, môi trường", restricted=False, sla_days=15)
    db.session.commit()
    _record(client, login, visit_town.member, visit_town.cell)
    visit = db.session.scalar(select(FieldVisit))
    response = client.post(f"/visits/{visit.id}/feedback", data={"category_id": category.id})
    assert response.status_code == 302
    item = db.session.scalar(select(FeedbackItem))
    assert (item.field_visit_id, item.unit_id, item.content, item.source_person_id, item.group_id) == (
        visit.id, visit_town.cell.id, "Đèn đường tổ 3 hỏng đã lâu.", visit_town.member.person_id, visit_town.group.id)
    assert item.number in client.get(f"/visits/{visit.id}").get_data(as_text=True)
    assert client.post(f"/visits/{visit.id}/feedback", data={"category_id": 999999}).status_code == 422


def test_a_visit_raises_its_difficulties_once_per_category(client, login, visit_town):
    roads = save_category(None, name="Hạ tầng, môi trường", restricted=False, sla_days=15)
    order = save_category(None, name="An ninh, trật tự", restricted=False, sla_days=15)
    db.session.commit()
    _record(client, login, visit_town.member, visit_town.cell)
    visit = db.session.scalar(select(FieldVisit))
    assert client.post(f"/visits/{visit.id}/feedback", data={"category_id": roads.id}).status_code == 302
    first = db.session.scalar(select(FeedbackItem))
    again = client.post(f"/visits/{visit.id}/feedback", data={"category_id": roads.id})
    assert again.status_code == 422
    assert f"đã được chuyển thành phản ánh {first.number}" in unescape(again.get_data(as_text=True))
    assert client.post(f"/visits/{visit.id}/feedback", data={"category_id": order.id}).status_code == 302
    assert db.session.scalar(select(func.count()).select_from(FeedbackItem)) == 2


def test_the_head_turns_a_difficulty_into_a_task_linked_to_the_visit(client, login, visit_town):
    _record(client, login, visit_town.member, visit_town.cell)
    visit = db.session.scalar(select(FieldVisit))
    _switch(client, login, visit_town.head)
    page = client.get(f"/visits/{visit.id}").get_data(as_text=True)
    assert "source_kind=field_visit" in page
    form = client.get(f"/tasks/new?source_kind=field_visit&source_id={visit.id}&title=x").get_data(as_text=True)
    assert f"Chuyến đi cơ sở #{visit.id}" in form and 'name="source_kind"' not in form
    created = client.post(f"/tasks/new?source_kind=field_visit&source_id={visit.id}", data={
        "title": "Sửa đèn đường tổ 3", "owner_kind": "group", "owner_group_id": visit_town.group.id,
        "deadline": (local_today() + timedelta(days=10)).isoformat()})
    assert created.status_code == 302
    task_page = client.get(created.headers["Location"]).get_data(as_text=True)
    assert f"/visits/{visit.id}" in task_page
    assert "NV-" in client.get(f"/visits/{visit.id}").get_data(as_text=True)


def test_export_neutralises_formulas(client, login, visit_town):
    _record(client, login, visit_town.member, visit_town.cell, findings="=HYPERLINK(\"x\")")
    response = client.get("/visits/export.xlsx")
    assert response.status_code == 200
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(response.data)).active
    values = [cell.value for row in sheet.iter_rows() for cell in row if cell.value]
    assert "'=HYPERLINK(\"x\")" in values
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_the_list_the_visit_and_the_export_name_a_shared_cell_name_with_its_ward(client, login, visit_town,
                                                                                  make_unit):
    from io import BytesIO

    from openpyxl import load_workbook

    make_unit("Chi bộ Tổ dân phố 1", UnitKind.CELL, Sector.WARD, visit_town.other_ward)
    labelled = "Chi bộ Tổ dân phố 1 (Đảng bộ phường Bắc Hồng)"
    _switch(client, login, visit_town.member)
    assert f">{labelled}</option>" in client.get("/visits/new").get_data(as_text=True)
    _record(client, login, visit_town.member, visit_town.cell)
    visit = db.session.scalar(select(FieldVisit))
    assert f"<td>{labelled}</td>" in client.get("/visits/").get_data(as_text=True)
    assert f"<td>{labelled}</td>" in client.get(f"/visits/{visit.id}").get_data(as_text=True)
    sheet = load_workbook(BytesIO(client.get("/visits/export.xlsx").data)).active
    assert labelled in [cell.value for row in sheet.iter_rows() for cell in row]
