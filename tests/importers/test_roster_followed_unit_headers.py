"""A roster's unit column named by where its member is sent and how ('Chi bộ được phân công dự sinh hoạt', 'Dự sinh
hoạt tại', 'Chi bộ phân công theo dõi'), its cells perhaps 'nt' (như trên) under the first of a run, roles an 'x'
under 'Trưởng đoàn | Phó đoàn | Thành viên'. The member's own cell ('Chi bộ đang sinh hoạt') is never that unit."""

import datetime as dt

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.followed_units import FOLLOWED, UNSURE, followed_unit_wording

TITLE = [["ĐẢNG ỦY PHƯỜNG NAM SƠN"], ["BẢNG PHÂN CÔNG THÀNH VIÊN ĐOÀN CÔNG TÁC"], []]
PEOPLE = [("Lê Văn Tâm", 1, 0, "Chi bộ Khu phố 2"), ("Hà Thị Mai", 1, 1, "nt"), ("Đỗ Quang Huy", 1, 2, "nt"),
          ("Vương Thu Hà", 1, 2, "Chi bộ Trường Mầm non"), ("Phí Đức Long", 2, 0, "Chi bộ Khu phố 5"),
          ("Tạ Minh Anh", 2, 2, "nt")]
UNITS = ["Chi bộ Khu phố 2"] * 3 + ["Chi bộ Trường Mầm non"] + ["Chi bộ Khu phố 5"] * 2


def _rows(unit_header, own_header=None):
    """Two header rows, the roles an 'x' under the role wordings, the unit written once and then 'nt'."""
    own = [own_header] if own_header else []
    rows = TITLE + [["STT", "Họ và tên", "Ngày sinh", "Đoàn công tác số", "Vai trò trong Đoàn", None, None,
                     *own, unit_header, "Điện thoại"],
                    [None, None, None, None, "Trưởng đoàn", "Phó đoàn", "Thành viên"]]
    for number, (name, group, role, unit) in enumerate(PEOPLE, 1):
        marks = [None, None, None]
        marks[role] = "x"
        rows.append([number, name, dt.datetime(1980, 1, number), group, *marks,
                     *(["Chi bộ Cơ quan phường"] if own_header else []), unit, f"091234567{number}"])
    rows.append([None, 'Ghi chú: "nt" = như trên (cùng chi bộ với dòng liền trên).'])
    return rows


MERGES = ["A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:G4"]


@pytest.mark.parametrize("header", ["Chi bộ được phân công dự sinh hoạt", "Chi bộ dự sinh hoạt", "Dự sinh hoạt tại",
                                    "Chi bộ phân công theo dõi", "Nơi được cử đến dự", "Tham dự sinh hoạt tại chi bộ",
                                    "Đảng bộ, chi bộ được phân công dự họp"])
def test_a_unit_header_naming_where_the_member_is_sent_reads_the_unit_with_its_ditto_marks(tmp_path, header):
    merges = MERGES + ["H4:H5", "I4:I5"]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", _rows(header), merges=merges))
    assert result.errors == []
    assert [(r["full_name"], r["role"], r["unit"]) for r in result.records()] == [
        (name, ("head", "deputy", "member")[role], unit) for (name, _, role, _), unit in zip(PEOPLE, UNITS)]
    assert any("như trên" in w["message"] for w in result.warnings)


@pytest.mark.parametrize("own", ["Chi bộ đang sinh hoạt", "Nơi sinh hoạt đảng", "Chi bộ sinh hoạt"])
def test_the_members_own_cell_beside_the_followed_one_is_never_the_unit(tmp_path, own):
    merges = MERGES + ["H4:H5", "I4:I5", "J4:J5"]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", _rows("Chi bộ được phân công dự sinh hoạt", own),
                                    merges=merges))
    assert [r["unit"] for r in result.records()] == UNITS
    assert any(w["column"] == "H" and "chưa dùng" in w["message"] for w in result.warnings)


@pytest.mark.parametrize("own", ["Chi bộ đang sinh hoạt", "Sinh hoạt tại chi bộ", "Chi bộ được phân công sinh hoạt"])
def test_a_members_own_cell_alone_names_no_unit(tmp_path, own):
    result = parse_file(write_sheet(tmp_path / "f.xlsx", _rows(own), merges=MERGES + ["H4:H5", "I4:I5"]))
    assert {r["unit"] for r in result.records()} == {None}


def test_a_cell_the_member_takes_part_in_is_read_as_the_unit_with_a_warning(tmp_path):
    result = parse_file(write_sheet(tmp_path / "f.xlsx", _rows("Chi bộ tham gia sinh hoạt"),
                                    merges=MERGES + ["H4:H5", "I4:I5"]))
    assert [r["unit"] for r in result.records()] == UNITS
    assert any(w["column"] == "H" and "đang sinh hoạt" in w["message"] for w in result.warnings)


@pytest.mark.parametrize(("header", "reading"), [
    ("Chi bộ được phân công dự sinh hoạt", FOLLOWED), ("Phân công theo dõi", FOLLOWED), ("Xã phụ trách", FOLLOWED),
    ("Được phân công tham gia sinh hoạt tại", FOLLOWED), ("Chi bộ tham gia sinh hoạt", UNSURE),
    ("Chi bộ đang sinh hoạt", None), ("Đảng viên dự bị", None), ("Đơn vị công tác", None),
    ("Nhiệm vụ được phân công", None), ("Đoàn công tác số", None)])
def test_followed_unit_wordings(header, reading):
    assert followed_unit_wording(header) == reading
