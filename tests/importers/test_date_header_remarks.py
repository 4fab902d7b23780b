"""A meeting-date header followed by a remark in brackets ('26/6 (CĐ)', a thematic meeting) is still that date;
brackets holding digits ('Lần 1 (06/01)') or a weekday ('10/1 (Thứ Sáu)') keep their own reading."""

import openpyxl
import pytest

from importers import parse_file
from importers.capital_units import CAPITALS_ONLY
from importers.date_words import without_remark
from importers.locating import header_date

DATES = ("10/1", "14/2", "14/3", "26/6 (CĐ)")
ISO = ("2025-01-10", "2025-02-14", "2025-03-14", "2025-06-26")
PEOPLE = ("Lê Văn An", "Trần Thị Bình", "Phạm Văn Cường")


def test_a_day_month_header_with_a_remark_reads_as_its_date(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["CHI BỘ THÔN 1"])
    sheet.append(["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"])
    sheet.append([])
    sheet.append(["STT", "Họ và tên", "Ngày sinh hoạt", None, None, None, "Ghi chú"])
    sheet.append([None, None, *DATES, None])
    sheet.merge_cells("A4:A5")
    sheet.merge_cells("B4:B5")
    sheet.merge_cells("C4:F4")
    sheet.merge_cells("G4:G5")
    for number, name in enumerate(PEOPLE, start=1):
        sheet.append([number, name, "x", "x", "x", "x", None])
    path = tmp_path / "register.xlsx"
    book.save(path)
    result = parse_file(str(path))
    assert result.kind == "attendance"
    assert result.errors == [] and [warning["message"] for warning in result.warnings] == [CAPITALS_ONLY.format(
        where=f"Trang «{sheet.title}», ô A1", kind="chi bộ", written="CHI BỘ THÔN 1", unit="Chi bộ Thôn 1")]
    assert [(record["full_name"], record["date"], record["status"]) for record in result.records()] == [
        (name, date, "present") for name in PEOPLE for date in ISO]


@pytest.mark.parametrize("label, bare", [
    ("26/6 (CĐ)", "26/6"), ("26/06/2025 [chuyên đề]", "26/06/2025"), ("10/1 (Thứ Sáu)", "10/1 (Thứ Sáu)"),
    ("Lần 1 (06/01)", "Lần 1 (06/01)"), ("Ghi chú (x)", "Ghi chú (x)"), (5, 5),
])
def test_without_remark(label, bare):
    assert without_remark(label) == bare


def test_a_full_date_header_with_a_remark():
    assert header_date("26/06/2025 (CĐ)") == "2025-06-26"
