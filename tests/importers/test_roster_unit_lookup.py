"""A roster whose units are listed on another sheet, one line per group (importers.kinds.unit_lookup)."""
import pytest
from openpyxl import Workbook

from importers import parse_file

ROSTER = [["DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC"], ["(Địa bàn phụ trách của từng đoàn xem trang Phan cong)"], [],
          ["STT", "Họ và tên", "Chức vụ", "Đoàn", "Vai trò"],
          [1, "Tạ Quốc Tuấn", "Chủ tịch UBMTTQ xã", "Đoàn 1", "Trưởng đoàn"],
          [2, "Trịnh Thu Diệu", "Chuyên viên", "Đoàn 1", "Thành viên"],
          [3, "Phạm Thị Thu Hằng", "Phó Chánh Văn phòng", "Đoàn 2", "Trưởng đoàn"],
          [4, "Trịnh Tấn Kiên", "Chuyên viên", "Đoàn 3", "Trưởng đoàn"]]
LIST = [["PHÂN CÔNG ĐỊA BÀN PHỤ TRÁCH"], [], ["Đoàn", "Chi bộ phụ trách", "Ghi chú"],
        ["Đoàn 1", "Chi bộ Ấp Bình Thạnh", None], ["Đoàn 2", "Chi bộ Ấp Bình Lợi", None],
        ["Đoàn 3", "Chi bộ Ấp Tân Phú", "Ấp mới sau sáp nhập"]]


def write(path, sheets):
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets:
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def units(result):
    return [r["unit"] for r in result.records()]


@pytest.mark.parametrize("list_first", [False, True])
def test_each_group_takes_the_unit_the_other_sheet_lists(tmp_path, list_first):
    sheets = [("Thanh vien", ROSTER), ("Phan cong", LIST)]
    result = parse_file(write(tmp_path / "f.xlsx", sheets[::-1] if list_first else sheets), kind="roster")
    assert units(result) == ["Chi bộ Ấp Bình Thạnh", "Chi bộ Ấp Bình Thạnh", "Chi bộ Ấp Bình Lợi",
                             "Chi bộ Ấp Tân Phú"]
    assert any("trang «Phan cong»" in w["message"] for w in result.warnings)


def test_a_group_the_list_leaves_out_leaves_every_unit_empty_and_is_named(tmp_path):
    result = parse_file(write(tmp_path / "f.xlsx", [("Thanh vien", ROSTER), ("Phan cong", LIST[:-1])]))
    assert units(result) == [None] * 4
    assert any("Đoàn công tác số 3" in w["message"] and "để trống" in w["message"] for w in result.warnings)


@pytest.mark.parametrize("other", [
    [("Phan cong", LIST), ("Phan cong cu", LIST)],  # two lists: which one?
    [("Phan cong", LIST + [["Đoàn 1", "Chi bộ Ấp Mỹ Hòa", None]])],  # a group listed twice
])
def test_an_ambiguous_list_gives_no_unit(tmp_path, other):
    result = parse_file(write(tmp_path / "f.xlsx", [("Thanh vien", ROSTER)] + other), kind="roster")
    assert units(result) == [None] * 4


def test_a_roster_with_its_own_unit_column_keeps_it(tmp_path):
    header, people = ROSTER[3], ROSTER[4:]
    rows = ROSTER[:3] + [header + ["Đơn vị phụ trách"]] + [person + ["Chi bộ Ấp Khác"] for person in people]
    result = parse_file(write(tmp_path / "f.xlsx", [("Thanh vien", rows), ("Phan cong", LIST)]), kind="roster")
    assert units(result) == ["Chi bộ Ấp Khác"] * 4
