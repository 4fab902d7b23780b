"""A unit column headed with 'CB' for chi bộ ('CB theo dõi', 'CB phụ trách', 'Tên CB'), never one of cán bộ (people's
names under it, 'CB, CC'); its values written short ('TDP 14', 'KP 3', 'Thôn ĐT') are written out through the note
on the sheet that spells them ('TDP n = Chi bộ Tổ dân phố n', 'KP - khu phố'), and stay as written, warned, without
one."""

import csv

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.unit_abbreviations import Definition, unit_abbreviations, written_out

PEOPLE = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Quang Hải"]
MARKS = [["x", "P", "x"], ["x", "x", "K"], ["M", "x", "x"]]
STATUS = {"x": "present", "P": "excused", "K": "absent", "M": "late"}
LEGEND = "Ký hiệu: x = có mặt; P = vắng có phép; K = vắng không phép; M = đi muộn"
TITLE = ["ĐẢNG BỘ PHƯỜNG AN HẢI", "THEO DÕI THÀNH VIÊN ĐOÀN CÔNG TÁC DỰ SINH HOẠT CHI BỘ NĂM 2025"]
NOT_AN_ORGANISATION = "không mở đầu bằng tên một tổ chức đảng"


def _register(header, units, notes=()):
    rows = [[line] for line in TITLE] + [[], ["STT", "Họ và tên", header, "T1", "T2", "T3"]]
    rows += [[n, name, unit, *marks] for n, (name, unit, marks) in enumerate(zip(PEOPLE, units, MARKS), 1)]
    return rows + [[], [None, LEGEND]] + [[None, note] for note in notes]


def _units(result):
    return [record["unit"] for record in result.records()[::3]]


def _statuses(result):
    return [(r["full_name"], r["date"], r["status"]) for r in result.records()]


EXPECTED_STATUSES = [(name, f"2025-{month:02d}-01", STATUS[mark]) for name, marks in zip(PEOPLE, MARKS)
                     for month, mark in enumerate(marks, 1)]


@pytest.mark.parametrize("header", ["CB theo dõi", "CB phụ trách", "CB sinh hoạt", "Tên CB", "CB được phân công"])
@pytest.mark.parametrize("note", [
    "CB theo dõi: TDP n = Chi bộ Tổ dân phố n (chi bộ mà đ/c được phân công theo dõi, dự sinh hoạt).",
    "Ghi chú: TDP n = Chi bộ Tổ dân phố n",
    "TDP x: Chi bộ Tổ dân phố x",
])
def test_a_cb_column_of_abbreviations_a_note_spells_out_is_the_unit(tmp_path, header, note):
    result = parse_file(write_sheet(tmp_path / "f.xlsx", _register(header, ["TDP 14", "TDP 3", "TDP 14"], [note])))
    assert result.errors == []
    assert _statuses(result) == EXPECTED_STATUSES
    assert _units(result) == ["Chi bộ Tổ dân phố 14", "Chi bộ Tổ dân phố 3", "Chi bộ Tổ dân phố 14"]
    assert not [w for w in result.warnings if w["column"] == "C"]
    assert any("TDP 14 → Chi bộ Tổ dân phố 14" in item["value"] for item in result.inferences)


@pytest.mark.parametrize(("units", "notes", "expected"), [
    (["KP 1", "KP 2", "KP 2"], ["Ghi chú: KP - khu phố"],
     ["Chi bộ Khu phố 1", "Chi bộ Khu phố 2", "Chi bộ Khu phố 2"]),  # "Chi bộ" heads them (unit_kind_headers)
    (["TDP 5", "TDP 5", "TDP 6"], ["TDP: Tổ dân phố"],
     ["Chi bộ Tổ dân phố 5", "Chi bộ Tổ dân phố 5", "Chi bộ Tổ dân phố 6"]),
    (["Chi bộ Thôn ĐT", "Chi bộ Thôn ĐT", "Chi bộ Thôn BM"], ["Viết tắt: ĐT = Đông Tiến; BM = Bình Minh"],
     ["Chi bộ Thôn Đông Tiến", "Chi bộ Thôn Đông Tiến", "Chi bộ Thôn Bình Minh"]),
    (["Chi bộ TDP 2", "Chi bộ TDP 2", "Chi bộ TDP 9"], ["TDP n = Chi bộ Tổ dân phố n"],
     ["Chi bộ Tổ dân phố 2", "Chi bộ Tổ dân phố 2", "Chi bộ Tổ dân phố 9"]),
])
def test_a_unit_column_is_written_out_as_its_note_spells_it(tmp_path, units, notes, expected):
    result = parse_file(write_sheet(tmp_path / "f.xlsx", _register("Chi bộ", units, notes)))
    assert _units(result) == expected


def test_without_a_note_the_abbreviation_stays_as_written_and_is_warned(tmp_path):
    result = parse_file(write_sheet(tmp_path / "f.xlsx", _register("CB theo dõi", ["TDP 14", "TDP 3", "TDP 14"])))
    assert _units(result) == ["TDP 14", "TDP 3", "TDP 14"]
    assert any(w["column"] == "C" and NOT_AN_ORGANISATION in w["message"] for w in result.warnings)


@pytest.mark.parametrize("header", ["CB theo dõi", "CB phụ trách", "Tên CB"])
def test_a_cb_column_of_peoples_names_is_the_officer_never_the_unit(tmp_path, header):
    result = parse_file(write_sheet(tmp_path / "f.xlsx", _register(
        header, ["Phạm Văn Tám", "Hoàng Thị Hoa", "Phạm Văn Tám"])))
    assert _units(result) == [None, None, None]
    assert any(w["column"] == "C" and "chưa dùng" in w["message"] for w in result.warnings)


def test_a_cadre_header_cb_cc_names_no_unit(tmp_path):
    result = parse_file(write_sheet(tmp_path / "f.xlsx", _register("CB, CC", ["Chi bộ Thôn 1"] * 3)))
    assert _units(result) == [None, None, None]


def test_a_csv_register_reads_its_cb_column_through_the_note(tmp_path):
    path = tmp_path / "f.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(_register("CB theo dõi", ["KP 4", "KP 4", "KP 12"],
                                               ["KP n = Chi bộ Khu phố n"]))
    result = parse_file(path)
    assert _statuses(result) == EXPECTED_STATUSES
    assert _units(result) == ["Chi bộ Khu phố 4", "Chi bộ Khu phố 4", "Chi bộ Khu phố 12"]


ROSTER_HEADER = ["STT", "Họ và tên", "Chức vụ", "Đoàn công tác", "Nhiệm vụ"]
ROSTER = [("Nguyễn Văn An", "Phó Bí thư Đảng ủy", 1, "Trưởng đoàn", "KP 3"),
          ("Trần Thị Bình", "Chủ tịch UBMTTQ", 1, "Thành viên", "KP 5"),
          ("Lê Quang Hải", "Trưởng Công an phường", 2, "Trưởng đoàn", "KP 5")]


def _roster(header, notes, column=4):
    rows = [["ĐẢNG ỦY PHƯỜNG AN HẢI"], ["DANH SÁCH THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC"], [],
            ROSTER_HEADER[:column] + [header] + ROSTER_HEADER[column:]]
    for n, (name, position, group, role, unit) in enumerate(ROSTER, 1):
        values = [n, name, position, group, role]
        rows.append(values[:column] + [unit] + values[column:])
    return rows + [[]] + [[note] for note in notes]


@pytest.mark.parametrize("header", ["CB phụ trách", "CB theo dõi"])
def test_a_rosters_cb_column_is_written_out_through_the_note(tmp_path, header):
    result = parse_file(write_sheet(tmp_path / "f.xlsx", _roster(header, ["Ghi chú: KP n = Chi bộ Khu phố n"])))
    assert result.errors == []
    assert [(r["full_name"], r["group"], r["role"], r["unit"]) for r in result.records()] == [
        ("Nguyễn Văn An", "Đoàn công tác số 1", "head", "Chi bộ Khu phố 3"),
        ("Trần Thị Bình", "Đoàn công tác số 1", "member", "Chi bộ Khu phố 5"),
        ("Lê Quang Hải", "Đoàn công tác số 2", "head", "Chi bộ Khu phố 5")]


def test_a_csv_roster_reads_its_cb_column_through_the_note(tmp_path):
    path = tmp_path / "f.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(_roster("CB theo dõi", ["KP - khu phố"], column=2))
    result = parse_file(path)
    # written out through the note, then given the kind 'CB' names ("Chi bộ": importers.unit_kind_headers)
    assert [r["unit"] for r in result.records()] == ["Chi bộ Khu phố 3", "Chi bộ Khu phố 5", "Chi bộ Khu phố 5"]


def test_a_rosters_own_cell_cb_sinh_hoat_is_no_followed_unit(tmp_path):
    result = parse_file(write_sheet(tmp_path / "f.xlsx", _roster("CB sinh hoạt", ["KP n = Chi bộ Khu phố n"])))
    assert {r["unit"] for r in result.records()} == {None}


@pytest.mark.parametrize("header", ["C.B phụ trách", "C/B theo dõi", "CB phụ trách"])
def test_a_rosters_cb_column_of_hamlets_is_the_followed_unit_however_cb_is_dotted(tmp_path, header):
    rows = [["ĐẢNG ỦY XÃ AN PHÚ"], ["DANH SÁCH THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC"], [],
            ["STT", "Họ và tên", "Chức vụ", "Đoàn công tác", "Nhiệm vụ", header],
            [1, "Nguyễn Văn An", "Phó Bí thư Đảng ủy", 1, "Trưởng đoàn", "Ấp Phú Hòa"],
            [2, "Trần Thị Bình", "Chủ tịch UBMTTQ", 1, "Thành viên", "Ấp Phú Lợi"]]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", rows))
    assert [r["unit"] for r in result.records()] == ["Chi bộ Ấp Phú Hòa", "Chi bộ Ấp Phú Lợi"]


@pytest.mark.parametrize("header", ["C.B phụ trách", "CB phụ trách"])
def test_a_rosters_cb_column_of_peoples_names_is_the_cadre_in_charge_never_the_unit(tmp_path, header):
    rows = [["ĐẢNG ỦY XÃ AN PHÚ"], ["DANH SÁCH THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC"], [],
            ["STT", "Họ và tên", "Chức vụ", "Đoàn công tác", "Nhiệm vụ", header],
            [1, "Nguyễn Văn An", "Phó Bí thư Đảng ủy", 1, "Trưởng đoàn", "Phạm Văn Tám"],
            [2, "Trần Thị Bình", "Chủ tịch UBMTTQ", 1, "Thành viên", "Hoàng Thị Hoa"]]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", rows))
    assert [r["unit"] for r in result.records()] == [None, None]
    assert any(w["column"] == "F" and "chưa dùng" in w["message"] for w in result.warnings)


def test_legend_header_and_role_definitions_are_no_unit_abbreviations():
    found = unit_abbreviations(["Ký hiệu: VP - vắng có phép; VK - vắng không phép; CĐ = sinh hoạt chuyên đề",
                                "ĐT - Điện thoại; NS - Ngày sinh", "Ghi chú: TĐ - Trưởng đoàn; TV - Thành viên",
                                "Ghi chú: CB Trường TH - Chi bộ Trường TH phường Bắc Hồng",
                                "TDP: Tổ dân phố", "TDP n = Chi bộ Tổ dân phố n"])
    assert found == [Definition("TDP", "Chi bộ Tổ dân phố n", "n"), Definition("TDP", "Tổ dân phố")]


@pytest.mark.parametrize(("value", "expected"), [
    ("TDP 14", "Chi bộ Tổ dân phố 14"), ("TDP14", "Chi bộ Tổ dân phố 14"), ("TDP. 3", "Chi bộ Tổ dân phố 3"),
    ("Chi bộ Khu phố 3", "Chi bộ Khu phố 3"), ("tdp 14", "tdp 14"), (7, 7)])
def test_written_out(value, expected):
    assert written_out(value, [Definition("TDP", "Chi bộ Tổ dân phố n", "n")]) == expected
