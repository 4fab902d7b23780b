"""A transposed register (members across the top, meetings down the first column) saved by a program that does
not calculate (openpyxl): a totals row or column of COUNTIFs, read blank, lies outside the data and is skipped like
other totals, with a note naming its cells; a formula where a name, a meeting date or a mark is read still refuses
the file, naming the cell."""

import datetime as dt

import pytest
from sheet_files import write_sheet

from importers import ImportFileError, parse_file

PEOPLE = ["Nguyễn Văn An", "Lê Thị Hoa", "Trần Minh Đức"]
MARKS = [["x", "P", "x"], ["x", "x", "K"], ["M", "x", "x"], ["x", "x", "x"]]
STATUS = {"x": "present", "P": "excused", "K": "absent", "M": "late"}
LEGEND = "Ghi chú: x - có mặt; P - vắng có phép; K - vắng không phép; M - đi muộn"
NOTE = "là công thức chưa có giá trị đã tính, nằm ngoài dữ liệu nhập"
UNUSED = "không được dùng"
REFUSED = "là công thức chưa có giá trị đã tính (tệp do phần mềm ghi ra"
TOP = 5  # the first meeting's row (1-based)


def _rows(side="date", totals_row="Tổng số có mặt", totals_column=None, numbered=False):
    """Titles, the names row, a meeting a row (a running number first when `numbered`), a COUNTIF per member under
    them and per meeting beside them, the legend."""
    lead = ["STT"] if numbered else []
    first = len(lead)
    letters = [chr(ord("A") + first + 1 + index) for index in range(len(PEOPLE))]
    rows = [["ĐẢNG BỘ PHƯỜNG AN BÌNH"], ["SỔ ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025"], [],
            [*lead, "Ngày họp" if side == "date" else "Tháng", *PEOPLE, *([totals_column] if totals_column else [])]]
    for index, marks in enumerate(MARKS):
        row = TOP + index
        meeting = dt.datetime(2025, index + 1, 8) if side == "date" else f"Tháng {index + 1}"
        beside = [f'=COUNTIF({letters[0]}{row}:{letters[-1]}{row},"x")'] if totals_column else []
        rows.append([*([f"=ROW()-{TOP - 1}"] if numbered else []), meeting, *marks, *beside])
    if totals_row is not False:
        last = TOP + len(MARKS) - 1
        rows.append([*([None] if numbered else []), totals_row,
                     *[f'=COUNTIF({letter}{TOP}:{letter}{last},"x")' for letter in letters]])
    return rows + [[], [LEGEND]]


def _records(side="date"):
    day = 8 if side == "date" else 1
    return [{"full_name": name, "date": f"2025-{index + 1:02d}-{day:02d}", "status": STATUS[mark], "unit": None}
            for index, marks in enumerate(MARKS) for name, mark in zip(PEOPLE, marks)]


@pytest.mark.parametrize("side", ["date", "month"])
@pytest.mark.parametrize("label", ["Tổng số có mặt", "Cộng", "Số có mặt", "Số đảng viên dự", "Có mặt", None])
@pytest.mark.parametrize("numbered", [False, True])
def test_a_totals_row_of_countifs_under_the_meetings_is_skipped(tmp_path, side, label, numbered):
    result = parse_file(write_sheet(tmp_path / "so.xlsx", _rows(side, label, numbered=numbered)))
    assert result.errors == []
    assert result.records() == _records(side)
    assert set(result.row_frame["outcome"]) <= {"record", "skipped"}
    row = TOP + len(MARKS)
    first = f"{chr(ord('B') + numbered)}{row}"  # the first member's count (after the running numbers A5…)
    assert any(NOTE in w["message"] and first in w["message"] for w in result.warnings)


@pytest.mark.parametrize("column", ["Số có mặt", "Cộng", None])
@pytest.mark.parametrize("totals_row", ["Tổng cộng", False])
def test_a_totals_column_of_countifs_beside_the_members_is_skipped(tmp_path, column, totals_row):
    rows = _rows("date", totals_row, totals_column=column or " ")
    result = parse_file(write_sheet(tmp_path / "so.xlsx", rows))
    assert result.errors == []
    assert result.records() == _records()
    # a whole column of counts is left aside as a helper column (``importers.helper_formulas``)
    assert any(w["column"] == "E" and UNUSED in w["message"] and "E5, E6, E7" in w["message"]
               for w in result.warnings)


def test_a_running_number_by_formula_left_of_the_meetings_feeds_nothing(tmp_path):
    result = parse_file(write_sheet(tmp_path / "so.xlsx", _rows("date", numbered=True, totals_column="Số có mặt")))
    assert result.records() == _records()
    assert any(NOTE in w["message"] and w["message"].count("A5") == 1 for w in result.warnings)


@pytest.mark.parametrize("cell, formula", [
    ("C6", '=IF(1,"x","")'),  # a mark
    ("B7", "=B6"),  # a mark copied from the meeting before
    ("C4", '="Lê Thị Hoa"'),  # a member's name
])
def test_a_formula_where_a_record_is_read_still_refuses(tmp_path, cell, formula):
    rows = _rows("date", "Tổng số có mặt", totals_column="Số có mặt")
    rows[int(cell[1:]) - 1][ord(cell[0]) - ord("A")] = formula
    with pytest.raises(ImportFileError, match=f"ô {cell} {REFUSED.replace('(', '[(]')}"):
        parse_file(write_sheet(tmp_path / "so.xlsx", rows))


def test_a_meeting_dated_by_formula_under_the_typed_dates_refuses(tmp_path):
    """The formula reads blank and ends the run of dates: the marks beside it would be lost."""
    rows = _rows("date", "Tổng số có mặt")
    rows.insert(TOP - 1 + len(MARKS), [f"=A{TOP + len(MARKS) - 1}+28", "x", "x", "P"])
    with pytest.raises(ImportFileError, match=f"ô A{TOP + len(MARKS)} là công thức"):
        parse_file(write_sheet(tmp_path / "so.xlsx", rows))
