"""Header wordings read word for word: a job with its workplace ('Chức vụ, đơn vị') is the roster's position, not
two stacked fields; the member who attended ('Đồng chí dự', 'Người dự') is a register's name; a place word beside
the cell ('Buôn/Chi bộ', 'Chi bộ/Thôn') is a register's unit. Near wordings keep their own reading."""

import csv

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.kinds import attendance, roster
from importers.kinds.stacked_fields import stacked_fields
from importers.mapping import match_field

POSITION_AND_WORKPLACE = ["Chức vụ, đơn vị", "Chức vụ - đơn vị", "Chức vụ và đơn vị công tác", "Chức vụ/Đơn vị",
                          "CHỨC VỤ, ĐƠN VỊ", "Chức vụ, đơn vị công tác", "Chức vụ, nơi công tác", "Chức danh, đơn vị",
                          "Chức vụ\nĐơn vị", "Chức vụ, đơn vị hiện nay", "Đơn vị công tác, chức vụ",
                          "Chức vụ chính quyền, đoàn thể", "Chức vụ Đảng, chính quyền"]
ATTENDING_PERSON = ["Đồng chí dự", "Đ/c dự họp", "Đảng viên dự", "Thành viên dự", "Người dự", "Họ tên người dự",
                    "Họ và tên đồng chí dự", "Người tham dự", "Đảng viên dự sinh hoạt", "ĐỒNG CHÍ DỰ"]
PLACE_AND_CELL = ["Buôn/Chi bộ", "Thôn/Chi bộ", "Tổ dân phố/Chi bộ", "Chi bộ/Thôn", "Ấp / Chi bộ", "Thôn, buôn/Chi bộ",
                  "Bản/Chi bộ", "Khu phố/Chi bộ"]


@pytest.mark.parametrize("label", POSITION_AND_WORKPLACE)
def test_a_job_with_its_workplace_is_the_roster_position_and_no_stacked_header(label):
    assert match_field(label, roster.FIELDS) == "position"
    assert stacked_fields(label) is None


@pytest.mark.parametrize("label, fields", [
    ("Họ và tên, chức vụ", ("Họ và tên", "chức vụ")),
    ("Chức vụ / Đơn vị phụ trách", ("Chức vụ", "Đơn vị phụ trách")),  # the unit followed is a field of its own
])
def test_a_header_naming_two_fields_still_stacks(label, fields):
    assert stacked_fields(label) == fields


@pytest.mark.parametrize("label, field", [
    ("Đơn vị", "unit"), ("Chức vụ", "position"), ("Chức vụ trong đoàn", "role"), ("Đơn vị công tác", None),
    ("Chức vụ đơn vị phụ trách", None), ("Chức vụ, đơn vị", None),
])
def test_near_job_wordings_keep_their_reading(label, field):
    specs = attendance.FIELDS if label == "Chức vụ, đơn vị" else roster.FIELDS  # a workplace is no chi bộ either
    assert match_field(label, specs) == field


@pytest.mark.parametrize("label", ATTENDING_PERSON)
def test_the_member_who_attended_is_the_register_name(label):
    assert match_field(label, attendance.FIELDS) == "full_name"


@pytest.mark.parametrize("label, field", [
    ("Dự họp", "status"), ("Dự sinh hoạt", "status"), ("Ngày dự họp", "date"), ("Chi bộ dự", "unit"),
    ("Nơi dự sinh hoạt", "unit"), ("Đảng viên dự bị", None), ("Số người dự", None), ("Số đồng chí dự", None),
    ("Người dự thay", None), ("Đồng chí vắng", None), ("Đồng chí có dự họp không", None),
])
def test_near_attending_wordings_keep_their_reading(label, field):
    assert match_field(label, attendance.FIELDS) == field


@pytest.mark.parametrize("label", PLACE_AND_CELL)
def test_a_place_word_beside_the_cell_is_the_register_unit(label):
    assert match_field(label, attendance.FIELDS) == "unit"


@pytest.mark.parametrize("label, kind, field", [
    ("Buôn", "attendance", None), ("Buôn/Xã", "attendance", None), ("Thôn/Họ và tên", "attendance", None),
    ("Thôn/Ngày", "attendance", None), ("Buôn/Chi bộ", "roster", None),  # a roster's unit is the one followed
    ("Thôn/Chi bộ phụ trách", "roster", "unit"), ("Chi bộ/Đảng bộ", "attendance", "unit"),
])
def test_near_place_wordings_keep_their_reading(label, kind, field):
    assert match_field(label, {"attendance": attendance.FIELDS, "roster": roster.FIELDS}[kind]) == field


ROSTER_PEOPLE = [("Nguyễn Văn An", "Ủy viên BTV, Phó Chủ tịch UBND xã", "Trưởng đoàn", "head"),
                 ("Lê Thị Hoa", "Chủ tịch Hội Nông dân - Người cao tuổi xã", "Phó đoàn", "deputy"),
                 ("Trần Văn Cường", "Chuyên viên Văn phòng Đảng ủy", "Thành viên", "member")]


@pytest.mark.parametrize("label", ["Chức vụ, đơn vị", "Chức vụ - đơn vị", "Chức vụ và đơn vị công tác",
                                   "Chức vụ/Đơn vị"])
def test_a_roster_under_a_job_and_workplace_header_reads_each_position(tmp_path, label):
    rows = [["ĐẢNG ỦY XÃ EA SÔ"], ["PHÂN CÔNG ĐOÀN CÔNG TÁC SỐ 1"], [],
            ["TT", "Họ và tên", label, "Vai trò", "Địa bàn theo dõi", "SĐT"]]
    rows += [[n, name, position, role, "Chi bộ buôn Hang Ja", f"09123456{n:02d}"]
             for n, (name, position, role, _) in enumerate(ROSTER_PEOPLE, start=1)]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", rows))
    assert [(r["full_name"], r["position"], r["role"], r["group"]) for r in result.records()] == [
        (name, position, role, "Đoàn công tác số 1") for name, position, _, role in ROSTER_PEOPLE]
    assert result.errors == [] and result.warnings == []


def test_a_name_and_position_header_over_two_line_cells_still_splits(tmp_path):
    rows = [["PHÂN CÔNG ĐOÀN CÔNG TÁC SỐ 1"], [],
            ["TT", "Họ và tên, chức vụ", "Chức vụ trong đoàn", "Chi bộ phụ trách"]]
    rows += [[n, f"{name}\n{position}", role, "Chi bộ thôn 3"]
             for n, (name, position, role, _) in enumerate(ROSTER_PEOPLE, start=1)]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", rows))
    assert [(r["full_name"], r["position"], r["role"]) for r in result.records()] == [
        (name, position, role) for name, position, _, role in ROSTER_PEOPLE]


LONG_REGISTER = [("06/07/2025", "Chi bộ Tổ dân phố số 17", "Vũ Thị Hương", "Có mặt", "present"),
                 ("06/07/2025", "Chi bộ Tổ dân phố số 17", "Lê Tiến Hùng", "Vắng có phép", "excused"),
                 ("13/07/2025", "Chi bộ Tổ dân phố số 18", "Nguyễn Thị Thu Mai", "Có mặt", "present"),
                 ("13/07/2025", "Chi bộ Tổ dân phố số 18", "Trần Tiến Dũng", "Vắng không phép", "absent")]


@pytest.mark.parametrize("label", ["Đồng chí dự", "Đ/c dự họp", "Đảng viên dự", "Thành viên dự", "Người dự",
                                   "Họ tên người dự"])
def test_a_long_register_naming_the_member_who_attended_is_read(tmp_path, label):
    path = tmp_path / "f.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["THEO DÕI THÀNH VIÊN ĐOÀN CÔNG TÁC SỐ 2 DỰ SINH HOẠT CHI BỘ (QUÝ III/2025)", "", "", "", ""])
        writer.writerow(["Ngày", "Chi bộ", label, "Kết quả", "Ghi chú"])
        writer.writerows([date, unit, name, mark, ""] for date, unit, name, mark, _ in LONG_REGISTER)
    result = parse_file(path)
    assert result.kind == "attendance"
    assert result.records() == [
        {"full_name": name, "date": f"{date[6:]}-{date[3:5]}-{date[:2]}", "status": status, "unit": unit}
        for date, unit, name, _, status in LONG_REGISTER]
    assert result.errors == [] and result.warnings == []


def test_names_listed_under_the_attending_heading_are_still_a_name_list(tmp_path):
    rows = [["CHI BỘ THÔN 5"], ["THEO DÕI SINH HOẠT NĂM 2025"], ["Ngày họp", "Đồng chí dự họp", "Đồng chí vắng"],
            ["10/01/2025", "Nguyễn Văn An, Lê Thị Hoa", "Trần Văn Cường"],
            ["10/02/2025", "Nguyễn Văn An, Trần Văn Cường", "Lê Thị Hoa"]]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", rows))
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == [
        ("Nguyễn Văn An", "2025-01-10", "present"), ("Lê Thị Hoa", "2025-01-10", "present"),
        ("Trần Văn Cường", "2025-01-10", "absent"), ("Nguyễn Văn An", "2025-02-10", "present"),
        ("Trần Văn Cường", "2025-02-10", "present"), ("Lê Thị Hoa", "2025-02-10", "absent")]


QUARTER = [("H'Rin Adrơng", "Chi bộ buôn Dliê Ya", ["✓", "✓", "CP"]),
           ("Y Kuăn Ksơr", "Chi bộ thôn 8", ["✓", "KP", "✓"])]


@pytest.mark.parametrize("label", PLACE_AND_CELL)
def test_a_register_under_a_place_and_cell_header_reads_each_unit(tmp_path, label):
    rows = [["ĐOÀN CÔNG TÁC SỐ 2 - BTV ĐẢNG ỦY XÃ EA SÔ LY"], ["ĐIỂM DANH DỰ SINH HOẠT CHI BỘ QUÝ I NĂM 2025"], [],
            ["TT", "Họ và tên", label, "Tháng 1", "Tháng 2", "Tháng 3"]]
    rows += [[n, name, unit, *marks] for n, (name, unit, marks) in enumerate(QUARTER, start=1)]
    rows += [[], ["Ghi chú: ✓ có mặt, CP vắng có phép, KP vắng không phép"]]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", rows))
    statuses = {"✓": "present", "CP": "excused", "KP": "absent"}
    assert result.records() == [
        {"full_name": name, "date": f"2025-{month:02d}-01", "status": statuses[mark], "unit": unit}
        for name, unit, marks in QUARTER for month, mark in enumerate(marks, start=1)]
    assert result.errors == [] and result.warnings == []
