"""Marks carrying a number in a wide register: the late mark with the minutes late ("M15", "M30'", "M 20'") is late;
a month cell holding the day of that month's meeting ("5" present on the 5th, "12P" excused at the meeting on the
12th) is dated that day. Read when the legend says so (else, for a consistent pattern, with a warning); numbers a
legend explains as codes stay codes; a day the month lacks, an unknown mark after a day and a number after a mark
other than late are refused with the cell named."""
import pytest
from sheet_files import write_sheet

from importers import parse_file

PEOPLE = ["Lò Văn Thắng", "Ma Thị Hoa", "Phàn Seo Lìn"]
HEADER = ["TT", "Họ và tên", "Chi bộ", "T1", "T2", "T3", "T4"]
UNIT = "Chi bộ thôn Na Lốc"
MINUTES_LEGEND = "Ký hiệu: x - có mặt; P - vắng có phép; K - vắng không phép; M kèm số phút (VD: M15) - đến muộn."
DAY_LEGENDS = [
    "Cách ghi: ghi NGÀY (số ngày trong tháng) của buổi sinh hoạt mà đồng chí dự; nếu vắng hoặc đến muộn thì ghi "
    "số ngày kèm ký hiệu: P = vắng có phép, K = vắng không phép, M = đi muộn.",
    "Ghi chú: ô ghi số ngày sinh hoạt trong tháng (ví dụ 12), kèm P nếu vắng có phép, K nếu vắng không phép, "
    "M nếu đến muộn.",
]


def _register(tmp_path, cells, *, below=(), above=()):
    rows = [["ĐẢNG ỦY XÃ PHA LONG"], ["THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], *[[line] for line in above], [],
            HEADER]
    rows += [[number, name, UNIT, *marks] for number, (name, marks) in enumerate(zip(PEOPLE, cells), 1)]
    rows += [[], *[[None, line] for line in below]]
    return parse_file(write_sheet(tmp_path / "r.xlsx", rows))


def _read(result):
    return [(r["full_name"], r["date"], r["status"]) for r in result.records()]


@pytest.mark.parametrize("late", ["M15", "M30'", "M 20'", "m10", "M 5 phút", "ĐM10"])
def test_the_late_mark_with_minutes_is_late(tmp_path, late):
    result = _register(tmp_path, [["x", late, "P", "x"], ["x", "x", "K", "x"], ["x", "x", "x", "x"]],
                       below=[MINUTES_LEGEND])
    assert result.errors == [] and not any("phút" in w["message"] for w in result.warnings)
    assert _read(result)[1] == (PEOPLE[0], "2025-02-01", "late")


def test_minutes_no_line_explains_are_read_with_a_warning(tmp_path):
    result = _register(tmp_path, [["x", "M15", "P", "x"], ["x", "x", "K", "x"], ["x", "x", "x", "x"]])
    assert result.errors == []
    assert _read(result)[1] == (PEOPLE[0], "2025-02-01", "late")
    assert any("M15" in w["message"] and "số phút" in w["message"] for w in result.warnings)


def test_a_number_after_another_mark_is_refused(tmp_path):
    result = _register(tmp_path, [["x", "P15", "P", "x"], ["x", "x", "K", "x"], ["x", "x", "x", "x"]],
                       below=[MINUTES_LEGEND])
    assert [e["column"] for e in result.errors] == ["E"]
    assert (PEOPLE[0], "2025-02-01", "excused") not in _read(result)


DAY_CELLS = [[21, "17P", "13M", 7], ["21K", 9, 17, "13 M"], [13, 25, 3, "10"]]
DAY_RECORDS = [
    (PEOPLE[0], "2025-01-21", "present"), (PEOPLE[0], "2025-02-17", "excused"),
    (PEOPLE[0], "2025-03-13", "late"), (PEOPLE[0], "2025-04-07", "present"),
    (PEOPLE[1], "2025-01-21", "absent"), (PEOPLE[1], "2025-02-09", "present"),
    (PEOPLE[1], "2025-03-17", "present"), (PEOPLE[1], "2025-04-13", "late"),
    (PEOPLE[2], "2025-01-13", "present"), (PEOPLE[2], "2025-02-25", "present"),
    (PEOPLE[2], "2025-03-03", "present"), (PEOPLE[2], "2025-04-10", "present"),
]


@pytest.mark.parametrize("legend", DAY_LEGENDS)
@pytest.mark.parametrize("where", ["above", "below"])
def test_a_day_in_a_month_cell_dates_the_meeting(tmp_path, legend, where):
    result = _register(tmp_path, DAY_CELLS, **{where: [legend]})
    assert result.errors == []
    assert _read(result) == DAY_RECORDS
    assert not any("số ngày" in w["message"] for w in result.warnings)


def test_days_no_line_explains_are_read_with_a_warning(tmp_path):
    result = _register(tmp_path, DAY_CELLS)
    assert result.errors == []
    assert _read(result) == DAY_RECORDS
    assert any("ngày của buổi sinh hoạt" in w["message"] for w in result.warnings)


def test_a_day_the_month_lacks_and_an_unknown_mark_are_refused(tmp_path):
    cells = [[21, "30P", "13M", 7], ["21K", 9, "17Z", 13], [13, 25, 3, 10]]
    result = _register(tmp_path, cells, below=[DAY_LEGENDS[0]])
    refused = {e["column"]: e["message"] for e in result.errors}
    assert set(refused) == {"E", "F"}
    assert "tháng 2/2025 không có ngày 30" in refused["E"] and "«Z»" in refused["F"]
    assert (PEOPLE[0], "2025-01-21", "present") in _read(result)


def test_a_mark_without_a_day_in_a_sheet_of_days_is_refused(tmp_path):
    cells = [[21, "x", "13M", 7], ["21K", 9, 17, 13], [13, 25, 3, 10]]
    result = _register(tmp_path, cells, below=[DAY_LEGENDS[0]])
    assert [e["column"] for e in result.errors] == ["E"]
    assert "không ghi ngày" in result.errors[0]["message"]


def test_numbers_a_legend_explains_as_codes_stay_codes(tmp_path):
    cells = [[1, 2, 3, 4], [1, 1, 2, 1], [4, 1, 1, 3]]
    legend = "Ghi chú: ghi số ngày là sai; ghi mã: 1 - có mặt; 2 - vắng có phép; 3 - vắng không phép; 4 - đến muộn"
    result = _register(tmp_path, cells, below=[legend])
    assert result.errors == []
    assert _read(result)[:4] == [(PEOPLE[0], "2025-01-01", "present"), (PEOPLE[0], "2025-02-01", "excused"),
                                 (PEOPLE[0], "2025-03-01", "absent"), (PEOPLE[0], "2025-04-01", "late")]


def test_unexplained_number_codes_are_never_read_as_days(tmp_path):
    result = _register(tmp_path, [[1, 2, 3, 4], [1, 1, 2, 1], [4, 1, 1, 3]])
    assert result.records() == []


def test_days_take_the_year_over_their_month(tmp_path):
    rows = [["ĐẢNG ỦY XÃ PHA LONG"], ["THEO DÕI SINH HOẠT CHI BỘ TỪ THÁNG 11/2025"], [DAY_LEGENDS[0]], [],
            ["TT", "Họ và tên", "Chi bộ", "Năm 2025", None, "Năm 2026", None],
            [None, None, None, "T11", "T12", "T1", "T2"],
            [1, PEOPLE[0], UNIT, 14, "12P", "29M", 9],
            [2, PEOPLE[1], UNIT, 14, 12, "29", "9K"]]
    result = parse_file(write_sheet(tmp_path / "r.xlsx", rows, merges=["D5:E5", "F5:G5", "A5:A6", "B5:B6",
                                                                       "C5:C6"]))
    assert result.errors == []
    assert _read(result) == [
        (PEOPLE[0], "2025-11-14", "present"), (PEOPLE[0], "2025-12-12", "excused"),
        (PEOPLE[0], "2026-01-29", "late"), (PEOPLE[0], "2026-02-09", "present"),
        (PEOPLE[1], "2025-11-14", "present"), (PEOPLE[1], "2025-12-12", "present"),
        (PEOPLE[1], "2026-01-29", "present"), (PEOPLE[1], "2026-02-09", "absent")]
