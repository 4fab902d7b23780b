"""Recording, moving along, filtering and exporting feedback through the web pages."""
from datetime import date, timedelta
from io import BytesIO

from openpyxl import load_workbook

from webapp.clock import local_today
from webapp.extensions import db
from webapp.models import FeedbackEvent, FeedbackItem, FeedbackStatus, Role


def test_officer_records_an_item_with_deadline_and_attachment(client, login, make_user, ward, make_category):
    category = make_category(sla_days=30)
    officer = login(make_user(Role.UNIT_OFFICER, scope_unit=ward))
    response = client.post("/feedback/new", data={
        "received_on": "31/01/2026", "category_id": category.id, "unit_id": ward.id,
        "content": "Người dân đề nghị sửa đèn chiếu sáng", "files": [(BytesIO(b"%PDF-1.4"), "don.pdf")],
    }, content_type="multipart/form-data")
    assert response.status_code == 302
    item = db.session.scalars(db.select(FeedbackItem)).one()
    assert item.due_on == date(2026, 3, 2) and item.status == FeedbackStatus.NEW
    assert item.created_by_id == officer.id and item.attachments[0].file_name == "don.pdf"
    download = client.get(f"/feedback/attachments/{item.attachments[0].id}")
    assert download.status_code == 200 and download.data == b"%PDF-1.4"
    download.close()


def test_bad_input_is_refused_next_to_the_field_without_saving(client, as_role, ward, make_category):
    make_category()
    as_role(Role.UNIT_OFFICER, scope_unit=ward)
    response = client.post("/feedback/new", data={"received_on": "31/02/2026", "category_id": "999",
                                                   "unit_id": ward.id, "content": "",
                                                   "files": [(BytesIO(b"MZ"), "virus.exe")]},
                           content_type="multipart/form-data")
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    for message in ("Ngày không hợp lệ", "Lựa chọn không hợp lệ", "Hãy nhập nội dung", "không được chấp nhận"):
        assert message in body
    assert db.session.scalar(db.select(db.func.count(FeedbackItem.id))) == 0


def test_future_received_date_is_refused(client, as_role, ward, make_category):
    category = make_category()
    as_role(Role.UNIT_OFFICER, scope_unit=ward)
    tomorrow = (local_today() + timedelta(days=1)).isoformat()
    response = client.post("/feedback/new", data={"received_on": tomorrow, "category_id": category.id,
                                                   "unit_id": ward.id, "content": "x"})
    assert response.status_code == 422 and "tương lai" in response.get_data(as_text=True)


def test_forward_answer_close_records_every_step(client, login, make_user, make_item, ward):
    item = make_item()
    handler = make_user(Role.MEMBER)
    login(make_user(Role.UNIT_OFFICER, scope_unit=ward))
    assert client.post(f"/feedback/{item.id}/transition", data={
        "target": "forwarded", "forwarded_to": "UBND phường Bắc Hồng", "handler_id": handler.id}).status_code == 302
    client.post("/auth/logout")
    login(handler)
    assert client.post(f"/feedback/{item.id}/transition",
                       data={"target": "answered", "note": "Đã sửa đèn"}).status_code == 302
    assert client.post(f"/feedback/{item.id}/transition", data={"target": "closed"}).status_code == 302
    db.session.expire_all()
    item = db.session.get(FeedbackItem, item.id)
    assert item.status == FeedbackStatus.CLOSED and item.answer == "Đã sửa đèn" and item.closed_on == local_today()
    steps = [(e.from_status, e.to_status, e.by_id) for e in item.events]
    assert steps[1:] == [(FeedbackStatus.NEW, FeedbackStatus.FORWARDED, item.events[1].by_id),
                         (FeedbackStatus.FORWARDED, FeedbackStatus.ANSWERED, handler.id),
                         (FeedbackStatus.ANSWERED, FeedbackStatus.CLOSED, handler.id)]


def test_illegal_transition_is_refused_with_a_clear_message(client, as_role, make_item, ward):
    item = make_item()
    as_role(Role.UNIT_OFFICER, scope_unit=ward)
    response = client.post(f"/feedback/{item.id}/transition", data={"target": "closed"})
    assert response.status_code == 422
    assert "Không thể chuyển từ “Mới tiếp nhận” sang “Đã đóng”" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(FeedbackItem, item.id).status == FeedbackStatus.NEW
    assert db.session.scalar(db.select(db.func.count(FeedbackEvent.id))) == 1


def test_forward_without_destination_and_answer_without_text_are_refused(client, as_role, make_item, ward):
    item = make_item()
    as_role(Role.UNIT_OFFICER, scope_unit=ward)
    response = client.post(f"/feedback/{item.id}/transition", data={"target": "forwarded"})
    assert response.status_code == 422 and "nơi chuyển đến" in response.get_data(as_text=True)
    client.post(f"/feedback/{item.id}/transition", data={"target": "in_progress"})
    response = client.post(f"/feedback/{item.id}/transition", data={"target": "answered", "note": "  "})
    assert response.status_code == 422 and "nội dung trả lời" in response.get_data(as_text=True)
    response = client.post(f"/feedback/{item.id}/transition", data={"target": "bogus"})
    assert response.status_code == 422 and "không hợp lệ" in response.get_data(as_text=True)


def test_filters_are_get_params_and_htmx_gets_the_rows_only(client, as_role, make_item, make_category):
    make_item(content="Ngập úng ngõ 5")
    make_item(content="Xin lắp camera", category=make_category("An ninh, trật tự"))
    old = make_item(content="Rác thải chưa thu gom", received_on=date(2020, 1, 1))
    as_role(Role.LEADERSHIP)
    page = client.get("/feedback/?q=camera").get_data(as_text=True)
    assert "<html" in page and "Xin lắp camera" in page and "Ngập úng" not in page
    fragment = client.get("/feedback/?overdue=1", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "<html" not in fragment and old.number in fragment and "Ngập úng" not in fragment
    by_number = client.get(f"/feedback/?q={old.number}").get_data(as_text=True)
    assert "Rác thải" in by_number and "camera" not in by_number
    assert "Xin lắp camera" not in client.get("/feedback/?status=closed").get_data(as_text=True)


def test_export_honours_filters_and_neutralises_formulas(client, as_role, make_item):
    make_item(content="=HYPERLINK(\"http://x\",\"bấm\")")
    make_item(content="Nội dung bình thường", received_on=date(2020, 1, 1))
    as_role(Role.ADMIN)
    response = client.get("/feedback/export.xlsx?q=HYPERLINK")
    assert response.status_code == 200 and response.mimetype.endswith("spreadsheetml.sheet")
    sheet = load_workbook(BytesIO(response.data)).active
    assert sheet["A1"].value == "SỔ THEO DÕI PHẢN ÁNH, KIẾN NGHỊ"
    assert sheet["E4"].value == "'=HYPERLINK(\"http://x\",\"bấm\")" and sheet["E4"].data_type == "s"
    assert sheet.max_row == 4


def test_admin_edits_categories_with_validation(client, as_role, make_category):
    as_role(Role.ADMIN)
    assert client.post("/feedback/categories/defaults").status_code == 302
    body = client.get("/feedback/categories").get_data(as_text=True)
    assert "Khiếu nại" in body and "Tố cáo" in body
    response = client.post("/feedback/categories/new", data={"name": "Tố cáo", "sla_days": "abc"})
    text = response.get_data(as_text=True)
    assert response.status_code == 422 and "Hãy nhập một số nguyên" in text
    response = client.post("/feedback/categories/new", data={"name": "Tố cáo", "sla_days": "20"})
    assert response.status_code == 422 and "Đã có lĩnh vực" in response.get_data(as_text=True)
    assert client.post("/feedback/categories/new", data={"name": "Môi trường", "sla_days": "20",
                                                         "restricted": "y", "active": "y"}).status_code == 302


def test_a_member_records_for_units_they_follow_credited_to_themself_only(client, login, make_user, ward,
                                                                          make_category, make_unit, make_person,
                                                                          make_group, make_membership,
                                                                          make_assignment):
    """#21.11: a member could record feedback for any unit and credit it to any person, inflating their figures."""
    category = make_category()
    followed, other_cell = make_unit("Chi bộ Tổ dân phố 1", parent=ward), make_unit("Chi bộ Tổ dân phố 2", parent=ward)
    me, someone = make_person("Trần Thị Mình"), make_person("Lê Văn Khác")
    group = make_group()
    make_assignment(make_membership(me, group), followed)
    make_membership(someone, group)
    db.session.commit()
    login(make_user(Role.MEMBER, person=me))
    form = client.get("/feedback/new").get_data(as_text=True)
    assert "Tổ dân phố 1" in form and "Tổ dân phố 2" not in form and "Lê Văn Khác" not in form
    base = {"received_on": local_today().strftime("%d/%m/%Y"), "category_id": category.id,
            "content": "Đề nghị sửa đường"}
    for data in ({**base, "unit_id": other_cell.id, "source_person_id": me.id},
                 {**base, "unit_id": followed.id, "source_person_id": someone.id}):
        assert client.post("/feedback/new", data=data).status_code in (403, 422)
    assert db.session.scalars(db.select(FeedbackItem)).all() == []
    assert client.post("/feedback/new", data={**base, "unit_id": followed.id,
                                              "source_person_id": me.id}).status_code == 302
    assert db.session.scalars(db.select(FeedbackItem)).one().source_person_id == me.id
