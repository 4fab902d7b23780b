"""Teacher titles ('Thầy', 'Cô') and 'Đ/c' before names are stripped wherever a name is read (a transposed
register's header row, a wide register, a roster); an empty template sheet with the register's header is not the
table read, and a legend sentence after other text ('… Ký hiệu: x có mặt; …') is read."""

import datetime as dt

import pytest

from importers import parse_file
from importers.honorifics import name_cleaner, without_any_title
from importers.legends import parse_legend
from tests.workbooks import write_workbook

PEOPLE = ["Đ/c Đoàn Minh Khôi", "Thầy Hà Văn Sơn", "Cô Vi Thị Lan", "Đồng chí Kha Văn Bảo"]
NAMES = ["Đoàn Minh Khôi", "Hà Văn Sơn", "Vi Thị Lan", "Kha Văn Bảo"]
DAYS = [dt.datetime(2025, 9, 4), dt.datetime(2025, 10, 2), dt.datetime(2025, 11, 6)]
MARKS = [["x", "M", "x", "0"], ["P", "x", "x", "x"], ["x", "x", "0", "x"]]
STATUS = {"x": "present", "P": "excused", "0": "absent", "M": "late"}
LEGEND = ("Mỗi cột là một đảng viên, mỗi dòng là một buổi sinh hoạt. Ký hiệu: x có mặt; P vắng có phép; "
          "0 vắng không phép; M đến muộn.")


def transposed():
    rows = [["ĐẢNG BỘ XÃ TÂN LẬP"], ["Điểm danh sinh hoạt – Chi bộ Trường Tiểu học Tân Lập – năm 2025"], [LEGEND], [],
            ["Buổi", "Ngày sinh hoạt", *PEOPLE, "Nội dung"]]
    rows += [[number, day, *marks, "Sinh hoạt thường kỳ"] for number, (day, marks) in enumerate(zip(DAYS, MARKS), 1)]
    return rows


def test_titled_people_across_a_transposed_header_are_read_without_their_titles(tmp_path):
    path = write_workbook(tmp_path / "xoay.xlsx", {"Diem danh": transposed()})
    result = parse_file(path)
    assert result.kind == "attendance" and result.errors == []
    assert not any("không đọc được là họ và tên" in item["message"] for item in result.warnings)
    got = sorted((r["full_name"], r["date"], r["status"]) for r in result.records())
    want = sorted((name, day.date().isoformat(), STATUS[mark])
                  for day, marks in zip(DAYS, MARKS) for name, mark in zip(NAMES, marks))
    assert got == want


def test_a_legend_sentence_after_other_text_is_read():
    assert parse_legend(LEGEND) == {"x": "present", "p": "excused", "0": "absent", "m": "late"}


@pytest.mark.parametrize("titled, name", [("Thầy Hà Văn Sơn", "Hà Văn Sơn"), ("Cô Vi Thị Lan", "Vi Thị Lan"),
                                          ("Cô giáo Vi Thị Lan", "Vi Thị Lan"), ("Đồng chí Kha Văn Bảo", "Kha Văn Bảo"),
                                          ("Đ/c Thầy Hà Văn Sơn", "Hà Văn Sơn")])
def test_teacher_titles_are_no_part_of_a_name(titled, name):
    assert without_any_title(titled) == name
    assert name_cleaner([titled, "Lò Văn Mười"])(titled) == name


@pytest.mark.parametrize("name", ["Công Văn Hậu", "Cồ Huy Hoàng", "Thái Cô Lan"])
def test_names_merely_starting_like_a_title_are_kept(name):
    assert name_cleaner([name, "Cô Vi Thị Lan"])(name) == name


def test_a_roster_strips_teacher_titles(tmp_path):
    rows = [["DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC"], [],
            ["STT", "Họ và tên", "Đoàn công tác", "Chức vụ trong đoàn"],
            [1, "Thầy Hà Văn Sơn", "Đoàn số 1", "Trưởng đoàn"],
            [2, "Cô Vi Thị Lan", "Đoàn số 1", "Thành viên"],
            [3, "Lò Văn Mười", "Đoàn số 1", "Thành viên"]]
    result = parse_file(write_workbook(tmp_path / "ds.xlsx", {"DS": rows}))
    assert result.kind == "roster"
    assert [r["full_name"] for r in result.records()] == ["Hà Văn Sơn", "Vi Thị Lan", "Lò Văn Mười"]


def split_register(title, people):
    header = ["TT", "Họ", "Tên đệm", "Tên", "Chi bộ", "06/01", "06/02", "06/03", "20/03 (CĐ)", "Ghi chú"]
    rows = [["ĐẢNG BỘ XÃ TÂN LẬP"], [title], [], header]
    return rows + [[number, *parts, "Chi bộ thôn Nà Pàn", "có", "phép", "vắng", "muộn", None]
                   for number, parts in enumerate(people, 1)] + [
        [], [None, "Ghi chú: có = có mặt; phép = vắng có phép; vắng = vắng không phép; muộn = đến muộn."]]


def test_an_empty_template_sheet_before_the_register_is_not_read(tmp_path):
    people = [("Hoàng", "Văn", "Pủ"), ("Lò", "", "Sinh"), ("Vàng", "Thị", "Mỷ")]
    sheets = {"Mau": split_register("MẪU SỔ ĐIỂM DANH (không nhập vào trang này)", [])[:4],
              "SH 2025": split_register("ĐIỂM DANH SINH HOẠT CHI BỘ - NĂM 2025", people)}
    result = parse_file(write_workbook(tmp_path / "dd.xlsx", sheets))
    assert result.kind == "attendance" and result.errors == []
    records = result.records()
    assert {r["full_name"] for r in records} == {"Hoàng Văn Pủ", "Lò Sinh", "Vàng Thị Mỷ"}
    assert sorted({r["date"] for r in records}) == ["2025-01-06", "2025-02-06", "2025-03-06", "2025-03-20"]
    assert {(r["full_name"], r["date"], r["status"]) for r in records} >= {("Lò Sinh", "2025-03-20", "late")}
