"""A register whose header is a row of months ('Tháng 1 | Tháng 2 | Tháng 3', 'T1', 'Th1', 'Tháng 1/2026') over a
row giving each meeting's day as offices word it ('ngày 05', 'Ngày 5', 'ng. 05', '05', 5, '(5)', '5/1', 'SH ngày
03'), the year from the title or the tab: each meeting is dated that day of its month, the day row is header, never
a person's row. A day the month lacks, a day/month of another month, a blank day over marks, or no year anywhere
refuse the file naming the cell; a blank day over a blank column is a month not met yet (``importers.day_texts``)."""

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.day_texts import day_text, is_day_row
from importers.errors import ImportFileError

PEOPLE = ["Chau Sóc Khanh", "Néang Sa Rươne", "Lâm Thị Thu", "Trần Văn Hùng"]
STATUS = {"C": "present", "P": "excused", "K": "absent", "T": "late"}
CYCLE = ["C", "C", "P", "C", "K", "T", "C"]
TITLE = "SỔ THEO DÕI SINH HOẠT CHI BỘ - QUÝ I NĂM 2026"
LEGEND = "Ký hiệu: C - có mặt; P - vắng có phép; K - vắng không phép; T - đến muộn"


def _marks(person: int, count: int) -> list[str]:
    return [CYCLE[(2 * person + month) % len(CYCLE)] for month in range(count)]


def _register(months: list, days: list, *, title: str = TITLE, merged: bool = True,
              marks: list[list] | None = None) -> tuple[list, list]:
    """Rows and merges: a title block, the months (row 6) over the days (row 7), a person a row from row 8."""
    width = len(months)
    rows = [["ĐẢNG BỘ XÃ TRI TÔN"], ["Chi bộ ấp Sóc Tức"], [], [title], [],
            ["STT", "Họ và tên", "Chức vụ trong chi bộ", *months, "Ghi chú"],
            [None, None, None, *days, None]]
    for person, name in enumerate(PEOPLE):
        own = marks[person] if marks else _marks(person, width)
        rows.append([person + 1, name, "Đảng viên", *own, None])
    rows += [[], [LEGEND]]
    last = chr(ord("D") + width)
    merges = [f"{col}6:{col}7" for col in f"ABC{last}"] if merged else []
    return rows, merges


def _expected(dates: list[str | None], marks: list[list] | None = None) -> list[tuple[str, str, str]]:
    expected = []
    for person, name in enumerate(PEOPLE):
        own = marks[person] if marks else _marks(person, len(dates))
        expected += [(name, date, STATUS[mark]) for date, mark in zip(dates, own) if date and mark]
    return sorted(expected)


def _read(tmp_path, rows, merges, tab=None):
    result = parse_file(write_sheet(tmp_path / "r.xlsx", rows, merges=merges, title=tab))
    assert result.kind == "attendance"
    assert result.errors == []
    return sorted((r["full_name"], r["date"], r["status"]) for r in result.records()), result


def _refusal(tmp_path, rows, merges) -> str:
    with pytest.raises(ImportFileError) as raised:
        parse_file(write_sheet(tmp_path / "r.xlsx", rows, merges=merges))
    return raised.value.message


QUARTER_ONE = ["2026-01-05", "2026-02-05", "2026-03-03"]


@pytest.mark.parametrize("days", [
    ["ngày 05", "ngày 05", "ngày 03"],
    ["Ngày 5", "Ngày 5", "Ngày 3"],
    ["ng. 05", "ng. 05", "ng. 03"],
    ["05", "05", "03"],
    [5, 5, 3],
    ["(5)", "(5)", "(3)"],
    ["5/1", "5/2", "3/3"],
    ["ngày 05/01", "ngày 05/02", "ngày 03/03"],
    ["SH ngày 05", "SH ngày 05", "SH ngày 03"],
    ["Sinh hoạt ngày 5", "Họp ngày 5", "ngày 3 (CĐ)"],
])
@pytest.mark.parametrize("months", [
    ["Tháng 1", "Tháng 2", "Tháng 3"],
    ["T1", "T2", "T3"],
    ["Th1", "Th2", "Th3"],
    ["Tháng 1/2026", "Tháng 2/2026", "Tháng 3/2026"],
])
def test_each_month_is_dated_by_the_day_under_it(tmp_path, months, days):
    rows, merges = _register(months, days)
    got, result = _read(tmp_path, rows, merges)
    assert got == _expected(QUARTER_ONE)
    assert result.rows[0]["row"] == 8  # the day row is header: the first person is the first data row


@pytest.mark.parametrize("days", [["ngày 05", "ngày 05", "ngày 03"], ["(5)", "(5)", "(3)"], ["05", "05", "03"]])
def test_without_merges_the_day_row_is_still_header(tmp_path, days):
    rows, merges = _register(["Tháng 1", "Tháng 2", "Tháng 3"], days, merged=False)
    got, _ = _read(tmp_path, rows, merges)
    assert got == _expected(QUARTER_ONE)


def test_the_year_may_come_from_the_tab(tmp_path):
    rows, merges = _register(["Tháng 4", "Tháng 5", "Tháng 6"], ["ngày 06", "ngày 06", "ngày 08"],
                             title="SỔ THEO DÕI SINH HOẠT CHI BỘ - QUÝ II")
    got, _ = _read(tmp_path, rows, merges, tab="Quy II-2026")
    assert got == _expected(["2026-04-06", "2026-05-06", "2026-06-08"])


def test_two_months_with_worded_days(tmp_path):
    rows, merges = _register(["Tháng 11", "Tháng 12"], ["ngày 04", "SH ngày 09"],
                             title="SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025")
    got, _ = _read(tmp_path, rows, merges)
    assert got == _expected(["2025-11-04", "2025-12-09"])


def test_a_month_not_met_yet_leaves_its_day_and_column_blank(tmp_path):
    marks = [[mark, None, None] for mark in ("C", "P", "K", "T")]
    rows, merges = _register(["Tháng 4", "Tháng 5", "Tháng 6"], ["ngày 06", None, None],
                             title="SỔ THEO DÕI SINH HOẠT CHI BỘ - QUÝ II NĂM 2026", marks=marks)
    got, _ = _read(tmp_path, rows, merges)
    assert got == _expected(["2026-04-06", None, None], marks)


def test_a_blank_day_between_days_over_a_blank_column(tmp_path):
    marks = [[first, None, last] for first, last in (("C", "P"), ("K", "C"), ("C", "T"), ("P", "C"))]
    rows, merges = _register(["Tháng 1", "Tháng 2", "Tháng 3"], ["ngày 05", None, "ngày 03"], marks=marks)
    got, _ = _read(tmp_path, rows, merges)
    assert got == _expected(["2026-01-05", None, "2026-03-03"], marks)


@pytest.mark.parametrize(("days", "named"), [
    (["ngày 05", None, "ngày 03"], "ô E7 (tháng 2)"),
    (["ngày 05", None, None], "ô E7, F7 (tháng 2, 3)"),
    (["05", None, "03"], "ô E7 (tháng 2)"),
])
def test_a_blank_day_over_marks_is_refused_naming_the_cell(tmp_path, days, named):
    rows, merges = _register(["Tháng 1", "Tháng 2", "Tháng 3"], days)
    message = _refusal(tmp_path, rows, merges)
    assert f"để trống {named} trong khi" in message
    assert "điểm danh" in message


@pytest.mark.parametrize("day", ["ngày 31", "31", "(30)", "SH ngày 29"])
def test_a_day_the_month_lacks_is_refused_naming_the_cell(tmp_path, day):
    rows, merges = _register(["Tháng 1", "Tháng 2", "Tháng 3"], ["ngày 05", day, "ngày 03"])
    message = _refusal(tmp_path, rows, merges)
    assert "ô E7 ghi ngày" in message and "dưới tháng 2/2026" in message


def test_a_day_of_another_month_is_refused_naming_the_cell(tmp_path):
    rows, merges = _register(["Tháng 1", "Tháng 2", "Tháng 3"], ["5/1", "5/1", "3/3"])
    message = _refusal(tmp_path, rows, merges)
    assert "ô E7 ghi ngày họp «5/1» (tháng 1) dưới cột tháng 2" in message


def test_no_year_anywhere_is_refused_naming_the_day_cells(tmp_path):
    rows, merges = _register(["Tháng 1", "Tháng 2", "Tháng 3"], ["ngày 05", "ngày 05", "ngày 03"],
                             title="SỔ THEO DÕI SINH HOẠT CHI BỘ")
    message = _refusal(tmp_path, rows, merges)
    assert "D7, E7, F7" in message and "không biết năm" in message


def _numbered(days: list) -> tuple[list, list]:
    """'Tháng' merged over the month numbers 1 | 2 | 3 (row 6) over the days (row 7), a person a row from row 8."""
    rows = [["ĐẢNG BỘ PHƯỜNG TÂN PHÚ HÒA"], ["CHI BỘ KHU PHỐ 1"], [], ["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"],
            ["STT", "Họ và tên", "Tháng", None, None, "Ghi chú"],
            [None, None, 1, 2, 3, None],
            [None, None, *days, None]]
    for person, name in enumerate(PEOPLE):
        rows.append([person + 1, name, *_marks(person, 3), None])
    rows += [[], [LEGEND]]
    return rows, ["A5:A7", "B5:B7", "C5:E5", "F5:F7"]


@pytest.mark.parametrize("days", [["ngày 07", "ngày 04", "ngày 04"], ["(7)", "(4)", "(4)"], ["7/1", "4/2", "4/3"],
                                  ["SH ngày 07", "ng. 04", "04"]])
def test_worded_days_under_month_numbers(tmp_path, days):
    rows, merges = _numbered(days)
    got, _ = _read(tmp_path, rows, merges)
    assert got == _expected(["2025-01-07", "2025-02-04", "2025-03-04"])


def test_a_day_of_another_month_under_month_numbers_is_refused(tmp_path):
    rows, merges = _numbered(["7/1", "4/1", "4/3"])
    message = _refusal(tmp_path, rows, merges)
    assert "ô D7 ghi ngày họp «4/1» (tháng 1) dưới cột tháng 2" in message


@pytest.mark.parametrize(("cell", "expected"), [
    ("ngày 05", (5, None)), ("Ngày 5", (5, None)), ("ng. 05", (5, None)), ("05", (5, None)), (5, (5, None)),
    (5.0, (5, None)), ("(5)", (5, None)), ("5/1", (5, 1)), ("ngày 05/01", (5, 1)), ("SH ngày 03", (3, None)),
    ("Sinh hoạt ngày 3", (3, None)), ("ngày 5 (CĐ)", (5, None)), ("31", (31, None)),
    ("C", None), ("P", None), ("x", None), ("M15", None), ("32", None), (0, None), (True, None), ("5/13", None),
    ("Lần 1", None), ("ngày", None), (None, None), ("05/01/2026", None), ("12P", None),
])
def test_day_texts(cell, expected):
    assert day_text(cell) == expected


def test_a_persons_row_is_no_day_row():
    months = [None, None, 1, 2, 3]
    assert is_day_row([None, None, "ngày 05", None, "ngày 03"], months)
    assert is_day_row(["STT", "Họ và tên", 5, 5, 3], months, ["STT", "Họ và tên", "Tháng 1", "Tháng 2", "Tháng 3"])
    assert not is_day_row([1, "Nguyễn Văn An", 5, 12, 3], months)
    assert not is_day_row([None, None, "C", "P", "K"], months)
    assert not is_day_row([None, None, None, None, None], months)
    assert not is_day_row([None, "5", "5", "5", "3"], months)  # a day under no month
