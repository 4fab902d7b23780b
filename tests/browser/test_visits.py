"""End to end on a phone-sized screen: a member records a field visit and turns its difficulty into feedback."""
from tests.browser.conftest import PHONE, log_in, open_menu
from webapp.extensions import db
from webapp.feedback.services import save_category


def test_member_records_a_visit_on_a_phone(phone_page, cell_member):
    _ward, _cell, member = cell_member
    save_category(None, name="Hạ tầng, môi trường", restricted=False, sla_days=15)
    db.session.commit()

    page = phone_page
    log_in(page, member.username)
    open_menu(page)
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
