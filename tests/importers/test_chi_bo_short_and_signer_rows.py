"""'CB' opening a unit value before a place is "Chi bộ" ("CB thôn Ma Cái" -> "Chi bộ Thôn Ma Cái"), wherever the
unit is read (a unit column, a header over a group of a person × group matrix); 'CB' before anything else stays as
written and is warned as no party organisation's name. A signature row whose signer title ("NGƯỜI LẬP", "XÁC NHẬN
CỦA …") stands in any column, beside another signer's title in the name column, ends the table
(``importers.chi_bo_short``, ``importers.signature_titles``)."""

import openpyxl
import pytest

from importers import parse_file
from importers.chi_bo_short import written_out_chi_bo

NOT_PARTY = "không mở đầu bằng tên một tổ chức đảng"
PEOPLE = [("Đỗ Thị Hạnh", "14/01/1975", "Bí thư Đảng ủy xã", "0946900754"),
          ("Bàn Mý Mai", "03/07/1977", "Phó Chủ tịch UBND xã", "0940538614"),
          ("Bùi Văn Bình", "22/03/1965", "Phó Bí thư Đảng ủy xã", "0940220738"),
          ("Nông Quốc Tuyên", "15/09/1964", "Chủ tịch UBND xã", "0361997659")]


def _matrix(path, units):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["BẢNG PHÂN CÔNG ĐẢNG ỦY VIÊN THAM GIA CÁC ĐOÀN CÔNG TÁC"])
    sheet.append([])
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Điện thoại", "Phân công vào các Đoàn công tác"])
    sheet.append([None] * 5 + ["Đoàn số 1", "Đoàn số 2"])
    sheet.append([None] * 5 + list(units))
    for column in "ABCDE":
        sheet.merge_cells(f"{column}3:{column}5")
    sheet.merge_cells("F3:G3")
    marks = [("Trưởng đoàn", None), (None, "Trưởng đoàn"), ("x", None), (None, "Phó đoàn")]
    for number, (person, mark) in enumerate(zip(PEOPLE, marks), start=1):
        sheet.append([number, *person, *mark])
    book.save(path)


def _column_roster(path, units, tail=()):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC"])
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Điện thoại", "Đoàn công tác", "Chức danh trong đoàn",
                  "Chi bộ phụ trách"])
    roles = ["Trưởng đoàn", "Thành viên", "Phó Trưởng Đoàn", "Thành viên"]
    for number, (person, role, unit) in enumerate(zip(PEOPLE, roles, units), start=1):
        sheet.append([number, *person, "Đoàn số 1", role, unit])
    for row in tail:
        sheet.append(row)
    book.save(path)


def test_units_over_the_groups_of_a_matrix_written_with_cb_are_chi_bo(tmp_path):
    _matrix(tmp_path / "f.xlsx", ["CB thôn Ma Cái", "CB TDP 3"])
    result = parse_file(tmp_path / "f.xlsx")
    assert result.errors == []
    units = {(record["group"], record["unit"]) for record in result.records()}
    assert units == {("Đoàn công tác số 1", "Chi bộ Thôn Ma Cái"), ("Đoàn công tác số 2", "Chi bộ TDP 3")}
    assert not [warning for warning in result.warnings if NOT_PARTY in warning["message"]]


def test_a_unit_column_written_with_cb_before_a_place_is_chi_bo(tmp_path):
    _column_roster(tmp_path / "f.xlsx", ["CB thôn Sả Hồ", "CB Trường THCS Lê Lợi", "C.B tổ dân phố 5", "CB xã Hội An"])
    result = parse_file(tmp_path / "f.xlsx")
    assert result.errors == []
    assert [record["unit"] for record in result.records()] == [
        "Chi bộ Thôn Sả Hồ", "Chi bộ Trường THCS Lê Lợi", "Chi bộ Tổ dân phố 5", "Chi bộ xã Hội An"]


def test_a_unit_opening_with_cb_before_no_place_is_kept_and_warned(tmp_path):
    _column_roster(tmp_path / "f.xlsx", ["CB Nguyễn Văn An"] * 2 + ["CB thôn Sả Hồ"] * 2)
    result = parse_file(tmp_path / "f.xlsx")
    assert [record["unit"] for record in result.records()][:2] == ["CB Nguyễn Văn An"] * 2
    warned = [warning for warning in result.warnings if NOT_PARTY in warning["message"]]
    assert warned and "CB Nguyễn Văn An" in warned[0]["message"]


@pytest.mark.parametrize(("text", "spelt"), [("CB thôn Ma Cái", "Chi bộ Thôn Ma Cái"), ("CB 3", "Chi bộ 3"),
                                             ("CB Công an xã", "Chi bộ Công an xã"), ("CB phụ trách", "CB phụ trách"),
                                             ("CB", "CB"), ("CBCC", "CBCC")])
def test_cb_is_written_out_only_before_a_place(text, spelt):
    assert written_out_chi_bo(text) == spelt


@pytest.mark.parametrize("total", [True, False])
@pytest.mark.parametrize("signer", ["NGƯỜI LẬP", "NGƯỜI LẬP BIỂU", "XÁC NHẬN CỦA ĐẢNG ỦY", "THỦ TRƯỞNG ĐƠN VỊ"])
def test_a_signer_title_in_the_role_column_beside_another_in_the_name_column_ends_the_table(tmp_path, signer, total):
    tail = [["Tổng số: 4 đồng chí"]] * total + [
        [], [None, "CHÁNH VĂN PHÒNG", None, None, None, None, signer], [], [],
        [None, "Lò Văn Sáng", None, None, None, None, "Hoàng Thị Thơm"]]
    _column_roster(tmp_path / "f.xlsx", ["Chi bộ Thôn Sả Hồ"] * 4, tail)
    result = parse_file(tmp_path / "f.xlsx")
    assert result.errors == []
    assert [record["full_name"] for record in result.records()] == [person[0] for person in PEOPLE]


@pytest.mark.parametrize(("line", "unit", "warned"), [("Đơn vị: CB thôn Ma Cái", "Chi bộ Thôn Ma Cái", False),
                                                      ("Đơn vị: CB Nguyễn Văn An", "CB Nguyễn Văn An", True)])
def test_a_unit_in_a_title_line_written_with_cb(tmp_path, line, unit, warned):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["SỔ THEO DÕI ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ NĂM 2025"], [line], ["STT", "Họ và tên", "T01", "T02"],
                [1, "Đỗ Thị Hạnh", "x", "v"], [2, "Bàn Mý Mai", "v", "x"], ["Ký hiệu: x = có mặt; v = vắng"]):
        sheet.append(row)
    book.save(tmp_path / "f.xlsx")
    result = parse_file(tmp_path / "f.xlsx")
    assert {record["unit"] for record in result.records()} == {unit}
    assert any(NOT_PARTY in warning["message"] for warning in result.warnings) == warned
