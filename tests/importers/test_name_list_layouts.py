"""Registers listing names inside status columns, one row per meeting (generated): one record per name and
meeting with that column's status; a name twice in one meeting is refused naming the row; a given name written
alone is completed only from the one full name the file lists for it, else kept and warned about."""

import datetime as dt

import pytest
from layouts import name_lists
from layouts.sheet import Sheet
from layouts.writers import write_one_sheet

from importers import parse_file
from importers.name_lists import split_names

SEEDS = range(30)


def _write(tmp_path, sheet, is_csv):
    return write_one_sheet(tmp_path, "register", sheet, is_csv)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_register_of_name_lists_is_read_exactly(tmp_path, seed):
    is_csv = seed % 3 == 0
    sheet, expected = name_lists.build(seed, is_csv)
    result = parse_file(_write(tmp_path, sheet, is_csv))
    assert result.kind == "attendance"
    assert result.records() == expected
    assert result.errors == []
    assert result.warnings == []
    assert any(item["what"] == "Bố cục" for item in result.inferences)


@pytest.mark.parametrize("cell, names", [
    ("Đ/c An, Đ/c Bình; Cường", ["An", "Bình", "Cường"]),
    ("1. Nguyễn Văn An\n2. Trần Thị Bình", ["Nguyễn Văn An", "Trần Thị Bình"]),
    ("Đồng chí Lê Văn Cường ;  Phạm Thị Dung.", ["Lê Văn Cường", "Phạm Thị Dung"]),
    ("- Hoàng Văn Em\n- Ngô Thị Hà", ["Hoàng Văn Em", "Ngô Thị Hà"]),
    (None, []),
])
def test_names_are_split_at_commas_semicolons_and_line_breaks(cell, names):
    assert split_names(cell) == names


def _register(tmp_path, rows, header=("Ngày họp", "Có mặt", "Vắng có phép", "Vắng không phép", "Đi muộn")):
    sheet = Sheet("SHCB", width=len(header))
    for row in [["CHI BỘ KHU PHỐ 3"], ["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], [], list(header)] + rows:
        sheet.add(row)
    return parse_file(_write(tmp_path, sheet, False))


def test_a_name_twice_in_one_meeting_is_refused_naming_the_row(tmp_path):
    result = _register(tmp_path, [
        [dt.datetime(2025, 1, 6), "Nguyễn Văn An, Trần Thị Bình", None, "Nguyễn Văn An", None],
        [dt.datetime(2025, 2, 3), "Nguyễn Văn An; Trần Thị Bình; Trần Thị Bình", None, None, None]])
    assert [(r["full_name"], r["date"]) for r in result.records()] == [("Trần Thị Bình", "2025-01-06"),
                                                                       ("Nguyễn Văn An", "2025-02-03")]
    assert [(e["row"], e["column"]) for e in result.errors] == [(5, "B"), (6, "B")]
    assert "Nguyễn Văn An" in result.errors[0]["message"] and "«Vắng không phép»" in result.errors[0]["message"]
    assert "2 lần" in result.errors[1]["message"]


def test_given_names_alone_are_kept_and_warned_about_when_the_file_lists_no_full_name(tmp_path):
    result = _register(tmp_path, [[dt.datetime(2025, 1, 6), "Đ/c An, Đ/c Bình; Cường", "Dung", None, None],
                                  [dt.datetime(2025, 2, 3), "An, Bình", None, "Cường", "Dung"]])
    assert [r["full_name"] for r in result.records()] == ["An", "Bình", "Cường", "Dung", "An", "Bình", "Cường",
                                                          "Dung"]
    assert result.errors == []
    assert any("một chữ" in w["message"] for w in result.warnings)


def test_a_given_name_alone_is_completed_from_the_one_full_name_listed(tmp_path):
    result = _register(tmp_path, [
        [dt.datetime(2025, 1, 6), "Nguyễn Văn An, Trần Thị Bình, Lê Thị Bình", None, None, None],
        [dt.datetime(2025, 2, 3), "An, Bình", None, None, None]])
    assert [r["full_name"] for r in result.records()][3:] == ["Nguyễn Văn An", "Bình"]
    messages = [w["message"] for w in result.warnings]
    assert any("«An»" in m and "«Nguyễn Văn An»" in m and "B6" in m for m in messages)
    assert any("một chữ" in m for m in messages)  # two people are called Bình: kept as written


def test_a_chi_bo_column_gives_each_meeting_its_unit(tmp_path):
    result = _register(tmp_path, [[dt.datetime(2025, 1, 6), "Nguyễn Văn An", "Trần Thị Bình", "Chi bộ Thôn 1"],
                                  [dt.datetime(2025, 1, 7), "Lê Văn Cường", None, "Chi bộ Thôn 2"]],
                       header=("Ngày sinh hoạt", "Đồng chí dự họp", "Đồng chí vắng", "Chi bộ"))
    assert [(r["full_name"], r["status"], r["unit"]) for r in result.records()] == [
        ("Nguyễn Văn An", "present", "Chi bộ Thôn 1"), ("Trần Thị Bình", "absent", "Chi bộ Thôn 1"),
        ("Lê Văn Cường", "present", "Chi bộ Thôn 2")]


def test_ticks_under_status_headings_are_no_name_lists(tmp_path):
    result = _register(tmp_path, [["Nguyễn Văn An", dt.datetime(2025, 1, 6), "x", None],
                                  ["Trần Thị Bình", dt.datetime(2025, 1, 6), None, "x"]],
                       header=("Họ và tên", "Ngày họp", "Có mặt", "Vắng"))
    assert [(r["full_name"], r["status"]) for r in result.records()] == [("Nguyễn Văn An", "present"),
                                                                         ("Trần Thị Bình", "absent")]


def test_cells_saying_nobody_give_no_record_and_words_for_everyone_are_refused(tmp_path):
    result = _register(tmp_path, [
        [dt.datetime(2025, 1, 6), "Nguyễn Văn An, Trần Thị Bình (đến muộn 10 phút)", "Không", "0", "-"],
        [dt.datetime(2025, 2, 3), "Tất cả", None, None, None],
        [dt.datetime(2025, 3, 3), "Nguyễn Văn An, 12 đồng chí", "Lê Văn Cường (ốm)", None, None]])
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == [
        ("Nguyễn Văn An", "2025-01-06", "present"), ("Trần Thị Bình", "2025-01-06", "present"),
        ("Nguyễn Văn An", "2025-03-03", "present"), ("Lê Văn Cường", "2025-03-03", "excused")]
    assert [(e["row"], e["column"]) for e in result.errors] == [(6, "B"), (7, "B")]
    assert "Tất cả" in result.errors[0]["message"] and "12 đồng chí" in result.errors[1]["message"]
    late = [w for w in result.warnings if "đến muộn 10 phút" in w["message"]]
    assert [(w["row"], w["column"]) for w in late] == [(5, "B")]  # the column says present: read so, warned


def test_a_meeting_over_two_rows_with_its_date_merged_down_is_one_meeting(tmp_path):
    sheet = Sheet("SHCB", width=3)
    for row in [["CHI BỘ THÔN 5"], ["THEO DÕI SINH HOẠT NĂM 2025"], ["Ngày họp", "Đồng chí dự họp", "Đồng chí vắng"],
                [dt.datetime(2025, 1, 6), "Nguyễn Văn An, Trần Thị Bình", "Lê Văn Cường"],
                [None, "Phạm Thị Dung", None]]:
        sheet.add(row)
    sheet.merge(3, 0, 4, 0)
    result = parse_file(_write(tmp_path, sheet, False))
    assert [(r["full_name"], r["date"]) for r in result.records()] == [
        ("Nguyễn Văn An", "2025-01-06"), ("Trần Thị Bình", "2025-01-06"), ("Lê Văn Cường", "2025-01-06"),
        ("Phạm Thị Dung", "2025-01-06")]
