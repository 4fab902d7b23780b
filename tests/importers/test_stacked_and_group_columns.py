"""Issue #19 roster shapes: two fields under one header (two lines of a cell, or two rows per person) and one
column per working group with the roles down the first column."""

import pytest

from importers import parse_file
from importers.assigned_units import assigned_unit
from tests.workbooks import write_workbook

TITLE = [["BAN THƯỜNG VỤ THỊ ỦY"], ["PHÂN CÔNG ĐOÀN CÔNG TÁC"], []]


def test_name_and_position_on_two_lines_of_one_cell_are_split(tmp_path):
    rows = TITLE + [["TT", "Đoàn công tác", "Họ và tên, chức vụ", "Ngày sinh", "Nhiệm vụ", "Số điện thoại"],
                    [1, "Đoàn III", "Lê Thị Hoa\nTrưởng phòng Tài chính - Kế hoạch", 28260, "Trưởng đoàn",
                     "0912 345 678"],
                    [2, "Đoàn III", "Phan Văn Nam\nChuyên viên", "1981-05-13", "Thành viên", None]]
    result = parse_file(write_workbook(tmp_path / "f.xlsx", {"DS": rows}))
    assert [(r["full_name"], r["position"], r["group"], r["birth_date"]) for r in result.records()] == [
        ("Lê Thị Hoa", "Trưởng phòng Tài chính - Kế hoạch", "Đoàn công tác số 3", "1977-05-15"),
        ("Phan Văn Nam", "Chuyên viên", "Đoàn công tác số 3", "1981-05-13")]
    assert result.errors == []


def test_two_rows_per_person_make_one_record(tmp_path):
    rows = TITLE + [["STT", "Họ và tên\nChức vụ", "Ngày sinh\nĐiện thoại", "Vai trò", "Đoàn công tác - Địa bàn"],
                    [1, "Lê Thị Hoa", "07/05/1978", "Trưởng đoàn", "Đoàn công tác số 2\nChi bộ Khu phố 4"],
                    [None, "Chánh Văn phòng", "ĐT: 0912345678", None, None],
                    [2, "Phan Văn Nam", "01/09/1986", "Thành viên", "Đoàn công tác số 2\nChi bộ Khu phố 4"],
                    [None, "Chuyên viên", None, None, None]]
    result = parse_file(write_workbook(tmp_path / "f.xlsx", {"DS": rows}))
    assert [(r["full_name"], r["position"], r["phone"], r["unit"]) for r in result.records()] == [
        ("Lê Thị Hoa", "Chánh Văn phòng", "0912345678", "Chi bộ Khu phố 4"),
        ("Phan Văn Nam", "Chuyên viên", None, "Chi bộ Khu phố 4")]
    assert result.errors == []


def test_a_stacked_header_over_one_line_cells_is_left_to_the_other_readers(tmp_path):
    rows = TITLE + [["STT", "Họ và tên", "Chức vụ - Chức danh trong đoàn", "Đoàn"],
                    [1, "Phạm Công Sơn", "Phó Chủ tịch UBND thị xã / Trưởng Đoàn", "Đoàn 1"],
                    [2, "Lý Trọng Hiếu", "Chánh Văn phòng (Thành viên)", "Đoàn 1"]]
    result = parse_file(write_workbook(tmp_path / "f.xlsx", {"DS": rows}))
    assert [(r["position"], r["role"]) for r in result.records()] == [
        ("Phó Chủ tịch UBND thị xã", "head"), ("Chánh Văn phòng", "member")]


def group_columns(count_row):
    return TITLE + [["Nhiệm vụ", "ĐOÀN CÔNG TÁC SỐ 1\n(Đảng bộ phường Đông Hải)", "Đoàn công tác số 2 (Chi bộ Khu 3)"],
                    ["Trưởng đoàn", "Đ/c Lê Thị Hoa - Phó Giám đốc Trung tâm Chính trị", "Đ/c Võ Hải - Chuyên viên"],
                    ["Thành viên", "Đ/c Phan Văn Nam - Trưởng phòng Tài chính - Kế hoạch", None],
                    [None, "Đ/c Trần Minh - Chuyên viên", None], count_row]


def test_one_column_per_group_is_read_group_by_group(tmp_path):
    result = parse_file(write_workbook(tmp_path / "f.xlsx", {"PC": group_columns(
        ["Số lượng", "3 đồng chí", "1 đồng chí"])}))
    assert [(r["full_name"], r["position"], r["group"], r["role"], r["unit"]) for r in result.records()] == [
        ("Lê Thị Hoa", "Phó Giám đốc Trung tâm Chính trị", "Đoàn công tác số 1", "head", "Đảng bộ phường Đông Hải"),
        ("Phan Văn Nam", "Trưởng phòng Tài chính - Kế hoạch", "Đoàn công tác số 1", "member",
         "Đảng bộ phường Đông Hải"),
        ("Trần Minh", "Chuyên viên", "Đoàn công tác số 1", "member", "Đảng bộ phường Đông Hải"),
        ("Võ Hải", "Chuyên viên", "Đoàn công tác số 2", "head", "Chi bộ Khu 3")]
    assert result.errors == []


def test_a_count_the_people_do_not_match_is_reported(tmp_path):
    result = parse_file(write_workbook(tmp_path / "f.xlsx", {"PC": group_columns(
        ["Số lượng", "4 đồng chí", "1 đồng chí"])}))
    assert len(result.records()) == 4
    assert any("tổng cộng ghi 5 người" in warning["message"] for warning in result.warnings)


def session_blocks(total):
    return TITLE + [["STT", "Họ và tên", "Chức vụ", "Sinh hoạt tại chi bộ", "Điểm danh"],
                    ["I. Phiên giao ban Thứ Hai, ngày 10/03/2025"],
                    [1, "Đ/c Lê Thị Hoa", "Chuyên viên", "Chi bộ Khu 3", "CM"],
                    [2, "Đ/c Phan Văn Nam", "Trưởng phòng", "Chi bộ Khu 4", "VCP"],
                    [None, total], [],
                    ["II. Phiên giao ban Thứ Hai, ngày 09/06/2025"],
                    [1, "Đ/c Lê Thị Hoa", "Chuyên viên", "Chi bộ Khu 3", "ĐM"],
                    [2, "Đ/c Phan Văn Nam", "Trưởng phòng", "Chi bộ Khu 4", "CM"],
                    [None, "Cộng: 2 đồng chí"], [],
                    ["Ký hiệu: CM - có mặt; VCP - vắng có phép; VKP - vắng không phép; ĐM - đến muộn"]]


def test_a_register_in_dated_session_blocks_dates_each_row_from_its_block(tmp_path):
    result = parse_file(write_workbook(tmp_path / "f.xlsx", {"Giao ban": session_blocks("Cộng: 2 đồng chí")}))
    assert result.kind == "attendance"
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == [
        ("Lê Thị Hoa", "2025-03-10", "present"), ("Phan Văn Nam", "2025-03-10", "excused"),
        ("Lê Thị Hoa", "2025-06-09", "late"), ("Phan Văn Nam", "2025-06-09", "present")]
    assert result.errors == []


def test_a_session_block_whose_total_disagrees_is_not_read_as_dated(tmp_path):
    result = parse_file(write_workbook(tmp_path / "f.xlsx", {"Giao ban": session_blocks("Cộng: 3 đồng chí")}))
    assert result.errors  # read the usual way: the block rows are reported, not passed over


def test_a_block_total_may_leave_out_an_unmarked_member(tmp_path):
    """'Tổng số: 1' under two people, one of them on leave with no mark: the total counts the marked ones."""
    rows = session_blocks("Cộng: 2 đồng chí")
    rows[-4] = rows[-4][:4] + [None]  # second block, second person: no mark (on leave)
    rows[-3] = [None, "Tổng số: 1; có mặt: 0"]
    result = parse_file(write_workbook(tmp_path / "f.xlsx", {"Giao ban": rows}))
    assert result.kind == "attendance"
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == [
        ("Lê Thị Hoa", "2025-03-10", "present"), ("Phan Văn Nam", "2025-03-10", "excused"),
        ("Lê Thị Hoa", "2025-06-09", "late")]
    assert result.errors == []


@pytest.mark.parametrize("second_line, unit", [
    ("(phụ trách Chi bộ ấp Mỹ Hòa)", "Chi bộ ấp Mỹ Hòa"), ("Phụ trách: Chi bộ ấp Mỹ Hòa", "Chi bộ ấp Mỹ Hòa"),
    ("Theo dõi - Xã Chế Tạo", "Xã Chế Tạo"), ("Chi bộ ấp Mỹ Hòa", "Chi bộ ấp Mỹ Hòa")])
def test_a_group_cell_naming_its_unit_after_an_assignment_wording_gives_the_unit_alone(tmp_path, second_line, unit):
    """b23: 'Đoàn số 1' over '(phụ trách Chi bộ …)' in a cell merged down the group, under 'Đoàn công tác - Địa
    bàn': the unit was read with its wording and brackets, silently."""
    rows = TITLE + [["Đoàn công tác - Địa bàn", "STT", "Họ và tên", "Nhiệm vụ", "ĐT"],
                    [f"Đoàn số 1\n{second_line}", 1, "Lê Thị Hoa", "Trưởng Đoàn", "0912 345 678"],
                    [f"Đoàn số 1\n{second_line}", 2, "Phan Văn Nam", "Thành viên", "0912 345 679"]]
    result = parse_file(write_workbook(tmp_path / "f.xlsx", {"DS": rows}))
    assert [(r["group"], r["unit"]) for r in result.records()] == [("Đoàn công tác số 1", unit)] * 2
    assert result.errors == []


@pytest.mark.parametrize("typed, unit", [
    ("(phụ trách Chi bộ ấp Mỹ Hòa)", "Chi bộ ấp Mỹ Hòa"), ("Phụ trách: Xã Chế Tạo", "Xã Chế Tạo"),
    ("Đơn vị phụ trách Chi bộ 5", "Chi bộ 5"), ("Địa bàn: Thôn 4", "Thôn 4"),
    ("Phụ trách chung", None), ("(Theo dõi chung)", None), ("Phụ trách", "Phụ trách"),
    ("Giao Thủy", "Giao Thủy"), ("Chi bộ 3", "Chi bộ 3"),
    ("(Đảng bộ xã A)", "(Đảng bộ xã A)"), (None, None)])
def test_assigned_unit(typed, unit):
    assert assigned_unit(typed) == unit
