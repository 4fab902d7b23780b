"""End to end in Chromium: create a group, add a head and a member with the HTMX form, find the member
without diacritics, end a membership — the in-page changes happen without a full reload."""
from datetime import timedelta

from webapp.clock import local_today
from webapp.models import Role

MARKER = "window.__no_reload_marker"


def _mark_page(page):
    page.evaluate(f"{MARKER} = 'still here'")


def _not_reloaded(page) -> bool:
    return page.evaluate(f"{MARKER} === 'still here'")


def _add_member(page, search: str, name: str, role_label: str):
    page.fill("#person_q", search)
    page.wait_for_function(
        "name => [...document.querySelectorAll('#person_id option')].some(o => o.textContent.includes(name))"
        " && document.querySelectorAll('#person_id option').length <= 3", arg=name)
    option = page.locator("#person_id option", has_text=name).first
    page.select_option("#person_id", value=option.get_attribute("value"))
    page.select_option("#role", label=role_label)
    page.fill("#start_date", "2025-10-15")
    page.click("#add-member-form button[type=submit]")


def test_build_a_group_and_manage_its_members(login_page, term, root_unit, make_person, make_unit):
    make_person("Nguyễn Thăng Long", position="Phó Bí thư thường trực Thị ủy")
    make_person("Đặng Ngọc Vệ", position="Bí thư Đảng ủy phường Bắc Hồng")
    for name in ["Nguyễn Huy Hùng", "Lê Thành Đông", "Đinh Văn Hồng"]:
        make_person(name)
    make_unit("Chi bộ Tổ dân phố 3", parent=root_unit)
    page = login_page(Role.ADMIN)

    page.click("nav a[href='/groups/']")
    page.click("text=Thêm đoàn")
    page.fill("#number", "5")
    page.fill("#name", "Đoàn công tác số 5")
    page.select_option("#term_id", label="2025 - 2030")
    page.select_option("#owner_unit_id", label="Đảng bộ thị xã Hồng Sơn")
    page.fill("#notes", "Phụ trách phường Bắc Hồng")
    page.click("main form button[type=submit]")
    page.wait_for_selector("h1:has-text('Đoàn công tác số 5')")

    _mark_page(page)
    _add_member(page, "nguyen thang", "Nguyễn Thăng Long", "Trưởng đoàn")
    page.wait_for_selector("#members-head >> text=Nguyễn Thăng Long")
    _add_member(page, "dang ngoc", "Đặng Ngọc Vệ", "Thành viên")
    page.wait_for_selector("#members-member >> text=Đặng Ngọc Vệ")
    assert _not_reloaded(page), "adding members must update the section in place"
    group_url = page.url

    row = page.locator("#members-member tr", has_text="Đặng Ngọc Vệ")
    assert row.locator("select[name$='-unit_id']").count() == 0, "the unit select comes with the form, not the page"
    row.locator("summary", has_text="Phân công đơn vị").click()
    unit_select = row.locator("select[name$='-unit_id']")
    unit_select.wait_for()
    unit_select.select_option(label="Chi bộ Tổ dân phố 3")
    row.locator("input[name$='-start_date']").fill("2025-10-20")
    row.locator("button", has_text="Phân công").click()
    page.wait_for_selector("#members-member >> text=Chi bộ Tổ dân phố 3")
    assert _not_reloaded(page), "assigning a unit must update the section in place"

    page.click("nav a[href='/people/']")
    page.wait_for_selector("h1:has-text('Cá nhân')")
    _mark_page(page)
    page.fill("input[name=q]", "dang ngoc ve")
    page.wait_for_function("() => !document.querySelector('#people-results').textContent.includes('Nguyễn Thăng Long')")
    results = page.locator("#people-results").inner_text()
    assert "Đặng Ngọc Vệ" in results and "Đoàn công tác số 5" in results
    assert _not_reloaded(page), "the live search must swap the rows only"

    page.goto(group_url)
    _mark_page(page)
    row = page.locator("#members-member tr", has_text="Đặng Ngọc Vệ")
    end_date = row.locator("input[name^='end-'][name$='-on_date']")
    assert end_date.count() == 0, "the end form comes when opened, not with the page"
    row.locator("summary", has_text="Kết thúc").click()
    end_date.wait_for(state="visible")
    end = (local_today() - timedelta(days=1)).isoformat()
    end_date.fill(end)
    row.locator("button", has_text="Kết thúc thành viên").click()
    page.wait_for_selector("#history-memberships >> text=Đặng Ngọc Vệ")
    assert "Đặng Ngọc Vệ" not in page.locator("#members-member").inner_text()
    assert _not_reloaded(page), "ending a membership must update the section in place"
