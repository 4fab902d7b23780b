"""Registers whose extra lines are no one's records: a member's name with a footnote mark ("Lê Hoa (*)") is the
member (also across the header of a transposed register), a column of marks whose header reads as no name is
warned about, never lost silently; a "Cộng … Có mặt 8/9 đ/c" line after each meeting of a long register and a row
of counts under a label ("Số lượt có mặt") are totals lines, skipped with their reason (b32_08, b32_10, b32_12)."""
import datetime as dt

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.normalising import normalise_name

PEOPLE = ["Hoàng Thị Dịu", "Triệu Minh Toàn (*)", "Lương Văn Tuân", "Ma Văn Tiến (*)"]
MARKS = [["x", "P", "x", None], ["x", "M", "K", "x"], ["P", "x", "x", "x"]]
STATUS = {"x": "present", "P": "excused", "K": "absent", "M": "late"}
LEGEND = "Ghi chú: x: có mặt; P: vắng có phép; K: vắng không phép; M: đi muộn."


@pytest.mark.parametrize(("written", "name"), [
    ("Triệu Minh Toàn (*)", "Triệu Minh Toàn"), ("Lê Hoa*", "Lê Hoa"), ("LÊ HOA (**)", "Lê Hoa"),
    ("Lê Hoa (1)", "Lê Hoa (1)"),
])
def test_a_footnote_mark_is_no_part_of_a_name(written, name):
    assert normalise_name(written) == name


def _transposed(people):
    rows = [["ĐẢNG BỘ XÃ NÀ GIÀNG"], ["CHI BỘ XÓM LŨNG PẢNG"], ["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], [],
            ["Ngày sinh hoạt", "Họ và tên đảng viên", None, None, None, "Số đ/c có mặt", "Nội dung"],
            [None, *people]]
    for month, marks in enumerate(MARKS, 1):
        rows.append([dt.datetime(2025, month, 8), *marks, sum(m in ("x", "M") for m in marks), "Thường kỳ"])
    return rows + [[], [LEGEND], ["(*) Đảng viên Đồn Biên phòng sinh hoạt theo Quy chế phối hợp."]]


def test_transposed_members_with_a_footnote_mark_are_read(tmp_path):
    result = parse_file(write_sheet(tmp_path / "t.xlsx", _transposed(PEOPLE), merges=["B5:E5"]))
    assert result.kind == "attendance" and result.errors == []
    got = {(r["full_name"], r["date"], r["status"]) for r in result.records()}
    assert got == {(name.replace(" (*)", ""), f"2025-{month:02d}-08", STATUS[mark])
                   for month, marks in enumerate(MARKS, 1) for name, mark in zip(PEOPLE, marks) if mark}


def test_a_column_of_marks_under_no_name_is_warned_about(tmp_path):
    people = [PEOPLE[0], "Triệu Minh Toàn - Đồn BP", PEOPLE[2], PEOPLE[3]]
    result = parse_file(write_sheet(tmp_path / "t.xlsx", _transposed(people), merges=["B5:E5"]))
    assert {r["full_name"] for r in result.records()} == {"Hoàng Thị Dịu", "Lương Văn Tuân", "Ma Văn Tiến"}
    warned = [w for w in result.warnings if w["column"] == "C" and "chưa được nhập" in w["message"]]
    assert len(warned) == 1 and "C7, C8, C9" in warned[0]["message"]


def _long_register():
    rows = [["ĐẢNG BỘ XÃ NÀ GIÀNG"], ["TỔNG HỢP ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025"], [],
            ["Ngày sinh hoạt", "Chi bộ", "STT", "Họ và tên đảng viên", "Tình hình dự họp", "Ghi chú"]]
    merges, names = [], ["Hoàng Thanh Lưu", "Lâm Văn Bằng", "Lục Thị Hạnh"]
    statuses = [["Có mặt", "Vắng có phép", "Có mặt"], ["Đến muộn", "Có mặt", "Có mặt"]]
    for month, meeting in enumerate(statuses, 1):
        first = len(rows) + 1
        for number, (name, status) in enumerate(zip(names, meeting), 1):
            rows.append([dt.datetime(2025, month, 9) if number == 1 else None,
                         "Chi bộ Xóm Nặm Rằng" if number == 1 else None, number, name, status])
        merges += [f"A{first}:A{first + 2}", f"B{first}:B{first + 2}", f"A{first + 3}:D{first + 3}"]
        present = sum(status != "Vắng có phép" for status in meeting)
        rows.append(["Cộng", None, None, None, f"Có mặt {present}/3 đ/c"])
    return rows + [[], [None, None, None, "NGƯỜI TỔNG HỢP"]], merges


def test_a_totals_line_after_each_meeting_is_skipped(tmp_path):
    rows, merges = _long_register()
    result = parse_file(write_sheet(tmp_path / "l.xlsx", rows, merges=merges))
    assert result.errors == []
    assert not any("Cộng" in str(w["value"]) or "Có mặt 2/3" in str(w["value"]) for w in result.warnings)
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == [
        ("Hoàng Thanh Lưu", "2025-01-09", "present"), ("Lâm Văn Bằng", "2025-01-09", "excused"),
        ("Lục Thị Hạnh", "2025-01-09", "present"), ("Hoàng Thanh Lưu", "2025-02-09", "late"),
        ("Lâm Văn Bằng", "2025-02-09", "present"), ("Lục Thị Hạnh", "2025-02-09", "present")]
    frame = result.row_frame
    assert set(frame[frame["row"].isin([8, 12])]["reason"]) <= {"dòng cộng giữa bảng, không phải người"}
    assert not any(w["column"] == "D" and "đã lấy tên" in w["message"] for w in result.warnings)


@pytest.mark.parametrize("label", ["Số lượt có mặt", "Số người dự", "Cộng"])
def test_a_row_of_counts_under_a_label_is_a_totals_line(tmp_path, label):
    rows = [["CHI BỘ THÔN ĐÔNG"], ["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], [],
            ["STT", "Họ và tên", "T1", "T2", "T3", "Cộng"],
            [1, "Lê Văn An", "X", "K", "X", 2], [2, "Võ Thị Hà", "X", "X", "X", 3], [3, "Đỗ Minh", "P", "X", "X", 2],
            [None, label, 2, 2, 3], [], ["Ghi chú: X - có mặt; P - vắng có phép; K - vắng không phép"]]
    result = parse_file(write_sheet(tmp_path / "w.xlsx", rows))
    assert result.errors == []
    assert len(result.records()) == 9
    skipped = result.row_frame[result.row_frame["row"] == 8]
    assert list(skipped["outcome"]) in (["skipped"], [])
