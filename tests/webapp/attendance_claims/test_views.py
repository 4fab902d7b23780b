"""End to end through the pages: the member declares from the home page, the officer confirms or rejects from
the pending list, the meeting page and the menu counter."""
from sqlalchemy import select

from webapp.extensions import db
from webapp.models import Attendance, AttendanceClaim, AttendanceStatus, ClaimStatus

HX = {"HX-Request": "true"}


def _as(client, login, user):
    client.post("/auth/logout")
    login(user)


def test_member_declares_from_home_and_the_officer_confirms(client, login, claim_town):
    town = claim_town
    _as(client, login, town.member)
    home = client.get("/attendance-claims/home", headers=HX).get_data(as_text=True)
    assert "Sinh hoạt chi bộ tháng 3" in home and f"/attendance-claims/meeting/{town.meeting.id}/declare" in home
    assert "Sinh hoạt chuyên đề" not in home  # not held yet
    page = client.get(f"/attendance-claims/meeting/{town.meeting.id}/declare").get_data(as_text=True)
    assert "Nhà văn hóa tổ 1" in page and "Triển khai nghị quyết" in page and "19:30" in page
    sent = client.post(f"/attendance-claims/meeting/{town.meeting.id}/declare", data={"note": "<b>có mặt</b>"})
    assert sent.status_code == 302
    assert "Chờ xác nhận" in client.get("/attendance-claims/").get_data(as_text=True)
    assert "Sinh hoạt chi bộ tháng 3" not in client.get("/attendance-claims/home", headers=HX).get_data(as_text=True)
    again = client.post(f"/attendance-claims/meeting/{town.meeting.id}/declare", data={})
    assert again.status_code == 422 and "đã khai báo" in again.get_data(as_text=True)

    _as(client, login, town.officer)
    assert ">1</span>" in client.get("/attendance-claims/badge", headers=HX).get_data(as_text=True)
    listing = client.get("/attendance-claims/").get_data(as_text=True)
    assert "Phạm Thị Thành" in listing and "&lt;b&gt;có mặt&lt;/b&gt;" in listing
    box = client.get(f"/attendance-claims/meeting/{town.meeting.id}/box", headers=HX).get_data(as_text=True)
    assert "Phạm Thị Thành" in box and "/confirm" in box
    claim = db.session.scalar(select(AttendanceClaim))
    assert client.post(f"/attendance-claims/{claim.id}/confirm").status_code == 302
    row = db.session.scalar(select(Attendance).where(Attendance.meeting_id == town.meeting.id,
                                                     Attendance.person_id == town.member.person_id))
    assert row.status == AttendanceStatus.PRESENT
    assert client.get("/attendance-claims/badge", headers=HX).get_data(as_text=True).strip() == ""

    _as(client, login, town.member)
    assert "Đã xác nhận" in client.get("/attendance-claims/").get_data(as_text=True)


def test_a_rejection_without_a_reason_is_shown_next_to_the_claim(client, login, claim_town):
    town = claim_town
    _as(client, login, town.member)
    client.post(f"/attendance-claims/meeting/{town.meeting.id}/declare", data={})
    claim = db.session.scalar(select(AttendanceClaim))
    _as(client, login, town.officer)
    refused = client.post(f"/attendance-claims/{claim.id}/reject", data={"reason": ""})
    assert refused.status_code == 422 and "Hãy ghi lý do không xác nhận." in refused.get_data(as_text=True)
    assert client.post(f"/attendance-claims/{claim.id}/reject", data={"reason": "Không có tên"}).status_code == 302
    db.session.refresh(claim)
    assert (claim.status, claim.reason) == (ClaimStatus.REJECTED, "Không có tên")
    _as(client, login, town.member)
    assert "Không có tên" in client.get("/attendance-claims/").get_data(as_text=True)
    assert f"/attendance-claims/meeting/{town.meeting.id}/declare" in \
        client.get("/attendance-claims/home", headers=HX).get_data(as_text=True)


def test_only_an_officer_of_the_unit_decides(client, login, claim_town):
    town = claim_town
    _as(client, login, town.member)
    client.post(f"/attendance-claims/meeting/{town.meeting.id}/declare", data={})
    claim = db.session.scalar(select(AttendanceClaim))
    for user in (town.member, town.other_officer, town.outsider):
        _as(client, login, user)
        assert client.post(f"/attendance-claims/{claim.id}/confirm").status_code == 403, user.username
        assert client.post(f"/attendance-claims/{claim.id}/reject", data={"reason": "x"}).status_code == 403
    _as(client, login, town.other_officer)
    assert "Phạm Thị Thành" not in client.get("/attendance-claims/").get_data(as_text=True)
    db.session.refresh(claim)
    assert claim.status == ClaimStatus.PENDING


def test_a_member_not_following_the_unit_cannot_open_the_declaration(client, login, claim_town):
    login(claim_town.outsider)
    assert client.get(f"/attendance-claims/meeting/{claim_town.meeting.id}/declare").status_code == 403
    assert client.post(f"/attendance-claims/meeting/{claim_town.meeting.id}/declare").status_code == 403


def test_home_and_reminders_show_the_invitation(client, login, claim_town):
    login(claim_town.member)
    home = client.get("/").get_data(as_text=True)
    section = home[home.index('id="home-meetings"'):]
    assert "Sinh hoạt chuyên đề" in section and "Hội trường phường" in section and "Chuyển đổi số" in section
    reminders = client.get("/notifications/?days=14").get_data(as_text=True)
    invitations = reminders[reminders.index('id="invitations"'):]
    assert "Sinh hoạt chuyên đề" in invitations and "Hội trường phường" in invitations and "Mới" in invitations
    assert ">1</span>" not in client.get("/notifications/badge", headers=HX).get_data(as_text=True)  # 10 days ahead
