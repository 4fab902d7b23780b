"""In Chromium: upload a roster, correct the mapping, fix a bad cell, commit, see the members, undo."""

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from webapp.extensions import db
from webapp.models import Membership, Role, Sector, UnitKind

expect = pytest.importorskip("playwright.sync_api").expect

HEADERS = ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đoàn công tác", "Nhiệm vụ trong đoàn", "Đơn vị phụ trách",
           "Liên lạc"]


def roster(path, unit):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC"])
    sheet.append([])
    sheet.append(HEADERS)
    sheet.append([1, "Hoàng Minh Đức", "05/06/1971", "Phó Bí thư", "Đoàn công tác số 2", "Trưởng đoàn", unit, "0913111222"])
    sheet.append([2, "Vũ Thị Lan", "31/02/1984", "Trưởng ban", "Đoàn công tác số 2", "Thành viên", unit, "0913111333"])
    workbook.save(path)
    return path


def test_import_roster_fix_and_undo_in_chromium(login_page, root_unit, term, make_unit, tmp_path):
    unit = make_unit("Đảng bộ phường Nam Sơn", UnitKind.PARTY_COMMITTEE, Sector.WARD, parent=root_unit)
    path = roster(tmp_path / "doan-so-2.xlsx", unit.name)
    page = login_page(Role.ADMIN)
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto("/imports/")
    page.set_input_files("input[name=file]", str(path))
    page.click("#upload-form button[type=submit]")
    page.locator("h1", has_text="Xem trước khi nhập").wait_for()

    page.click("details.mapping summary")
    page.select_option("select[name=col_7]", "phone")
    with page.expect_response(lambda response: response.url.endswith("/mapping")) as mapped:
        page.click("#mapping-form button[type=submit]")
    assert mapped.value.status == 200
    expect(page.locator("#mapping-form:not(.htmx-request) select[name=col_7]")).to_have_value("phone")

    bad = page.locator("td[data-ref=C5]")
    assert "cell-error" in bad.get_attribute("class")
    assert "31/02/1984" in bad.get_attribute("title")
    bad.locator("summary").click()
    bad.locator("input[name=value]").fill("28/02/1984")
    bad.locator("button[type=submit]").click()
    page.wait_for_selector("td[data-ref=C5].cell-fixed")
    assert page.locator("td.cell-error").count() == 0
    assert page.locator("#failed-count").inner_text() == "0"

    page.click("button[name=action][value=commit]")
    page.locator("#batch-members tbody tr").first.wait_for()
    members = page.locator("#batch-members tbody").inner_text()
    assert "Hoàng Minh Đức" in members and "Vũ Thị Lan" in members and "Trưởng đoàn" in members
    assert page.locator("#count-imported").inner_text() == "2"
    assert db.session.scalar(select(func.count()).select_from(Membership)) == 2

    page.click("section.undo button[type=submit]")
    page.wait_for_selector("text=Đã hoàn tác lượt nhập.")
    assert "Hoàng Minh Đức" not in page.locator("#batch-members tbody").inner_text()
    assert "Đã hoàn tác" in page.locator("#batch-status").inner_text()
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(Membership)) == 0
