"""An 'x' in one of several status columns ('Có mặt' | 'Vắng') under a merged header that only names the field
('Tình hình tham dự', 'Điểm danh', 'Tình trạng'): each column's own wording gives the status, the header over it
adds nothing (read together, 'Tình hình tham dự Có mặt' was no status and every row failed). A bare «Vắng» is
settled by the reason column as the note says, and "Đến muộn" written beside a presence tick is late."""

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.flag_marks import flag_wording
from importers.kinds.late_notes import says_late

NOTE = ('Ghi chú: Vắng có lý do thì ghi rõ lý do; để trống lý do là vắng không lý do. Đến muộn thì đánh dấu ở cột '
        'Có mặt và ghi "Đến muộn".')
PEOPLE = [("Lâm Hữu Long", "x", None, None), ("Cao Đức Tài", "x", None, "Đến muộn"),
          ("Hồ Thị Lài", None, "x", "Đi công tác"), ("Nguyễn Văn Dũng", None, "x", None),
          ("Lê Như Trí", "x", None, None), ("Nguyễn Xuân Hải", None, None, "Miễn sinh hoạt (tuổi cao)")]


def _meeting(tmp_path, parent="Tình hình tham dự", flags=("Có mặt", "Vắng"), note=NOTE, people=PEOPLE):
    rows = [["CHI BỘ TỔ DÂN PHỐ 24"], ["DANH SÁCH ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ"],
            ["Thời gian: 19 giờ 30, ngày 08/7/2025 – Địa điểm: Nhà văn hóa"], [],
            ["STT", "Họ và tên", parent, None, "Lý do vắng / Ghi chú"], [None, None, *flags, None]]
    rows += [[number, name, present, absent, reason] for number, (name, present, absent, reason) in
             enumerate(people, 1)]
    rows += [[], [note]] if note else []
    merges = ["C5:D5", "A5:A6", "B5:B6", "E5:E6"]
    return parse_file(write_sheet(tmp_path / "m.xlsx", rows, title="T7-2025", merges=merges))


@pytest.mark.parametrize("parent", ["Tình hình tham dự", "Điểm danh", "Tình trạng", "Tình hình dự họp"])
def test_flags_under_a_header_naming_the_status_field_read_by_their_own_wording(tmp_path, parent):
    result = _meeting(tmp_path, parent)
    assert result.kind == "attendance"
    assert result.errors == []
    statuses = {record["full_name"]: record["status"] for record in result.records()}
    assert statuses == {"Lâm Hữu Long": "present", "Cao Đức Tài": "late", "Hồ Thị Lài": "excused",
                        "Nguyễn Văn Dũng": "absent", "Lê Như Trí": "present"}
    assert {record["date"] for record in result.records()} == {"2025-07-08"}


def test_lateness_beside_a_presence_tick_without_a_note_is_a_warning(tmp_path):
    result = _meeting(tmp_path, note=None)
    assert {record["full_name"]: record["status"] for record in result.records()}["Cao Đức Tài"] == "late"
    assert any("hiểu là đến muộn" in warning["message"] for warning in result.warnings)


@pytest.mark.parametrize(("parent", "header", "wording"), [
    ("Tình hình tham dự", "Có mặt", "Có mặt"), ("Tình hình tham dự", "Vắng", "Vắng"),
    ("Vắng mặt", "Có lý do", "Có lý do"), ("Vắng", "P", "Vắng P"), ("Vắng", "Có", "Vắng Có"),
    ("Có mặt", "Có mặt", "Có mặt"),
])
def test_a_flag_column_s_wording_is_its_own_header_when_that_says_as_much(parent, header, wording):
    assert flag_wording(parent, header) == wording


@pytest.mark.parametrize(("cell", "late"), [("Đến muộn", True), ("Đi muộn 15 phút", True), ("muộn", True),
                                            ("Đến trễ", True), ("Nhắc nhở vì hay đến muộn", False), ("Ốm", False),
                                            (None, False), (15, False)])
def test_a_note_states_lateness_only_when_it_opens_with_it(cell, late):
    assert says_late(cell) is late
