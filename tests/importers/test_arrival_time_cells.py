"""Wide registers whose cells hold arrival times (generated): a time is present, the letters the legend gives are
late or excused, and a blank cell is absent only when the legend says so ("để trống = vắng không phép"); a 'Tổ
đảng' column is no unit, the chi bộ comes from the capitalised heading line."""

import datetime as dt

import pytest
from layouts import arrival_times
from layouts.sheet import Sheet
from layouts.writers import write_by_seed, write_one_sheet

from importers import parse_file
from importers.clock_words import clock_time
from importers.legends import cell_rules, parse_legend

SEEDS = range(16)


def _write(tmp_path, sheet, seed):
    return write_by_seed(tmp_path, "register", sheet, seed, ("xlsx", "csv", "ods"))


@pytest.mark.parametrize("blank_rule", [True, False])
@pytest.mark.parametrize("seed", SEEDS)
def test_arrival_times_and_blanks_are_read_as_the_legend_says(tmp_path, seed, blank_rule):
    sheet, expected = arrival_times.build(seed, blank_rule)
    result = parse_file(_write(tmp_path, sheet, seed))
    assert (result.kind, result.header_row) == ("attendance", 5)
    assert result.errors == []
    assert result.records() == expected
    blanks_read = [w for w in result.warnings if "ô trống" in w["message"]]
    assert bool(blanks_read) == (blank_rule and any(r["status"] == "absent" for r in expected))


@pytest.mark.parametrize("text, rules", [
    ("Ghi chú: ghi giờ có mặt (VD: 19h30) = có mặt; M = đến muộn; P = vắng có phép; để trống = vắng không phép.",
     {"time": "present", "blank": "absent"}),
    ("Ký hiệu: 19h30 = có mặt, M: muộn, P: có phép", {"time": "present"}),
    ("Để trống: vắng không phép", {"blank": "absent"}),
    ("vắng có phép: bỏ trống", {"blank": "excused"}),
    ("Ghi chú: x - có mặt; P - vắng có phép; K - vắng không phép", {}),
    ("Ghi chú: x - có mặt đúng giờ; M - đến muộn (sau 19 giờ 30)", {}),
    ("Bảng kê trong năm: x = có mặt", {}),
])
def test_cell_rules_in_legends(text, rules):
    assert cell_rules([text]) == rules


def test_rule_items_give_no_marks():
    assert parse_legend("Ghi chú: ghi giờ có mặt (VD: 19h30) = có mặt; M = đến muộn; để trống = vắng không phép") \
        == {"m": "late"}


@pytest.mark.parametrize("value, ok", [("19h30", True), ("19:25", True), ("7h05", True), ("7h", True),
                                       ("P", False), ("x", False), ("25h10", False), ("19h75", False)])
def test_clock_times(value, ok):
    assert (clock_time(value) is not None) == ok


def _register(legend: str | None) -> Sheet:
    sheet = Sheet("Diem danh", width=5)
    for row in [["CHI BỘ THÔN 3"], ["ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025"], [],
                ["STT", "Họ và tên", "03/07/2025", "05/08/2025", "04/09/2025"],
                [1, "Nguyễn Văn An", "19h30", None, None], [2, "Trần Thị Bình", "P", "19:25", None],
                [3, "Lê Văn Cường", None, "19h20", None], [], [None, legend]]:
        sheet.add(row)
    return sheet


def test_without_a_blank_rule_blanks_are_no_record_and_unexplained_times_are_warned(tmp_path):
    result = parse_file(write_one_sheet(tmp_path, "register", _register("Ghi chú: P = vắng có phép"), False))
    assert result.errors == []
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == [
        ("Nguyễn Văn An", "2025-07-03", "present"), ("Trần Thị Bình", "2025-07-03", "excused"),
        ("Trần Thị Bình", "2025-08-05", "present"), ("Lê Văn Cường", "2025-08-05", "present")]
    assert any("ô ghi giờ" in w["message"] for w in result.warnings)


def test_a_blank_rule_leaves_a_meeting_column_without_any_mark_alone(tmp_path):
    sheet = _register("Ghi chú: ghi giờ đến = có mặt; P = vắng có phép; để trống = vắng không phép")
    result = parse_file(write_one_sheet(tmp_path, "register", sheet, False))
    assert result.errors == []
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == [
        ("Nguyễn Văn An", "2025-07-03", "present"), ("Nguyễn Văn An", "2025-08-05", "absent"),
        ("Trần Thị Bình", "2025-07-03", "excused"), ("Trần Thị Bình", "2025-08-05", "present"),
        ("Lê Văn Cường", "2025-07-03", "absent"), ("Lê Văn Cường", "2025-08-05", "present")]
    assert not any("ô ghi giờ" in w["message"] for w in result.warnings)


def test_an_arrival_after_the_noted_start_is_late_with_a_warning(tmp_path):
    sheet = _register("Ghi chú: sinh hoạt bắt đầu 19h30; ghi giờ đến = có mặt; P = vắng có phép")
    sheet.rows[4][2] = "19h45"
    result = parse_file(write_one_sheet(tmp_path, "register", sheet, False))
    assert result.errors == []
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()][:2] == [
        ("Nguyễn Văn An", "2025-07-03", "late"), ("Trần Thị Bình", "2025-07-03", "excused")]
    assert any("đến muộn" in w["message"] and "19:30" in w["message"] for w in result.warnings)


def test_a_row_without_any_mark_is_reported_not_read_as_absent(tmp_path):
    sheet = _register("Ghi chú: ghi giờ đến = có mặt; P = vắng có phép; để trống = vắng không phép")
    sheet.rows.insert(7, [4, "Phạm Văn Dũng", None, None, None])
    result = parse_file(write_one_sheet(tmp_path, "register", sheet, False))
    assert result.errors == []
    assert "Phạm Văn Dũng" not in {r["full_name"] for r in result.records()}
    assert any("Phạm Văn Dũng" in w["message"] for w in result.warnings)


@pytest.mark.parametrize("legend, status", [
    ("Ghi chú: x - có mặt; P - vắng có phép; để trống - vắng không phép", "absent"),
    ("Ghi chú: x - có mặt; P - vắng có phép", None),
])
def test_a_long_register_reads_blanks_as_its_legend_says(tmp_path, legend, status):
    sheet = Sheet("Diem danh", width=4)
    for row in [["CHI BỘ THÔN 3"], ["ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025"], [],
                ["STT", "Họ và tên", "Ngày sinh hoạt", "Điểm danh"],
                [1, "Nguyễn Văn An", "03/07/2025", "x"], [2, "Trần Thị Bình", "03/07/2025", None],
                [3, "Lê Văn Cường", "03/07/2025", "P"], [], [None, legend]]:
        sheet.add(row)
    result = parse_file(write_one_sheet(tmp_path, "register", sheet, False))
    assert result.errors == []
    read = {r["full_name"]: r["status"] for r in result.records()}
    assert read.get("Trần Thị Bình") == status and read["Lê Văn Cường"] == "excused"


@pytest.mark.parametrize("value, expected", [
    ("7.05", dt.time(7, 5)), ("7h30 tối", dt.time(19, 30)), ("19 giờ 30 phút", dt.time(19, 30)),
    ("19g30", dt.time(19, 30)), ("19:30", dt.time(19, 30)), ("5/12", None), ("19 30", None), ("7h30 mai", None),
])
def test_clock_time_values(value, expected):
    assert clock_time(value) == expected
