import io
import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from webapp.extensions import db
from webapp.meetings import services
from webapp.models import (
    Attendance,
    AttendanceStatus,
    ConclusionPoint,
    Meeting,
    MeetingFile,
    MeetingKind,
    Opinion,
    Role,
)

from .conftest import rows_by_person

HX = {"HX-Request": "true"}


@pytest.fixture
def admin(as_role):
    return as_role(Role.ADMIN)


def meeting_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Meeting))


def form_for(ward, **changes) -> dict:
    data = {"kind": "cell", "title": "Sinh hoạt chi bộ tháng 3", "held_on": "2026-03-05", "starts_at": "07:30",
            "place": "Nhà văn hóa TDP 3", "unit_ids": [str(ward.cell.id)], "group_id": "", "organiser": "",
            "chair": "", "agenda": "Kiểm điểm nghị quyết"}
    data.update(changes)
    return data


def test_index_lists_meetings_and_filters_with_htmx(client, admin, ward, cell_meeting):
    page = client.get("/meetings/")
    assert page.status_code == 200 and "Sinh hoạt chi bộ" in page.text and "<html" in page.text
    fragment = client.get("/meetings/?kind=briefing", headers=HX)
    assert "<html" not in fragment.text and "Chưa có cuộc họp nào" in fragment.text


def test_create_cell_meeting_materialises_the_roster(client, admin, ward):
    response = client.post("/meetings/new", data=form_for(ward))
    assert response.status_code == 302
    meeting = db.session.scalar(select(Meeting))
    assert meeting.starts_at == "07:30" and {r.person_id for r in meeting.attendances} == {p.id for p in ward.members}


def test_meeting_form_posted_by_htmx_sends_the_browser_to_the_new_meeting(client, admin, ward):
    response = client.post("/meetings/new", data=form_for(ward), headers=HX)
    meeting = db.session.scalar(select(Meeting))
    assert response.status_code == 204 and response.headers["HX-Redirect"] == f"/meetings/{meeting.id}"
    edited = client.post(f"/meetings/{meeting.id}/edit", data=form_for(ward, title="Đổi tên"), headers=HX)
    assert edited.status_code == 204 and edited.headers["HX-Redirect"] == f"/meetings/{meeting.id}"
    assert "Đổi tên" in client.get(f"/meetings/{meeting.id}").text


@pytest.mark.parametrize("changes, message", [
    ({"held_on": "31/02/2026"}, "Ngày không hợp lệ"),
    ({"held_on": ""}, "Hãy nhập ngày họp"),
    ({"title": "  "}, "Hãy nhập tên cuộc họp"),
    ({"kind": "party"}, "Loại cuộc họp không hợp lệ"),
    ({"unit_ids": []}, "Hãy chọn ít nhất một đơn vị"),
    ({"starts_at": "25:99"}, "Giờ không hợp lệ"),
    ({"kind": "group", "unit_ids": []}, "Họp đoàn cần chọn đoàn công tác"),
])
def test_bad_meeting_input_is_refused_next_to_the_field(client, admin, ward, changes, message):
    response = client.post("/meetings/new", data=form_for(ward, **changes), headers=HX)
    assert response.status_code == 422 and message in response.text
    assert 'id="meeting-form"' in response.text and meeting_count() == 0


def test_group_meeting_outside_the_groups_term_is_refused(client, admin, ward):
    data = form_for(ward, kind="group", unit_ids=[], group_id=str(ward.group.id), held_on="2024-05-01")
    response = client.post("/meetings/new", data=data)
    assert response.status_code == 422 and "nằm ngoài nhiệm kỳ" in response.text and meeting_count() == 0


def test_briefing_with_no_term_covering_the_date_is_refused(client, admin, ward):
    response = client.post("/meetings/new", data=form_for(ward, kind="briefing", unit_ids=[], held_on="2019-09-07"))
    assert response.status_code == 422 and "Không có nhiệm kỳ" in response.text and meeting_count() == 0


def test_officer_cannot_pick_a_unit_outside_scope(client, as_role, ward, make_unit, root_unit):
    elsewhere = make_unit("Chi bộ thôn 2", parent=root_unit)
    as_role(Role.UNIT_OFFICER, scope_unit=ward.committee)
    response = client.post("/meetings/new", data=form_for(ward, unit_ids=[str(elsewhere.id)]))
    assert response.status_code == 422 and "không thuộc phạm vi" in response.text and meeting_count() == 0


def test_edit_meeting_changes_details_and_adds_new_roster(client, admin, ward, cell_meeting):
    data = form_for(ward, title="Sinh hoạt chuyên đề", unit_ids=[str(ward.cell.id), str(ward.committee.id)])
    assert client.post(f"/meetings/{cell_meeting.id}/edit", data=data).status_code == 302
    db.session.refresh(cell_meeting)
    assert cell_meeting.title == "Sinh hoạt chuyên đề" and len(cell_meeting.attendances) == 5


def test_edit_form_shows_current_values(client, admin, ward, cell_meeting):
    page = client.get(f"/meetings/{cell_meeting.id}/edit")
    assert page.status_code == 200 and cell_meeting.title in page.text and "2026-03-05" in page.text


def test_detail_and_missing_meeting(client, admin, cell_meeting):
    assert client.get(f"/meetings/{cell_meeting.id}").status_code == 200
    assert client.get("/meetings/99999").status_code == 404


def test_delete_meeting(client, admin, cell_meeting):
    assert client.post(f"/meetings/{cell_meeting.id}/delete").status_code == 302
    assert meeting_count() == 0


# --- attendance grid ---------------------------------------------------------------------------------------------

def test_marking_with_htmx_returns_the_row_and_out_of_band_counters(client, admin, cell_meeting):
    row = cell_meeting.attendances[0]
    response = client.post(
        f"/meetings/{cell_meeting.id}/attendance/{row.id}", data={"status": "late", "reason": "họp tổ"}, headers=HX
    )
    assert response.status_code == 200
    assert f'id="att-{row.id}"' in response.text and "Đi muộn" in response.text
    assert 'id="att-counters"' in response.text and 'hx-swap-oob="true"' in response.text
    assert '<b data-count="late">1</b>' in response.text and '<b data-count="unmarked">2</b>' in response.text
    db.session.refresh(row)
    assert row.status == AttendanceStatus.LATE and row.reason == "họp tổ" and row.marked_by_id == admin.id


def test_marking_without_javascript_redirects_back_to_the_grid(client, admin, cell_meeting):
    row = cell_meeting.attendances[0]
    response = client.post(f"/meetings/{cell_meeting.id}/attendance/{row.id}", data={"status": "present"})
    assert response.status_code == 302 and f"#att-{row.id}" in response.location


def test_the_next_mark_offered_by_the_button_cycles(client, admin, cell_meeting):
    row = cell_meeting.attendances[0]
    url = f"/meetings/{cell_meeting.id}/attendance/{row.id}"
    page = client.get(f"/meetings/{cell_meeting.id}/attendance").text
    assert 'value="present"' in page
    after = client.post(url, data={"status": "present"}, headers=HX).text
    assert 'name="status" value="late"' in after


@pytest.mark.parametrize("status", ["maybe", "PRESENT", "1"])
def test_unknown_status_is_refused_with_a_message_and_no_change(client, admin, cell_meeting, status):
    row = cell_meeting.attendances[0]
    response = client.post(f"/meetings/{cell_meeting.id}/attendance/{row.id}", data={"status": status}, headers=HX)
    assert response.status_code == 422 and "Trạng thái điểm danh không hợp lệ" in response.text
    db.session.refresh(row)
    assert row.status is None and row.marked_at is None


def test_overlong_reason_is_refused(client, admin, cell_meeting):
    row = cell_meeting.attendances[0]
    response = client.post(f"/meetings/{cell_meeting.id}/attendance/{row.id}",
                           data={"status": "excused", "reason": "x" * 300}, headers=HX)
    assert response.status_code == 422 and "255" in response.text
    db.session.refresh(row)
    assert row.status is None


def test_double_submission_of_the_same_mark_keeps_one_change(client, admin, cell_meeting):
    row = cell_meeting.attendances[0]
    url = f"/meetings/{cell_meeting.id}/attendance/{row.id}"
    first = client.post(url, data={"status": "absent", "reason": "không báo"}, headers=HX)
    db.session.refresh(row)
    marked_at = row.marked_at
    second = client.post(url, data={"status": "absent", "reason": "không báo"}, headers=HX)
    assert first.status_code == second.status_code == 200
    db.session.refresh(row)
    assert row.status == AttendanceStatus.ABSENT and row.marked_at == marked_at
    assert '<b data-count="absent">1</b>' in second.text


def test_row_of_another_meeting_is_not_found(client, admin, ward, cell_meeting, make_meeting):
    other = make_meeting(held_on=date(2026, 4, 5), units=[ward.cell])
    response = client.post(
        f"/meetings/{cell_meeting.id}/attendance/{other.attendances[0].id}", data={"status": "present"}
    )
    assert response.status_code == 404


def test_all_present_marks_the_unmarked_and_refreshes_counters(client, admin, cell_meeting):
    first = cell_meeting.attendances[0]
    client.post(f"/meetings/{cell_meeting.id}/attendance/{first.id}", data={"status": "excused"}, headers=HX)
    response = client.post(f"/meetings/{cell_meeting.id}/attendance/all-present", headers=HX)
    assert response.status_code == 200 and 'id="attendance-grid"' in response.text and "<html" not in response.text
    assert '<b data-count="present">2</b>' in response.text and '<b data-count="excused">1</b>' in response.text
    assert '<b data-count="unmarked">0</b>' in response.text
    again = client.post(f"/meetings/{cell_meeting.id}/attendance/all-present", headers=HX)
    assert "cho 0 người" in again.text


def test_recompute_and_guests(client, admin, ward, cell_meeting, make_person):
    guest = make_person("Trần Thu Trang")
    found = client.get(f"/meetings/{cell_meeting.id}/attendance?q=thu trang")
    assert "Trần Thu Trang" in found.text
    assert (
        client.post(f"/meetings/{cell_meeting.id}/attendance/guests", data={"person_id": guest.id}).status_code == 302
    )
    assert client.post(f"/meetings/{cell_meeting.id}/attendance/guests", data={"person_id": "x"}).status_code == 422
    assert client.post(f"/meetings/{cell_meeting.id}/attendance/guests", data={"person_id": 9999}).status_code == 422
    rows = rows_by_person(db.session.get(Meeting, cell_meeting.id))
    assert rows[guest.id].expected is False and len(rows) == 4
    assert client.post(f"/meetings/{cell_meeting.id}/attendance/recompute").status_code == 302
    expected_row = rows[ward.members[0].id]
    client.post(f"/meetings/{cell_meeting.id}/attendance/{expected_row.id}/remove")
    client.post(f"/meetings/{cell_meeting.id}/attendance/{rows[guest.id].id}/remove")
    assert db.session.scalar(select(func.count()).select_from(Attendance)) == 3


# --- schedule helper ---------------------------------------------------------------------------------------------

def test_schedule_helper_twice_creates_the_year_once(client, admin, ward):
    data = {"year": "2026", "day_of_month": "5", "unit_ids": [str(ward.cell.id)], "place": "Hội trường"}
    first = client.post("/meetings/schedule", data=data, follow_redirects=True)
    assert "Đã tạo 12 cuộc" in first.text
    second = client.post("/meetings/schedule", data=data, follow_redirects=True)
    assert "Đã tạo 0 cuộc" in second.text and meeting_count() == 12


@pytest.mark.parametrize("changes, message", [
    ({"year": "hai nghìn"}, "Hãy nhập một số nguyên"),
    ({"year": "1990"}, "Năm phải từ 2000 đến 2100"),
    ({"day_of_month": "32"}, "Ngày trong tháng từ 1 đến 31"),
    ({"unit_ids": []}, "Hãy chọn ít nhất một chi bộ"),
])
def test_schedule_helper_bad_input(client, admin, ward, changes, message):
    data = {"year": "2026", "day_of_month": "5", "unit_ids": [str(ward.cell.id)], **changes}
    response = client.post("/meetings/schedule", data=data)
    assert response.status_code == 422 and message in response.text and meeting_count() == 0


def test_schedule_helper_refuses_units_outside_scope(client, as_role, ward, make_unit, root_unit):
    elsewhere = make_unit("Chi bộ thôn 5", parent=root_unit)
    as_role(Role.UNIT_OFFICER, scope_unit=ward.committee)
    response = client.post("/meetings/schedule", data={"year": "2026", "day_of_month": "5",
                                                        "unit_ids": [str(elsewhere.id)]})
    assert response.status_code == 422 and "không thuộc phạm vi" in response.text and meeting_count() == 0


# --- attachments, opinions, conclusion, minutes ----------------------------------------------------------------------

def test_upload_download_and_delete_minutes_file(client, admin, app, cell_meeting):
    data = {"file": (io.BytesIO(b"%PDF-1.4 bien ban"), "Biên bản tháng 3.pdf")}
    assert client.post(f"/meetings/{cell_meeting.id}/files", data=data,
                       content_type="multipart/form-data").status_code == 302
    record = db.session.scalar(select(MeetingFile))
    assert record.file_name == "Biên bản tháng 3.pdf" and services.file_path(record).exists()
    download = client.get(f"/meetings/{cell_meeting.id}/files/{record.id}")
    assert download.status_code == 200 and download.data.startswith(b"%PDF")
    download.close()
    client.post(f"/meetings/{cell_meeting.id}/files/{record.id}/delete")
    assert not services.file_path(record).exists() and db.session.scalar(select(MeetingFile)) is None


@pytest.mark.parametrize("upload, message", [
    (None, "Hãy chọn tệp"), ((io.BytesIO(b"MZ"), "virus.exe"), "Chỉ nhận tệp"),
])
def test_bad_upload_is_refused(client, admin, cell_meeting, upload, message):
    data = {"file": upload} if upload else {}
    response = client.post(f"/meetings/{cell_meeting.id}/files", data=data, content_type="multipart/form-data")
    assert response.status_code == 422 and message in response.text
    assert db.session.scalar(select(MeetingFile)) is None


@pytest.fixture
def briefing(ward, make_meeting):
    return make_meeting(MeetingKind.BRIEFING, date(2026, 9, 7), title="Giao ban quý III", place="Hội trường Thị ủy")


def test_opinions_added_in_order_with_htmx(client, admin, ward, briefing):
    url = f"/meetings/{briefing.id}/opinions"
    first = client.post(url, data={"person_id": ward.head.id, "kind": "results", "text": "Bám sát cơ sở",
                                   "affiliation": "Đoàn số 1"}, headers=HX)
    assert first.status_code == 200 and 'id="speeches"' in first.text and "1 lượt ý kiến" in first.text
    client.post(url, data={"speaker_name": "Đặng Ngọc Vệ", "kind": "shortcomings", "text": "Chưa thường xuyên",
                           "needs_follow_up": "y"}, headers=HX)
    opinions = db.session.scalars(select(Opinion).order_by(Opinion.position)).all()
    assert [o.speaker for o in opinions] == [ward.head.full_name, "Đặng Ngọc Vệ"]
    assert opinions[1].needs_follow_up is True
    client.post(f"/meetings/{briefing.id}/opinions/{opinions[1].id}/follow-up", headers=HX)
    db.session.refresh(opinions[1])
    assert opinions[1].needs_follow_up is False
    client.post(f"/meetings/{briefing.id}/opinions/{opinions[0].id}/delete", headers=HX)
    assert db.session.scalar(select(func.count()).select_from(Opinion)) == 1



def test_an_empty_opinion_list_is_a_sentence_not_a_numbered_item(client, admin, briefing):
    page = client.get(f"/meetings/{briefing.id}").text
    speeches = page[page.index('<section id="speeches">'):]
    assert '<p class="muted" id="no-opinions">Chưa ghi nhận ý kiến nào.</p>' in speeches
    assert '<ol class="opinions">' not in speeches
    services.add_opinion(briefing, {"speaker_name": "Đặng Ngọc Vệ", "kind": "results", "text": "Bám sát"})
    page = client.get(f"/meetings/{briefing.id}").text
    assert '<ol class="opinions">' in page and "Chưa ghi nhận ý kiến nào." not in page

@pytest.mark.parametrize("data, message", [
    ({"kind": "results", "text": "x"}, "Hãy chọn người phát biểu hoặc nhập tên khách mời"),
    ({"speaker_name": "A", "kind": "gossip", "text": "x"}, "Loại nội dung không hợp lệ"),
    ({"speaker_name": "A", "kind": "results", "text": " "}, "Hãy nhập nội dung ý kiến"),
    ({"person_id": "99999", "kind": "results", "text": "x"}, "không có trong danh sách dự họp"),
])
def test_bad_opinion_is_refused(client, admin, briefing, data, message):
    response = client.post(f"/meetings/{briefing.id}/opinions", data=data, headers=HX)
    assert response.status_code == 422 and message in response.text
    assert db.session.scalar(select(func.count()).select_from(Opinion)) == 0


def test_conclusion_and_points(client, admin, briefing):
    client.post(f"/meetings/{briefing.id}/conclusion", data={"chair": "Bí thư Thị ủy", "conclusion": "Các đoàn cần..."},
                headers=HX)
    ok = client.post(
        f"/meetings/{briefing.id}/conclusion/points",
        data={"text": "Sửa đổi quy chế", "owner_text": "Ban Tổ chức", "deadline": "2026-09-30"},
        headers=HX,
    )
    assert ok.status_code == 200 and "30/09/2026" in ok.text
    bad = client.post(f"/meetings/{briefing.id}/conclusion/points", data={"text": "x", "deadline": "mai"}, headers=HX)
    assert bad.status_code == 422 and "Ngày không hợp lệ" in bad.text
    point = db.session.scalar(select(ConclusionPoint))
    assert point.number == 1 and db.session.get(Meeting, briefing.id).chair == "Bí thư Thị ủy"
    client.post(f"/meetings/{briefing.id}/conclusion/points/{point.id}/delete", headers=HX)
    assert db.session.scalar(select(ConclusionPoint)) is None


def test_minutes_print_in_the_official_layout(client, admin, ward, briefing):
    services.add_opinion(
        briefing, {"speaker_name": "Nguyễn Quang Vinh", "kind": "results", "text": "Các trưởng, phó đoàn <b>"}
    )
    services.add_conclusion_point(briefing, "Rà soát nhiệm vụ 3 tháng cuối năm", "Các đoàn", None)
    page = client.get(f"/meetings/{briefing.id}/minutes").text
    for text in (
        "ĐẢNG BỘ THỊ XÃ HỒNG SƠN",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Hồng Sơn, ngày 7 tháng 9 năm 2026",
        "BIÊN BẢN GIAO BAN",
        "Hội trường Thị ủy",
        "1 lượt ý kiến",
        "1. Rà soát nhiệm vụ",
        "THƯỜNG TRỰC ĐẢNG ỦY",
    ):
        assert text in page
    assert "&lt;b&gt;" in page and "đoàn <b>" not in page



@pytest.mark.parametrize("agenda, headings", [
    (None, ["I. THÀNH PHẦN THAM DỰ", "II. Ý KIẾN PHÁT BIỂU", "III. KẾT LUẬN"]),
    ("Kiểm điểm quý III", ["I. THÀNH PHẦN THAM DỰ", "II. NỘI DUNG", "III. Ý KIẾN PHÁT BIỂU", "IV. KẾT LUẬN"]),
])
def test_minutes_number_their_sections_without_a_gap_and_write_dates_one_way(client, admin, briefing, agenda,
                                                                            headings):
    briefing.agenda, briefing.starts_at = agenda, "14:00"
    services.add_conclusion_point(briefing, "Rà soát nhiệm vụ", "Các đoàn", date(2026, 10, 15))
    db.session.commit()
    page = client.get(f"/meetings/{briefing.id}/minutes").text
    minutes = page[page.index('<article class="minutes">'):page.index("</article>")]
    assert re.findall(r"<h2>(.*?)</h2>", minutes) == headings
    assert "ngày 7 tháng 9 năm 2026" in minutes and "thời hạn: ngày 15 tháng 10 năm 2026" in minutes
    assert re.findall(r"\d{1,2}/\d{1,2}/\d{4}", minutes) == []



def test_minutes_headings_use_the_minutes_font():
    """Pico sets headings in --pico-font-family: the minutes set that variable, so headings and text share a font."""
    css = (Path(__file__).resolve().parents[3] / "webapp" / "static" / "css" / "meetings.css").read_text()
    rule = re.search(r"\.minutes \{([^}]*)\}", css).group(1)
    assert '--pico-font-family: "Times New Roman", serif' in rule and "font-family: var(--pico-font-family)" in rule


# --- matrix and records ----------------------------------------------------------------------------------------------

def test_unit_matrix_page_and_cell_cycle(client, admin, ward, cell_meeting):
    page = client.get(f"/meetings/matrix/unit/{ward.cell.id}?year=2026")
    assert page.status_code == 200 and "T12" in page.text and "Ghi chú:" in page.text
    row = cell_meeting.attendances[0]
    cell = client.post(f"/meetings/attendance/{row.id}/cycle", data={"status": "present"}, headers=HX)
    assert cell.status_code == 200 and f'id="cell-{row.id}"' in cell.text and 'value="late"' in cell.text
    client.post(f"/meetings/attendance/{row.id}/cycle", headers=HX)
    db.session.refresh(row)
    assert row.status == AttendanceStatus.LATE
    bad = client.post(f"/meetings/attendance/{row.id}/cycle", data={"status": "x"}, headers=HX)
    db.session.refresh(row)
    assert bad.status_code == 422 and row.status == AttendanceStatus.LATE


def test_matrix_with_nonsense_year_falls_back_to_this_year(client, admin, ward):
    assert client.get(f"/meetings/matrix/unit/{ward.cell.id}?year=abc").status_code == 200
    assert client.get(f"/meetings/matrix/group/{ward.group.id}?year=99999").status_code == 200
    assert client.get("/meetings/matrix/unit/9999").status_code == 404


def test_person_and_group_records_as_fragment_and_page(client, admin, ward, cell_meeting):
    person = ward.members[0]
    client.post(f"/meetings/{cell_meeting.id}/attendance/all-present")
    fragment = client.get(f"/meetings/person/{person.id}/record?year=2026", headers=HX)
    assert "<html" not in fragment.text and '<b data-figure="rate">100.0%</b>' in fragment.text
    assert "<html" in client.get(f"/meetings/person/{person.id}/record").text
    group = client.get(f"/meetings/group/{ward.group.id}/record?year=2026", headers=HX)
    assert "<html" not in group.text and person.full_name in group.text
    assert client.get("/meetings/group/9999/record").status_code == 404


def test_member_sees_own_record_only(client, as_role, ward):
    as_role(Role.MEMBER, person=ward.members[0])
    assert client.get(f"/meetings/person/{ward.members[0].id}/record").status_code == 200
    assert client.get(f"/meetings/person/{ward.members[1].id}/record").status_code == 403


def test_posts_need_the_csrf_token(client, admin, csrf_on, cell_meeting):
    row = cell_meeting.attendances[0]
    response = client.post(f"/meetings/{cell_meeting.id}/attendance/{row.id}", data={"status": "present"})
    assert response.status_code == 400
    db.session.refresh(row)
    assert row.status is None


# --- constant query counts ---------------------------------------------------------------------------------------

@pytest.fixture
def count_queries(app):
    def run(action) -> int:
        statements = []

        def record(conn, cursor, statement, *args):
            statements.append(statement)

        event.listen(db.engine, "before_cursor_execute", record)
        try:
            action()
        finally:
            event.remove(db.engine, "before_cursor_execute", record)
        return len(statements)

    return run


def _grow_group(ward, count, make_person, make_membership, make_assignment, admin_user):
    for index in range(count):
        person = make_person(f"Thành Viên {index}")
        make_assignment(make_membership(person, ward.group), ward.cell)
    for month in (1, 2, 3):
        meeting = services.create_meeting({"kind": MeetingKind.CELL, "held_on": date(2026, month, 5),
                                           "title": f"T{month}"}, [ward.cell])
        services.mark_all_present(meeting, admin_user)


@pytest.mark.parametrize("endpoint", ["group", "matrix"])
def test_record_and_matrix_query_count_does_not_grow_with_members(client, make_user, login, ward, make_person,
                                                                  make_membership, make_assignment, count_queries,
                                                                  endpoint):
    admin_user = login(make_user(Role.ADMIN))
    url = (f"/meetings/group/{ward.group.id}/record?year=2026" if endpoint == "group"
           else f"/meetings/matrix/unit/{ward.cell.id}?year=2026")

    def measure():
        db.session.expire_all()
        response = client.get(url, headers=HX)
        assert response.status_code == 200

    _grow_group(ward, 0, make_person, make_membership, make_assignment, admin_user)
    small = count_queries(measure)
    _grow_group(ward, 27, make_person, make_membership, make_assignment, admin_user)
    big = count_queries(measure)
    assert small == big


def test_a_speaker_is_recorded_speaking_for_a_group_they_belong_to(client, admin, ward, briefing, make_group,
                                                                   make_membership):
    url = f"/meetings/{briefing.id}/opinions"
    form = client.get(f"/meetings/{briefing.id}").text
    assert f'<option value="{ward.group.id}">{ward.group.name}</option>' in form
    ok = client.post(url, data={"person_id": ward.head.id, "group_id": ward.group.id, "kind": "results",
                                "text": "Đoàn 1 bám sát cơ sở"}, headers=HX)
    assert ok.status_code == 200 and f'<span class="badge">{ward.group.name}</span>' in ok.text
    assert db.session.scalar(select(Opinion.group_id)) == ward.group.id
    other = make_group(9)
    make_membership(ward.members[0], other, start=date(2025, 10, 15))
    refused = client.post(url, data={"person_id": ward.head.id, "group_id": other.id, "kind": "results",
                                     "text": "x"}, headers=HX)
    assert refused.status_code == 422 and "không phải thành viên của đoàn này" in refused.text
    assert db.session.scalar(select(func.count()).select_from(Opinion)) == 1


def test_saving_a_reason_keeps_the_status_stored_whatever_the_form_says(client, admin, cell_meeting):
    row = cell_meeting.attendances[0]
    url = f"/meetings/{cell_meeting.id}/attendance/{row.id}"
    client.post(url, data={"status": "excused"}, headers=HX)
    response = client.post(url, data={"keep_status": "1", "status": "absent", "reason": "Ốm, có đơn"}, headers=HX)
    assert response.status_code == 200
    db.session.refresh(row)
    assert row.status == AttendanceStatus.EXCUSED and row.reason == "Ốm, có đơn"
    assert response.text.index('name="keep_status"') < response.text.index('name="status"')


def test_register_cell_holds_every_mark_of_its_month_with_its_date(client, admin, ward, cell_meeting, make_meeting):
    import re

    second = make_meeting(held_on=date(2026, 3, 19), units=[ward.cell], title="Họp bất thường")
    person = ward.members[0]
    rows = [rows_by_person(meeting)[person.id] for meeting in (cell_meeting, second)]
    client.post(f"/meetings/attendance/{rows[0].id}/cycle", data={"status": "present"})
    client.post(f"/meetings/attendance/{rows[1].id}/cycle", data={"status": "absent"})
    page = client.get(f"/meetings/matrix/unit/{ward.cell.id}?year=2026").text
    person_row = page[page.index(person.full_name):].split("</tr>")[0]
    cells = re.findall(r'<td class="cell">(.*?)</td>', person_row, re.DOTALL)
    assert len(cells) == 12
    march = cells[2]
    assert march.count('class="cell-mark ') == 2 and 'class="cell-marks"' in march
    assert "05/03/2026: Có mặt" in march and "Họp bất thường — 19/03/2026: Vắng không phép" in march
    assert all("cell-mark" not in cells[month] for month in range(12) if month != 2)


def test_opinion_counts_are_pluralised_in_english(client, admin, ward, briefing):
    client.post("/auth/locale/en", data={"next": "/"})
    url = f"/meetings/{briefing.id}/opinions"
    first = client.post(url, data={"speaker_name": "Đặng Ngọc Vệ", "kind": "results", "text": "Bám sát"}, headers=HX)
    assert "(1 opinion)" in first.text
    assert "1 opinion was expressed at the meeting." in client.get(f"/meetings/{briefing.id}/minutes").text
    second = client.post(url, data={"speaker_name": "Đinh Văn Hồng", "kind": "results", "text": "Đều"}, headers=HX)
    assert "(2 opinions)" in second.text
    assert "2 opinions were expressed at the meeting." in client.get(f"/meetings/{briefing.id}/minutes").text


def test_meeting_file_input_is_starred_and_its_error_follows_it(client, admin, briefing):
    page = client.get(f"/meetings/{briefing.id}").text
    file_label = page[page.index('<label for="file">'):]
    assert file_label.index('<span class="req" aria-hidden="true">*</span>') < file_label.index("</label>")
    refused = client.post(f"/meetings/{briefing.id}/files", data={}, content_type="multipart/form-data").text
    after_input = refused[refused.index('<label for="file">'):]
    assert after_input.index("</label>") < after_input.index('<small class="field-error" id="file-err"')
