"""End to end: on a phone-sized screen a member declares attending a cell meeting from the home page, the ward's
officer confirms it from the menu's counter, and the member sees the meeting counted on their record."""
from datetime import timedelta

from tests.browser.conftest import PHONE, log_in, log_out, open_menu
from webapp.clock import local_today
from webapp.extensions import db
from webapp.meetings.services import create_meeting
from webapp.models import MeetingKind, Role


def test_member_declares_and_the_officer_confirms(phone_page, cell_member, make_user):
    ward, cell, member = cell_member
    officer = make_user(Role.UNIT_OFFICER, username="canbo", scope_unit=ward)
    create_meeting({"kind": MeetingKind.CELL, "held_on": local_today() - timedelta(days=2), "starts_at": "19:30",
                    "title": "Sinh hoạt chuyên đề chuyển đổi số", "place": "Nhà văn hóa tổ 4",
                    "agenda": "Phân công đảng viên hỗ trợ người dân"}, [cell])
    db.session.commit()

    page = phone_page
    log_in(page, member.username)
    claims = page.locator("#home-claims")
    claims.locator("li", has_text="Sinh hoạt chuyên đề chuyển đổi số").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    claims.locator("a", has_text="Khai báo đã dự").click()
    page.locator("h1", has_text="Khai báo đã dự họp").wait_for()
    assert "Nhà văn hóa tổ 4" in page.locator("dl.invitation").inner_text()
    page.fill("textarea[name=note]", "Ngồi cuối hội trường, chưa ký sổ.")
    submit = page.locator("button", has_text="Tôi đã dự cuộc họp này")
    box = submit.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    submit.click()
    page.locator("text=đang chờ cán bộ đơn vị xác nhận").wait_for()
    page.locator("#my-claims tr", has_text="Chờ xác nhận").wait_for()
    log_out(page)

    log_in(page, officer.username)
    open_menu(page)
    page.locator("nav a", has_text="Khai báo dự họp").locator(".nav-badge", has_text="1").wait_for()
    page.goto("/attendance-claims/")
    row = page.locator("#pending-claims tr", has_text="Phạm Thị Thành")
    assert "Ngồi cuối hội trường" in row.inner_text()
    row.get_by_role("button", name="Xác nhận", exact=True).click()
    page.locator("text=Đã xác nhận Phạm Thị Thành dự cuộc họp.").wait_for()
    page.locator("#pending-claims", has_text="Không có khai báo nào chờ xác nhận.").wait_for()
    log_out(page)

    log_in(page, member.username)
    page.goto("/attendance-claims/")
    page.locator("#my-claims tr", has_text="Đã xác nhận").wait_for()
    open_menu(page)
    page.locator("nav a", has_text="Hồ sơ của tôi").first.click()
    page.locator("#attendance-record b[data-figure=present]", has_text="1").wait_for()
