"""In Chromium: create a cell meeting, take attendance with keys and clicks, counters update live, marks persist."""
from datetime import date

import pytest

from webapp.models import MemberRole, Role, UnitKind


def test_take_attendance_with_keyboard_and_clicks(login_page, root_unit, make_unit, make_group, make_person,
                                                  make_membership, make_assignment):
    committee = make_unit("Đảng bộ phường Nam Hồng", UnitKind.PARTY_COMMITTEE, parent=root_unit)
    cell = make_unit("Chi bộ Tổ dân phố 7", UnitKind.CELL, parent=committee)
    group = make_group(number=2)
    for name in ("An Văn Bình", "Bùi Thị Cúc", "Cao Văn Dũng", "Đỗ Thị Hà"):
        make_assignment(make_membership(make_person(name), group, MemberRole.MEMBER, start=date(2026, 1, 1)), cell,
                        start=date(2026, 1, 1))
    expect = pytest.importorskip("playwright.sync_api").expect
    page = login_page(Role.ADMIN)

    page.goto("/meetings/new")
    page.select_option("select[name=kind]", "cell")
    page.fill("input[name=title]", "Sinh hoạt chi bộ tháng 3/2026")
    page.fill("input[name=held_on]", "2026-03-05")
    page.select_option("select[name=unit_ids]", str(cell.id))
    page.click("#meeting-form button[type=submit]")
    page.wait_for_selector("text=danh sách dự họp gồm 4 người")
    page.click("a[role=button]:has-text('Điểm danh')")
    page.wait_for_selector("#attendance-table tr.att-row")
    page.evaluate("window.__notReloaded = true")

    rows = page.locator("tr.att-row")
    assert rows.count() == 4
    rows.nth(0).focus()
    page.keyboard.press("p")
    page.wait_for_selector("tr.att-row.mark-present")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("2")
    page.wait_for_selector("tr.att-row.mark-late")
    rows.nth(2).locator("button.mark-button").click()
    expect(page.locator("tr.att-row.mark-present")).to_have_count(2)
    rows.nth(2).locator("button.mark-button").click()
    expect(page.locator("tr.att-row.mark-late")).to_have_count(2)

    counters = page.locator("#att-counters")
    assert counters.locator("[data-count=present]").inner_text() == "1"
    assert counters.locator("[data-count=late]").inner_text() == "2"
    assert counters.locator("[data-count=unmarked]").inner_text() == "1"
    assert page.evaluate("window.__notReloaded") is True

    page.reload()
    page.wait_for_selector("#attendance-table")
    assert page.evaluate("window.__notReloaded") is None
    assert page.locator("tr.att-row.mark-present").count() == 1
    assert page.locator("tr.att-row.mark-late").count() == 2
    assert page.locator("#att-counters [data-count=unmarked]").inner_text() == "1"


def test_enter_in_a_reason_field_saves_the_reason_and_keeps_every_status(login_page, root_unit, make_unit, make_group,
                                                                         make_person, make_membership, make_assignment):
    from webapp.extensions import db
    from webapp.meetings import services
    from webapp.models import AttendanceStatus, MeetingKind

    committee = make_unit("Đảng bộ phường Nam Hồng", UnitKind.PARTY_COMMITTEE, parent=root_unit)
    cell = make_unit("Chi bộ Tổ dân phố 8", UnitKind.CELL, parent=committee)
    group = make_group(number=3)
    names = ("An Văn Bình", "Bùi Thị Cúc", "Cao Văn Dũng", "Đỗ Thị Hà", "Hồ Văn Khánh")
    for name in names:
        make_assignment(make_membership(make_person(name), group, MemberRole.MEMBER, start=date(2026, 1, 1)), cell,
                        start=date(2026, 1, 1))
    meeting = services.create_meeting({"kind": MeetingKind.CELL, "held_on": date(2026, 3, 5),
                                       "title": "Sinh hoạt chi bộ tháng 3/2026", "group_id": None}, [cell])
    statuses = [AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT, None, AttendanceStatus.PRESENT,
                AttendanceStatus.LATE]
    rows = sorted(meeting.attendances, key=lambda row: row.person.full_name)
    for row, status in zip(rows, statuses):
        row.status = status
    db.session.commit()
    expected = {f"att-{row.id}": (status.value if status else "") for row, status in zip(rows, statuses)}
    page = login_page(Role.ADMIN)

    page.goto(f"/meetings/{meeting.id}/attendance")
    page.wait_for_selector("#attendance-table tr.att-row")
    for number, row_id in enumerate(expected, start=1):
        page.evaluate("id => document.getElementById(id).dataset.before = 'enter'", row_id)
        field = page.locator(f"#{row_id} input[name=reason]")
        field.fill(f"Ốm, có đơn {number}")
        field.press("Enter")
        page.wait_for_selector(f"#{row_id}:not([data-before])")
        assert page.locator(f"#{row_id}").get_attribute("data-status") == expected[row_id]
    page.reload()
    page.wait_for_selector("#attendance-table tr.att-row")
    for number, (row_id, status) in enumerate(expected.items(), start=1):
        assert page.locator(f"#{row_id}").get_attribute("data-status") == status
        assert page.locator(f"#{row_id} input[name=reason]").input_value() == f"Ốm, có đơn {number}"
