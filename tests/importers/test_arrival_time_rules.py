"""Long registers that mark who came by the arrival time alone ('Giờ đến' 19h25 / 19:28 / 19g20 / 19 giờ 25) and keep
a 'Vắng' column for absences (có phép / không phép), with the lateness rule in a line of its own above the header or
below the table, in several wordings. Without a rule line the times decide nothing and the rows are reported."""

import csv
import datetime as dt

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.lateness_rules import is_late, is_rule_line, on_time_until

ROWS = [
    ("10/03/2025", "Phạm Văn Lộc", "{early}", ""),
    ("10/03/2025", "Đặng Thị Thu", "{exact}", ""),
    ("10/03/2025", "Lý Văn Hòa", "{late}", ""),
    ("10/03/2025", "Tô Thị Mến", "", "có phép"),
    ("10/03/2025", "Kiều Văn Sáu", "", "không phép"),
    ("08/04/2025", "Phạm Văn Lộc", "{late}", ""),
    ("08/04/2025", "Đặng Thị Thu", "{early}", ""),
]
EXPECTED = [
    ("Phạm Văn Lộc", "2025-03-10", "present"), ("Đặng Thị Thu", "2025-03-10", "present"),
    ("Lý Văn Hòa", "2025-03-10", "late"), ("Tô Thị Mến", "2025-03-10", "excused"),
    ("Kiều Văn Sáu", "2025-03-10", "absent"), ("Phạm Văn Lộc", "2025-04-08", "late"),
    ("Đặng Thị Thu", "2025-04-08", "present"),
]
TIMES = {  # early, exactly the start, late — in the forms registers write
    "h": ("19h20", "19h30", "19h45"), "colon": ("19:20", "19:30", "19:45"), "g": ("19g20", "19g30", "20g05"),
    "words": ("19 giờ 20", "19 giờ 30", "19 giờ 45"),
}


def _rows(rule: str | None, form: str, rule_below: bool = False) -> list[list]:
    early, exact, late = TIMES[form]
    body = [[date, name, time.format(early=early, exact=exact, late=late), absent]
            for date, name, time, absent in ROWS]
    top = [["Chi bộ Khu phố 7 - Đảng bộ phường An Lạc", None, None, None]]
    if rule and not rule_below:
        top.append([rule, None, None, None])
    bottom = [[None] * 4, [rule, None, None, None]] if rule and rule_below else []
    return top + [["Ngày họp", "Họ và tên", "Giờ đến", "Vắng"]] + body + bottom


def _csv(tmp_path, rows) -> str:
    path = tmp_path / "gio_den.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([["" if cell is None else cell for cell in row] for row in rows])
    return path


def _triples(result):
    return [(r["full_name"], r["date"], r["status"]) for r in result.records()]


RULES = [
    "Sinh hoạt bắt đầu 19h30; đến sau 19h30 tính là đi muộn; vắng ghi có phép / không phép",
    "Họp lúc 19:30, đến quá 19 giờ 30 là muộn",
    "Đi muộn từ 19h31 trở đi",
    "Sinh hoạt lúc 7h30 tối, đến sau 7h30 tối là đến trễ",
]


@pytest.mark.parametrize("rule", RULES)
@pytest.mark.parametrize("form", sorted(TIMES))
def test_a_time_is_present_or_late_by_the_rule_line_and_the_absence_column_gives_the_rest(tmp_path, rule, form):
    result = parse_file(_csv(tmp_path, _rows(rule, form)))
    assert result.kind == "attendance" and result.errors == []
    assert sorted(_triples(result)) == sorted(EXPECTED)
    assert not any("không có đánh dấu" in w["message"] for w in result.warnings)


def test_the_rule_below_the_table_in_a_workbook_is_read_too(tmp_path):
    rows = _rows("Ghi chú: sinh hoạt bắt đầu 19h30, đến sau 19h30 là đi muộn", "h", rule_below=True)
    path = write_sheet(tmp_path / "gio_den.xlsx", rows, title="Diem danh")
    result = parse_file(path)
    assert result.errors == [] and sorted(_triples(result)) == sorted(EXPECTED)


def test_without_a_rule_line_the_times_mark_nobody_and_the_rows_are_reported(tmp_path):
    result = parse_file(_csv(tmp_path, _rows(None, "h")))
    assert ("Phạm Văn Lộc", "2025-03-10", "present") not in _triples(result)
    assert ("Lý Văn Hòa", "2025-03-10", "late") not in _triples(result)
    assert any("không có đánh dấu" in w["message"] for w in result.warnings)


@pytest.mark.parametrize("notes, until", [
    (["Sinh hoạt bắt đầu lúc 19h30; đến sau 19h30 là đi muộn"], dt.time(19, 30)),
    (["Bắt đầu 19h30, đến sau 19h45 mới tính là đi muộn"], dt.time(19, 45)),  # a grace time
    (["quá 19 giờ 30 là muộn"], dt.time(19, 30)),
    (["muộn từ 19h31"], dt.time(19, 30)),
    (["từ 19g31 trở đi là đi trễ"], dt.time(19, 30)),
    (["Họp lúc 7h30 tối"], dt.time(19, 30)),
    (["Sinh hoạt bắt đầu 19:30"], dt.time(19, 30)),
    (["đến sau 19h30 là muộn", "đến sau 20h là muộn"], None),  # two rules: no answer
    (["Bắt đầu từ năm 2025"], None),
])
def test_the_last_on_time_arrival_the_notes_state(notes, until):
    assert on_time_until(notes) == until


def test_rule_lines_and_the_evening_clock():
    assert is_rule_line("Sinh hoạt bắt đầu 19h30; đến sau 19h30 tính là đi muộn")
    assert not is_rule_line("Sinh hoạt chi bộ bắt đầu 19h30")  # a start alone states no lateness rule
    assert not is_rule_line("Đảng viên đi muộn ghi M")
    assert is_late(dt.time(7, 45), dt.time(19, 30)) and not is_late(dt.time(7, 25), dt.time(19, 30))
    assert not is_late(dt.time(19, 30), dt.time(19, 30))
