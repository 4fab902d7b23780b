"""On a 390-pixel phone the menu hides behind one button and a list's rows read as cards, each value under its
column's heading; on an office screen both look as before."""
from datetime import date, timedelta

from tests.browser.conftest import PHONE, log_in
from webapp.clock import local_today
from webapp.extensions import db
from webapp.meetings.services import create_meeting
from webapp.models import MeetingKind, MemberRole, Role, UnitKind
from webapp.tasks.services import create_task

TITLE = "Rà soát danh sách đảng viên miễn sinh hoạt tại Tổ dân phố số 4"
# What a person sees of a cell: its box, and the heading its ::before shows above the value.
CELLS = """row => [...row.cells].filter(c => c.offsetParent !== null).map(c => ({
  width: c.getBoundingClientRect().width,
  label: getComputedStyle(c, "::before").content,
  shown: getComputedStyle(c, "::before").display !== "none"}))"""


def test_the_menu_opens_and_closes_behind_one_button_on_a_phone(phone_page, make_user):
    user = make_user(Role.MEMBER, username="dienthoai")
    db.session.commit()
    page = phone_page
    log_in(page, user.username)
    tasks, toggle = page.locator("nav a", has_text="Nhiệm vụ"), page.get_by_role("button", name="Menu")
    header = page.locator("header").bounding_box()
    assert toggle.is_visible() and not tasks.is_visible() and not page.locator("text=Đăng xuất").is_visible()
    assert header["height"] < PHONE["height"] / 8  # the first screen is the page, not the menu

    toggle.click()
    tasks.wait_for()
    assert toggle.get_attribute("aria-expanded") == "true" and page.locator("text=Đăng xuất").is_visible()
    toggle.click()
    tasks.wait_for(state="hidden")
    assert toggle.get_attribute("aria-expanded") == "false"

    toggle.click()
    tasks.click()  # a boosted navigation: the new page's menu starts closed
    page.locator("h1", has_text="Nhiệm vụ").wait_for()
    assert toggle.is_visible() and not tasks.is_visible()


def test_the_menu_is_unchanged_on_an_office_screen(login_page):
    page = login_page(Role.MEMBER)
    assert not page.get_by_role("button", name="Menu").is_visible()
    assert page.locator("nav a", has_text="Nhiệm vụ").is_visible() and page.locator("text=Đăng xuất").is_visible()


def test_a_lists_rows_are_cards_with_their_headings_on_a_phone(phone_page, make_user, root_unit):
    admin = make_user(Role.ADMIN, username="quantri")
    create_task(admin, title=TITLE, deadline=local_today() + timedelta(days=9), owner_unit=root_unit)
    db.session.commit()
    page = phone_page
    log_in(page, admin.username)
    page.get_by_role("button", name="Menu").click()
    page.locator("nav a", has_text="Nhiệm vụ").click()  # through htmx: the swapped page's tables are labelled too
    row = page.locator("tbody tr", has_text=TITLE)
    row.wait_for()
    card = row.bounding_box()
    cells = row.evaluate(CELLS)
    assert card["width"] > PHONE["width"] * 0.85 and len(cells) == 5
    assert [cell["label"] for cell in cells] == [
        '"Số"', '"Nhiệm vụ"', '"Đơn vị thực hiện"', '"Thời hạn"', '"Trạng thái"']
    assert all(cell["shown"] and cell["width"] >= card["width"] - 4 for cell in cells)
    assert min(cell["width"] for cell in cells) >= 80
    assert page.locator("thead", has_text="Đơn vị thực hiện").bounding_box()["height"] <= 1  # read aloud, not shown
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_list_is_a_table_on_an_office_screen(page, make_user, root_unit):
    admin = make_user(Role.ADMIN, username="quantri")
    create_task(admin, title=TITLE, deadline=local_today() + timedelta(days=9), owner_unit=root_unit)
    db.session.commit()
    log_in(page, admin.username)
    page.goto("/tasks/")
    row = page.locator("tbody tr", has_text=TITLE)
    assert page.locator("thead th", has_text="Đơn vị thực hiện").is_visible()
    assert row.evaluate("row => [...row.cells].map(c => getComputedStyle(c).display)") == ["table-cell"] * 5
    assert row.bounding_box()["height"] < 100  # one line of cells, not a card


def test_the_attendance_register_stays_a_table_that_scrolls_in_its_box_on_a_phone(
        phone_page, make_user, root_unit, make_unit, make_group, make_person, make_membership, make_assignment):
    cell = make_unit("Chi bộ Tổ dân phố 7", UnitKind.CELL, parent=root_unit)
    person = make_person("Nguyễn Thị Phương Thảo", position="Chủ tịch Hội Liên hiệp Phụ nữ phường Nam Hồng")
    make_assignment(make_membership(person, make_group(2), MemberRole.MEMBER, start=date(2026, 1, 1)), cell,
                    start=date(2026, 1, 1))
    meeting = create_meeting({"kind": MeetingKind.CELL, "held_on": date(2026, 3, 5),
                              "title": "Sinh hoạt chi bộ tháng 3/2026"}, [cell])
    admin = make_user(Role.ADMIN, username="quantri")
    db.session.commit()
    page = phone_page
    log_in(page, admin.username)
    page.goto(f"/meetings/{meeting.id}/attendance")
    row = page.locator("#attendance-table tr", has_text="Nguyễn Thị Phương Thảo")
    row.wait_for()
    lefts = row.evaluate("row => [...row.cells].map(c => c.getBoundingClientRect().left)")
    assert lefts == sorted(lefts) and len(set(lefts)) == 4  # the cells side by side: still a row of a table
    assert page.locator("#attendance-table thead th", has_text="Chức vụ").is_visible()
    box = page.locator("#attendance-table").evaluate("t => [t.scrollWidth, t.clientWidth]")
    assert box[0] > box[1]  # wider than the phone, it scrolls inside its own box …
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # … and not the page
