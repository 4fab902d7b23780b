"""Rosters written three more ways: a veteran's headers cut short with a dot ('Ng.sinh | C.vụ | Nh.vụ'), the first
group's line right under them and the roles and units spelt out by the file's own 'Viết tắt' note; a Google Form's
answers (a timestamp column, units typed all in lower case); a district decision's appendix whose first column is
one merged cell per group holding 'Đoàn số N' over the unit, under a two-row header, closed by a totals line
counting groups and people (never a group's number)."""
import csv

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.group_ordinals import counts_not_names
from importers.kinds.title_context import title_group as roster_title_group
from importers.normalising import fold, normalise_phone, normalise_unit_name
from importers.sheet_context import title_group

VETERAN_PEOPLE = [
    ("Đ/c Huỳnh Ngọc Tâm", "14/2/1958", "PBT TT Đảng ủy", "TĐ", "CB TDP 1", "0882 279 791"),
    ("Đ/c Võ Hữu Hòa", "23-10-1963", "CHT BCHQS P.", "PĐ", "CB TDP 1", "ko có"),
    ("Đ/c Phan Thị Ngọc Hiền", "15.11.1966", "VP Đảng ủy", "TV", "CB TDP 3", None),
]


def _veteran_rows():
    rows = [["BCH ĐẢNG BỘ P. PHÚ CÁT"], ["DS CÁC ĐOÀN CT CỦA BTV ĐẢNG ỦY P. PHÚ CÁT"], [],
            ["TT", "Họ tên", "Ng.sinh", "C.vụ", "Nh.vụ", "Phụ trách", "ĐT"], [None, "Đoàn CT số 1"]]
    rows += [[number, *person] for number, person in enumerate(VETERAN_PEOPLE[:2], 1)]
    rows += [[None, "Đoàn CT số 2"], [1, *VETERAN_PEOPLE[2]], [],
             [None, "Viết tắt: Đ/c = đồng chí; CT = công tác; TĐ = Trưởng đoàn; PĐ = Phó đoàn; TV = Thành viên;"],
             [None, "CB = Chi bộ; TDP = Tổ dân phố; P. = phường."]]
    return rows


def test_a_veterans_dotted_headers_and_first_group_line_read_through_the_files_own_note(tmp_path):
    result = parse_file(write_sheet(tmp_path / "veteran.xlsx", _veteran_rows()))
    assert result.kind == "roster" and result.header_row == 4
    assert [column["header"] for column in result.columns_as_dicts()][2:5] == [
        "Ngày sinh", "Chức vụ", "Nhiệm vụ trong đoàn"]
    assert [(r["full_name"], r["birth_date"], r["group"], r["role"], r["unit"], r["phone"])
            for r in result.records()] == [
        ("Huỳnh Ngọc Tâm", "1958-02-14", "Đoàn công tác số 1", "head", "Chi bộ Tổ dân phố 1", "0882279791"),
        ("Võ Hữu Hòa", "1963-10-23", "Đoàn công tác số 1", "deputy", "Chi bộ Tổ dân phố 1", None),
        ("Phan Thị Ngọc Hiền", "1966-11-15", "Đoàn công tác số 2", "member", "Chi bộ Tổ dân phố 3", None)]
    assert not result.errors and not [w for w in result.warnings if w["field"] == "phone"]


@pytest.mark.parametrize("header, expected", [
    ("Ng.sinh", "birth_date"), ("C.vụ", "position"), ("Nh.vụ", "role"), ("Đ.thoại", "phone"), ("H.tên", "full_name"),
])
def test_one_dotted_header_word_names_its_field(tmp_path, header, expected):
    labels = ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Nhiệm vụ", "Đoàn công tác", "Điện thoại"]
    index = {"birth_date": 2, "position": 3, "role": 4, "phone": 6, "full_name": 1}[expected]
    other = "Ng.sinh" if header != "Ng.sinh" else "C.vụ"
    labels[index] = header
    labels[{"Ng.sinh": 2, "C.vụ": 3}[other]] = other
    rows = [labels, [1, "Lê Văn An", "01/02/1970", "Chuyên viên", "Trưởng đoàn", "Đoàn 1", "0905123456"],
            [2, "Trần Thị Bình", "03/04/1975", "Cán bộ", "Thành viên", "Đoàn 1", "0905123457"]]
    result = parse_file(write_sheet(tmp_path / "dotted.xlsx", rows))
    assert {column["field"] for column in result.columns_as_dicts()} >= {
        "full_name", "birth_date", "position", "role", "group", "phone"}
    assert result.record_count == 2


@pytest.mark.parametrize("typed, expected", [
    ("chi bộ tổ dân phố 11", "Chi bộ Tổ dân phố 11"),
    ("đảng bộ phường an lạc", "Đảng bộ phường An Lạc"),
    ("CHI BỘ TỔ DÂN PHỐ 11", "Chi bộ Tổ dân phố 11"),
    ("Chi bộ tổ dân phố 11", "Chi bộ tổ dân phố 11"),  # typed with a capital: kept as typed
])
def test_a_unit_typed_all_in_lower_case_is_spelt_as_one_typed_in_capitals(typed, expected):
    assert normalise_unit_name(typed) == expected


def _form_csv(path, stamps):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Dấu thời gian", "Ho và tên", "Ngày sinh", "Chức vụ hiện tai", "Đoàn công tác",
                         "Nhiệm vụ trong đoàn", "Chi bộ phụ trách", "Số điện thoại"])
        writer.writerow([stamps[0], "Tôn Nữ Diệu Hương", "05/09/1986", "Bí thư Đoàn phường", "Đoàn công tác số 1",
                         "Thành viên", "chi bộ tổ dân phố 11", "+84 949 949 395"])
        writer.writerow([stamps[1], "Châu Viết Vinh", "15/07/1979", "Phó Chủ tịch Ủy ban MTTQ phường",
                         "Đoàn công tác số 3", "Phó trưởng đoàn", "Chi bộ Tổ dân phố 16", "0861882564"])
        writer.writerow([stamps[2], "Trương Thị Kim Anh", "05/03/1987", "Chủ tịch Ủy ban MTTQ phường",
                         "Đoàn công tác số 2", "Trưởng đoàn", "phụ trách: chi bộ tổ dân phố 14", "838616068"])
    return path


def test_a_form_download_reads_lower_case_units_and_leaves_its_timestamps_aside(tmp_path):
    result = parse_file(_form_csv(tmp_path / "form.csv", ["14/08/2025 9:18:41", "14/08/2025 11:16:14",
                                                          "15/08/2025 20:05:08"]))
    assert [r["unit"] for r in result.records()] == [
        "Chi bộ Tổ dân phố 11", "Chi bộ Tổ dân phố 16", "Chi bộ Tổ dân phố 14"]
    assert result.warnings == [] and result.errors == []


def test_a_timestamp_header_over_other_values_is_still_reported_unused(tmp_path):
    result = parse_file(_form_csv(tmp_path / "form.csv", ["lần 1", "lần 2", "lần 3"]))
    assert any("«Dấu thời gian»" in w["message"] and "chưa dùng" in w["message"] for w in result.warnings)


@pytest.mark.parametrize("cell", ["ko có", "Không", "chưa có", "KHÔNG CÓ"])
def test_a_phone_cell_saying_there_is_none_is_no_phone_and_no_problem(cell):
    assert normalise_phone(cell) == (None, None)


def test_a_phone_cell_of_other_words_is_still_a_problem():
    assert normalise_phone("hỏi văn phòng")[1] is not None


APPENDIX_GROUPS = [
    ("Vỹ Dạ", [("Đoàn Công Phúc", "Trưởng đoàn"), ("Đoàn Thị Minh Thảo", "Phó Trưởng đoàn"),
               ("Tôn Nữ Thu Hà", "Phó Trưởng đoàn"), ("Hồ Công Hòa", "Thành viên")]),
    ("Phú Cát", [("Huỳnh Xuân Bảo", "Trưởng đoàn"), ("Võ Phước Vinh", "Thành viên")]),
    ("Phú Hiệp", [("Tôn Thất Quốc Khoa", "Trưởng đoàn"), ("Châu Thị Kim Linh", "Thành viên"),
                  ("Võ Thị Nhung", "Thành viên")]),
]
ROLES = {"Trưởng đoàn": "head", "Phó Trưởng đoàn": "deputy", "Thành viên": "member"}


def _appendix(tmp_path, total: str):
    rows = [["QUẬN ỦY PHÚ XUÂN", None, None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"], [],
            ["DANH SÁCH"], ["Đoàn công tác của Ban Thường vụ Quận ủy tại các đảng bộ phường"], [],
            ["Đoàn công tác - Địa bàn phụ trách", "TT", "Thông tin đồng chí", None, "Nhiệm vụ trong Đoàn",
             "Điện thoại"],
            [None, None, "Họ và tên", "Chức vụ", None, None]]
    merges = ["A6:A7", "B6:B7", "C6:D6", "E6:E7", "F6:F7"]
    for number, (ward, people) in enumerate(APPENDIX_GROUPS, 1):
        first = len(rows) + 1
        for order, (name, role) in enumerate(people, 1):
            rows.append([f"Đoàn số {number}\nĐảng bộ phường {ward}" if order == 1 else None, order, name,
                         "Chuyên viên Ban Tổ chức Quận ủy", role, 905000000 + len(rows)])
        merges.append(f"A{first}:A{len(rows)}")
    rows += [[], [total]]
    return write_sheet(tmp_path / "appendix.xlsx", rows, merges=merges)


def test_a_merged_cell_of_group_over_unit_gives_each_line_its_field_and_the_totals_line_no_group(tmp_path):
    result = parse_file(_appendix(tmp_path, "Tổng cộng: 03 đoàn, 9 đồng chí"))
    expected = [(name, f"Đoàn công tác số {number}", ROLES[role], f"Đảng bộ phường {ward}")
                for number, (ward, people) in enumerate(APPENDIX_GROUPS, 1) for name, role in people]
    assert [(r["full_name"], r["group"], r["role"], r["unit"]) for r in result.records()] == expected
    assert not [w for w in result.warnings if w["field"] in ("group", "unit")]


def test_a_totals_line_counting_groups_and_people_names_no_group_of_a_one_group_roster(tmp_path):
    rows = [["DANH SÁCH THÀNH VIÊN"], [], ["STT", "Họ và tên", "Chức vụ", "Nhiệm vụ trong đoàn"],
            [1, "Lê Văn An", "Chuyên viên", "Trưởng đoàn"], [2, "Trần Thị Bình", "Cán bộ", "Thành viên"],
            [3, "Phạm Văn Cường", "Cán bộ", "Thành viên"], ["Tổng cộng: 01 đoàn, 3 đồng chí"]]
    result = parse_file(write_sheet(tmp_path / "one_group.xlsx", rows, title="Doan 2"))
    assert [r["group"] for r in result.records()] == ["Đoàn công tác số 2"] * 3
    assert not [w for w in result.warnings if "số 3" in w["message"]]


@pytest.mark.parametrize("line, group", [
    ("Tổng cộng: 05 đoàn, 31 đồng chí", None),
    ("Danh sách gồm 5 đoàn công tác, 31 đồng chí", None),
    ("Tổng số: 4 đoàn công tác", None),
    ("Đoàn 31 đồng chí", None),
    ("ĐOÀN CÔNG TÁC SỐ 2 - ĐỒNG CHÍ NGUYỄN VĂN A TRƯỞNG ĐOÀN", "Đoàn công tác số 2"),
    ("Đoàn công tác số 4 (7 đồng chí)", "Đoàn công tác số 4"),
])
def test_a_number_counting_groups_or_people_is_never_a_groups_number(line, group):
    found = title_group([(1, line)])
    assert (found.value if found else None) == group
    assert roster_title_group([line]) in (group, None)


def test_counts_are_told_by_the_words_around_the_number():
    folded = fold("Tổng cộng: 05 đoàn, 31 đồng chí")
    assert counts_not_names(folded, folded.index("doan"), folded.index("doan") + len("doan 31"))
    folded = fold("Đoàn số 3 gồm 7 đồng chí")
    assert not counts_not_names(folded, 0, len("doan so 3"))


def test_the_first_groups_line_right_under_the_header_is_no_second_header_row(tmp_path):
    rows = [["TT", "Họ và tên", "Chức vụ", "Nhiệm vụ", "Điện thoại"], [None, "Đoàn CT số 1"],
            [1, "Lê Văn An", "Chuyên viên", "Trưởng đoàn", "0905123456"],
            [2, "Trần Thị Bình", "Cán bộ", "Thành viên", "0905123457"], [None, "Đoàn CT số 2"],
            [1, "Phạm Văn Cường", "Cán bộ", "Trưởng đoàn", "0905123458"]]
    result = parse_file(write_sheet(tmp_path / "group_lines.xlsx", rows))
    assert result.header_row == 1
    assert [(r["full_name"], r["group"]) for r in result.records()] == [
        ("Lê Văn An", "Đoàn công tác số 1"), ("Trần Thị Bình", "Đoàn công tác số 1"),
        ("Phạm Văn Cường", "Đoàn công tác số 2")]


@pytest.mark.parametrize("line, group", [
    ("Tổng cộng Đoàn công tác số 2: 7 đồng chí", "Đoàn công tác số 2"),
    ("Kèm theo Quyết định ngày 15/3/2025 - Đoàn công tác số 3", "Đoàn công tác số 3"),
])
def test_a_group_named_with_its_number_word_is_read_on_any_line(line, group):
    assert title_group([(1, line)]).value == group
