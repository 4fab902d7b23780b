"""In Chromium: the persons × months register shows every mark of a month and stays inside its table."""
from datetime import date

from webapp.extensions import db
from webapp.meetings import services
from webapp.models import AttendanceStatus, MeetingKind, MemberRole, Role, UnitKind


def _meeting(cell, held_on, status):
    meeting = services.create_meeting({"kind": MeetingKind.CELL, "held_on": held_on, "group_id": None,
                                       "title": f"Sinh hoạt chi bộ {held_on:%d/%m}"}, [cell])
    for row in meeting.attendances:
        row.status = status
    return meeting


def test_two_meetings_in_one_month_both_show_and_the_register_fits(login_page, root_unit, make_unit, make_group,
                                                                   make_person, make_membership, make_assignment):
    committee = make_unit("Đảng bộ phường Nam Hồng", UnitKind.PARTY_COMMITTEE, parent=root_unit)
    cell = make_unit("Chi bộ Tổ dân phố 9", UnitKind.CELL, parent=committee)
    person = make_person("Phan Văn Tùng")
    make_assignment(make_membership(person, make_group(number=4), MemberRole.MEMBER, start=date(2026, 1, 1)), cell,
                    start=date(2026, 1, 1))
    for month in range(1, 13):
        _meeting(cell, date(2026, month, 5), AttendanceStatus.PRESENT)
    _meeting(cell, date(2026, 12, 20), AttendanceStatus.ABSENT)
    _meeting(cell, date(2026, 3, 19), AttendanceStatus.EXCUSED)
    db.session.commit()
    page = login_page(Role.ADMIN)

    page.goto(f"/meetings/matrix/unit/{cell.id}?year=2026")
    table = page.locator("table.matrix")
    table.wait_for()
    marks = table.locator(".cell-mark")
    assert marks.count() == 14
    for title in ("05/03/2026", "19/03/2026", "05/12/2026", "20/12/2026"):
        mark = table.locator(f".cell-mark[title*='{title}']")
        assert mark.is_visible(), title
    box = table.bounding_box()
    frame = page.locator("#matrix").bounding_box()
    for index in range(marks.count()):
        mark = marks.nth(index).bounding_box()
        assert box["x"] <= mark["x"] and mark["x"] + mark["width"] <= box["x"] + box["width"] + 0.5, index
        assert frame["x"] <= mark["x"] and mark["x"] + mark["width"] <= frame["x"] + frame["width"] + 0.5, index
    cells = table.locator("tbody tr").first.locator("td.cell")
    for month in (3, 12):
        cell_box = cells.nth(month - 1).bounding_box()
        for mark in cells.nth(month - 1).locator(".cell-mark").all():
            inner = mark.bounding_box()
            assert (
                cell_box["x"] <= inner["x"] and inner["x"] + inner["width"] <= cell_box["x"] + cell_box["width"] + 0.5
            )
            assert (
                cell_box["y"] <= inner["y"] and inner["y"] + inner["height"] <= cell_box["y"] + cell_box["height"] + 0.5
            )
