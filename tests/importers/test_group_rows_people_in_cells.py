"""An assignment table with one row per group whose role columns list the people inside the cells: each person
may take several lines (the name, their position in brackets, their phone), members numbered; a heading over
several people ("Các thành viên") is the member role; a column listing people under a heading naming no role is
never dropped silently (b32_06, b34_06)."""
import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.kinds.person_lines import person_lines

HEAD = "Đ/c NGUYỄN VĂN AN\n(Ủy viên Ban Thường vụ, Phó Chủ tịch UBND xã)\nĐT: 0912 345 678"
DEPUTIES = ("Đ/c Lê Thị Hoa\n(Đảng ủy viên, Trưởng phòng Văn hóa - Xã hội)\nĐT: 0987.654.321\n\n"
            "Đ/c Võ Hải\n(Chuyên viên)")
MEMBERS = "1. Đ/c Trần Minh Tâm (Chuyên viên Văn phòng)\n2. Đ/c Phạm Thu Hà - Kế toán"


@pytest.mark.parametrize(("cell", "people"), [
    (HEAD, [("Đ/c NGUYỄN VĂN AN", "Ủy viên Ban Thường vụ, Phó Chủ tịch UBND xã", "0912 345 678")]),
    (DEPUTIES, [("Đ/c Lê Thị Hoa", "Đảng ủy viên, Trưởng phòng Văn hóa - Xã hội", "0987.654.321"),
                ("Đ/c Võ Hải", "Chuyên viên", None)]),
    ("Đ/c Lê Hoa - Chuyên viên\n(Văn phòng Đảng ủy)\n0912345678",
     [("Đ/c Lê Hoa", "Chuyên viên (Văn phòng Đảng ủy)", "0912345678")]),
    # a numbered line is a person of its own, whatever it holds
    ("1. Đ/c Lê Hoa\n2. (Chuyên viên)", [("Đ/c Lê Hoa", None, None), ("(Chuyên viên)", None, None)]),
])
def test_a_persons_lines_stay_together(cell, people):
    assert person_lines(cell) == people


def _rows(member_heading):
    return [["ĐẢNG BỘ XÃ AN PHÚ"], ["PHÂN CÔNG CÁC ĐOÀN CÔNG TÁC"], [],
            ["STT", "Đoàn công tác", "Chi bộ phụ trách", "Trưởng đoàn", "Phó Trưởng đoàn", member_heading, "Ghi chú"],
            [1, "Đoàn số 1", "Chi bộ Thôn Đông", HEAD, DEPUTIES, MEMBERS, "Họp quý"],
            [2, "Đoàn số 2", "Chi bộ Thôn Tây", "Đ/c Đỗ Văn Bình - Bí thư Đảng ủy", None,
             "1. Đ/c Hồ Thị Lan - Chủ tịch Hội Nông dân xã"],
            [], ["Ghi chú: Mỗi Đoàn phụ trách một chi bộ."]]


EXPECTED = [
    ("Nguyễn Văn An", "Ủy viên Ban Thường vụ, Phó Chủ tịch UBND xã", "Đoàn công tác số 1", "head", "0912345678"),
    ("Lê Thị Hoa", "Đảng ủy viên, Trưởng phòng Văn hóa - Xã hội", "Đoàn công tác số 1", "deputy", "0987654321"),
    ("Võ Hải", "Chuyên viên", "Đoàn công tác số 1", "deputy", None),
    ("Trần Minh Tâm", "Chuyên viên Văn phòng", "Đoàn công tác số 1", "member", None),
    ("Phạm Thu Hà", "Kế toán", "Đoàn công tác số 1", "member", None),
    ("Đỗ Văn Bình", "Bí thư Đảng ủy", "Đoàn công tác số 2", "head", None),
    ("Hồ Thị Lan", "Chủ tịch Hội Nông dân xã", "Đoàn công tác số 2", "member", None),
]


@pytest.mark.parametrize("member_heading", ["Thành viên", "Các thành viên", "Các thành viên đoàn"])
def test_one_row_per_group_gives_every_person(tmp_path, member_heading):
    result = parse_file(write_sheet(tmp_path / "g.xlsx", _rows(member_heading)))
    assert result.kind == "roster" and result.errors == []
    got = [(r["full_name"], r["position"], r["group"], r["role"], r["phone"]) for r in result.records()]
    assert got == EXPECTED
    assert {r["unit"] for r in result.records()} == {"Chi bộ Thôn Đông", "Chi bộ Thôn Tây"}
    assert not any("chữ số" in warning["message"] for warning in result.warnings)


def test_people_under_a_heading_naming_no_role_are_not_dropped_silently(tmp_path):
    result = parse_file(write_sheet(tmp_path / "g.xlsx", _rows("Cán bộ tham gia")))
    names = {r["full_name"] for r in result.records()}
    assert "Trần Minh Tâm" not in names and "Nguyễn Văn An" in names
    warned = [w for w in result.warnings if w["column"] == "F" and "chưa được nhập" in w["message"]]
    assert len(warned) == 1 and "F5, F6" in warned[0]["message"] and "«Cán bộ tham gia»" in warned[0]["message"]
