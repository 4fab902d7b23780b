"""A transposed register (meeting dates down, members across) with a totals column after the members, a totals
row under the dates, a legend and a signature below: the footer rows are skipped with a reason, never reported as
people whose name is missing, and never read as people."""
import datetime as dt

import pytest
from sheet_files import write_sheet

from importers import parse_file

PEOPLE = ["Nguyễn Minh Phong", "Đoàn Thị Mai", "Bùi Xuân Cường"]
MARKS = [["C", "P", "C"], ["K", "C", "MSH"], ["C", "M", "MSH"], ["M", "C", "MSH"]]
STATUS = {"C": "present", "P": "excused", "K": "absent", "M": "late", "MSH": "exempt"}


def _rows(totals_column, totals_row):
    rows = [["ĐẢNG BỘ PHƯỜNG ĐỨC THUẬN"], ["Chi bộ Khu phố 4"], ["BẢNG ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025"], [],
            ["Ngày họp", "Nội dung chính", *PEOPLE, totals_column]]
    for month, marks in enumerate(MARKS, 1):
        rows.append([dt.datetime(2025, month, 8), "Sinh hoạt thường kỳ", *marks, sum(m in "CM" for m in marks)])
    if totals_row:
        rows.append([totals_row, None, *[sum(row[i] in "CM" for row in MARKS) for i in range(len(PEOPLE))]])
    rows += [[], ["Ký hiệu: C - có mặt; P - vắng có phép; K - vắng không phép; M - đi muộn; MSH - miễn sinh hoạt"],
             [], [None, None, None, None, "BÍ THƯ"], [None, None, None, None, "Trần Văn Ký"]]
    return rows


@pytest.mark.parametrize("totals_column, totals_row", [
    ("Số có mặt", None), ("Tổng số dự", "Số buổi có mặt"), ("Cộng", "Tổng cộng"), ("Số có mặt", "Số lần vắng"),
])
def test_transposed_register_footer_rows_are_skipped(tmp_path, totals_column, totals_row):
    result = parse_file(write_sheet(tmp_path / "t.xlsx", _rows(totals_column, totals_row)))
    assert result.kind == "attendance" and result.errors == []
    got = [(r["full_name"], r["date"], r["status"]) for r in result.records()]
    assert got == [(name, f"2025-{month:02d}-08", STATUS[mark])
                   for month, marks in enumerate(MARKS, 1) for name, mark in zip(PEOPLE, marks)]
    assert set(result.row_frame["outcome"]) <= {"record", "skipped"}
