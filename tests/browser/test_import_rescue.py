"""In Chromium: a register whose header detection gets wrong is fixed in the preview, committed, and the saved
template reads the next file of the same layout with no correction."""

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from webapp.extensions import db
from webapp.models import Attendance, Role, Sector, UnitKind

expect = pytest.importorskip("playwright.sync_api").expect


def register(path, people):
    """Month headers two rows below a line naming four fields (the detector takes that line for the header);
    the mark 'Đ' (late) is missing from the legend."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Điểm danh"
    sheet.append(["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2024"])
    sheet.append(["Họ và tên", "Chi bộ", "Ngày", "Điểm danh"])
    sheet.append([])
    sheet.append(["Họ và tên", "Chi bộ", "T1", "T2", "T3"])
    for row in people:
        sheet.append(row)
    sheet.append([])
    sheet.append(["Ghi chú: x = có mặt; P = vắng có phép; K = vắng không phép"])
    workbook.save(path)
    return path


def upload(page, path):
    page.goto("/imports/")
    page.set_input_files("input[name=file]", str(path))
    page.select_option("select[name=kind]", "attendance")
    page.click("#upload-form button[type=submit]")
    page.locator("h1", has_text="Xem trước khi nhập").wait_for()


def test_rescue_a_misread_register_and_reuse_the_template(login_page, root_unit, term, make_unit, tmp_path):
    cell = make_unit("Chi bộ Cứu Hộ", UnitKind.CELL, Sector.WARD, parent=root_unit)
    page = login_page(Role.UNIT_OFFICER, scope_unit=cell)
    page.on("dialog", lambda dialog: dialog.accept())
    upload(page, register(tmp_path / "so-1.xlsx", [["Nguyễn Văn An", cell.name, "x", "P", "Đ"],
                                                    ["Lê Thị Bình", cell.name, "x", "x", None]]))
    inferences = page.locator("#inferences")
    expect(inferences).to_contain_text("Dòng tiêu đề 2: nhận biết theo tên cột")
    expect(inferences).to_contain_text("Năm 2024: lấy từ dòng 1")
    expect(page.locator("#records-table tr.level-error").first).to_be_visible()  # the month marks read as dates

    rescue = page.locator("#rescue-form")
    rescue.locator("input[name=header_first]").fill("4")
    rescue.locator("input[name=header_last]").fill("4")
    rescue.locator("input[name=legend0_mark]").fill("Đ")
    rescue.locator("select[name=legend0_status]").select_option("late")
    rescue.locator("button[type=submit]").click()
    expect(page.locator("#inferences")).to_contain_text("Dòng tiêu đề 4: do cán bộ chọn")
    expect(page.locator("#inferences")).to_contain_text("đến muộn: do cán bộ sửa")
    expect(page.locator("td.cell-error")).to_have_count(0)  # no cell misread (the persons are created on commit)
    page.click("#save-template")  # remembered only because the officer asks
    page.get_by_text("Đã lưu mẫu").wait_for()

    page.check("input[name=create_persons]")
    page.click("button[name=action][value=commit]")
    page.locator("#count-imported").wait_for()
    statuses = sorted(s.value for s in db.session.scalars(select(Attendance.status)))
    assert statuses == ["excused", "late", "present", "present", "present"]

    upload(page, register(tmp_path / "so-2.xlsx", [["Trần Văn Cường", cell.name, "Đ", "x", "P"]]))
    expect(page.locator("#template-applied")).to_be_visible()
    expect(page.locator("#inferences")).to_contain_text("Dòng tiêu đề 4: do cán bộ chọn")
    expect(page.locator("td.cell-error")).to_have_count(0)  # no cell misread (the persons are created on commit)
    expect(page.locator("#records-table")).to_contain_text("Trần Văn Cường")

    page.goto("/imports/templates")
    expect(page.locator("#templates-table")).to_contain_text("so-1.xlsx")
    page.locator("#templates-table button", has_text="Xóa").click()
    expect(page.get_by_text("Chưa có mẫu nào.")).to_be_visible()
