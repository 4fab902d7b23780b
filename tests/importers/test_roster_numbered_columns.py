"""A personnel list whose header is merged down over three rows, with a row numbering the columns "(1) (2) …" under
it: the numbers belong to the header, never to the data."""

import pytest
from openpyxl import Workbook

from importers import parse_file

LABELS = ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đoàn số", "Nhiệm vụ trong Đoàn", "Số điện thoại"]


def _write(path, header_depth: int, numbers: list):
    book = Workbook()
    sheet = book.active
    sheet.append(["ĐẢNG BỘ THỊ XÃ"])
    sheet.append(["DANH SÁCH TRÍCH NGANG"])
    sheet.append([])
    top = 4
    sheet.append(LABELS)
    for _ in range(header_depth - 1):
        sheet.append([None] * len(LABELS))
    for column in range(1, len(LABELS) + 1):
        if header_depth > 1:
            sheet.merge_cells(start_row=top, start_column=column, end_row=top + header_depth - 1, end_column=column)
    sheet.append(numbers)
    sheet.append([1, "Lê Văn An", "1980-01-02", "Chuyên viên", 1, "Trưởng đoàn", "0912.345.678"])
    sheet.append([2, "Trần Thị Bình", "1985-03-04", "Chuyên viên", 1, "Thành viên", "0987.654.321"])
    book.save(path)
    return top + header_depth  # 1-based row of the numbers


@pytest.mark.parametrize("header_depth", [2, 3])
@pytest.mark.parametrize("numbers", [[f"({n})" for n in range(1, 8)], list(range(1, 8))])
def test_column_numbers_under_a_merged_header(tmp_path, header_depth, numbers):
    numbered = _write(tmp_path / "trich_ngang.xlsx", header_depth, numbers)
    result = parse_file(tmp_path / "trich_ngang.xlsx")
    assert result.errors == []
    assert result.header_row < numbered  # the labels' row, as for numbers right under a one-row header
    assert [(r["full_name"], r["role"], r["phone"]) for r in result.records()] == [
        ("Lê Văn An", "head", "0912345678"), ("Trần Thị Bình", "member", "0987654321")]
