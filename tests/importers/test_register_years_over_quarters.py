"""Registers whose header has three rows: a year merged over all the month columns ('Năm 2026', 'NĂM 2026', '2026'
typed as text or as a number, or 'Năm 2025' | 'Năm 2026' over the months of each), the quarters or half-years under
it ('Quý I' | 'Quý II', '6 tháng đầu năm', 'Học kỳ I'), then the months ('T1', 'Tháng 1', 'Th1'), under a title that
names no year. Each month is dated in the year written nearest over it; the quarters are checks only ('Quý II' over
'T1' refuses the file, naming the quarter's cell); a title year or a farther year that disagrees is a warning. The
count of attendees per month under the members is no record, and a member's blank months give none."""

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.errors import ImportFileError
from importers.header_periods import cells_above, misplaced_months
from importers.locating import locate_table
from importers.parsing import HEADER_SPECS

LEGEND = "Ký hiệu: X - có mặt; CP - vắng có phép; KP - vắng không phép; ĐM - đi muộn"
PEOPLE = [("Đinh Thị Minh", "Chi bộ xóm Phú Xuân", ["X", "CP", "X", "ĐM", "X", "KP"]),
          ("Lê Đình Sáu", "Chi bộ xóm Đồng Tâm", ["KP", "X", "X", None, None, None])]
STATUS = {"X": "present", "CP": "excused", "KP": "absent", "ĐM": "late"}
MONTH_WORDS = {"T": "T{}", "Tháng": "Tháng {}", "Th": "Th{}"}


def _letter(col: int) -> str:
    return chr(ord("A") + col)


def _register(tmp_path, years, periods, months, *, title="TỔNG HỢP THEO DÕI SINH HOẠT CHI BỘ", merged=True,
              people=PEOPLE):
    """Title, a blank line, three header rows from row 3 (years over periods over months, from column D), the
    members, the count of attendees per month, the legend. `years` and `periods`: [(label, number of months)]."""
    width = len(months)
    top, middle = ["TT", "Họ và tên", "Chi bộ"], [None, None, None]
    merges = ["A3:A5", "B3:B5", "C3:C5", f"{_letter(3 + width)}3:{_letter(3 + width)}5"]
    for row, spans, number in ((top, years, 3), (middle, periods, 4)):
        for label, span in spans:
            if merged and span > 1:
                merges.append(f"{_letter(len(row))}{number}:{_letter(len(row) + span - 1)}{number}")
            row += [label] + [None] * (span - 1)
    rows = [[title], [], top + ["Ghi chú"], middle + [None], [None, None, None] + months + [None]]
    for number, (name, unit, marks) in enumerate(people, 1):
        rows.append([number, name, unit] + marks[:width] + [None])
    rows.append([None, "Số đảng viên dự họp"] + [None] + [sum(1 for _, _, marks in people if marks[col] in ("X", "ĐM"))
                                                          for col in range(width)] + [None])
    rows += [[], [None, LEGEND]]
    return write_sheet(tmp_path / "r.xlsx", rows, title="Tong hop", merges=merges if merged else ())


def _expected(dates, people=PEOPLE):
    return [{"full_name": name, "date": date, "status": STATUS[mark], "unit": unit}
            for name, unit, marks in people for date, mark in zip(dates, marks) if mark]


def _months(word, numbers):
    return [MONTH_WORDS[word].format(number) for number in numbers]


FIRST_HALF = [f"2026-0{month}-01" for month in range(1, 7)]


@pytest.mark.parametrize("year", ["Năm 2026", "NĂM 2026", "2026", 2026, "Sinh hoạt chi bộ năm 2026"])
@pytest.mark.parametrize("periods", [[("Quý I", 3), ("Quý II", 3)], [("QUÝ 1", 3), ("QUÝ 2", 3)],
                                     [("6 tháng đầu năm", 6)], [("Học kỳ I", 6)]])
@pytest.mark.parametrize("word", MONTH_WORDS)
def test_months_under_periods_take_the_year_merged_over_them(tmp_path, year, periods, word):
    result = _parse(_register(tmp_path, [(year, 6)], periods, _months(word, range(1, 7))))
    assert result.records() == _expected(FIRST_HALF)
    assert result.year == 2026
    assert result.header_row == 5


def _parse(path):
    result = parse_file(path)
    assert result.kind == "attendance"
    assert result.errors == [] and result.warnings == []
    return result


def test_the_count_of_attendees_is_no_record_and_blank_months_give_none(tmp_path):
    result = _parse(_register(tmp_path, [("Năm 2026", 6)], [("Quý I", 3), ("Quý II", 3)], _months("T", range(1, 7))))
    frame = result.row_frame
    outcomes = {row: (outcome, count) for row, outcome, count in zip(frame["row"], frame["outcome"],
                                                                      frame["record_count"])}
    assert outcomes[6] == ("record", 6) and outcomes[7] == ("record", 3)
    assert outcomes[8][1] == 0
    assert [record["full_name"] for record in result.records()].count("Lê Đình Sáu") == 3


@pytest.mark.parametrize("year", ["Năm 2026", 2026])
@pytest.mark.parametrize("word", MONTH_WORDS)
def test_without_merges_each_year_is_carried_over_the_blank_cells_after_it(tmp_path, year, word):
    path = _register(tmp_path, [(year, 6)], [("Quý I", 3), ("Quý II", 3)], _months(word, range(1, 7)),
                     merged=False)
    assert _parse(path).records() == _expected(FIRST_HALF)


@pytest.mark.parametrize("merged", [True, False])
@pytest.mark.parametrize("labels", [("Năm 2025", "Năm 2026"), ("2025", "2026"), ("NĂM 2025", "NĂM 2026")])
def test_two_years_over_different_months_date_each_its_own(tmp_path, labels, merged):
    path = _register(tmp_path, [(labels[0], 3), (labels[1], 3)], [("Quý IV", 3), ("Quý I", 3)],
                     _months("T", [10, 11, 12, 1, 2, 3]), merged=merged)
    dates = ["2025-10-01", "2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01", "2026-03-01"]
    assert _parse(path).records() == _expected(dates)


def test_a_school_year_split_over_two_halves_dates_each_in_its_year(tmp_path):
    path = _register(tmp_path, [("Năm 2025", 4), ("Năm 2026", 2)], [("Học kỳ I", 6)],
                     _months("Th", [9, 10, 11, 12, 1, 2]), title="TỔNG HỢP SINH HOẠT CHI BỘ NĂM HỌC 2025 - 2026")
    dates = ["2025-09-01", "2025-10-01", "2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01"]
    assert _parse(path).records() == _expected(dates)


@pytest.mark.parametrize(("periods", "cell", "columns"), [
    ([("Quý II", 3), ("Quý I", 3)], "D4", ["D «T1» (tháng 1)", "E «T2» (tháng 2)", "F «T3» (tháng 3)"]),
    ([("Quý I", 3), ("Quý III", 3)], "G4", ["G «T4» (tháng 4)", "H «T5» (tháng 5)", "I «T6» (tháng 6)"]),
    ([("6 tháng cuối năm", 6)], "D4", ["D «T1» (tháng 1)"]),
])
@pytest.mark.parametrize("merged", [True, False])
def test_a_period_over_a_month_it_does_not_hold_refuses_the_file_naming_its_cell(tmp_path, periods, cell, columns,
                                                                                merged):
    path = _register(tmp_path, [("Năm 2026", 6)], periods, _months("T", range(1, 7)), merged=merged)
    with pytest.raises(ImportFileError) as refused:
        parse_file(path)
    message = refused.value.message
    assert message.startswith("Trang «Tong hop»: ô " + cell)
    assert all(column in message for column in columns)
    assert "không thuộc quý" in message


def test_a_title_year_other_than_the_header_year_is_warned_and_the_header_wins(tmp_path):
    path = _register(tmp_path, [("Năm 2026", 6)], [("Quý I", 3), ("Quý II", 3)], _months("T", range(1, 7)),
                     title="TỔNG HỢP THEO DÕI SINH HOẠT CHI BỘ NĂM 2025")
    result = parse_file(path)
    assert result.errors == []
    assert result.records() == _expected(FIRST_HALF)
    assert result.year == 2026
    assert [warning["message"] for warning in result.warnings] == [
        "Trang «Tong hop»: tiêu đề ghi năm 2025 nhưng dòng tiêu đề trên các cột tháng ghi năm 2026: lấy năm ghi "
        "trên các cột tháng"]


def test_the_same_year_in_the_title_and_the_header_says_nothing(tmp_path):
    path = _register(tmp_path, [("Năm 2026", 6)], [("Quý I", 3), ("Quý II", 3)], _months("T", range(1, 7)),
                     title="TỔNG HỢP THEO DÕI SINH HOẠT CHI BỘ NĂM 2026")
    assert _parse(path).records() == _expected(FIRST_HALF)


def test_the_nearest_year_wins_over_a_farther_one_with_a_warning(tmp_path):
    path = _register(tmp_path, [("Năm 2025", 6)], [("Quý I/2026", 3), ("Quý II/2026", 3)], _months("T", range(1, 7)))
    result = parse_file(path)
    assert result.errors == []
    assert result.records() == _expected(FIRST_HALF)
    assert [warning["message"] for warning in result.warnings] == [
        "Trang «Tong hop»: ô D4 ghi năm 2026 trên cột tháng D (và 5 cột khác), nhưng ô D3 phía trên ghi năm 2025: "
        "đã lấy năm 2026 ghi gần cột tháng nhất, xin kiểm tra lại"]


def test_the_cells_above_a_column_stop_at_its_label_row():
    rows = [["TT", "Họ và tên", "Năm 2026", None, None, None, "Ghi chú"],
            [None, None, "Quý I", None, "Quý II", None, None],
            [None, None, "T2", "T3", "T4", "T5", None],
            [1, "Lê Văn An", "x", "x", "x", "x", None]]
    table = locate_table(rows, "S", HEADER_SPECS)
    above = cells_above(table, rows)
    assert above[0] == [] and above[6] == []
    assert [(cell.row, cell.col, cell.text) for cell in above[3]] == [(1, 2, "Quý I"), (0, 2, "Năm 2026")]
    assert [(cell.row, cell.col, cell.text) for cell in above[5]] == [(1, 4, "Quý II"), (0, 2, "Năm 2026")]
    assert misplaced_months(table, rows, table.dates) == []
    rows[1][4] = "Quý III"
    assert [(cell.text, col, month) for cell, col, month in misplaced_months(table, rows, table.dates)] == [
        ("Quý III", 4, 4), ("Quý III", 5, 5)]
