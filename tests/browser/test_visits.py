"""End to end on a phone-sized screen: a member records a field visit and turns its difficulty into feedback."""
from datetime import date

from tests.browser.conftest import log_in
from webapp.extensions import db
from webapp.feedback.services import save_category
from webapp.models import MemberRole, Role, Sector, UnitKind

PHONE = {"width": 390, "height": 844}


def test_member_records_a_visit_on_a_phone(browser, live_server, make_unit, root_unit, make_person, make_group,
                                           make_membership, make_assignment, make_user):
    ward = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    cell = make_unit("Chi bộ Tổ dân phố 4", UnitKind.CELL, Sector.WARD, ward)
    person = make_person("Phạm Thị Thành")
    make_assignment(make_membership(person, make_group(1), MemberRole.MEMBER, start=date(2025, 10, 15)), cell,
                    start=date(2025, 10, 15))
    member = make_user(Role.MEMBER, username="thanhvien", person=person)
    save_category(None, name="Hạ tầng, môi trường", restricted=False, sla_days=15)
    db.session.commit()

    context = browser.new_context(base_url=live_server, locale="vi-VN", viewport=PHONE, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        log_in(page, member.username)
        page.locator("nav a", has_text="Đi cơ sở").click()
        page.locator("h1", has_text="Chuyến đi cơ sở").wait_for()
        page.click("text=Ghi nhận chuyến đi cơ sở")
        page.locator("h1", has_text="Ghi nhận chuyến đi cơ sở").wait_for()
        page.select_option("select[name=unit_id]", label="Chi bộ Tổ dân phố 4")
        page.fill("input[name=met_with]", "Đ/c Bí thư chi bộ")
        page.fill("textarea[name=findings]", "Chi bộ sinh hoạt đều; <b>nội dung</b> còn chung chung.")
        page.fill("textarea[name=difficulties]", "Đèn đường tổ 3 hỏng đã lâu.")
        submit = page.locator("button", has_text="Lưu chuyến đi")
        box = submit.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        submit.click()
        page.locator("text=Đã ghi nhận chuyến đi cơ sở").wait_for()
        assert "<b>nội dung</b>" in page.locator("td.content").first.inner_text()

        page.select_option("select[name=category_id]", label="Hạ tầng, môi trường")
        page.click("text=Chuyển thành phản ánh")
        page.locator("text=Đã chuyển khó khăn, kiến nghị thành phản ánh").wait_for()
        assert "Đèn đường tổ 3 hỏng đã lâu." in page.content()
    finally:
        context.close()
