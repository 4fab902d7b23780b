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
    sheet.append(
        [1, "Hoàng Minh Đức", "05/06/1971", "Phó Bí thư", "Đoàn công tác số 2", "Trưởng đoàn", unit, "0913111222"]
    )
    sheet.append([2, "Vũ Thị Lan", "31/02/1984", "Trưởng ban", "Đoàn công tác số 2", "Thành viên", unit, "0913111333"])
    workbook.save(path)
    return path


def test_import_roster_fix_and_undo_in_chromium(login_page, root_unit, term, make_unit, tmp_path):
    unit = make_unit("Đảng bộ phường Nam Sơn", UnitKind.PARTY_COMMITTEE, Sector.WARD, parent=root_unit)
    path = roster(tmp_path / "doan-so-2.xlsx", unit.name)
    page = login_page(Role.ADMIN)
    asked = []

    def answer(dialog):
        asked.append(dialog.message)
        dialog.accept()

    page.on("dialog", answer)
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

    expect(page.locator("#records-table tr.level-error")).to_contain_text("Vũ Thị Lan")
    expect(page.locator("#records-table")).not_to_contain_text("Đã nhập")
    page.click("#raw-cells summary")
    bad = page.locator("td[data-ref=C5]")
    assert "cell-error" in bad.get_attribute("class")
    assert "31/02/1984" in bad.get_attribute("title")
    bad.locator("summary").click()
    bad.locator("input[name=value]").fill("28/02/1984")
    bad.locator("button[type=submit]").click()
    page.wait_for_selector("td[data-ref=C5].cell-fixed")
    assert page.locator("td.cell-error").count() == 0
    expect(page.locator("#records-table tr.level-error")).to_have_count(0)
    assert page.locator("#failed-count").inner_text() == "0"

    page.click("button[name=action][value=commit]")
    page.locator("#batch-members tbody tr").first.wait_for()
    members = page.locator("#batch-members tbody").inner_text()
    assert "Hoàng Minh Đức" in members and "Vũ Thị Lan" in members and "Trưởng đoàn" in members
    assert page.locator("#count-imported").inner_text() == "2"
    assert db.session.scalar(select(func.count()).select_from(Membership)) == 2

    asked.clear()
    page.click("section.undo button[type=submit]")
    page.wait_for_selector("text=Đã hoàn tác lượt nhập.")
    assert asked == ["Hoàn tác toàn bộ lượt nhập này?"]  # asked once, not by both the page and htmx
    assert "Hoàng Minh Đức" not in page.locator("#batch-members tbody").inner_text()
    assert "Đã hoàn tác" in page.locator("#batch-status").inner_text()
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(Membership)) == 0


def register(path, units, people_per_unit=10, meetings=4):
    """A long register: one line per person and meeting (people x meetings records), under a title line."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Điểm danh"
    sheet.append(["SỔ ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025"])
    sheet.append([])
    sheet.append(["STT", "Họ và tên", "Chi bộ", "Ngày sinh hoạt", "Điểm danh", "Ghi chú"])
    number = 0
    for month in range(1, meetings + 1):
        for unit_no, unit in enumerate(units):
            for person in range(people_per_unit):
                number += 1
                mark = "x" if (person + month) % 6 else "P"
                sheet.append([number, f"Đảng Viên {unit_no + 1}-{person + 1:02d}", unit, f"05/{month:02d}/2025", mark,
                              ""])
    workbook.save(path)
    return path


@pytest.fixture
def register_batch(login_page, root_unit, term, make_unit, make_person, tmp_path):
    """A 120-record register of three cells whose members exist, uploaded by an admin; returns the page."""
    ward = make_unit("Đảng bộ phường Đông Hòa", UnitKind.PARTY_COMMITTEE, Sector.WARD, parent=root_unit)
    units = [make_unit(f"Chi bộ Khu phố {n}", UnitKind.CELL, Sector.RESIDENTIAL, parent=ward) for n in (1, 2, 3)]
    for unit_no, unit in enumerate(units):
        for person in range(10):
            make_person(f"Đảng Viên {unit_no + 1}-{person + 1:02d}", home_unit_id=unit.id)
    path = register(tmp_path / "diem-danh-120.xlsx", [u.name for u in units], people_per_unit=10, meetings=4)

    def open_at(width, height):
        page = login_page(Role.ADMIN)
        page.set_viewport_size({"width": width, "height": height})
        page.goto("/imports/")
        page.set_input_files("input[name=file]", str(path))
        page.select_option("select[name=kind]", "attendance")
        page.click("#upload-form button[type=submit]")
        expect(page.locator("#records-counter")).to_contain_text("120 bản ghi")
        page.wait_for_load_state("load")  # the page as a person sees it: its stylesheets applied
        return page

    return open_at


def test_a_120_record_register_preview_fits_two_screens_at_1366(register_batch):
    page = register_batch(1366, 768)
    expect(page.locator("#records-table tbody tr")).to_have_count(24)
    expect(page.locator("#tallies")).to_contain_text("Đông Hòa › Chi bộ Khu phố 1")
    expect(page.locator("#records-table")).not_to_contain_text("Đã nhập")
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= 2 * 768, f"the preview is {height} px tall"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 1366, f"the preview is {width} px wide"
    header = page.locator("#records-table thead th").last.bounding_box()
    assert header["x"] + header["width"] <= 1366, "every column of the records is on screen"

    page.click("#records-pager a", timeout=5000)
    expect(page.locator("#records-pager")).to_contain_text("Trang 2 / 5")
    expect(page.locator("#records-table tbody tr")).to_have_count(24)
    assert page.url.endswith("page=2")


def test_the_register_preview_fits_a_390_px_phone(register_batch):
    page = register_batch(390, 844)
    expect(page.locator("#records-table tbody tr").first).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{overflow} px of horizontal overflow at 390 px"
    card = page.locator("#records-table tbody tr").first.bounding_box()
    assert card["width"] <= 390
