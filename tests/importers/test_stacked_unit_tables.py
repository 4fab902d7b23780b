"""Registers kept as one table per chi bộ stacked on one sheet, each under its title line with its OWN header of
meeting days ('07/07 | 05/08 | …', the year in the sheet's title): every block's marks are read for its own days
(not the first block's), with the unit its title names; its header row is no person."""

import datetime as dt

import pytest
from layouts.sheet import Sheet
from layouts.writers import write_by_seed

from importers import parse_file
from importers.period_tables import stack_period_tables
from importers.results import SheetData

MARKS = {"x": "present", "p": "excused", "v": "absent", "m": "late"}
BLOCKS = [("Chi bộ Thôn An Phú", ["07/07", "05/08", "13/09"],
           [("Lê Mỹ Hoa", "x", "x", "v"), ("Tôn Thu Vy", "p", "x", "x"), ("Nguyễn Viết Long", "x", "m", "x")]),
          ("Chi bộ Thôn Đông Hòa", ["11/07", "14/08", "04/09"],
           [("Bùi Bá Hải", "x", "v", "x"), ("Đặng Hữu Sang", "", "", "p")]),  # joins in September
          ("Chi bộ Thôn Tây Sơn", ["10/07", "07/07", "04/09"],  # days another block has, in other columns
           [("Đỗ Mỹ Tuyết", "m", "x", "x"), ("Thái Bá An", "x", "p", "x"), ("Cao Quốc Bình", "x", "x", "x")])]


def _register():
    sheet = Sheet("Diem danh", width=6)
    sheet.add(["ĐẢNG ỦY XÃ HÒA TIẾN"])
    sheet.add(["THEO DÕI SINH HOẠT CHI BỘ CÁC THÔN NĂM 2025"])
    expected = []
    for number, (unit, days, people) in enumerate(BLOCKS, 1):
        sheet.add()
        sheet.add([f"{number}. {unit}"])
        sheet.add(["STT", "Họ và tên", *days, "Ghi chú"])
        for index, (name, *marks) in enumerate(people, 1):
            sheet.add([index, name, *marks, ""])
            for day, mark in zip(days, marks):
                if mark:
                    date = dt.date(2025, int(day[3:]), int(day[:2])).isoformat()
                    expected.append({"full_name": name, "date": date, "status": MARKS[mark], "unit": unit})
    sheet.add()
    sheet.add(["Ký hiệu: x = có mặt; p = vắng có phép; v = vắng không phép; m = đi muộn"])
    return sheet, expected


def _key(records):
    return sorted((r["full_name"], r["date"], r["status"], r["unit"]) for r in records)


@pytest.mark.parametrize("seed", range(3))
def test_each_chi_bo_table_reads_its_own_days_and_unit(tmp_path, seed):
    sheet, expected = _register()
    result = parse_file(write_by_seed(tmp_path, "stacked", sheet, seed, ("xlsx", "csv", "ods")))
    assert result.kind == "attendance"
    assert result.errors == []
    assert _key(result.records()) == _key(expected)


HEADER = ["STT", "Họ và tên", "07/07", "05/08", "Ghi chú"]


def _sheet(rows):
    return SheetData(name="S", rows=[list(row) for row in rows])


def test_a_repeated_header_with_the_same_days_is_left_alone():
    sheet = _sheet([HEADER, [1, "Nguyễn Văn An", "x", "x", ""], [], HEADER, [2, "Trần Thị Bình", "x", "p", ""]])
    assert not stack_period_tables(sheet)
    assert sheet.rows[3] == HEADER


def test_a_later_tables_day_keeps_the_column_an_earlier_table_gave_it_and_its_unit_line_stays():
    later = ["STT", "Họ và tên", "05/08", "12/09", "Ghi chú"]
    sheet = _sheet([HEADER, [1, "Nguyễn Văn An", "x", "p", ""], [], ["2. Chi bộ Thôn 3"], later,
                    [1, "Trần Thị Bình", "v", "x", ""]])
    assert stack_period_tables(sheet)
    assert sheet.rows[0] == HEADER + ["12/09"]
    assert sheet.rows[3][0] == "2. Chi bộ Thôn 3" and sheet.rows[4] == [""] * 6
    assert sheet.rows[5] == [1, "Trần Thị Bình", "", "v", "", "x"]


def test_a_later_header_of_months_under_a_header_of_days_is_no_new_table():
    later = ["STT", "Họ và tên", "T7", "T8", "Ghi chú"]
    sheet = _sheet([HEADER, [1, "Nguyễn Văn An", "x", "p", ""], [], later, [1, "Trần Thị Bình", "v", "x", ""]])
    assert not stack_period_tables(sheet)


def test_a_later_table_without_the_unit_line_the_others_have_is_not_restacked():
    """Its rows would take the unit of the table above without a word: the header row is left to be reported."""
    second, third = ["STT", "Họ và tên", "12/08", "09/09", "Ghi chú"], ["STT", "Họ và tên", "14/08", "10/09", "Ghi chú"]
    rows = [["1. Chi bộ Thôn 1"], HEADER, [1, "Nguyễn Văn An", "x", "p", ""], [], ["2. Chi bộ Thôn 2"], second,
            [1, "Trần Thị Bình", "v", "x", ""], [], third, [1, "Lê Văn Cường", "x", "x", ""]]
    sheet = _sheet(rows)
    assert not stack_period_tables(sheet)
    assert sheet.rows == rows


def test_rows_of_a_long_register_with_two_dates_are_no_headers():
    """A person's row with a birth date and a meeting date, the same name and mark again below: no tables."""
    rows = [["STT", "Họ và tên", "Ngày sinh", "Ngày họp", "Tình trạng"],
            [1, "Nguyễn Văn An", "12/05/1978", "07/07/2025", "Có mặt"],
            [2, "Nguyễn Văn An", "12/05/1978", "05/08/2025", "Có mặt"]]
    sheet = _sheet(rows)
    assert not stack_period_tables(sheet)
    assert sheet.rows == rows
