"""A wide register whose months are bare numbers under a merged 'Tháng' (or 'Năm 2025', or quarters) with a second
row giving the day each month met ('07' | '04' | …): every column is dated that day, not the 1st. A 'Cộng' block
of counts to the right and a 'Năm sinh' column are no marks; a mark may carry its reason in brackets ('P (ốm)')."""

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.errors import ImportFileError
from importers.normalising import marks_table
from importers.status_phrases import read_status

PEOPLE = ["Huỳnh Hữu Luân", "Đỗ Thùy Hạnh", "Tạ Thùy Hằng", "Châu Thanh Trung"]
DAYS = [7, 4, 4, 8, 6, 3, 8, 5, 9, 7, 4, 9]
MARKS = {"x": "present", "P (ốm)": "excused", "P (đi CT)": "excused", "K": "absent", "P": "excused"}
CYCLE = ["x", "P (ốm)", "x", "K", "x", "P (đi CT)", "x"]
QUARTERS = ["Quý I", None, None, "Quý II", None, None, "Quý III", None, None, "Quý IV", None, None]


def _marks(person: int) -> list[str]:
    return [CYCLE[(person + month) % len(CYCLE)] for month in range(12)]


def _rows(top: str, title: str, typed_days: bool, quarters: bool) -> tuple[list, list, list[str]]:
    days = DAYS if typed_days else [f"{day:02d}" for day in DAYS]
    header = [["STT", "Họ và tên", "Năm sinh", top] + [None] * 11 + ["Cộng", None, None]]
    if quarters:
        header.append([None, None, None, *QUARTERS, None, None, None])
    header += [[None, None, None, *range(1, 13), None, None, None],
               [None, None, None, *days, "Có mặt", "Vắng P", "Vắng K"]]
    rows = [["ĐẢNG BỘ PHƯỜNG TÂN PHÚ HÒA"], ["CHI BỘ KHU PHỐ PHÚ HÒA 1"], [title], []] + header
    expected = []
    for person, name in enumerate(PEOPLE):
        marks = _marks(person)
        rows.append([person + 1, name, 1960 + person] + marks
                    + [marks.count("x"), sum(m.startswith("P") for m in marks), marks.count("K")])
        expected += [(name, f"2025-{month:02d}-{day:02d}", MARKS[mark])
                     for month, (day, mark) in enumerate(zip(DAYS, marks), 1)]
    rows += [[], ["Ghi chú: x - có mặt; P (lý do) - vắng có phép; K - vắng không phép."]]
    last = 4 + len(header)
    merges = [f"{col}5:{col}{last}" for col in "ABC"] + ["D5:O5", f"P5:R{last - 1}"]
    if quarters:
        merges += ["D6:F6", "G6:I6", "J6:L6", "M6:O6"]
    return rows, expected, merges


@pytest.mark.parametrize("quarters", [False, True])
@pytest.mark.parametrize("typed_days", [False, True])
@pytest.mark.parametrize(("top", "title"), [
    ("Tháng", "SỔ THEO DÕI DỰ SINH HOẠT CHI BỘ NĂM 2025"),
    ("Năm 2025", "SỔ THEO DÕI DỰ SINH HOẠT CHI BỘ"),
])
def test_each_month_column_is_the_day_written_under_it(tmp_path, top, title, typed_days, quarters):
    rows, expected, merges = _rows(top, title, typed_days, quarters)
    result = parse_file(write_sheet(tmp_path / "r.xlsx", rows, merges=merges))
    assert result.kind == "attendance" and result.errors == []
    got = [(r["full_name"], r["date"], r["status"]) for r in result.records()]
    assert sorted(got) == sorted(expected)


def test_a_month_without_its_day_is_refused_with_the_cell_named(tmp_path):
    """A blank under one month of the row of days: that month's meeting is not dated by guess (the 1st)."""
    rows, _, merges = _rows("Tháng", "SỔ THEO DÕI DỰ SINH HOẠT CHI BỘ NĂM 2025", False, False)
    rows[6][4] = None
    with pytest.raises(ImportFileError) as raised:
        parse_file(write_sheet(tmp_path / "r.xlsx", rows, merges=merges))
    assert "E7" in raised.value.message and "tháng 2" in raised.value.message


@pytest.mark.parametrize(("cell", "status"), [("P (ốm)", "excused"), ("P(đi CT)", "excused"),
                                              ("VCP (việc riêng)", "excused"), ("K (không báo)", "absent"),
                                              ("V (ốm)", None), ("x (vắng)", None)])
def test_a_mark_with_its_reason_in_brackets_reads_as_the_mark(cell, status):
    """A reason explains an absence: after a presence mark ('V' is a tick in some files) it is left unread."""
    assert read_status(cell, marks_table({"p": "excused", "k": "absent"})).status == status
