"""A roster column packing the group and the role into one code ('Đ2-PĐ', 'PĐ/Đ2', 'ĐCT3.TV', '2-TĐ'), the parts
explained by the sheet's notes or by the usual abbreviations: read as both the group and the role column. A code
with a part nothing explains is refused, naming that part."""

import csv

import pytest
from sheet_files import write_sheet

from importers import parse_file

TITLE = [["DANH SÁCH THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC"], []]
PEOPLE = [("Lê Văn Tâm", 1, "TĐ"), ("Hà Thị Mai", 1, "PĐ"), ("Đỗ Quang Huy", 1, "TV"), ("Vương Thu Hà", 2, "TĐ"),
          ("Phí Đức Long", 2, "TV"), ("Tạ Minh Anh", 3, "TV")]
ROLES = {"TĐ": "head", "PĐ": "deputy", "TV": "member"}
NOTES = [["Ghi chú: Mã PC là mã phân công, gồm số Đoàn công tác và nhiệm vụ trong Đoàn."],
         ["Đ1, Đ2, Đ3: Đoàn công tác số 1, số 2, số 3; TĐ: Trưởng đoàn; PĐ: Phó Trưởng đoàn; TV: Thành viên."]]
EXPECTED = [(name, f"Đoàn công tác số {group}", ROLES[role]) for name, group, role in PEOPLE]


def _code(group: int, role: str, group_code: str, separator: str, role_first: bool) -> str:
    parts = [role, f"{group_code}{group}"] if role_first else [f"{group_code}{group}", role]
    return separator.join(parts)


def _rows(group_code="Đ", separator="-", role_first=False, notes=True, odd=None):
    rows = TITLE + [["STT", "Họ và tên", "Chức vụ", "Mã PC", "Chi bộ theo dõi"]]
    for number, (name, group, role) in enumerate(PEOPLE, 1):
        code = _code(group, role, group_code, separator, role_first)
        rows.append([number, name, "Đảng ủy viên", odd if odd and number == 4 else code, f"Chi bộ thôn {number}"])
    return rows + (NOTES if notes else [])


def _write(tmp_path, rows, extension):
    path = tmp_path / f"f.{extension}"
    if extension == "csv":
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(rows)
        return path
    return write_sheet(path, rows)


def _read(result):
    return [(r["full_name"], r["group"], r["role"]) for r in result.records()]


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
@pytest.mark.parametrize("separator", ["-", "/", ".", " ", "_"])
@pytest.mark.parametrize("role_first", [False, True])
def test_noted_group_codes_packed_with_role_codes_give_group_and_role(tmp_path, extension, separator, role_first):
    result = parse_file(_write(tmp_path, _rows(separator=separator, role_first=role_first), extension))
    assert result.errors == []
    assert _read(result) == EXPECTED
    assert not any("chưa dùng" in w["message"] for w in result.warnings)


@pytest.mark.parametrize("group_code, separator", [("ĐCT", "."), ("ĐCT", "-"), ("", "-"), ("", "/"),
                                                   ("Đoàn ", "-")])
@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_usual_group_codes_need_no_note(tmp_path, group_code, separator, extension):
    result = parse_file(_write(tmp_path, _rows(group_code, separator, notes=False), extension))
    assert result.errors == []
    assert _read(result) == EXPECTED


@pytest.mark.parametrize("odd, named", [("Đ2-XY", "«XY»"), ("K2-TV", "«K2»"), ("Q9/ZZ", "«Q9», «ZZ»")])
@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_a_code_part_nothing_explains_refuses_the_cell_naming_it(tmp_path, odd, named, extension):
    result = parse_file(_write(tmp_path, _rows(odd=odd), extension))
    assert [e["column"] for e in result.errors] == ["D"]
    assert named in result.errors[0]["message"] and odd in result.errors[0]["message"]
    assert "Vương Thu Hà" not in [r["full_name"] for r in result.records()]
    assert [row for row in _read(result)] == [row for row in EXPECTED if row[0] != "Vương Thu Hà"]


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_group_codes_no_note_explains_refuse_every_row_naming_the_code(tmp_path, extension):
    result = parse_file(_write(tmp_path, _rows(notes=False), extension))
    assert result.records() == []
    assert [e["column"] for e in result.errors] == ["D"] * len(PEOPLE)
    assert "«Đ1»" in result.errors[0]["message"]
