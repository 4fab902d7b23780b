"""A position in brackets after the name ("Nguyễn Thị Thanh Trinh (Chuyên viên Phòng Văn hóa - Xã hội)") is the
position, whole: a dash, ';' or line break inside the brackets never splits the name from it nor one person in two,
in an assignment matrix, a table with one column per group, or a column stacking name and position (b26 r06)."""

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.kinds.person_lines import person_lines


@pytest.mark.parametrize(("cell", "people"), [
    ("- Nguyễn Thị Thanh Trinh (Chuyên viên Phòng Văn hóa - Xã hội)",
     [("Nguyễn Thị Thanh Trinh", "Chuyên viên Phòng Văn hóa - Xã hội", None)]),
    ("Lê Hoa (Phó Chủ tịch – Hội LHPN (xã))", [("Lê Hoa", "Phó Chủ tịch – Hội LHPN (xã)", None)]),
    ("1. Lê Hoa (Đảng ủy viên; Chủ tịch Hội Nông dân)\n2. Võ Hải (Phó Chủ tịch\nUBND xã)",
     [("Lê Hoa", "Đảng ủy viên; Chủ tịch Hội Nông dân", None), ("Võ Hải", "Phó Chủ tịch UBND xã", None)]),
    ("Lê Hoa - Trưởng phòng (Tài chính - Kế hoạch)", [("Lê Hoa", "Trưởng phòng (Tài chính - Kế hoạch)", None)]),
    ("Lê Hoa (Chuyên viên - Văn phòng) (ĐT: 0912 345 678)",
     [("Lê Hoa", "Chuyên viên - Văn phòng", "0912 345 678")]),
    # an opening bracket never closed holds nothing: the lines stay two people
    ("Lê Hoa (Chuyên viên\nVõ Hải - Kế toán", [("Lê Hoa (Chuyên viên", None, None), ("Võ Hải", "Kế toán", None)]),
])
def test_a_separator_inside_brackets_splits_nothing(cell, people):
    assert person_lines(cell) == people


def _records(result):
    return [(r["full_name"], r["position"], r["group"], r["role"]) for r in result.records()]


def test_an_assignment_matrix_keeps_a_bracketed_position_whole(tmp_path):
    rows = [["PHÂN CÔNG CÁC ĐOÀN CÔNG TÁC"], ["(trong ngoặc đơn là chức vụ của đồng chí)"], [],
            ["Đoàn", "Địa bàn phụ trách", "Trưởng đoàn", "Phó Trưởng đoàn", "Thành viên"],
            ["Số 1", "Chi bộ thôn An Hải", "Tạ Tấn Định (Phó Bí thư Thường trực Đảng ủy xã)", "Bùi Đức Vũ",
             "- Lê Văn Thịnh (Phó Trưởng Công an xã)\n- Nguyễn Thị Thanh Trinh (Chuyên viên Phòng Văn hóa - Xã hội)"],
            ["Số 2", "Chi bộ thôn Kỳ Tân", "Lê Xuân Kiên (Ủy viên BTV; Chủ nhiệm UBKT)", "Hồ Thị Thu Lan",
             "Đoàn Ngọc Lộc (Trạm trưởng – Trạm Y tế xã)"]]
    result = parse_file(write_sheet(tmp_path / "phan_cong.xlsx", rows))
    assert _records(result) == [
        ("Tạ Tấn Định", "Phó Bí thư Thường trực Đảng ủy xã", "Đoàn công tác số 1", "head"),
        ("Bùi Đức Vũ", None, "Đoàn công tác số 1", "deputy"),
        ("Lê Văn Thịnh", "Phó Trưởng Công an xã", "Đoàn công tác số 1", "member"),
        ("Nguyễn Thị Thanh Trinh", "Chuyên viên Phòng Văn hóa - Xã hội", "Đoàn công tác số 1", "member"),
        ("Lê Xuân Kiên", "Ủy viên BTV; Chủ nhiệm UBKT", "Đoàn công tác số 2", "head"),
        ("Hồ Thị Thu Lan", None, "Đoàn công tác số 2", "deputy"),
        ("Đoàn Ngọc Lộc", "Trạm trưởng – Trạm Y tế xã", "Đoàn công tác số 2", "member")]
    assert result.errors == [] and result.warnings == []


def test_a_name_and_position_column_joined_by_dashes_keeps_a_bracketed_position_whole(tmp_path):
    rows = [["DANH SÁCH ĐOÀN CÔNG TÁC"], [], ["STT", "Họ và tên - Chức vụ", "Đoàn", "Nhiệm vụ"],
            [1, "Lê Văn An - Bí thư Đảng ủy", "Đoàn số 1", "Trưởng đoàn"],
            [2, "Trần Thị Bình - Chuyên viên", "Đoàn số 1", "Thành viên"],
            [3, "Ngô Văn Cường (Chuyên viên Phòng Văn hóa - Xã hội)", "Đoàn số 1", "Thành viên"],
            [4, "Hồ Văn Hải - Kế toán", "Đoàn số 1", "Thành viên"]]
    result = parse_file(write_sheet(tmp_path / "ds.xlsx", rows))
    assert [(r["full_name"], r["position"]) for r in result.records()] == [
        ("Lê Văn An", "Bí thư Đảng ủy"), ("Trần Thị Bình", "Chuyên viên"),
        ("Ngô Văn Cường", "Chuyên viên Phòng Văn hóa - Xã hội"), ("Hồ Văn Hải", "Kế toán")]
    assert result.errors == []
    assert not any("ngoặc" in warning["message"] for warning in result.warnings)
