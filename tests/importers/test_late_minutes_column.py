"""A long register writing the minutes late beside the status ("Muộn (phút)": 10, 20): present with minutes is late,
0 or blank leaves the status, minutes on an absence or a non-number refuse the row naming the cell; and a column of
small numbers under a header naming something is warned as unused, numbering and counts staying quiet."""

import datetime as dt

import pytest
from sheet_files import write_sheet

from importers import parse_file

NOTE = ("Chi bộ Thôn 5 - theo dõi sinh hoạt chi bộ năm 2025. Cột Điểm danh: Có mặt / Vắng có phép / Vắng không "
        "phép. Đồng chí đến muộn vẫn ghi \"Có mặt\" và ghi số phút muộn vào cột bên cạnh.")
PEOPLE = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Giang"]


def _rows(header, minutes, statuses=None, note=NOTE):
    statuses = statuses or ["Có mặt", "Có mặt", "Vắng có phép", "Có mặt", "Vắng không phép", "Có mặt"]
    rows = [[note, None, None, None, None], ["Ngày họp", "Họ và tên", "Điểm danh", header, "Ghi chú"]]
    for day in (dt.datetime(2025, 1, 4), dt.datetime(2025, 2, 8)):
        rows += [[day, name, status, late, None] for name, status, late in zip(PEOPLE, statuses, minutes)]
    return rows


def _statuses(result):
    return [record["status"] for record in result.records()]


@pytest.mark.parametrize("header", ["Muộn (phút)", "Đến muộn (phút)", "Số phút muộn", "Đi trễ (phút)",
                                    "Phút đến muộn", "Số phút đến muộn"])
def test_present_with_minutes_is_late(tmp_path, header):
    rows = _rows(header, [20, 0, None, "10'", None, "5 phút"])
    result = parse_file(write_sheet(tmp_path / "late.xlsx", rows))
    assert result.errors == []
    assert next(c["field"] for c in result.columns_as_dicts() if c["header"] == header) == "late_minutes"
    assert _statuses(result) == ["late", "present", "excused", "late", "absent", "late"] * 2
    assert not [w for w in result.warnings if "chưa dùng" in w["message"]]
    assert {record["unit"] for record in result.records()} == {"Chi bộ Thôn 5"}


@pytest.mark.parametrize("status", ["Vắng có phép", "Vắng không phép", None])
def test_minutes_on_an_absence_refuse_the_row_naming_the_cell(tmp_path, status):
    rows = _rows("Muộn (phút)", [20, None, None, None, 15, None],
                 statuses=["Có mặt", "Có mặt", "Vắng có phép", "Có mặt", status, "Có mặt"])
    result = parse_file(write_sheet(tmp_path / "late.xlsx", rows))
    assert {(error["row"], error["column"]) for error in result.errors} == {(7, "D"), (13, "D")}
    assert all("mâu thuẫn" in error["message"] and f"D{error['row']}" in error["message"] for error in result.errors)
    assert result.record_count == 10
    assert _statuses(result)[:5] == ["late", "present", "excused", "present", "present"]


@pytest.mark.parametrize("value", ["mười", "20 giờ", -5, 10.5, "x", "19h30"])
def test_a_non_number_of_minutes_is_refused_naming_the_cell(tmp_path, value):
    rows = _rows("Muộn (phút)", [value, None, None, None, None, None])
    result = parse_file(write_sheet(tmp_path / "late.xlsx", rows))
    assert {(error["row"], error["column"]) for error in result.errors} == {(3, "D"), (9, "D")}
    assert "D3" in result.errors[0]["message"] and "số phút" in result.errors[0]["message"]
    assert result.record_count == 10


def test_small_numbers_under_a_header_naming_something_are_warned_unused(tmp_path):
    rows = _rows("Điểm thi đua", [20, 10, None, 5, None, 15])
    result = parse_file(write_sheet(tmp_path / "unused.xlsx", rows))
    assert [w["column"] for w in result.warnings if "chưa dùng" in w["message"]] == ["D"]


@pytest.mark.parametrize("header, values", [
    ("STT", [1, 2, 3, 4, 5, 6]),
    ("No.", [1, 2, 3, 4, 5, 6]),
    ("Số buổi", [3, 2, 1, 3, 2, 3]),
    ("Tổng", [3, 2, 1, 3, 2, 3]),
    ("Cộng", [3, 2, 1, 3, 2, 3]),
    ("Thứ tự", [1, 2, 3, 4, 5, 6]),
])
def test_numbering_and_counts_stay_quiet(tmp_path, header, values):
    rows = _rows(header, values)
    result = parse_file(write_sheet(tmp_path / "quiet.xlsx", rows))
    assert not [w for w in result.warnings if "chưa dùng" in w["message"]]


LONG_TAIL = (" Cột Điểm danh: Có mặt / Vắng có phép / Vắng không phép. Đồng chí đến muộn vẫn ghi \"Có mặt\" và ghi số "
             "phút muộn vào cột \"Muộn (phút)\" (tính là đến muộn), kể cả khi họp lùi sang tuần sau.")


def test_a_long_note_line_opening_with_its_chi_bo_names_the_unit(tmp_path):
    note = "Chi bộ plói Tơ Nghe - theo dõi sinh hoạt chi bộ năm 2025." + LONG_TAIL
    assert len(note) > 200
    result = parse_file(write_sheet(tmp_path / "unit.xlsx", _rows("Muộn (phút)", [20] + [None] * 5, note=note)))
    assert {record["unit"] for record in result.records()} == {"Chi bộ plói Tơ Nghe"}


@pytest.mark.parametrize("note", [
    "Theo dõi sinh hoạt chi bộ năm 2025." + LONG_TAIL + " Chi bộ Thôn 9 - sinh hoạt ghép từ tháng 3.",
    "Chi bộ Thôn 9 - theo dõi sinh hoạt chi bộ năm 2025, " + "cột Điểm danh ghi rõ từng buổi, " * 6 + "hết.",
])
def test_a_long_note_line_names_no_unit_from_its_later_sentences(tmp_path, note):
    assert len(note) > 200
    result = parse_file(write_sheet(tmp_path / "unit.xlsx", _rows("Muộn (phút)", [20] + [None] * 5, note=note)))
    assert {record["unit"] for record in result.records()} == {None}


def test_a_numbered_label_stays_quiet(tmp_path):
    rows = _rows("Đoàn CT số", [2, 2, 2, 2, 2, 2])
    result = parse_file(write_sheet(tmp_path / "quiet.xlsx", rows))
    assert not [w for w in result.warnings if "chưa dùng" in w["message"]]
