"""A cell of people whose line under a name is that person's position ("Nguyễn Thị Thu Nga" line break "PBT TT Đảng
ủy phường"), in a matrix with one column per group, an assignment table with one row per group, or any cell listing
people: the position line is never a person of its own (b71_05). Near-misses: two names on two lines stay two
people; a name over a phone line keeps the phone."""

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.kinds.person_lines import person_lines
from importers.kinds.position_lines import reads_as_position
from importers.kinds.stacked_fields import noted_stack

NOTE = "(mỗi ô: họ tên đồng chí, dòng dưới: chức vụ)"


def _matrix(note, cells=None):
    cells = cells or {}
    rows = [["ĐẢNG ỦY PHƯỜNG PHÚ XUÂN - BAN THƯỜNG VỤ"], ["SƠ ĐỒ PHÂN CÔNG CÁC ĐOÀN CÔNG TÁC"], [note],
            ["Nhiệm vụ", "ĐOÀN CÔNG TÁC SỐ 1\n(phụ trách Đảng bộ Bệnh viện Trung ương Huế)",
             "ĐOÀN CÔNG TÁC SỐ 2\n(phụ trách Chi bộ Hưu trí 1)"],
            ["Trưởng đoàn", "Nguyễn Thị Thu Nga\nPBT TT Đảng ủy phường", "Hồ Văn Đạt\nPhó Chủ tịch HĐND phường"],
            ["Phó đoàn", "Hồ Công Hùng\nTrưởng Công an phường", cells.get("C6", "Nguyễn Văn Thành\nCV Ban XDĐ")],
            [None, "Phan Văn Hải\nCV Ban XDĐ", None],
            ["Thành viên", "Nguyễn Ngọc Ngân\nChỉ huy trưởng BCHQS phường", "Lê Thị Mai\nChủ nhiệm UBKT ĐU"],
            [None, "Huỳnh Ngọc Thủy\nCông chức VH-XH", None],
            [None, None, cells.get("C10", "Đặng Ngọc Thảo\nChủ tịch Hội LHPN phường")],
            ["Số lượng", 5, cells.get("C11", 4)], [],
            ["Viết tắt: PBT TT - Phó Bí thư Thường trực; XDĐ - Xây dựng Đảng; CV - Chuyên viên."]]
    return rows


MERGES = ("A1:C1", "A2:C2", "A3:C3", "A6:A7", "A8:A10")
GROUP1, GROUP2 = "Đoàn công tác số 1", "Đoàn công tác số 2"
UNIT1, UNIT2 = "Đảng bộ Bệnh viện Trung ương Huế", "Chi bộ Hưu trí 1"
EXPECTED = [
    ("Nguyễn Thị Thu Nga", "PBT TT Đảng ủy phường", GROUP1, "head", UNIT1),
    ("Hồ Công Hùng", "Trưởng Công an phường", GROUP1, "deputy", UNIT1),
    ("Phan Văn Hải", "CV Ban XDĐ", GROUP1, "deputy", UNIT1),
    ("Nguyễn Ngọc Ngân", "Chỉ huy trưởng BCHQS phường", GROUP1, "member", UNIT1),
    ("Huỳnh Ngọc Thủy", "Công chức VH-XH", GROUP1, "member", UNIT1),
    ("Hồ Văn Đạt", "Phó Chủ tịch HĐND phường", GROUP2, "head", UNIT2),
    ("Nguyễn Văn Thành", "CV Ban XDĐ", GROUP2, "deputy", UNIT2),
    ("Lê Thị Mai", "Chủ nhiệm UBKT ĐU", GROUP2, "member", UNIT2),
    ("Đặng Ngọc Thảo", "Chủ tịch Hội LHPN phường", GROUP2, "member", UNIT2),
]


def _records(result):
    return [(r["full_name"], r["position"], r["group"], r["role"], r["unit"]) for r in result.records()]


@pytest.mark.parametrize("note", [NOTE, "Ghi chú: mỗi ô ghi họ và tên, dòng dưới ghi chức vụ", None])
def test_a_group_matrix_reads_each_cell_as_one_person_with_the_position_below(tmp_path, note):
    result = parse_file(write_sheet(tmp_path / "m.xlsx", _matrix(note), merges=MERGES))
    assert result.kind == "roster" and result.errors == [] and result.warnings == []
    assert _records(result) == EXPECTED
    assert {(r["birth_date"], r["phone"]) for r in result.records()} == {(None, None)}


def test_a_position_line_without_a_note_or_office_word_needs_the_note(tmp_path):
    cells = {"C10": "Đặng Ngọc Thảo\nKế hoạch tổng hợp"}
    noted = parse_file(write_sheet(tmp_path / "n.xlsx", _matrix(NOTE, cells), merges=MERGES))
    assert _records(noted)[-1] == ("Đặng Ngọc Thảo", "Kế hoạch tổng hợp", GROUP2, "member", UNIT2)
    assert noted.warnings == []
    bare = parse_file(write_sheet(tmp_path / "b.xlsx", _matrix(None, cells | {"C11": 5}), merges=MERGES))
    assert [r["full_name"] for r in bare.records()][-2:] == ["Đặng Ngọc Thảo", "Kế hoạch tổng hợp"]


def test_several_people_each_with_a_position_line_in_one_cell(tmp_path):
    cells = {"C6": "Nguyễn Văn Thành\nCV Ban XDĐ\nTrần Đình Định\nCV Văn phòng ĐU", "C11": 5}
    result = parse_file(write_sheet(tmp_path / "s.xlsx", _matrix(NOTE, cells), merges=MERGES))
    assert _records(result)[6:8] == [("Nguyễn Văn Thành", "CV Ban XDĐ", GROUP2, "deputy", UNIT2),
                                     ("Trần Đình Định", "CV Văn phòng ĐU", GROUP2, "deputy", UNIT2)]
    assert len(result.records()) == 10 and result.warnings == [] and result.errors == []


def test_two_names_on_two_lines_stay_two_people_and_a_note_saying_otherwise_is_warned(tmp_path):
    cells = {"C6": "Nguyễn Văn Thành\nTrần Đình Định", "C11": 5}
    bare = parse_file(write_sheet(tmp_path / "b.xlsx", _matrix(None, cells), merges=MERGES))
    assert _records(bare)[6:8] == [("Nguyễn Văn Thành", None, GROUP2, "deputy", UNIT2),
                                   ("Trần Đình Định", None, GROUP2, "deputy", UNIT2)]
    assert bare.warnings == []
    noted = parse_file(write_sheet(tmp_path / "n.xlsx", _matrix(NOTE, cells), merges=MERGES))
    assert [r["full_name"] for r in noted.records()][6:8] == ["Nguyễn Văn Thành", "Trần Đình Định"]
    assert [(w["row"], w["column"]) for w in noted.warnings] == [(6, "C")]
    assert "«Nguyễn Văn Thành», «Trần Đình Định»" in noted.warnings[0]["message"]


def test_the_total_line_still_counts_the_cells(tmp_path):
    result = parse_file(write_sheet(tmp_path / "t.xlsx", _matrix(NOTE, {"C11": 6}), merges=MERGES))
    assert len(result.records()) == 9
    assert any("tổng cộng ghi 11 người" in w["message"] for w in result.warnings)


def test_an_assignment_table_with_one_row_per_group(tmp_path):
    rows = [["PHÂN CÔNG ĐOÀN CÔNG TÁC"], [],
            ["STT", "Đoàn công tác", "Chi bộ phụ trách", "Trưởng đoàn", "Phó Trưởng đoàn", "Thành viên"],
            [1, "Đoàn số 1", "Chi bộ Thôn Đông", "Lê Văn An\nBí thư Đảng ủy",
             "Võ Hải\nPhó Chủ tịch UBND xã", "Trần Minh Tâm\nCông chức VP-TK\nPhạm Thu Hà\nChuyên viên Văn phòng"]]
    result = parse_file(write_sheet(tmp_path / "a.xlsx", rows))
    assert result.errors == []
    assert [(r["full_name"], r["position"], r["role"]) for r in result.records()] == [
        ("Lê Văn An", "Bí thư Đảng ủy", "head"), ("Võ Hải", "Phó Chủ tịch UBND xã", "deputy"),
        ("Trần Minh Tâm", "Công chức VP-TK", "member"), ("Phạm Thu Hà", "Chuyên viên Văn phòng", "member")]


@pytest.mark.parametrize(("cell", "noted", "people"), [
    ("Nguyễn Thị Thu Nga\nPBT TT Đảng ủy phường", False, [("Nguyễn Thị Thu Nga", "PBT TT Đảng ủy phường", None)]),
    ("Lê Hoa\nTrưởng phòng\nVăn phòng HĐND", False, [("Lê Hoa", "Trưởng phòng Văn phòng HĐND", None)]),
    ("Lê Hoa\nChủ tịch Hội Nông dân\nVõ Hải\nCV Ban XDĐ", False,
     [("Lê Hoa", "Chủ tịch Hội Nông dân", None), ("Võ Hải", "CV Ban XDĐ", None)]),
    # near-misses: two names, a name that opens like an office, a phone line, a person of its own after a dash
    ("Lê Hoa\nTrương Văn Hải", False, [("Lê Hoa", None, None), ("Trương Văn Hải", None, None)]),
    ("Lê Hoa\nPhó Đức Phương", False, [("Lê Hoa", None, None), ("Phó Đức Phương", None, None)]),
    ("Lê Hoa\nTrương Văn Hải", True, [("Lê Hoa", None, None), ("Trương Văn Hải", None, None)]),
    ("Lê Hoa\n0912 345 678", False, [("Lê Hoa", None, "0912 345 678")]),
    ("Lê Hoa - Kế toán\nVõ Hải - CV Ban XDĐ", False, [("Lê Hoa", "Kế toán", None), ("Võ Hải", "CV Ban XDĐ", None)]),
    ("Lê Hoa\nKế hoạch tổng hợp", True, [("Lê Hoa", "Kế hoạch tổng hợp", None)]),
    ("1. Lê Hoa\n2. Chủ tịch Hội Nông dân", False, [("Lê Hoa", None, None), ("Chủ tịch Hội Nông dân", None, None)]),
])
def test_person_lines(cell, noted, people):
    assert person_lines(cell, noted) == people


@pytest.mark.parametrize(("line", "position"), [
    ("CV Văn phòng ĐU", True), ("Trưởng Công an phường", True), ("Công chức ĐC-XD", True), ("Chủ tịch", True),
    ("Phó Chủ tịch UBND phường", True), ("Trương Công An", False), ("NGUYỄN VĂN AN", False), ("LE VAN AN", False),
    ("Phó Đức Phương", False), ("Đ/c Trần Văn Bình", False),
])
def test_reads_as_position(line, position):
    assert reads_as_position(line) is position


@pytest.mark.parametrize(("note", "said"), [
    (NOTE, True), ("Dòng trên: họ tên; dòng dưới: chức vụ", True), ("(Họ và tên, xuống dòng: chức vụ, đơn vị)", True),
    ("(mỗi ô: họ tên, dòng dưới: số điện thoại)", False), ("Mỗi ô ghi một đồng chí", False),
])
def test_noted_stack(note, said):
    assert noted_stack([[None, note]]) is said
