"""Period tables stacked on one sheet ('I. SÁU THÁNG ĐẦU NĂM', 'II. SÁU THÁNG CUỐI NĂM'), each under its own
TWO-ROW header: 'STT | Họ và tên | Chi bộ | Ngày sinh hoạt chi bộ (ngày/tháng) | Ghi chú' (merged down or across)
over its meeting days '06/01 | 10/02 | …' (or months), the year only in the title. Every table's marks are read for
its own days, its header rows are no person; a person's row under a one-row header is no header's second row."""

import datetime as dt
import random

import pytest
from layouts.sheet import Sheet
from layouts.writers import write_by_seed

from importers import parse_file
from importers.period_tables import stack_period_tables
from importers.results import SheetData

MARKS = {"x": "present", "vp": "excused", "v": "absent", "m": "late"}
DAYS = [["06/01", "10/02", "05/03", "04/04", "05/05", "05/06"], ["07/07", "05/08", "05/09", "06/10", "05/11", "05/12"]]
MONTHS = [[f"T{month}" for month in range(1, 7)], [f"T{month}" for month in range(7, 13)]]
CAPTIONS = {"day": "Ngày sinh hoạt chi bộ (ngày/tháng)", "month": "Tháng sinh hoạt"}
UNITS = ["Chi bộ Xóm Nà Rì", "Chi bộ Bản Pò Tấu"]
NAMES = ["Tô Thị Thắm", "Đinh Minh Hậu", "Lương Đức Hưng", "Ma Thị Mai", "Hoàng Thanh Hưng"]


def _date(label: str, year: int) -> str:
    if label.startswith("T"):
        return dt.date(year, int(label[1:]), 1).isoformat()
    return dt.date(year, int(label[3:]), int(label[:2])).isoformat()


def _register(seed: int):
    rng = random.Random(seed)
    kind = "day" if seed % 3 else "month"
    year = rng.randint(2024, 2026)
    halves = DAYS if kind == "day" else MONTHS
    width = 3 + len(halves[0]) + 1
    sheet = Sheet("SHCB", width=width)
    sheet.add_banner("ĐẢNG BỘ XÃ NÀ GIÀNG")
    sheet.add_banner(f"THEO DÕI THÀNH VIÊN ĐOÀN CÔNG TÁC DỰ SINH HOẠT TẠI CHI BỘ NĂM {year}")
    expected = []
    for number, labels in enumerate(halves):
        sheet.add()
        sheet.add([["I. SÁU THÁNG ĐẦU NĂM", "II. SÁU THÁNG CUỐI NĂM"][number]])
        top = sheet.add(["STT", "Họ và tên", "Chi bộ dự sinh hoạt", CAPTIONS[kind]] + [None] * 5 + ["Ghi chú"])
        sheet.add([None, None, None, *labels, None])
        for column in (0, 1, 2, width - 1):
            sheet.merge(top, column, top + 1, column)
        sheet.merge(top, 3, top, width - 2)
        for index, name in enumerate(NAMES, 1):
            unit = UNITS[index > 3]
            row = [index, name, unit if index in (1, 4) else "nt"]
            left = number and index == len(NAMES)  # transferred after the second meeting of the second half
            for label in labels:
                mark = "" if left and label in labels[2:] else rng.choice(["x", "x", "x", "vp", "v", "m"])
                row.append(mark)
                if mark:
                    date = _date(label, year)
                    expected.append({"full_name": name, "date": date, "status": MARKS[mark], "unit": unit})
            sheet.add(row + ["Chuyển công tác" if left else ""])
    sheet.add()
    sheet.add(['Ký hiệu: x - có mặt; vp - vắng có phép; v - vắng không phép; m - đến muộn; "nt" - như trên.'])
    return sheet, expected


def _key(records):
    return sorted((r["full_name"], r["date"], r["status"], r["unit"]) for r in records)


@pytest.mark.parametrize("seed", range(6))
def test_each_half_year_table_reads_its_own_days_under_its_two_row_header(tmp_path, seed):
    sheet, expected = _register(seed)
    result = parse_file(write_by_seed(tmp_path, "halves", sheet, seed, ("xlsx", "csv", "ods")))
    assert result.kind == "attendance"
    assert result.errors == []
    assert _key(result.records()) == _key(expected)


TOP = ["STT", "Họ và tên", "Ngày sinh hoạt", "", "Ghi chú"]


def _sheet(rows):
    return SheetData(name="S", rows=[list(row) for row in rows])


def test_a_later_two_row_header_moves_its_cells_and_both_its_rows_are_cleared():
    sheet = _sheet([TOP, ["", "", "07/07", "05/08", ""], [1, "Nguyễn Văn An", "x", "vp", ""], [], ["II. Quý III"],
                    TOP, ["", "", "05/08", "12/09", ""], [1, "Nguyễn Văn An", "v", "x", ""]])
    assert stack_period_tables(sheet)
    assert sheet.rows[0] == TOP + [""] and sheet.rows[1] == ["", "", "07/07", "05/08", "", "12/09"]
    assert sheet.rows[4] == sheet.rows[5] == sheet.rows[6] == [""] * 6
    assert sheet.rows[7] == [1, "Nguyễn Văn An", "", "v", "", "x"]


def test_a_repeated_two_row_header_with_the_same_days_is_left_alone():
    days = ["", "", "07/07", "05/08", ""]
    rows = [TOP, days, [1, "Nguyễn Văn An", "x", "x", ""], [], TOP, days, [2, "Trần Thị Bình", "x", "vp", ""]]
    sheet = _sheet(rows)
    assert not stack_period_tables(sheet)
    assert sheet.rows == rows


def test_a_later_row_of_days_without_the_name_row_above_is_no_new_table():
    """Only the rows of the first header together make one: the days alone under a person are left to be
    reported, not read as a table whose people are unknown."""
    rows = [TOP, ["", "", "07/07", "05/08", ""], [1, "Nguyễn Văn An", "x", "x", ""],
            ["", "", "05/09", "06/10", ""], [2, "Trần Thị Bình", "x", "vp", ""]]
    sheet = _sheet(rows)
    assert not stack_period_tables(sheet)
    assert sheet.rows == rows


def test_a_persons_row_with_two_dates_is_no_second_header_row():
    """Under a one-row header a person's row with two dates would make a two-row header with it; its name sits in
    the column the header labels, so it is none, and the same again below is no new table."""
    header = ["STT", "Họ và tên", "Ngày sinh", "Ngày vào Đảng", "Ghi chú"]
    rows = [header, [1, "Nguyễn Văn An", "12/05/1978", "07/07/2005", ""],
            [2, "Trần Thị Bình", "03/04/1980", "05/08/2010", ""], [], header,
            [1, "Nguyễn Văn An", "12/05/1978", "09/09/2006", ""]]
    sheet = _sheet(rows)
    assert not stack_period_tables(sheet)
    assert sheet.rows == rows
