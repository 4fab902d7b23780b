"""A person's data: an officer in scope exports everything held about one person (.xlsx and JSON), records the
person's requests with their legal deadline, answers them, and erases a person by anonymising them where the
records of the work must stay; officers out of scope reach none of it."""
import json
from datetime import date, datetime, timezone
from io import BytesIO

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from webapp.extensions import db
from webapp.models import (
    Attendance,
    AttendanceStatus,
    DataRequestKind,
    Meeting,
    MeetingKind,
    Opinion,
    OpinionKind,
    Person,
    PersonalDataRequest,
    Role,
    Sector,
    UnitKind,
    User,
)

NAME = "Phạm Thị Riêng"


@pytest.fixture
def case(app, clock, make_unit, make_person, make_group, make_membership, make_assignment, make_user, root_unit):
    clock(datetime(2026, 3, 10, 3, 0, tzinfo=timezone.utc))
    ward = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    other = make_unit("Đảng bộ phường Nam Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    cell = make_unit("Chi bộ Tổ dân phố 1", UnitKind.CELL, Sector.WARD, ward)
    person = make_person(NAME, home_unit=cell, phone="0912345678", email="rieng@example.vn",
                         birth_date=date(1980, 5, 1))
    membership = make_membership(person, make_group(1, "Đoàn công tác số 1"))
    make_assignment(membership, cell)
    meeting = Meeting(kind=MeetingKind.CELL, held_on=date(2026, 2, 5), title="Sinh hoạt chi bộ tháng 2", units=[cell])
    db.session.add(meeting)
    db.session.add(Attendance(meeting=meeting, person=person, status=AttendanceStatus.EXCUSED, reason="Ốm"))
    db.session.add(Opinion(meeting=meeting, position=1, person=person, speaker_name=NAME, kind=OpinionKind.PROPOSALS,
                           text="=HYPERLINK(\"http://x\") đề nghị sửa đường"))
    account = make_user(Role.MEMBER, username="rieng", person=person)
    db.session.commit()
    officer = make_user(Role.UNIT_OFFICER, username="canbo-bh", scope_unit=ward)
    outsider = make_user(Role.UNIT_OFFICER, username="canbo-nh", scope_unit=other)
    db.session.commit()
    return person, officer, outsider, account


def test_the_export_holds_everything_about_the_person(client, login, case):
    person, officer, _, _ = case
    login(officer)
    page = client.get(f"/personal-data/{person.id}").get_data(as_text=True)
    assert NAME in page and "Sinh hoạt chi bộ tháng 2" in page and "Vắng có phép" in page
    book = load_workbook(BytesIO(client.get(f"/personal-data/{person.id}/export.xlsx").data))
    assert {"Thông tin cá nhân", "Tài khoản", "Điểm danh", "Ý kiến phát biểu"} <= set(book.sheetnames)
    profile = [c.value for c in book["Thông tin cá nhân"][4]]
    assert profile[:4] == [NAME, datetime(1980, 5, 1), None, "0912345678"]
    opinion = book["Ý kiến phát biểu"].cell(row=4, column=4)
    assert opinion.value.startswith("'=HYPERLINK") and opinion.data_type == "s"  # neutralised
    data = json.loads(client.get(f"/personal-data/{person.id}/export.json").data)
    assert data["sections"]["profile"][0]["email"] == "rieng@example.vn"
    assert data["sections"]["attendance"] == [{"held_on": "2026-02-05", "meeting": "Sinh hoạt chi bộ tháng 2",
                                               "kind": "Sinh hoạt chi bộ", "status": "Vắng có phép", "reason": "Ốm"}]
    assert data["sections"]["accounts"][0]["username"] == "rieng"
    assert [m["group"] for m in data["sections"]["memberships"]] == ["Đoàn công tác số 1"]


def test_officers_out_of_scope_and_members_reach_nothing(client, login, case):
    person, _, outsider, account = case
    for user in (outsider, account):
        client.post("/auth/logout")
        login(user)
        for url in (f"/personal-data/{person.id}", f"/personal-data/{person.id}/export.xlsx",
                    f"/personal-data/{person.id}/export.json"):
            assert client.get(url).status_code == 403, (user.username, url)
        response = client.post(f"/personal-data/{person.id}/requests", data={
            "kind": "access", "received_on": "09/03/2026", "requested_by": "Chính chủ"})
        assert response.status_code == 403
    assert db.session.scalar(select(PersonalDataRequest)) is None


def test_a_request_gets_its_deadline_and_one_answer(client, login, case):
    person, officer, _, _ = case
    login(officer)
    response = client.post(f"/personal-data/{person.id}/requests", data={
        "kind": "correction", "received_on": "09/03/2026", "requested_by": "Chính chủ",
        "details": "Sửa số điện thoại"})
    assert response.status_code == 302
    request = db.session.scalar(select(PersonalDataRequest))
    assert (request.kind, request.due_on) == (DataRequestKind.CORRECTION, date(2026, 3, 12))
    page = client.get(f"/personal-data/{person.id}").get_data(as_text=True)
    assert "12/03/2026" in page and "Sửa dữ liệu" in page
    future = client.post(f"/personal-data/{person.id}/requests", data={
        "kind": "access", "received_on": "11/03/2026", "requested_by": "Chính chủ"})
    assert future.status_code == 422 and "không thể sau hôm nay" in future.get_data(as_text=True)
    early = client.post(f"/personal-data/requests/{request.id}/answer",
                        data={"answered_on": "08/03/2026", "answer": "Đã sửa"})
    assert early.status_code == 422 and "trước ngày nhận" in early.get_data(as_text=True)
    assert client.post(f"/personal-data/requests/{request.id}/answer",
                       data={"answered_on": "10/03/2026", "answer": "Đã sửa số điện thoại"}).status_code == 302
    again = client.post(f"/personal-data/requests/{request.id}/answer",
                        data={"answered_on": "10/03/2026", "answer": "Lần hai"})
    assert again.status_code == 422
    db.session.expire_all()
    assert db.session.get(PersonalDataRequest, request.id).answer == "Đã sửa số điện thoại"


def test_an_out_of_scope_officer_cannot_answer_by_changing_the_id(client, login, case):
    person, officer, outsider, _ = case
    login(officer)
    client.post(f"/personal-data/{person.id}/requests", data={
        "kind": "erasure", "received_on": "09/03/2026", "requested_by": "Chính chủ"})
    request = db.session.scalar(select(PersonalDataRequest))
    client.post("/auth/logout")
    login(outsider)
    assert client.post(f"/personal-data/requests/{request.id}/answer",
                       data={"answered_on": "10/03/2026", "answer": "x"}).status_code == 403
    assert client.post(f"/personal-data/requests/{request.id}/erase", data={"confirm": "y"}).status_code == 403
    db.session.expire_all()
    assert db.session.get(Person, person.id).full_name == NAME


def test_erasure_anonymises_and_says_what_was_kept(client, login, case):
    person, officer, _, account = case
    login(officer)
    client.post(f"/personal-data/{person.id}/requests", data={
        "kind": "access", "received_on": "09/03/2026", "requested_by": "Chính chủ"})
    client.post(f"/personal-data/{person.id}/requests", data={
        "kind": "erasure", "received_on": "09/03/2026", "requested_by": "Chính chủ"})
    access, erasure = db.session.scalars(select(PersonalDataRequest).order_by(PersonalDataRequest.id)).all()
    assert client.post(f"/personal-data/requests/{access.id}/erase", data={"confirm": "y"}).status_code == 302
    assert client.post(f"/personal-data/requests/{erasure.id}/erase", data={}).status_code == 302  # unconfirmed
    db.session.expire_all()
    assert db.session.get(Person, person.id).full_name == NAME
    assert client.post(f"/personal-data/requests/{erasure.id}/erase", data={"confirm": "y"}).status_code == 302
    db.session.expire_all()
    erased = db.session.get(Person, person.id)
    anonymous = f"Người đã ẩn danh #{person.id}"
    assert (erased.full_name, erased.phone, erased.email, erased.birth_date) == (anonymous, None, None, None)
    assert db.session.scalar(select(Opinion.speaker_name)) == anonymous
    assert db.session.scalar(select(Attendance.status)) == AttendanceStatus.EXCUSED  # the register keeps the mark
    user = db.session.get(User, account.id)
    assert not user.active and user.username != "rieng"
    answer = db.session.get(PersonalDataRequest, erasure.id).answer
    assert "1 lượt điểm danh" in answer and "1 lượt phát biểu" in answer and "Nhật ký kiểm tra" in answer
    page = client.get(f"/personal-data/{person.id}").get_data(as_text=True)
    assert NAME not in page and "0912345678" not in page and anonymous in page
