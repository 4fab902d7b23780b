"""End to end in Chromium: an officer records and forwards a concern, the handler answers and closes it,
and the leadership sees it closed with the days it took."""
from datetime import timedelta

from tests.browser.conftest import log_in, log_out
from webapp.clock import local_today
from webapp.extensions import db
from webapp.feedback.services import save_category
from webapp.models import Role, Sector, UnitKind


def test_concern_recorded_forwarded_answered_and_seen_closed(page, login_page, make_unit, root_unit, make_user):
    ward = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    save_category(None, name="Đất đai, trật tự đô thị", restricted=False, sla_days=30)
    handler = make_user(Role.MEMBER, username="xuly")
    leader = make_user(Role.LEADERSHIP, username="lanhdao")
    db.session.commit()
    received = local_today() - timedelta(days=6)

    login_page(Role.UNIT_OFFICER, scope_unit=ward)
    page.click("nav >> text=Phản ánh")
    page.click("text=Ghi nhận phản ánh")
    page.fill("input[name=received_on]", received.isoformat())
    page.select_option("select[name=category_id]", label="Đất đai, trật tự đô thị")
    page.select_option("select[name=unit_id]", label="Đảng bộ phường Bắc Hồng")
    page.fill("textarea[name=content]", "Nhân dân tổ 3 phản ánh lấn chiếm vỉa hè <b>đường Trần Phú</b>")
    page.click("text=Lưu phản ánh")
    page.wait_for_selector("text=Đã ghi nhận phản ánh")
    assert "<b>đường Trần Phú</b>" in page.locator("td.content").inner_text()
    page.select_option("select[name=target]", "forwarded")
    page.fill("input[name=forwarded_to]", "UBND phường Bắc Hồng")
    page.select_option("select[name=handler_id]", label=f"{handler.display_name} (xuly)")
    page.click("text=Ghi nhận bước xử lý")
    page.wait_for_selector("h1 >> text=Đã chuyển xử lý")
    log_out(page)

    log_in(page, "xuly")
    page.click("nav >> text=Nhiệm vụ")
    page.click("text=Việc của tôi")
    page.click("text=PA-")
    page.select_option("select[name=target]", "answered")
    page.click("text=Ghi nhận bước xử lý")
    page.wait_for_selector("text=Hãy nhập nội dung trả lời")
    page.select_option("select[name=target]", "answered")
    page.fill("textarea[name=note]", "UBND phường đã ra quân giải tỏa, trả lại vỉa hè.")
    page.click("text=Ghi nhận bước xử lý")
    page.wait_for_selector("h1 >> text=Đã trả lời")
    page.select_option("select[name=target]", "closed")
    page.click("text=Ghi nhận bước xử lý")
    page.wait_for_selector("h1 >> text=Đã đóng")
    log_out(page)

    log_in(page, leader.username)
    page.click("nav >> text=Phản ánh")
    page.select_option("select[name=status]", "closed")
    row = page.locator("#feedback-rows tbody tr").first
    row.locator("text=Đã đóng").wait_for()
    assert "lấn chiếm vỉa hè" in row.inner_text() and row.locator("td").nth(7).inner_text() == "6"
    row.locator("a").click()
    assert "6 ngày kể từ khi tiếp nhận" in page.locator(".elapsed").inner_text()
    assert page.locator("form[action$='/transition']").count() == 0
