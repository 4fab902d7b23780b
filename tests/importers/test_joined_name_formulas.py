"""A register whose name is split ("Họ và chữ lót" | "Tên") beside a helper column, hidden or not, joining the parts
('=B8&" "&C8') saved without its result, and a totals line labelled by a status word ("Có mặt") counting the marks
above it: neither feeds a record. The file is read from the name parts with a warning naming the helper column;
a formula joining cells of another row, or one the name is read from alone, still refuses the file."""

import pytest
from sheet_files import write_sheet

from importers import ImportFileError, parse_file
from importers.helper_formulas import joins_own_row

PEOPLE = [("Đỗ Ngọc", "Lộc", ["CM", "T", "CM"]), ("Trần Thanh", "Đạt", ["CM", "VP", "VK"]),
          ("Lê Thị", "Hoa", ["VP", "CM", "CM"])]
STATUS = {"CM": "present", "T": "late", "VP": "excused", "VK": "absent"}
LEGEND = "Ký hiệu: CM - có mặt; VP - vắng có phép; VK - vắng không phép; T - đi trễ."


def _rows(join='=B{row}&" "&C{row}', totals=True):
    rows = [["CHI BỘ KHU PHỐ 7"], ["SỔ ĐIỂM DANH NĂM 2025"],
            ["STT", "Họ và chữ lót", "Tên", "Họ tên (phụ)", "08/01", "12/02", "12/03"]]
    for number, (first, last, marks) in enumerate(PEOPLE, 1):
        rows.append([number, first, last, join.format(row=len(rows) + 1), *marks])
    if totals:
        rows.append([None, None, "Có mặt", None,
                     *[f'=COUNTIF({c}4:{c}6,"CM")+COUNTIF({c}4:{c}6,"T")' for c in "EFG"]])
    return rows + [[], [LEGEND]]


@pytest.mark.parametrize("hidden", [(), ("D",)])
@pytest.mark.parametrize("totals", [False, True])
def test_joined_name_column_is_left_aside(tmp_path, hidden, totals):
    result = parse_file(write_sheet(tmp_path / "a.xlsx", _rows(totals=totals), hidden=hidden))
    assert not result.errors
    got = sorted((r["full_name"], r["date"], r["status"]) for r in result.records())
    dates = ["2025-01-08", "2025-02-12", "2025-03-12"]
    assert got == sorted((f"{first} {last}", date, STATUS[mark])
                         for first, last, marks in PEOPLE for date, mark in zip(dates, marks))
    assert any(w["column"] == "D" and "chỉ có công thức chưa có giá trị" in w["message"] for w in result.warnings)


def test_join_of_another_row_still_refuses(tmp_path):
    with pytest.raises(ImportFileError, match="D4"):
        parse_file(write_sheet(tmp_path / "b.xlsx", _rows(join='=B{row}&" "&C5')))


def test_joins_own_row():
    rows = [[1, "Đỗ Ngọc", "Lộc", None]]
    assert joins_own_row('=B1&" "&C1', 0, rows)
    assert joins_own_row('=TRIM(CONCATENATE(B1," ",C1))', 0, rows)
    assert not joins_own_row("=B1", 0, rows)  # a bare copy: the column is the name itself
    assert not joins_own_row('=A1&" "&B1', 0, rows)  # a number joined
    assert not joins_own_row('=VLOOKUP(B1,Sheet2!A:B,2,0)', 0, rows)
    assert not joins_own_row('=B1&" "&C2', 0, rows)
