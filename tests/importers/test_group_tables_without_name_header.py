"""Assignment tables that name nobody in a header: no 'Họ và tên' column, the people written inside the cells and
the roles as row or column labels. One row per group under a two-row header ("Lãnh đạo Đoàn" over the head and
deputy columns), people as "Name (position)" with a dash for a place not filled; one column per group with a row
of units among the role rows; and, in a plain roster, a group column split into the new and the old number."""
import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.errors import ImportFileError
from importers.kinds.person_lines import person_lines

TITLE = [["ĐẢNG BỘ PHƯỜNG AN BÌNH"], ["PHÂN CÔNG CÁC ĐOÀN CÔNG TÁC"], []]


def _fields(result):
    return [(r["full_name"], r["position"], r["group"], r["role"], r["unit"]) for r in result.records()]


@pytest.mark.parametrize("cell", ["—", "-", "...", "Chưa bố trí", "(chưa có)"])
def test_a_place_marked_empty_lists_nobody(cell):
    assert person_lines(cell) == []


ROW_PER_GROUP = [
    ["Lê Văn Nam\n(Ủy viên BTV, Phó Chủ tịch UBND phường)", "Trần Thị Mai\n(Chuyên viên Văn phòng)",
     "- Võ Hữu Tài (Công chức Tài chính - Kế toán)\n- Phạm Thu Hà (Chủ tịch Hội LHPN phường)"],
    ["Đỗ Minh Quân\n(Trưởng Công an phường)", "—", "- Hồ Thị Lan (Bí thư Đoàn phường)"],
]
EXPECTED_ROWS = [
    ("Lê Văn Nam", "Ủy viên BTV, Phó Chủ tịch UBND phường", "Đoàn công tác số 1", "head", "Chi bộ Khu phố 1"),
    ("Trần Thị Mai", "Chuyên viên Văn phòng", "Đoàn công tác số 1", "deputy", "Chi bộ Khu phố 1"),
    ("Võ Hữu Tài", "Công chức Tài chính - Kế toán", "Đoàn công tác số 1", "member", "Chi bộ Khu phố 1"),
    ("Phạm Thu Hà", "Chủ tịch Hội LHPN phường", "Đoàn công tác số 1", "member", "Chi bộ Khu phố 1"),
    ("Đỗ Minh Quân", "Trưởng Công an phường", "Đoàn công tác số 2", "head", "Chi bộ Trường Tiểu học"),
    ("Hồ Thị Lan", "Bí thư Đoàn phường", "Đoàn công tác số 2", "member", "Chi bộ Trường Tiểu học"),
]


@pytest.mark.parametrize("group_heading", ["Đoàn", "Đoàn công tác", "Nội dung", None])
def test_one_row_per_group_under_a_two_row_header(tmp_path, group_heading):
    rows = TITLE + [
        [group_heading, "Cơ sở được phân công phụ trách", "Lãnh đạo Đoàn", None, "Thành viên"],
        [None, None, "Trưởng đoàn", "Phó Trưởng đoàn", None],
        ["Đoàn số 1", "Chi bộ Khu phố 1", *ROW_PER_GROUP[0]],
        ["Đoàn số 2", "Chi bộ Trường Tiểu học", *ROW_PER_GROUP[1]],
        [], ["Ghi chú: dấu \"—\": chưa bố trí Phó Trưởng đoàn."]]
    merges = ["A4:A5", "B4:B5", "C4:D4", "E4:E5"]
    result = parse_file(write_sheet(tmp_path / "g.xlsx", rows, merges=merges))
    assert result.kind == "roster" and result.errors == []
    assert _fields(result) == EXPECTED_ROWS


def test_role_ticks_under_a_two_row_header_are_no_people(tmp_path):
    rows = TITLE + [
        ["Đoàn", "Cơ sở phụ trách", "Nhiệm vụ trong Đoàn", None, None],
        [None, None, "Trưởng đoàn", "Phó đoàn", "Thành viên"],
        ["Đoàn số 1", "Chi bộ Khu phố 1", "x", None, None],
        ["Đoàn số 2", "Chi bộ Khu phố 2", None, "x", None]]
    with pytest.raises(ImportFileError):  # nobody is named: refused, never a person called 'x'
        parse_file(write_sheet(tmp_path / "g.xlsx", rows))


@pytest.mark.parametrize("unit_label", ["Phụ trách", "Chi bộ phụ trách", "Địa bàn"])
def test_one_column_per_group_with_a_row_of_units(tmp_path, unit_label):
    rows = TITLE + [
        ["Nội dung", "Đoàn số 1", "Đoàn số 2"],
        [unit_label, "Chi bộ Công an", "Chi bộ Trạm Y tế"],
        ["Trưởng đoàn", "Đ/c Lê Văn Nam - Chủ tịch UBND xã", "Đ/c Đỗ Minh Quân - Trưởng Công an xã"],
        ["Phó Trưởng đoàn", "Đ/c Trần Thị Mai - Phó Trưởng Công an xã", None],
        ["Thành viên", "Đ/c Võ Hữu Tài - Công chức Văn hóa, xã hội", "Đ/c Hồ Thị Lan - Bí thư Đoàn xã"],
        [None, "Đ/c Phạm Thu Hà - Chủ tịch Hội Nông dân xã", None],
        [], ["Ghi chú: Mỗi ô ghi \"Đ/c Họ và tên - Chức vụ\"."]]
    result = parse_file(write_sheet(tmp_path / "g.xlsx", rows, merges=["A8:A9"]))
    assert result.kind == "roster" and result.errors == []
    assert _fields(result) == [
        ("Lê Văn Nam", "Chủ tịch UBND xã", "Đoàn công tác số 1", "head", "Chi bộ Công an"),
        ("Trần Thị Mai", "Phó Trưởng Công an xã", "Đoàn công tác số 1", "deputy", "Chi bộ Công an"),
        ("Võ Hữu Tài", "Công chức Văn hóa, xã hội", "Đoàn công tác số 1", "member", "Chi bộ Công an"),
        ("Phạm Thu Hà", "Chủ tịch Hội Nông dân xã", "Đoàn công tác số 1", "member", "Chi bộ Công an"),
        ("Đỗ Minh Quân", "Trưởng Công an xã", "Đoàn công tác số 2", "head", "Chi bộ Trạm Y tế"),
        ("Hồ Thị Lan", "Bí thư Đoàn xã", "Đoàn công tác số 2", "member", "Chi bộ Trạm Y tế")]


def _old_and_new(old_first: bool, new_numbers):
    old, new = "Số cũ (trước 01/7/2025)", "Số mới"
    upper = ["STT", "Họ, chữ đệm và tên", "Chức vụ", "Đoàn công tác", None, "Nhiệm vụ trong Đoàn", "Chi bộ phụ trách"]
    lower = [None, None, None, *((old, new) if old_first else (new, old)), None, None]
    people = [("Lê Văn Nam", "Chủ tịch UBND phường", "TĐ"), ("Trần Thị Mai", "Chuyên viên", "PĐ"),
              ("Võ Hữu Tài", "Kế toán", "TV")]
    body = []
    for number, ((name, position, role), group) in enumerate(zip(people, new_numbers), 1):
        pair = ("Đoàn 3 - P. An Bình", group) if old_first else (group, "Đoàn 3 - P. An Bình")
        body.append([number, name, position, *pair, role, "Chi bộ Khu phố 1"])
    note = [["Ghi chú: TĐ - Trưởng đoàn; PĐ - Phó Trưởng đoàn; TV - Thành viên. Cột \"Số cũ\" chỉ để đối chiếu."]]
    return TITLE + [upper, lower] + body + [[]] + note, ["A4:A5", "B4:B5", "C4:C5", "D4:E4", "F4:F5", "G4:G5"]


@pytest.mark.parametrize("old_first", [False, True])
def test_the_old_group_number_is_never_read_as_the_group(tmp_path, old_first):
    rows, merges = _old_and_new(old_first, [1, 1, 2])
    result = parse_file(write_sheet(tmp_path / "g.xlsx", rows, merges=merges))
    assert result.kind == "roster" and result.errors == []
    assert [(r["full_name"], r["group"], r["role"]) for r in result.records()] == [
        ("Lê Văn Nam", "Đoàn công tác số 1", "head"), ("Trần Thị Mai", "Đoàn công tác số 1", "deputy"),
        ("Võ Hữu Tài", "Đoàn công tác số 2", "member")]
    assert any("Số cũ" in warning["message"] and "chưa dùng" in warning["message"] for warning in result.warnings)


def test_a_missing_new_number_is_not_filled_from_the_old_one(tmp_path):
    rows, merges = _old_and_new(False, [1, None, 2])
    result = parse_file(write_sheet(tmp_path / "g.xlsx", rows, merges=merges))
    assert "Đoàn 3" not in " ".join(str(r["group"]) for r in result.records())
    assert result.errors
