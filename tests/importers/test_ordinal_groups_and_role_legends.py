"""Group numbers written as ordinal words ("ĐOÀN CÔNG TÁC THỨ NHẤT" … "THỨ NĂM" = số 1 … số 5), wherever a group
number is read; role codes 1/2/3 a note line explains, before or after the table, in the wordings offices use (with
or without accents, "Vai trò: 1 - …", "(1) Trưởng đoàn; …", "Ghi chú: mã vai trò 1 = …")."""

import csv

import pytest
from openpyxl import Workbook

from importers import parse_file
from importers.abbreviations import role_abbreviations
from importers.context import read_context
from importers.group_ordinals import number_value
from importers.kinds.title_context import title_group as roster_title_group
from importers.normalising import is_group_heading, normalise_group
from importers.sheet_context import title_group


@pytest.mark.parametrize(("text", "name"), [
    ("ĐOÀN CÔNG TÁC THỨ NHẤT", "Đoàn công tác số 1"),
    ("Đoàn công tác thứ hai", "Đoàn công tác số 2"),
    ("ĐOÀN CÔNG TÁC THỨ TƯ", "Đoàn công tác số 4"),
    ("II. ĐOÀN CÔNG TÁC THỨ NĂM", "Đoàn công tác số 5"),
    ("Đoàn thứ 3", "Đoàn công tác số 3"),
    ("Tổ công tác thứ mười một", "Tổ công tác số 11"),
    ("ĐOÀN CÔNG TÁC THỨ MƯỜI", "Đoàn công tác số 10"),
])
def test_ordinal_group_names_read_as_numbers(text, name):
    assert normalise_group(text) == name


def test_ordinal_words_and_their_values():
    assert [number_value(t) for t in ("thu nhat", "thu tu", "thu bay", "thu muoi lam", "thu 2", "07")] == \
        [1, 4, 7, 15, 2, 7]
    assert is_group_heading("ĐOÀN CÔNG TÁC THỨ BA")
    assert read_context("ĐOÀN CÔNG TÁC THỨ SÁU") == {"group": "Đoàn công tác số 6"}
    assert title_group([(1, "DANH SÁCH ĐOÀN CÔNG TÁC THỨ HAI")]).value == "Đoàn công tác số 2"
    assert roster_title_group(["THÀNH VIÊN ĐOÀN CÔNG TÁC THỨ BA"]) == "Đoàn công tác số 3"


def test_a_weekday_beside_no_group_word_is_no_group():
    assert read_context("Họp vào thứ năm hằng tuần") is None
    assert normalise_group("Thứ năm") == "Thứ năm"


def test_group_rows_in_ordinal_words_give_the_groups_below(tmp_path):
    book = Workbook()
    sheet = book.active
    rows = [["DANH SÁCH CÁC ĐOÀN CÔNG TÁC"], [],
            ["STT", "Họ và tên", "Chức vụ", "Nhiệm vụ trong Đoàn", "Số điện thoại"],
            ["ĐOÀN CÔNG TÁC THỨ NHẤT"],
            [1, "Trần Hoàng Vũ", "Phó Bí thư Đảng ủy", "Trưởng đoàn", "0912345678"],
            [2, "Lê Thị Hoa", "Chuyên viên", "Thành viên", "0912345679"],
            ["ĐOÀN CÔNG TÁC THỨ HAI"],
            [1, "Kim Sa Rết", "Bí thư Đoàn xã", "Trưởng đoàn", "0912345670"],
            [2, "Danh Thị Mum", "Cán bộ", "Thành viên", "0912345671"]]
    for row in rows:
        sheet.append(row)
    path = tmp_path / "groups.xlsx"
    book.save(path)
    result = parse_file(path)
    assert result.errors == []
    assert [(r["full_name"], r["group"]) for r in result.records()] == [
        ("Trần Hoàng Vũ", "Đoàn công tác số 1"), ("Lê Thị Hoa", "Đoàn công tác số 1"),
        ("Kim Sa Rết", "Đoàn công tác số 2"), ("Danh Thị Mum", "Đoàn công tác số 2")]


LEGENDS = [
    "Vai trò: 1 - Trưởng đoàn, 2 - Phó trưởng đoàn, 3 - Thành viên",
    "Vai tro: 1 = Truong doan; 2 = Pho Truong doan; 3 = Thanh vien",
    "(1) Trưởng đoàn; (2) Phó trưởng đoàn; (3) Thành viên",
    "Ghi chú: mã vai trò 1 = Trưởng đoàn, 2 = Phó trưởng đoàn, 3 = Thành viên",
    "Chu thich: Nhiem vu trong doan: 1 - Truong doan; 2 - Pho doan; 3 - Thanh vien",
]


@pytest.mark.parametrize("legend", LEGENDS)
def test_role_code_legend_wordings(legend):
    table = role_abbreviations([[legend]])
    assert (table["1"], table["2"], table["3"]) == ("head", "deputy", "member")


def test_a_numbered_list_of_positions_defines_no_role_code():
    assert "1" not in role_abbreviations([["(1) Phó Bí thư Đảng ủy; (2) Chủ tịch UBND xã"]])


def _export(tmp_path, legend, before):
    header = ["Ho va ten", "Ngay sinh", "Doan so", "Vai tro", "Dien thoai"]
    people = [["Phạm Kim Diễm", "1981-03-09", "1", "1", "0862289239"],
              ["Lê Văn Toàn", "1971-03-26", "1", "2", "0839274341"],
              ["Tăng Pu Thy", "1968-07-22", "1", "3", "0912690307"]]
    rows = ([[legend], header] + people) if before else ([header] + people + [[], [legend]])
    path = tmp_path / "export.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";", lineterminator="\r\n").writerows(rows)
    return parse_file(path)


@pytest.mark.parametrize("before", [False, True])
@pytest.mark.parametrize("legend", LEGENDS[:3])
def test_role_codes_a_legend_line_explains_are_read(tmp_path, legend, before):
    result = _export(tmp_path, legend, before)
    assert result.errors == []
    assert [(r["role"], r["group"]) for r in result.records()] == [
        ("head", "Đoàn công tác số 1"), ("deputy", "Đoàn công tác số 1"), ("member", "Đoàn công tác số 1")]


def test_role_codes_a_legend_leaves_out_are_still_refused(tmp_path):
    result = _export(tmp_path, "Vai tro: 2 = Pho truong doan; 3 = Thanh vien", False)
    assert [r["full_name"] for r in result.records()] == ["Lê Văn Toàn", "Tăng Pu Thy"]
    assert [(e["row"], e["column"]) for e in result.errors] == [(2, "D")]
