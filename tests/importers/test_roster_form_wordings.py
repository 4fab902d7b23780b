"""Roster wordings seen in form exports and hand-made lists (issue #19): question-style headers, slash-joined
headers, groups numbered in Roman numerals or typed freely, phone cells with an apostrophe or two numbers."""

import csv

import pytest
from openpyxl import Workbook

from importers import parse_file
from importers.kinds.group_role import roman_number
from importers.kinds.roster import FIELDS
from importers.mapping import match_field
from importers.normalising import normalise_phone

TITLE = [["ĐẢNG BỘ HUYỆN ĐÔNG ANH"], ["DANH SÁCH THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC"], []]


def write(path, rows):
    book = Workbook()
    for row in rows:
        book.active.append(list(row))
    book.save(path)
    return path


@pytest.mark.parametrize("label, field", [
    ("Họ và tên của đồng chí?", "full_name"),
    ("Họ và tên đồng chí", "full_name"),
    ("Họ tên của anh/chị", "full_name"),
    ("Vai trò của đồng chí trong Đoàn", "role"),
    ("Đồng chí thuộc Đoàn công tác số mấy?", "group"),
    ("Số điện thoại di động", "phone"),
    ("ĐT di động / ĐT cơ quan", "phone"),
    ("Điện thoại / SĐT", "phone"),
    ("Họ và tên / Chức vụ", None),
    ("Dấu thời gian", None),
    ("Đồng chí", None),
])
def test_header_wordings(label, field):
    assert match_field(label, FIELDS) == field


@pytest.mark.parametrize("text, number", [("i", 1), ("iv", 4), ("ix", 9), ("xii", 12), ("iiii", None), ("vx", None),
                                          ("", None), ("ic", None)])
def test_roman_numbers(text, number):
    assert roman_number(text) == number


@pytest.mark.parametrize("cell, phone, warned", [
    ("'0912345678", "0912345678", False),
    ("0912345678 / 0239.123.456", "0912345678", True),
    ("0987 654 321; 0912345678", "0987654321", True),
    ("0912345678 hoặc 0987654321", "0912345678", True),
    ("0912-345-678", "0912345678", False),
    ("0239.123.456", "0239123456", False),
])
def test_phone_cells(cell, phone, warned):
    value, problem = normalise_phone(cell)
    assert value == phone
    assert (problem is not None) == warned


def test_a_form_export_with_question_headers_and_free_group_answers(tmp_path):
    path = tmp_path / "form.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([
            ["Dấu thời gian", "Họ và tên của đồng chí?", "Ngày sinh", "Đồng chí thuộc Đoàn công tác số mấy?",
             "Vai trò của đồng chí trong Đoàn", "Số điện thoại liên hệ"],
            ["2025/02/10 10:20:06 AM GMT+7", "NGUYỄN VĂN AN ", "1977-08-29", "Số 2", "Trưởng đoàn", "'0912345678"],
            ["2025/02/10 11:20:06 AM GMT+7", "Lê Thị Hà", "1980-01-02", "đoàn số 1", "Thành viên", "'0987654321"],
            ["2025/02/10 12:20:06 PM GMT+7", "Trần Bình", "1985-03-04", "3", "Phó trưởng đoàn", "'0911222333"],
            ["2025/02/11 08:00:00 AM GMT+7", "Đỗ Minh", "1990-05-06", "Đoàn 3", "Thành viên", "'0911222444"],
        ])
    result = parse_file(path)
    assert result.errors == []
    assert [(r["full_name"], r["birth_date"], r["group"], r["role"], r["phone"]) for r in result.records()] == [
        ("Nguyễn Văn An", "1977-08-29", "Đoàn công tác số 2", "head", "0912345678"),
        ("Lê Thị Hà", "1980-01-02", "Đoàn công tác số 1", "member", "0987654321"),
        ("Trần Bình", "1985-03-04", "Đoàn công tác số 3", "deputy", "0911222333"),
        ("Đỗ Minh", "1990-05-06", "Đoàn công tác số 3", "member", "0911222444"),
    ]


@pytest.mark.parametrize("cells", [["Đoàn I", "Đoàn II", "Đoàn IV"], ["I", "II", "IV"],
                                   ["Đoàn số I", "ĐOÀN II", "Đoàn IV"]])
def test_roman_group_numbers_in_a_reordered_table(tmp_path, cells):
    rows = TITLE + [["Số điện thoại di động", "Họ và tên đồng chí", "Chức danh trong đoàn", "Thuộc Đoàn"],
                    [912345678, "  Nguyễn  Văn An", "Trưởng đoàn", cells[0]],
                    [987654321.0, "Lê Thị Hà", "Thành viên", cells[1]],
                    [911222333.0, "Trần Bình", "Thành viên", cells[2]]]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert result.errors == []
    assert [(r["full_name"], r["group"], r["phone"]) for r in result.records()] == [
        ("Nguyễn Văn An", "Đoàn công tác số 1", "0912345678"),
        ("Lê Thị Hà", "Đoàn công tác số 2", "0987654321"),
        ("Trần Bình", "Đoàn công tác số 4", "0911222333"),
    ]


def test_two_numbers_in_a_phone_cell_keep_the_first_and_warn(tmp_path):
    rows = TITLE + [["TT", "Họ và tên", "Đoàn", "Nhiệm vụ", "ĐT di động / ĐT cơ quan"],
                    [1, "Nguyễn Văn An", 1, "Trưởng đoàn", "0912345678 / 0239.123.456"],
                    [2, "Lê Thị Hà", 1, "Thành viên", "0987654321"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert result.errors == []
    assert [r["phone"] for r in result.records()] == ["0912345678", "0987654321"]
    assert any("có 2 số, đã lấy số đầu tiên" in warning["message"] and warning["row"] == 5
               for warning in result.warnings)
