"""Transposed registers with a second header row under the names (posts or chi bộ) and a count column beside the
people ('Có mặt' over the number present at each meeting)."""

import datetime as dt

import pytest

from importers import parse_file
from tests.workbooks import write_workbook

NAMES = ["Nguyễn Duy Lộc", "Lê Diệu Nhung", "Đỗ Văn Kha"]
MARKS = [["x", "VP", "x"], ["x", "x", "VK"], ["Tr", "x", None]]
DATES = [dt.datetime(2025, 1, 10), dt.datetime(2025, 2, 7), dt.datetime(2025, 3, 7)]
LEGEND = "Ký hiệu: x = có mặt; VP = vắng có phép; VK = vắng không phép; Tr = đến trễ."


def register(under_names, count_label="Có mặt"):
    rows = [["ĐẢNG BỘ PHƯỜNG AN HÒA"], ["CHI BỘ KHU PHỐ 3"], [], ["ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025"], [],
            ["Buổi", "Ngày sinh hoạt", *NAMES, count_label], [None, None, *under_names, None]]
    for number, (day, marks) in enumerate(zip(DATES, MARKS), 1):
        rows.append([number, day, *marks, sum(mark in ("x", "Tr") for mark in marks) + 5])
    return rows + [[], [LEGEND]]


def expected(units):
    status = {"x": "present", "VP": "excused", "VK": "absent", "Tr": "late"}
    return [{"full_name": name, "date": day.date().isoformat(), "status": status[mark], "unit": unit}
            for day, marks in zip(DATES, MARKS) for name, mark, unit in zip(NAMES, marks, units) if mark]


def test_posts_under_the_names_are_a_header_row_and_the_count_column_is_left_out(tmp_path):
    path = write_workbook(tmp_path / "xoay.xlsx", {"Diem danh": register(["Bí thư", "Phó Bí thư", "Đảng viên"])})
    result = parse_file(path)
    assert result.kind == "attendance" and result.errors == []
    assert result.records() == expected(["Chi bộ Khu phố 3"] * 3)
    skipped = [item for item in result.inferences if item["what"] == "Cột bỏ qua"]
    assert [item["value"] for item in skipped] == ["cột F «Có mặt»"]
    assert any("Bí thư" in item["value"] for item in result.inferences if item["what"] == "Bố cục")


def test_chi_bo_under_the_names_is_each_members_unit(tmp_path):
    units = ["Chi bộ Khu phố 1", "Chi bộ Khu phố 2", "Chi bộ Khu phố 2"]
    path = write_workbook(tmp_path / "xoay.xlsx", {"Diem danh": register(units)})
    result = parse_file(path)
    assert result.errors == []
    assert result.records() == expected(units)


@pytest.mark.parametrize("label", ["Số có mặt", "Tổng", "Số lượng", "Cộng"])
def test_a_count_column_under_any_count_word_is_left_out_with_a_reason(tmp_path, label):
    path = write_workbook(tmp_path / "xoay.xlsx", {"So": register(["Bí thư", "Đảng viên", "Đảng viên"], label)})
    result = parse_file(path)
    assert result.errors == [] and len(result.records()) == 8
    assert [item["value"] for item in result.inferences if item["what"] == "Cột bỏ qua"] == [f"cột F «{label}»"]
