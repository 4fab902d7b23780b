"""Two columns that could both be the unit: the generic 'Đơn vị' (often a workshop, 'PX ĐL1') and a party
organisation's ('Chi bộ', 'CHI_BO', 'Tên chi bộ', 'Chi bộ phụ trách'): the party column is the unit, in a register
and a roster alike; a party column naming no organisation ('x', numbers) leaves the generic one read, with a warning;
two party names that differ are warned."""

import csv

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.kinds import attendance, roster
from importers.mapping import map_columns
from importers.party_headers import names_party, party_over_place

PEOPLE = [("Phạm Minh Chiến", "PX ĐL1", "Chi bộ Phân xưởng Đào lò 1", "CO_MAT"),
          ("Đào Xuân Kiên", "PX ĐL1", "Chi bộ Phân xưởng Đào lò 1", "VANG_CO_PHEP"),
          ("Đặng Minh Đạt", "PX VTL2", "Chi bộ Phân xưởng Vận tải lò 2", "CO_MAT"),
          ("Dương Minh Dũng", "PX VTL2", "Chi bộ Phân xưởng Vận tải lò 2", "CO_MAT")]
STATUSES = {"CO_MAT": "present", "VANG_CO_PHEP": "excused"}


def _export(path, place_header="DON_VI", party_header="CHI_BO", party=None, place=None, party_first=False):
    """An HR software's CSV export: code-style headers, a workshop column and a party cell column."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        units = [place_header, party_header] if not party_first else [party_header, place_header]
        writer.writerow(["STT", "MA_NV", "HO_TEN", *units, "NGAY_HOP", "TRANG_THAI", "GHI_CHU"])
        for number, (name, workshop, cell, status) in enumerate(PEOPLE, 1):
            workshop = place[number - 1] if place else workshop
            cell = party[number - 1] if party else cell
            values = [workshop, cell] if not party_first else [cell, workshop]
            writer.writerow([number, f"TKV{39800 + number}", name, *values, "2025-01-08 06:30", status, ""])
    return path


@pytest.mark.parametrize("place_header, party_header", [
    ("DON_VI", "CHI_BO"), ("Đơn vị", "Chi bộ"), ("Đơn vị", "Chi bộ sinh hoạt"), ("Đơn vị", "Tên chi bộ"),
    ("DonVi", "ChiBo"), ("Don vi", "Chi bo"), ("Tên đơn vị", "Tổ chức đảng")])
def test_the_party_column_is_the_unit_and_the_workshop_column_is_named_unused(tmp_path, place_header, party_header):
    result = parse_file(_export(tmp_path / "f.csv", place_header, party_header))
    assert result.errors == []
    assert [(r["full_name"], r["date"], r["status"], r["unit"]) for r in result.records()] == [
        (name, "2025-01-08", STATUSES[status], cell) for name, _, cell, status in PEOPLE]
    unused = [w for w in result.warnings if "chưa dùng" in w["message"]]
    assert any(w["column"] == "D" and "PX ĐL1" in w["message"] for w in unused)
    assert not any(w["column"] == "E" for w in unused)
    assert not any("viết tắt" in w["message"] for w in result.warnings)  # 'PX' is no unit any more


def test_the_party_column_wins_wherever_it_stands(tmp_path):
    result = parse_file(_export(tmp_path / "f.csv", party_first=True))
    assert [r["unit"] for r in result.records()] == [cell for _, _, cell, _ in PEOPLE]
    assert any(w["column"] == "E" and "chưa dùng" in w["message"] for w in result.warnings)


def test_the_code_style_headers_map(tmp_path):
    result = parse_file(_export(tmp_path / "f.csv"))
    fields = {column["header"]: column["field"] for column in result.columns_as_dicts()}
    assert fields["HO_TEN"] == "full_name" and fields["NGAY_HOP"] == "date" and fields["TRANG_THAI"] == "status"
    assert fields["CHI_BO"] == "unit" and fields["DON_VI"] is None


def test_a_workshop_column_repeating_the_chi_bo_is_read_once_without_warning(tmp_path):
    cells = [cell for _, _, cell, _ in PEOPLE]
    result = parse_file(_export(tmp_path / "f.csv", place=cells))
    assert [r["unit"] for r in result.records()] == cells
    assert not any("khác nhau" in w["message"] for w in result.warnings)


def test_a_unit_column_alone_holding_chi_bo_names_is_still_the_unit(tmp_path):
    rows = [["STT", "Họ và tên", "Đơn vị", "Ngày họp", "Điểm danh"]]
    rows += [[number, name, cell, "08/01/2025", "Có mặt"] for number, (name, _, cell, _) in enumerate(PEOPLE, 1)]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", rows))
    assert [r["unit"] for r in result.records()] == [cell for _, _, cell, _ in PEOPLE]


@pytest.mark.parametrize("marks", [["x", "x", "", "x"], [1, 1, 2, 2], ["1", "2", "3", "4"]])
def test_a_party_column_naming_no_organisation_leaves_the_unit_column_read_with_a_warning(tmp_path, marks):
    cells = [cell for _, _, cell, _ in PEOPLE]
    rows = [["STT", "Họ và tên", "Đơn vị", "Chi bộ", "Ngày họp", "Điểm danh"]]
    rows += [[number, name, cells[number - 1], marks[number - 1], "08/01/2025", "Có mặt"]
             for number, (name, *_) in enumerate(PEOPLE, 1)]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", rows))
    assert [r["unit"] for r in result.records()] == cells
    warned = [w for w in result.warnings if "không ghi tên tổ chức đảng" in w["message"]]
    assert len(warned) == 1 and "«Chi bộ»" in warned[0]["message"] and "«Đơn vị»" in warned[0]["message"]


def test_two_party_names_that_differ_are_warned(tmp_path):
    cells = [cell for _, _, cell, _ in PEOPLE]
    other = cells[:3] + ["Chi bộ Phân xưởng Cơ điện"]
    result = parse_file(_export(tmp_path / "f.csv", place=other))
    assert [r["unit"] for r in result.records()] == cells
    warned = [w for w in result.warnings if "khác nhau" in w["message"]]
    assert len(warned) == 1 and warned[0]["row"] == 5 and "Cơ điện" in warned[0]["message"]


def test_the_place_attended_keeps_its_column_before_the_members_own_cell():
    columns = map_columns(["Họ và tên", "Đơn vị đến dự", "Chi bộ sinh hoạt", "Ngày", "Điểm danh"], [""] * 5,
                          attendance.FIELDS)
    assert [column.header for column in columns if column.field == "unit"] == ["Đơn vị đến dự"]


def test_a_code_never_takes_the_names_place():
    columns = map_columns(["Họ và tên", "Đơn vị", "Mã chi bộ", "Ngày", "Điểm danh"], [""] * 5, attendance.FIELDS)
    assert [column.header for column in columns if column.field == "unit"] == ["Đơn vị"]


def test_the_header_words():
    assert all(map(names_party, ["CHI_BO", "ChiBo", "Chi bo", "Chi bộ sinh hoạt", "Tên chi bộ", "Đảng bộ",
                                 "Tổ chức đảng", "Chi bộ phụ trách"]))
    assert not any(map(names_party, ["Đơn vị", "DON_VI", "Mã chi bộ", "MA_CHI_BO", "Phòng/Phân xưởng"]))
    assert party_over_place("CHI_BO", "DON_VI") and party_over_place("Chi bộ", "Tên đơn vị")
    assert not party_over_place("Chi bộ", "Đơn vị đến dự") and not party_over_place("Đơn vị", "Chi bộ")


ROSTER_PEOPLE = [("Lê Văn Tâm", "Đoàn công tác số 1", "Trưởng đoàn", "Phòng Kỹ thuật", "Chi bộ Khu phố 2"),
                 ("Hà Thị Mai", "Đoàn công tác số 1", "Thành viên", "Phòng Tài chính", "Chi bộ Khu phố 2"),
                 ("Phí Đức Long", "Đoàn công tác số 2", "Trưởng đoàn", "Phân xưởng Cơ điện", "Chi bộ Khu phố 5")]


@pytest.mark.parametrize("place_header", ["Đơn vị", "Đơn vị công tác"])
def test_a_rosters_assigned_chi_bo_beats_the_members_workplace(tmp_path, place_header):
    rows = [["STT", "Họ và tên", "Đoàn công tác", "Vai trò", place_header, "Chi bộ phụ trách"]]
    rows += [[number, name, group, role, workplace, cell]
             for number, (name, group, role, workplace, cell) in enumerate(ROSTER_PEOPLE, 1)]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", rows), kind="roster")
    assert [r["unit"] for r in result.records()] == [cell for *_, cell in ROSTER_PEOPLE]
    fields = {column["header"]: column["field"] for column in result.columns_as_dicts()}
    assert fields["Chi bộ phụ trách"] == "unit" and fields[place_header] != "unit"


def test_a_rosters_unit_column_alone_is_still_the_unit():
    columns = map_columns(["Họ và tên", "Đoàn công tác", "Đơn vị", "Chi bộ sinh hoạt"], [""] * 4, roster.FIELDS)
    assert [column.header for column in columns if column.field == "unit"] == ["Đơn vị"]


def test_an_empty_party_column_leaves_the_unit_column_read_quietly(tmp_path):
    cells = [cell for _, _, cell, _ in PEOPLE]
    rows = [["STT", "Họ và tên", "Đơn vị", "Chi bộ", "Ngày họp", "Điểm danh"]]
    rows += [[number, name, cells[number - 1], None, "08/01/2025", "Có mặt"]
             for number, (name, *_) in enumerate(PEOPLE, 1)]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", rows))
    assert [r["unit"] for r in result.records()] == cells
    assert not any("tổ chức đảng" in w["message"] for w in result.warnings)
