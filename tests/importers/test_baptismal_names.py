"""Baptismal names (tên thánh) written with Catholic members' names are no part of the legal name: dropped before
the name ("Giuse Trần Văn Hòa") or in brackets / after "TT" behind it ("Trần Văn Hòa (Giuse)"), with one warning
naming the names changed; ordinary, Khmer and highland names that only look alike stay as written."""

import datetime as dt

import pytest
from openpyxl import Workbook

from importers import parse_file
from importers.baptismal_names import SAINT_NAMES, doubtful_saint, split_saint_name
from importers.column_types import SURNAMES

ROSTER_HEADER = ["TT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đoàn", "Nhiệm vụ", "Chi bộ phụ trách"]


def _save(tmp_path, rows, name):
    book = Workbook()
    sheet = book.active
    sheet.title = "DS"
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def _roster(tmp_path, names, roles=None):
    roles = roles or ["Trưởng đoàn"] + ["Thành viên"] * (len(names) - 1)
    body = [[index, name, f"{index:02d}/03/197{index % 10}", "Chuyên viên", "Đoàn công tác số 1", role,
             "Chi bộ xóm Kiên Chính"] for index, (name, role) in enumerate(zip(names, roles), 1)]
    return _save(tmp_path, [["ĐẢNG ỦY XÃ PHONG HẢI"], ["DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC"], [], ROSTER_HEADER,
                            *body], "roster.xlsx")


def _name_warnings(result):
    return [w for w in result.warnings if w["field"] == "full_name"]


def test_a_leading_baptismal_name_is_dropped_with_one_warning_naming_each_name(tmp_path):
    names = ["Giuse Trần Văn Hòa", "Phêrô Vũ Hữu Cường", "Matta Đặng Thu Hằng", "Vinh Sơn Hoàng Quang Tuấn",
             "Giuse Maria Lê Văn An", "Phero Ngô Công Lực", "Giu-se Mai Đình Đông", "CÊCILIA MAI THỊ THU YẾN",
             "Đ/c Lucia Đinh Thanh Thúy", "Trần Thị Thu Hương"]
    result = parse_file(_roster(tmp_path, names))
    assert result.errors == []
    assert [r["full_name"] for r in result.records()] == [
        "Trần Văn Hòa", "Vũ Hữu Cường", "Đặng Thu Hằng", "Hoàng Quang Tuấn", "Lê Văn An", "Ngô Công Lực",
        "Mai Đình Đông", "Mai Thị Thu Yến", "Đinh Thanh Thúy", "Trần Thị Thu Hương"]
    [warning] = _name_warnings(result)
    assert warning["column"] == "B" and warning["value"] == "Giuse Trần Văn Hòa"
    assert warning["message"].startswith("DS: Cột B «Họ và tên»: tên thánh không thuộc họ và tên của đảng viên "
                                         "nên đã bỏ khỏi 9 tên — B5 «Giuse» (Giuse Trần Văn Hòa → Trần Văn Hòa), "
                                         "B6 «Phêrô» (Phêrô Vũ Hữu Cường → Vũ Hữu Cường), ")
    assert "B8 «Vinh Sơn» (Vinh Sơn Hoàng Quang Tuấn → Hoàng Quang Tuấn)" in warning["message"]
    assert "B9 «Giuse Maria»" in warning["message"] and "B13 «Lucia»" in warning["message"]
    assert "B14" not in warning["message"]


def test_a_baptismal_name_beside_a_role_in_the_name_cell_goes_and_the_role_is_read(tmp_path):
    names = ["Giuse Trần Văn Hòa (Trưởng đoàn)", "Lê Thị Mai (Maria) - Phó đoàn", "Phạm Văn Nam - TT Phêrô"]
    path = _save(tmp_path, [["DANH SÁCH ĐOÀN CÔNG TÁC"], [], ["TT", "Họ và tên", "Ngày sinh", "Đoàn"],
                            *[[i, name, f"0{i}/01/1980", "Đoàn công tác số 2"] for i, name in enumerate(names, 1)]],
                 "roles.xlsx")
    result = parse_file(path)
    assert result.errors == []
    assert [(r["full_name"], r["role"]) for r in result.records()] == [
        ("Trần Văn Hòa", "head"), ("Lê Thị Mai", "deputy"), ("Phạm Văn Nam", "member")]
    assert len(_name_warnings(result)) == 1


NEAR_MISSES = ["Tô Văn Khải", "Lưu Công Đức", "Anh Nguyễn Văn", "Tô Ma Lan", "Thạch Thị Sa Rươl", "Ksor H'Nhi",
               "Pinăng Thị Lan", "Rơ Mah Hương", "Siu Thị Ngọc", "Danh Thị Sa Rin", "Kim Thị Sóc Khna",
               "Lâm Thị Phol"]


def test_names_that_only_look_alike_stay_as_written_with_no_warning(tmp_path):
    result = parse_file(_roster(tmp_path, NEAR_MISSES))
    assert result.errors == []
    assert [r["full_name"] for r in result.records()] == NEAR_MISSES
    assert _name_warnings(result) == []


@pytest.mark.parametrize("name", [
    "Maria", "Anna Nguyễn", "Maria Thị Lan", "Trần Văn Hòa (Trưởng đoàn)", "Trần Văn Hòa - TT Đảng ủy",
    "Trần Văn Hòa (Bảo)", "Hòa (Giuse)", "Nguyễn Văn Maria", "Lucia",
])
def test_no_saint_name_is_taken_without_a_full_name_beside_it_or_a_bracket_of_saint_names_only(name):
    assert split_saint_name(name) is None


@pytest.mark.parametrize("name, expected", [
    ("Trần Văn Hòa (Giuse)", ("Trần Văn Hòa", "Giuse")),
    ("Trần Văn Hòa [Giuse Maria]", ("Trần Văn Hòa", "Giuse Maria")),
    ("Trần Văn Hòa (TT: Giuse)", ("Trần Văn Hòa", "Giuse")),
    ("Trần Văn Hòa - TT. Phêrô", ("Trần Văn Hòa", "Phêrô")),
    ("Trần Văn Hòa, tên thánh: Bênađô", ("Trần Văn Hòa", "Bênađô")),  # after "tên thánh" any saint name
    ("Ksor H'Nhi (Maria)", ("Ksor H'Nhi", "Maria")),
    ("Anna Thạch Thị Sa Rươl", ("Thạch Thị Sa Rươl", "Anna")),
])
def test_the_written_forms_after_the_name(name, expected):
    assert split_saint_name(name) == expected


def test_no_saint_name_is_a_surname():
    assert SAINT_NAMES.isdisjoint(SURNAMES)


def test_a_foreign_word_before_a_full_name_that_the_list_lacks_is_kept_and_warned(tmp_path):
    assert doubtful_saint("Anselmô Trần Văn Hòa") == "Anselmô"
    assert doubtful_saint("Pinăng Thị Lan") is None and doubtful_saint("Giàng A Páo") is None
    result = parse_file(_roster(tmp_path, ["Anselmô Trần Văn Hòa", "Lê Văn Bình"]))
    assert [r["full_name"] for r in result.records()] == ["Anselmô Trần Văn Hòa", "Lê Văn Bình"]
    [warning] = _name_warnings(result)
    assert "có thể là tên thánh" in warning["message"]
    assert "B5 «Anselmô» (Anselmô Trần Văn Hòa)" in warning["message"]


def test_a_long_register_drops_bracketed_baptismal_names_once_per_name(tmp_path):
    header = ["Ngày họp", "Chi bộ", "Họ và tên", "Tình hình dự"]
    rows = []
    for day in (dt.datetime(2025, 7, 22), dt.datetime(2025, 8, 20)):
        rows += [[day, "Chi bộ xóm 3 Bạch Long", "Hoàng Thị Phượng (Maria)", "Có mặt"],
                 [day, "Chi bộ xóm 3 Bạch Long", "Hoàng Xuân Vinh (Micae)", "Vắng có phép"],
                 [day, "Chi bộ xóm 3 Bạch Long", "Đinh Hữu Sơn", "Có mặt"],
                 [day, "Chi bộ xóm 3 Bạch Long", "Lương Ngọc Dung - TT Anna", "Đi muộn"]]
    result = parse_file(_save(tmp_path, [["NHẬT KÝ DỰ SINH HOẠT CHI BỘ"], [], header, *rows], "register.xlsx"))
    assert result.errors == []
    assert [(r["full_name"], r["status"]) for r in result.records()[:4]] == [
        ("Hoàng Thị Phượng", "present"), ("Hoàng Xuân Vinh", "excused"), ("Đinh Hữu Sơn", "present"),
        ("Lương Ngọc Dung", "late")]
    assert {r["full_name"] for r in result.records()} == {"Hoàng Thị Phượng", "Hoàng Xuân Vinh", "Đinh Hữu Sơn",
                                                          "Lương Ngọc Dung"}
    [warning] = _name_warnings(result)
    assert "bỏ khỏi 3 tên" in warning["message"]
    assert "C4 «Maria» (Hoàng Thị Phượng (Maria) → Hoàng Thị Phượng)" in warning["message"]
    assert "C7 «Anna» (Lương Ngọc Dung - TT Anna → Lương Ngọc Dung)" in warning["message"]


def test_a_wide_register_drops_leading_baptismal_names(tmp_path):
    header = ["STT", "Họ và tên", "Chi bộ", "Tháng 7/2025", "Tháng 8/2025"]
    rows = [[1, "Giuse Trần Văn Hòa", "Chi bộ xóm Trung Lao", "x", "x"],
            [2, "Tô Văn Khải", "Chi bộ xóm Trung Lao", "x", "P"],
            [3, "Têrêsa Nguyễn Thị Lan", "Chi bộ xóm Trung Lao", "K", "x"]]
    legend = [["Ghi chú: x = có mặt; P = vắng có phép; K = vắng không phép"]]
    result = parse_file(_save(tmp_path, [["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], [], header, *rows, [], *legend],
                              "wide.xlsx"))
    assert result.errors == []
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == [
        ("Trần Văn Hòa", "2025-07-01", "present"), ("Trần Văn Hòa", "2025-08-01", "present"),
        ("Tô Văn Khải", "2025-07-01", "present"), ("Tô Văn Khải", "2025-08-01", "excused"),
        ("Nguyễn Thị Lan", "2025-07-01", "absent"), ("Nguyễn Thị Lan", "2025-08-01", "present")]
    [warning] = _name_warnings(result)
    assert "bỏ khỏi 2 tên — B4 «Giuse» (Giuse Trần Văn Hòa → Trần Văn Hòa), B6 «Têrêsa»" in warning["message"]
