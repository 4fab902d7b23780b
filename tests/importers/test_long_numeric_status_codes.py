"""A one-row-per-person-per-meeting log whose status column holds numeric codes a legend line above the table
explains ("Mã tình trạng: 1 - Có mặt; 2 - Vắng có phép …"), its meeting column datetimes with the start time, a
hidden card-number column, an autofilter, and a second sheet of formulas saved without results: the log is read
(the date without the time), the formulas of the sheet not read block nothing. Numbers no legend explains are
never taken as statuses."""
import datetime as dt

import pytest
from openpyxl import Workbook

from importers import parse_file
from importers.errors import ImportFileError

LEGEND = "Mã tình trạng: 1 - Có mặt; 2 - Vắng có phép; 3 - Vắng không phép; 4 - Đi muộn"
STATUS = {1: "present", 2: "excused", 3: "absent", 4: "late"}
ROWS = [(dt.datetime(2025, 10, 3, 19, 30), "Chi bộ thôn Cốc Cái", "Lương Văn Pú", 1),
        (dt.datetime(2025, 10, 3, 19, 30), "Chi bộ thôn Cốc Cái", "Lù A Lử", 2),
        (dt.datetime(2025, 10, 3, 19, 30), "Chi bộ thôn Cốc Cái", " Ly A Dình", 1),
        (dt.datetime(2025, 10, 8, 16, 45), "Chi bộ Trường Mầm non Pha Long", "Tẩn Văn Quẩy", 4),
        (dt.datetime(2025, 10, 8, 16, 45), "Chi bộ Trường Mầm non Pha Long", "Cứ Thị Chở", 3),
        (dt.datetime(2025, 11, 12, 16, 45), "Chi bộ Trường Mầm non Pha Long", "Tẩn Văn Quẩy", 1)]


def _log(path, legend: str | None, code_header: str = "Mã"):
    book = Workbook()
    sheet = book.active
    sheet.title = "Nhat ky SH"
    sheet.append(["NHẬT KÝ DỰ SINH HOẠT CHI BỘ CỦA ĐẢNG VIÊN – ĐẢNG BỘ XÃ PHA LONG"])
    sheet.append([legend])
    sheet.append([])
    sheet.append(["STT", "Thời gian", "Chi bộ", "Số thẻ đảng viên", "Họ và tên", code_header, "Ghi chú"])
    for number, (when, unit, name, code) in enumerate(ROWS, 1):
        sheet.append([number, when, unit, f"{number:02d}.{number * 7919:06d}", name, code, None])
        sheet.cell(sheet.max_row, 2).number_format = "DD/MM/YYYY HH:MM"
    sheet.column_dimensions["D"].hidden = True
    sheet.auto_filter.ref = f"A4:G{sheet.max_row}"
    sheet.freeze_panes = "A5"
    counts = book.create_sheet("Thong ke")
    counts.append(["Mã", "Số lượt"])
    for code in STATUS:
        counts.append([code, f"=COUNTIF('Nhat ky SH'!F:F,A{code + 1})"])
    book.save(path)
    return path


@pytest.mark.parametrize("code_header", ["Mã", "Mã TT", "Tình trạng"])
def test_numeric_codes_a_legend_explains_are_read(tmp_path, code_header):
    result = parse_file(_log(tmp_path / "log.xlsx", LEGEND, code_header))
    assert result.kind == "attendance" and result.errors == []
    assert [(r["full_name"], r["date"], r["status"], r["unit"]) for r in result.records()] == [
        (name.strip(), when.date().isoformat(), STATUS[code], unit) for when, unit, name, code in ROWS]


def test_numbers_no_legend_explains_are_no_statuses(tmp_path):
    """The refusal names the column of numbers and asks for their legend; the summary sheet's formulas, which feed
    nothing read, are not blamed."""
    with pytest.raises(ImportFileError) as refused:
        parse_file(_log(tmp_path / "log.xlsx", None))
    message = refused.value.message
    assert "Không tìm thấy cột điểm danh" in message and "Trang «Nhat ky SH», cột F «Mã» chỉ ghi số" in message
    assert "Thong ke" not in message
