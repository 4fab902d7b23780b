"""A unit text never keeps the label written before the organisation's name ("CS phụ trách: Chi bộ …"), whatever
source it comes from; units written as codes are read through a catalogue sheet of the workbook when it holds every
code; and a unit value that is no organisation's name (a code, a label, another word) is warned about."""
import pytest
from openpyxl import Workbook
from sheet_files import write_sheet

from importers import parse_file

UNITS = ["Chi bộ Công an phường", "Chi bộ Quân sự phường", "Chi bộ Trạm Y tế phường"]
PEOPLE = [("Trần Ngọc Hùng", "Trưởng đoàn"), ("Đặng Văn Tài", "Phó đoàn"), ("Võ Hoàng An", "Thành viên")]


def _matrix(label: str) -> list[list]:
    rows = [["BẢNG PHÂN CÔNG CÁN BỘ THAM GIA CÁC ĐOÀN CÔNG TÁC"], [],
            ["STT", "Họ và tên", "Chức vụ", "PHÂN CÔNG VÀO ĐOÀN CÔNG TÁC", None, None],
            [None, None, None, "Đoàn công tác số 1", "Đoàn công tác số 2", "Đoàn công tác số 3"],
            [None, None, None] + [label.format(unit=unit) for unit in UNITS]]
    for group in range(3):
        for number, (name, role) in enumerate(PEOPLE):
            cells = [None, None, None]
            cells[group] = role
            rows.append([group * 3 + number + 1, f"{name} {chr(65 + group)}", "Chuyên viên", *cells])
    return rows


@pytest.mark.parametrize("label", ["CS phụ trách: {unit}", "Cơ sở phụ trách: {unit}", "Chi bộ phụ trách - {unit}",
                                   "Địa bàn: {unit}", "Nơi sinh hoạt: {unit}", "CSĐ được phân công: {unit}"])
def test_group_matrix_unit_row_drops_its_label(tmp_path, label):
    result = parse_file(write_sheet(tmp_path / "matrix.xlsx", _matrix(label)))
    assert result.errors == []
    assert sorted({record["unit"] for record in result.records()}) == sorted(UNITS)
    assert not [w for w in result.warnings if w["field"] == "unit"]


def test_register_unit_column_drops_its_label(tmp_path):
    rows = [["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], [],
            ["STT", "Họ và tên", "Chi bộ", "T1", "T2"],
            [1, "Lê Văn Bình", "Tên chi bộ: Chi bộ Khu phố 1", "x", "x"],
            [2, "Ngô Thị Hà", "Tên chi bộ: Chi bộ Khu phố 1", "x", "P"]]
    result = parse_file(write_sheet(tmp_path / "register.xlsx", rows))
    assert {record["unit"] for record in result.records()} == {"Chi bộ Khu phố 1"}


def _roster(units: list[str]) -> list[list]:
    rows = [["DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC"], [], ["STT", "Họ và tên", "Đoàn", "Chức danh", "Đơn vị phụ trách"]]
    names = ["Võ Hoàng Cường", "Dương Thanh Minh", "Nguyễn Thị Xuân", "Trần Quốc Dũng", "Lý Hữu Thắng", "Ngô Văn Hùng"]
    for number, (name, unit) in enumerate(zip(names, units * 2), 1):
        role = "Trưởng đoàn" if number % 3 == 1 else "Thành viên"
        rows.append([number, name, f"Đoàn công tác số {(number - 1) // 3 + 1}", role, unit])
    return rows


@pytest.mark.parametrize("units, words", [
    (["Khu phố: Chi bộ 3", "Khu phố: Chi bộ 4", "Khu phố: Chi bộ 5"], "nhãn trước dấu hai chấm"),
    (["KP-PH1", "KP-TA2", "YT"], "dạng mã"),
    (["Ban Tổ chức", "Văn phòng", "Ban Tuyên giáo"], "không mở đầu bằng tên một tổ chức đảng"),
])
def test_unit_that_is_no_organisation_name_is_warned(tmp_path, units, words):
    result = parse_file(write_sheet(tmp_path / "roster.xlsx", _roster(units)))
    warned = [w for w in result.warnings if w["field"] == "unit" and words in w["message"]]
    assert len(warned) == 1 and "6 giá trị" in warned[0]["message"]


def test_organisation_names_are_not_warned(tmp_path):
    units = ["Chi bộ Khu phố 1", "Đảng bộ phường Tân An", "Đảng ủy Khối Cơ quan"]
    result = parse_file(write_sheet(tmp_path / "roster.xlsx", _roster(units)))
    assert not [w for w in result.warnings if w["field"] == "unit"]


CATALOGUE = [("KP-PH1", "Chi bộ Khu phố Phú Hòa 1"), ("KP-TA2", "Chi bộ Khu phố Tân An 2"),
             ("YT", "Chi bộ Trạm Y tế phường"), ("MN-HS", "Chi bộ Trường Mầm non Hoa Sen")]


def _book(path, data: list[list], catalogue: list[list]):
    book = Workbook()
    book.active.title = "DS"
    for row in data:
        book.active.append(row)
    sheet = book.create_sheet("DM_CoSo")
    for row in catalogue:
        sheet.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize("catalogue", [
    [["Mã", "Tên tổ chức cơ sở đảng", "Ghi chú"]] + [[code, name, "cũ"] for code, name in CATALOGUE],
    [["DANH MỤC CƠ SỞ ĐẢNG"], [], [None, "Ký hiệu", "Tên"]] + [[None, code, name] for code, name in CATALOGUE],
])
def test_unit_codes_are_read_through_the_catalogue_sheet(tmp_path, catalogue):
    path = _book(tmp_path / "codes.xlsx", _roster(["KP-PH1", "YT", "KP-TA2"]), catalogue)
    result = parse_file(path)
    assert [record["unit"] for record in result.records()] == [
        "Chi bộ Khu phố Phú Hòa 1", "Chi bộ Trạm Y tế phường", "Chi bộ Khu phố Tân An 2"] * 2
    said = [item for item in result.inferences if "DM_CoSo" in item["source"]]
    assert len(said) == 1 and "KP-PH1 → Chi bộ Khu phố Phú Hòa 1" in said[0]["value"]
    assert not [w for w in result.warnings if "DM_CoSo" in w["message"] or w["field"] == "unit"]


def test_codes_missing_from_the_catalogue_stay_and_are_warned(tmp_path):
    catalogue = [["Mã", "Tên"]] + [[code, name] for code, name in CATALOGUE]
    path = _book(tmp_path / "codes.xlsx", _roster(["KP-PH1", "YT", "KP-HA9"]), catalogue)
    result = parse_file(path)
    assert {record["unit"] for record in result.records()} == {"KP-PH1", "YT", "KP-HA9"}
    messages = [w["message"] for w in result.warnings if w["field"] == "unit"]
    assert any("«KP-HA9»" in text and "DM_CoSo" in text for text in messages)
    assert any("dạng mã" in text for text in messages)


def test_register_unit_codes_are_read_through_the_catalogue_sheet(tmp_path):
    data = [["SỔ THEO DÕI SINH HOẠT NĂM 2025"], [], ["STT", "Họ và tên", "Chi bộ", "T1", "T2"],
            [1, "Lê Văn Bình", "KP-PH1", "x", "x"], [2, "Ngô Thị Hà", "YT", "x", "P"]]
    catalogue = [["Mã", "Tên"]] + [[code, name] for code, name in CATALOGUE]
    result = parse_file(_book(tmp_path / "register.xlsx", data, catalogue))
    assert {(r["full_name"], r["unit"]) for r in result.records()} == {
        ("Lê Văn Bình", "Chi bộ Khu phố Phú Hòa 1"), ("Ngô Thị Hà", "Chi bộ Trạm Y tế phường")}
