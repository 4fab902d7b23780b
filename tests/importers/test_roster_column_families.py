"""Roster column families (issue #19): a name split over columns, a birth date in day | month | year columns, a
role inside the name cell, group and role in one text, role abbreviations defined by a note, totals lines."""

import datetime as dt

import pytest
from openpyxl import Workbook

from importers import parse_file
from importers.kinds.group_role import split_group_role
from importers.kinds.role_in_name import split_role
from importers.role_words import DEFAULT_ABBREVIATIONS

TITLE = [["ĐẢNG BỘ HUYỆN ĐÔNG ANH"], ["DANH SÁCH THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC"], []]


def write(path, rows, merges=(), offset=0):
    """One-sheet workbook of `rows` (shifted right by `offset` empty columns), with merged ranges."""
    book = Workbook()
    sheet = book.active
    sheet.title = "DS"
    for row in rows:
        sheet.append([None] * offset + list(row) if row else [])
    for merged in merges:
        sheet.merge_cells(merged)
    book.save(path)
    return path


def records(result, *fields):
    return [tuple(record[name] for name in fields) for record in result.records()]


# ---- names split over columns -----------------------------------------------------------------------------

@pytest.mark.parametrize("header", [
    ["STT", "Họ", "Đệm", "Tên", "Đoàn", "Nhiệm vụ"],
    ["stt", "Họ", "Tên đệm", "Tên", "Đoàn", "Nhiệm vụ"],
    ["TT", "Họ", "Chữ đệm", "Tên gọi", "Đoàn", "Nhiệm vụ"],
])
def test_a_name_in_three_columns_is_joined(tmp_path, header):
    rows = TITLE + [header,
                    [1, "Nguyễn", "Văn", "An", "Đoàn công tác số 1", "Trưởng đoàn"],
                    [2, "Tôn Nữ", "Thị", "Hà", "Đoàn công tác số 1", "Thành viên"],
                    [3, "Lê", None, "Bình", "Đoàn công tác số 1", "Thành viên"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert [r["full_name"] for r in result.records()] == ["Nguyễn Văn An", "Tôn Nữ Thị Hà", "Lê Bình"]
    assert result.errors == [] and result.warnings == []


@pytest.mark.parametrize("head", ["Họ và tên đệm", "Họ và chữ đệm", "Họ đệm", "Họ và tên lót", "HỌ, TÊN ĐỆM"])
def test_a_name_in_surname_and_given_name_columns_is_joined(tmp_path, head):
    rows = TITLE + [["STT", head, "Tên", "Ngày sinh", "Đoàn công tác", "Nhiệm vụ trong đoàn"],
                    [1, "Trần Thị Ngọc", "Lan", "05/04/1980", "Đoàn 1", "Trưởng đoàn"],
                    [2, "Phạm Văn", "Đức", "12/11/1975", "Đoàn 1", "Thành viên"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert records(result, "full_name", "group") == [("Trần Thị Ngọc Lan", "Đoàn công tác số 1"),
                                                     ("Phạm Văn Đức", "Đoàn công tác số 1")]


def test_a_name_header_merged_over_two_unnamed_columns_is_joined_by_its_values(tmp_path):
    rows = TITLE + [["STT", "Họ và tên", None, "Đoàn", "Vai trò"],
                    [1, "Hoàng Minh", "Tuấn", "Đoàn số 2", "Trưởng đoàn"],
                    [2, "Đỗ Thị", "Thu", "Đoàn số 2", "Phó đoàn"],
                    [3, "Vũ Quang", "Hải", "Đoàn số 2", "Thành viên"],
                    [4, "Bùi Thị Kim", "Oanh", "Đoàn số 2", "Thành viên"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows, merges=["B4:C4"]))
    assert [r["full_name"] for r in result.records()] == ["Hoàng Minh Tuấn", "Đỗ Thị Thu", "Vũ Quang Hải",
                                                          "Bùi Thị Kim Oanh"]


def test_a_two_row_name_header_over_surname_and_given_name_is_joined(tmp_path):
    rows = TITLE + [["STT", "Họ và tên", None, "Đoàn", "Nhiệm vụ"],
                    [None, "Họ", "Tên", None, None],
                    [1, "Ngô Văn", "Nam", "Đoàn 3", "TV"],
                    [2, "Đinh Thị", "Hoa", "Đoàn 3", "TĐ"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows, merges=["B4:C4", "A4:A5", "D4:D5", "E4:E5"]))
    assert records(result, "full_name", "role") == [("Ngô Văn Nam", "member"), ("Đinh Thị Hoa", "head")]
    assert result.header_row == 5 and result.errors == []  # "Họ | Tên" belongs to the header, not to the data


def test_an_unnamed_column_of_a_few_repeated_words_beside_full_names_is_not_joined(tmp_path):
    rows = TITLE + [["STT", "Họ và tên", None, "Đoàn", "Nhiệm vụ"]] + [
        [i, name, sex, "Đoàn 1", "Thành viên"] for i, (name, sex) in enumerate(
            [("Nguyễn Văn An", "Nam"), ("Lê Thị Hoa", "Nữ"), ("Trần Văn Bình", "Nam"), ("Phạm Thị Lan", "Nữ")], 1)]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert [r["full_name"] for r in result.records()] == ["Nguyễn Văn An", "Lê Thị Hoa", "Trần Văn Bình",
                                                          "Phạm Thị Lan"]


def test_a_name_column_of_given_names_only_is_never_read_quietly(tmp_path):
    rows = TITLE + [["STT", "Tên", "Đoàn", "Nhiệm vụ"],
                    [1, "An", "Đoàn 1", "Trưởng đoàn"], [2, "Bình", "Đoàn 1", "Thành viên"],
                    [3, "Cường", "Đoàn 1", "Thành viên"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert any(w["column"] == "B" and "chỉ có một chữ" in w["message"] for w in result.warnings)


# ---- birth date in day | month | year columns -------------------------------------------------------------

def test_day_month_year_under_a_merged_birth_header_read_as_one_date(tmp_path):
    rows = TITLE + [["STT", "Họ và tên", "Sinh ngày", None, None, "Đoàn công tác", "Nhiệm vụ"],
                    [None, None, "Ngày", "Tháng", "Năm", None, None],
                    [1, "Nguyễn Văn An", 5, 9, 1968, "Đoàn công tác số 1", "Trưởng đoàn"],
                    [2, "Lê Thị Hoa", None, 3, 1972, "Đoàn công tác số 1", "Thành viên"],
                    [3, "Trần Văn Bình", "07", "11", "1980", "Đoàn công tác số 1", "Thành viên"]]
    merges = ["C4:E4", "A4:A5", "B4:B5", "F4:F5", "G4:G5"]
    result = parse_file(write(tmp_path / "f.xlsx", rows, merges))
    assert [r["birth_date"] for r in result.records()] == ["1968-09-05", None, "1980-11-07"]
    assert any(w["row"] == 7 and "thiếu" in w["message"] for w in result.warnings)  # the day is missing: said
    assert result.errors == []


def test_day_month_year_numbers_beside_a_birth_header_read_by_their_values(tmp_path):
    rows = TITLE + [["TT", "Họ tên", "Ngày sinh", None, None, "Đoàn", "Vai trò"],
                    [1, "Phan Văn Long", 30, 12, 1959, "Đoàn 2", "Trưởng đoàn"],
                    [2, "Võ Thị Mai", 1, 1, 1990, "Đoàn 2", "Thành viên"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows, ["C4:E4"]))
    assert [r["birth_date"] for r in result.records()] == ["1959-12-30", "1990-01-01"]


def test_day_month_year_named_one_by_one_read_as_one_date(tmp_path):
    rows = TITLE + [["STT", "Họ và tên", "Ngày sinh", "Tháng sinh", "Năm sinh", "Đoàn", "Nhiệm vụ"],
                    [1, "Lý Văn Phúc", 14, 2, 1977, "Đoàn 1", "Trưởng đoàn"],
                    [2, "Hà Thị Nga", 28, 6, 1985, "Đoàn 1", "Thành viên"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert [r["birth_date"] for r in result.records()] == ["1977-02-14", "1985-06-28"]


def test_an_impossible_day_month_year_refuses_the_row_naming_the_three_cells(tmp_path):
    rows = TITLE + [["STT", "Họ và tên", "Ngày, tháng, năm sinh", None, None, "Đoàn", "Nhiệm vụ"],
                    [None, None, "Ngày", "Tháng", "Năm", None, None],
                    [1, "Nguyễn Văn An", 31, 2, 1970, "Đoàn 1", "Trưởng đoàn"],
                    [2, "Lê Thị Hoa", 12, 13, 1971, "Đoàn 1", "Thành viên"],
                    [3, "Trần Văn Bình", 1, 2, 1972, "Đoàn 1", "Thành viên"]]
    merges = ["C4:E4", "A4:A5", "B4:B5", "F4:F5", "G4:G5"]
    result = parse_file(write(tmp_path / "f.xlsx", rows, merges))
    assert [r["full_name"] for r in result.records()] == ["Trần Văn Bình"]
    messages = {e["row"]: e["message"] for e in result.errors}
    assert "C6" in messages[6] and "D6" in messages[6] and "E6" in messages[6] and "31/2/1970" in messages[6]
    assert "không phải ngày có thật" in messages[7]
    outcomes = {row["row"]: row["outcome"] for row in result.rows}
    assert outcomes[6] == outcomes[7] == "failed" and outcomes[8] == "record"


def test_day_month_year_of_another_date_are_not_taken_for_the_birth_date(tmp_path):
    rows = TITLE + [["STT", "Họ và tên", "Ngày sinh", "Ngày vào Đảng", None, None, "Đoàn", "Nhiệm vụ"],
                    [None, None, None, "Ngày", "Tháng", "Năm", None, None],
                    [1, "Nguyễn Văn An", "02/03/1970", 19, 5, 1995, "Đoàn 1", "Trưởng đoàn"]]
    merges = ["D4:F4", "A4:A5", "B4:B5", "C4:C5", "G4:G5", "H4:H5"]
    result = parse_file(write(tmp_path / "f.xlsx", rows, merges))
    assert result.records()[0]["birth_date"] == "1970-03-02"


def test_a_whole_birth_date_beside_day_month_year_parts_is_read_as_it_stands(tmp_path):
    """'Ngày | Tháng | Năm | Ngày sinh' (the last a whole date): the parts are never joined with the whole date
    as their day (month | year | whole date is no order a date is written in)."""
    rows = TITLE + [["STT", "Họ và tên", "Ngày", "Tháng", "Năm", "Ngày sinh", "Đoàn", "Nhiệm vụ"],
                    [1, "Bùi Văn Long", 26, 5, 1979, dt.datetime(1979, 5, 26), "Đoàn 1", "Trưởng đoàn"],
                    [2, "Đỗ Thị Lan", 3, 11, 1985, dt.datetime(1985, 11, 3), "Đoàn 1", "Thành viên"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert [r["birth_date"] for r in result.records()] == ["1979-05-26", "1985-11-03"]
    assert result.errors == []


# ---- role inside the name cell ----------------------------------------------------------------------------

@pytest.mark.parametrize(("cell", "name", "role"), [
    ("Nguyễn Văn An (Trưởng đoàn)", "Nguyễn Văn An", "head"),
    ("Nguyễn Văn An - Phó trưởng đoàn", "Nguyễn Văn An", "deputy"),
    ("Nguyễn Văn An (PTĐ)", "Nguyễn Văn An", "deputy"),
    ("Nguyễn Văn An [TĐ]", "Nguyễn Văn An", "head"),
    ("Nguyễn Văn An, Tổ trưởng", "Nguyễn Văn An", "head"),
    ("Nguyễn Văn An\nThành viên", "Nguyễn Văn An", "member"),
    ("Trưởng đoàn: Nguyễn Văn An", "Nguyễn Văn An", "head"),
    ("Đ/c Lê Thị Hoa – Phó đoàn", "Đ/c Lê Thị Hoa", "deputy"),
])
def test_a_role_wording_is_cut_out_of_the_name_cell(cell, name, role):
    assert split_role(cell, DEFAULT_ABBREVIATIONS) == (name, role)


@pytest.mark.parametrize("cell", ["Nguyễn Văn An", "Nguyễn Văn An - Trưởng phòng Nội vụ", "Lê Thị Hoa (nghỉ hưu)",
                                  "Trần Văn Phó"])
def test_a_name_without_a_role_wording_is_left_whole(cell):
    assert split_role(cell, DEFAULT_ABBREVIATIONS) is None


def test_roles_in_name_cells_give_the_role_and_plain_names_are_members(tmp_path):
    rows = [[None, None, "DANH SÁCH ĐOÀN CÔNG TÁC"], [],
            ["stt", "họ và tên", "chức vụ", "địa bàn phụ trách"],
            ["ĐCT số 1:"],
            [1, "Đinh Văn Hùng - Trưởng đoàn", "Bí thư", "Đảng bộ xã Vân Hà"],
            [2, "Mai Thị Lan (P.TĐ)", "Chuyên viên", "Đảng bộ xã Vân Hà"],
            [3, "Cao Văn Sơn", "Chuyên viên", "Đảng bộ xã Vân Hà"],
            ["Đoàn CT số 2"],
            [1, "Lương Văn Tài (Trưởng Đoàn)", "Phó Chủ tịch", "Chi bộ Thôn Đông"],
            [2, "Kiều Thị Nhung", "Chuyên viên", "Chi bộ Thôn Đông"],
            [], ["Cộng: 5 đồng chí"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows, offset=2))
    assert records(result, "full_name", "group", "role") == [
        ("Đinh Văn Hùng", "Đoàn công tác số 1", "head"), ("Mai Thị Lan", "Đoàn công tác số 1", "deputy"),
        ("Cao Văn Sơn", "Đoàn công tác số 1", "member"), ("Lương Văn Tài", "Đoàn công tác số 2", "head"),
        ("Kiều Thị Nhung", "Đoàn công tác số 2", "member")]
    assert result.errors == [] and result.warnings == []


def test_a_role_in_the_name_that_the_role_column_contradicts_refuses_the_row(tmp_path):
    rows = TITLE + [["STT", "Họ và tên", "Đoàn", "Nhiệm vụ"],
                    [1, "Nguyễn Văn An (Trưởng đoàn)", "Đoàn 1", "Thành viên"],
                    [2, "Lê Thị Hoa (Phó đoàn)", "Đoàn 1", "Phó trưởng đoàn"],
                    [3, "Trần Văn Bình (Thành viên)", "Đoàn 1", None]]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert records(result, "full_name", "role") == [("Lê Thị Hoa", "deputy"), ("Trần Văn Bình", "member")]
    assert [(e["row"], e["column"]) for e in result.errors] == [(5, "B")]
    assert "D5" in result.errors[0]["message"]


@pytest.mark.parametrize("wording", ["Đoàn 4", "Đoàn số 4", "Đoàn CT số 4", "ĐCT số 4", "ĐOÀN CÔNG TÁC SỐ 4"])
def test_group_wordings_read_as_the_working_group(tmp_path, wording):
    rows = TITLE + [["STT", "Họ và tên", "Đoàn", "Nhiệm vụ"], [1, "Nguyễn Văn An", wording, "Thành viên"]]
    assert parse_file(write(tmp_path / "f.xlsx", rows)).records()[0]["group"] == "Đoàn công tác số 4"


# ---- group and role in one text ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "group", "role"), [
    ("Trưởng Đoàn công tác số 2", "Đoàn công tác số 2", "head"),
    ("Phó đoàn số 2", "Đoàn công tác số 2", "deputy"),
    ("Thành viên Đoàn 2", "Đoàn công tác số 2", "member"),
    ("TV đoàn 3", "Đoàn công tác số 3", "member"),
    ("Đoàn CT số 1 - Phó trưởng đoàn", "Đoàn công tác số 1", "deputy"),
    ("Thành viên của ĐCT số 5", "Đoàn công tác số 5", "member"),
    ("Tổ trưởng Tổ công tác số 2", "Tổ công tác số 2", "head"),
])
def test_group_and_role_are_cut_out_of_one_text(text, group, role):
    assert split_group_role(text, DEFAULT_ABBREVIATIONS) == (group, role)


@pytest.mark.parametrize("text", ["Đoàn công tác số 2", "Trưởng phòng Nội vụ", "Phó Chủ tịch UBND xã 2"])
def test_a_text_without_both_group_and_role_is_not_split(text):
    assert split_group_role(text, DEFAULT_ABBREVIATIONS) is None


@pytest.mark.parametrize("header", ["Nhiệm vụ được phân công", "Phân công nhiệm vụ", "Tham gia đoàn", None])
def test_a_column_of_group_and_role_texts_gives_both(tmp_path, header):
    rows = TITLE + [["STT", "Họ và tên", "Chức vụ", header, "Đơn vị được giao theo dõi"],
                    [1, "Nguyễn Văn An", "Bí thư", "Trưởng đoàn số 1", "Chi bộ Thôn 1"],
                    [2, "Lê Thị Hoa", "Phó Bí thư", "Phó đoàn số 1", "Chi bộ Thôn 1"],
                    [3, "Trần Văn Bình", "Chuyên viên", "TV Đoàn 1", "Chi bộ Thôn 1"],
                    [4, "Phạm Thị Lan", "Chuyên viên", "Trưởng Đoàn CT số 2", "Chi bộ Thôn 2"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert records(result, "group", "role", "unit") == [
        ("Đoàn công tác số 1", "head", "Chi bộ Thôn 1"), ("Đoàn công tác số 1", "deputy", "Chi bộ Thôn 1"),
        ("Đoàn công tác số 1", "member", "Chi bộ Thôn 1"), ("Đoàn công tác số 2", "head", "Chi bộ Thôn 2")]
    assert result.errors == []


def test_a_group_and_role_text_that_the_group_column_contradicts_refuses_the_row(tmp_path):
    rows = TITLE + [["STT", "Họ và tên", "Đoàn", "Nhiệm vụ"],
                    [1, "Nguyễn Văn An", "Đoàn 1", "Trưởng đoàn số 1"],
                    [2, "Lê Thị Hoa", "Đoàn 1", "Thành viên đoàn số 2"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert records(result, "full_name", "group", "role") == [("Nguyễn Văn An", "Đoàn công tác số 1", "head")]
    assert [e["row"] for e in result.errors] == [6] and "khác nhau" in result.errors[0]["message"]


# ---- abbreviations from a note line, totals lines ------------------------------------------------------------

def test_abbreviations_a_note_line_defines_read_the_role_column(tmp_path):
    rows = TITLE + [["STT", "Họ và tên", "Tổ công tác", "Nhiệm vụ"],
                    [1, "Nguyễn Văn An", "Tổ công tác số 1", "TT"],
                    [2, "Lê Thị Hoa", "Tổ công tác số 1", "PT"],
                    [3, "Trần Văn Bình", "Tổ công tác số 1", "TVT"],
                    [], ["Ghi chú: TT - Tổ trưởng; PT - Tổ phó; TVT - Tổ viên"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert [r["role"] for r in result.records()] == ["head", "deputy", "member"]
    assert result.errors == []


def test_a_legend_named_after_the_role_column_under_the_last_person_defines_abbreviations(tmp_path):
    """The legend line sits inside a table that runs to the sheet's end (no 'Ghi chú' prefix ends it)."""
    rows = TITLE + [["STT", "Họ và tên", "Đoàn", "Nhiệm vụ"],
                    [1, "Nguyễn Văn An", "Đoàn 1", "TĐ"],
                    [2, "Lê Thị Hoa", "Đoàn 1", "PĐ"],
                    [3, "Trần Văn Bình", "Đoàn 1", "TV"],
                    [], ["Chức danh: TĐ - Trưởng đoàn; PĐ - Phó Trưởng đoàn; TV - Thành viên"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert [r["role"] for r in result.records()] == ["head", "deputy", "member"]
    assert result.errors == []


def test_usual_role_abbreviations_read_without_a_note(tmp_path):
    rows = TITLE + [["STT", "Họ và tên", "Đoàn", "Chức danh trong đoàn"],
                    [1, "Nguyễn Văn An", "Đoàn 1", "TĐ"], [2, "Lê Thị Hoa", "Đoàn 1", "PTĐ"],
                    [3, "Trần Văn Bình", "Đoàn 1", "TV"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert [r["role"] for r in result.records()] == ["head", "deputy", "member"]


@pytest.mark.parametrize("line", [["Tổng cộng: 2 đồng chí"], [None, "Cộng"], [None, "Tổng số 2 người"],
                                  ["Tổng số: 02 đ/c"]])
def test_a_totals_line_is_not_read_as_a_person(tmp_path, line):
    rows = TITLE + [["STT", "Họ và tên", "Đoàn", "Nhiệm vụ"],
                    [1, "Nguyễn Văn An", "Đoàn 1", "Trưởng đoàn"], [2, "Lê Thị Hoa", "Đoàn 1", "Thành viên"],
                    line + [None] * (4 - len(line))]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert [r["full_name"] for r in result.records()] == ["Nguyễn Văn An", "Lê Thị Hoa"]
    assert result.errors == [] and result.warnings == []


def test_a_stated_total_that_differs_from_the_rows_is_said(tmp_path):
    rows = TITLE + [["STT", "Họ và tên", "Đoàn", "Nhiệm vụ"],
                    [1, "Nguyễn Văn An", "Đoàn 1", "Trưởng đoàn"], [2, "Lê Thị Hoa", "Đoàn 1", "Thành viên"],
                    [None, "Tổng cộng: 3 đồng chí"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert len(result.records()) == 2
    assert any("tổng cộng ghi 3" in w["message"] for w in result.warnings)


# ---- group and unit in the title, worded dates, a role appended to the position -----------------------------

@pytest.mark.parametrize(("title", "unit_line", "group", "unit"), [
    ("DANH SÁCH ĐOÀN CÔNG TÁC SỐ 3", "Phụ trách: Đảng bộ phường Bắc Hồng", "Đoàn công tác số 3",
     "Đảng bộ phường Bắc Hồng"),
    ("Danh sách thành viên Đoàn CT số 5", "Địa bàn được phân công theo dõi: Chi bộ Thôn Đông", "Đoàn công tác số 5",
     "Chi bộ Thôn Đông"),
    ("THÀNH VIÊN TỔ CÔNG TÁC SỐ 2 THEO DÕI CHI BỘ KHU PHỐ 4", None, "Tổ công tác số 2", "Chi bộ Khu phố 4"),
])
def test_the_group_and_unit_stated_in_the_title_hold_for_every_row(tmp_path, title, unit_line, group, unit):
    rows = [["ĐẢNG BỘ THỊ XÃ HỒNG LĨNH"], [title], [unit_line], [],
            ["TT", "Họ và tên", "Chức vụ", "CV trong Đoàn"],
            [1, "Võ Thanh Kiên", "Phó Chủ tịch", "TĐ"], [2, "Dương Văn Việt", "Trưởng phòng", "PTĐ"],
            [3, "Chu Đình Hưng", "Chuyên viên", "TV"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert records(result, "group", "unit", "role") == [(group, unit, "head"), (group, unit, "deputy"),
                                                        (group, unit, "member")]
    assert result.errors == []


def test_the_letterhead_unit_is_not_taken_for_the_unit_the_group_follows(tmp_path):
    rows = [["ĐẢNG BỘ THỊ XÃ HỒNG LĨNH"], ["CHI BỘ KHU PHỐ 1"], ["DANH SÁCH ĐOÀN CÔNG TÁC SỐ 1"], [],
            ["STT", "Họ và tên", "Nhiệm vụ"], [1, "Võ Thanh Kiên", "Trưởng đoàn"]]
    assert parse_file(write(tmp_path / "f.xlsx", rows)).records()[0]["unit"] is None


def test_a_title_group_does_not_override_group_sub_header_rows(tmp_path):
    rows = [["CÁC ĐOÀN CÔNG TÁC SỐ 1 VÀ SỐ 2"], [], ["STT", "Họ và tên", "Nhiệm vụ"],
            ["Đoàn công tác số 1"], [1, "Võ Thanh Kiên", "Trưởng đoàn"],
            ["Đoàn công tác số 2"], [1, "Chu Đình Hưng", "Trưởng đoàn"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert [r["group"] for r in result.records()] == ["Đoàn công tác số 1", "Đoàn công tác số 2"]


@pytest.mark.parametrize(("text", "iso"), [("ngày 7 tháng 3 năm 1975", "1975-03-07"),
                                           ("Sinh ngày 07 tháng 03 năm 1975", "1975-03-07"),
                                           ("15 tháng 12 năm 1980", "1980-12-15")])
def test_a_birth_date_written_in_words_is_read(tmp_path, text, iso):
    rows = TITLE + [["STT", "Họ và tên", "Sinh ngày", "Đoàn", "Nhiệm vụ"], [1, "Nguyễn Văn An", text, "Đoàn 1", "TV"]]
    assert parse_file(write(tmp_path / "f.xlsx", rows)).records()[0]["birth_date"] == iso


def test_an_impossible_worded_birth_date_is_refused(tmp_path):
    rows = TITLE + [["STT", "Họ và tên", "Sinh ngày", "Đoàn", "Nhiệm vụ"],
                    [1, "Nguyễn Văn An", "ngày 30 tháng 2 năm 1975", "Đoàn 1", "TV"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert result.records() == [] and result.errors[0]["column"] == "C"


@pytest.mark.parametrize("header", ["Chức vụ - Chức danh trong đoàn", "Chức vụ"])
def test_a_role_appended_to_the_position_is_cut_off_into_the_role(tmp_path, header):
    rows = TITLE + [["STT", "Họ và tên", header, "Đoàn"],
                    [1, "Phạm Công Sơn", "UV BTV Thị ủy, Phó Chủ tịch UBND thị xã / Trưởng Đoàn", "Đoàn 1"],
                    [2, "Dương Thị Chi", "Phó Trưởng phòng Tài chính - Kế hoạch - Phó đoàn", "Đoàn 1"],
                    [3, "Lý Trọng Hiếu", "Chánh Văn phòng (Thành viên)", "Đoàn 1"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert records(result, "position", "role") == [("UV BTV Thị ủy, Phó Chủ tịch UBND thị xã", "head"),
                                                   ("Phó Trưởng phòng Tài chính - Kế hoạch", "deputy"),
                                                   ("Chánh Văn phòng", "member")]


def test_positions_that_merely_end_in_a_word_of_rank_keep_it(tmp_path):
    rows = TITLE + [["STT", "Họ và tên", "Chức vụ", "Đoàn", "Nhiệm vụ"],
                    [1, "Phạm Công Sơn", "Phòng Nội vụ - Trưởng phòng", "Đoàn 1", "Trưởng đoàn"],
                    [2, "Dương Thị Chi", "Văn phòng Thị ủy, Phó Chánh", "Đoàn 1", "Thành viên"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert [r["position"] for r in result.records()] == ["Phòng Nội vụ - Trưởng phòng", "Văn phòng Thị ủy, Phó Chánh"]


@pytest.mark.parametrize(("header", "value", "group"), [("Đoàn", "Số 2", "Đoàn công tác số 2"),
                                                        ("Đoàn công tác", 2, "Đoàn công tác số 2"),
                                                        ("Tổ công tác", "số 3", "Tổ công tác số 3")])
def test_a_group_column_of_numbers_names_the_group(tmp_path, header, value, group):
    rows = TITLE + [["STT", "Họ và tên", header, "Nhiệm vụ"], [1, "Nguyễn Văn An", value, "Thành viên"]]
    assert parse_file(write(tmp_path / "f.xlsx", rows)).records()[0]["group"] == group


# ---- an assignment matrix: a row per group, the people of each role listed in one cell ----------------------

def test_an_assignment_matrix_reads_as_one_record_per_person(tmp_path):
    rows = [["BẢNG PHÂN CÔNG CÁC ĐOÀN CÔNG TÁC"], [],
            ["Tên đoàn", "Đơn vị phụ trách", "Trưởng đoàn", "Phó đoàn", "Thành viên"],
            ["ĐCT số 1", "Chi bộ Thôn 1", "Lê Văn An – Bí thư Đảng ủy", "Trần Thị Bình - Chuyên viên",
             "Ngô Văn Cường - Trưởng phòng Tài chính - Kế hoạch\nĐỗ Thị Dung"],
            ["Đoàn số 2", "Chi bộ Thôn 2", "Phạm Văn Em - Phó Chủ tịch", None, "Vũ Thị Giang - Kế toán; Hồ Văn Hải"],
            [], ["Người lập biểu"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert records(result, "full_name", "position", "group", "role", "unit") == [
        ("Lê Văn An", "Bí thư Đảng ủy", "Đoàn công tác số 1", "head", "Chi bộ Thôn 1"),
        ("Trần Thị Bình", "Chuyên viên", "Đoàn công tác số 1", "deputy", "Chi bộ Thôn 1"),
        ("Ngô Văn Cường", "Trưởng phòng Tài chính - Kế hoạch", "Đoàn công tác số 1", "member", "Chi bộ Thôn 1"),
        ("Đỗ Thị Dung", None, "Đoàn công tác số 1", "member", "Chi bộ Thôn 1"),
        ("Phạm Văn Em", "Phó Chủ tịch", "Đoàn công tác số 2", "head", "Chi bộ Thôn 2"),
        ("Vũ Thị Giang", "Kế toán", "Đoàn công tác số 2", "member", "Chi bộ Thôn 2"),
        ("Hồ Văn Hải", None, "Đoàn công tác số 2", "member", "Chi bộ Thôn 2")]
    assert result.header_row == 3 and result.errors == []


def test_role_tick_columns_under_a_header_naming_the_person_give_the_role(tmp_path):
    rows = TITLE + [["STT", "Họ và tên", "Đoàn", "Nhiệm vụ", None, None],
                    [None, None, None, "Trưởng đoàn", "Phó đoàn", "Thành viên"],
                    [1, "Nguyễn Văn An", "Đoàn 1", "x", None, None],
                    [2, "Lê Thị Hoa", "Đoàn 1", None, "X", None],
                    [3, "Trần Văn Bình", "Đoàn 1", None, None, "✓"],
                    [4, "Phạm Thị Lan", "Đoàn 1", None, "x", "x"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows, ["D4:F4", "A4:A5", "B4:B5", "C4:C5"]))
    assert records(result, "full_name", "role") == [("Nguyễn Văn An", "head"), ("Lê Thị Hoa", "deputy"),
                                                    ("Trần Văn Bình", "member")]
    assert [e["row"] for e in result.errors] == [9] and "E9, F9" in result.errors[0]["message"]


@pytest.mark.parametrize("page_mark", ["Trang 2", "- 2 -", "Page 2/3", "Tờ số 2"])
def test_a_printed_page_break_with_the_header_repeated_reads_no_person(tmp_path, page_mark):
    header = ["stt", "Họ và tên", "Đoàn", "Nhiệm vụ"]
    rows = TITLE + [header, [1, "Nguyễn Văn An", "Đoàn 1", "Trưởng đoàn"], [], [page_mark], header,
                    [2, "Lê Thị Hoa", "Đoàn 1", "Thành viên"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert [r["full_name"] for r in result.records()] == ["Nguyễn Văn An", "Lê Thị Hoa"]
    assert result.errors == [] and result.warnings == []
    assert {row["row"]: row["reason"] for row in result.rows}[8] == "dòng tiêu đề lặp lại"


@pytest.mark.parametrize(("header", "unit"), [("Cơ sở được phân công theo dõi", "Chi bộ Thôn 1"),
                                              ("Đơn vị được giao phụ trách", "Chi bộ Thôn 1"),
                                              ("Khu phố phụ trách", "Chi bộ Thôn 1"),
                                              ("Tổ dân phố được phân công theo dõi", "Chi bộ Thôn 1"),
                                              ("Ấp phụ trách", "Chi bộ Thôn 1"),
                                              ("Xã/phường phụ trách", "Chi bộ Thôn 1"),
                                              ("Chi bộ được phân công sinh hoạt", None),
                                              ("Đơn vị công tác", None)])
def test_a_unit_column_is_named_by_a_place_and_its_assignment(tmp_path, header, unit):
    rows = TITLE + [["STT", "Họ và tên", "Đoàn", "Nhiệm vụ", header],
                    [1, "Nguyễn Văn An", "Đoàn 1", "Thành viên", "Chi bộ Thôn 1"]]
    assert parse_file(write(tmp_path / "f.xlsx", rows)).records()[0]["unit"] == unit


@pytest.mark.parametrize(("title", "unit"), [
    ("DANH SÁCH ĐOÀN CÔNG TÁC THEO DÕI CHI BỘ KHU PHỐ (cập nhật 01/10/2025)", None),
    ("DANH SÁCH ĐOÀN CÔNG TÁC THEO DÕI CHI BỘ KHU PHỐ 3 (cập nhật 01/10/2025)", "Chi bộ Khu phố 3"),
    ("DANH SÁCH ĐOÀN CÔNG TÁC PHỤ TRÁCH CHI BỘ TỔ DÂN PHỐ", None),
])
def test_a_titles_unit_drops_its_closing_aside_and_a_bare_kind_of_place_names_no_unit(tmp_path, title, unit):
    rows = [["ĐẢNG ỦY PHƯỜNG BÀN CỜ"], [title], [], ["STT", "Họ và tên", "Đoàn", "Nhiệm vụ"],
            [1, "Nguyễn Văn An", "Đoàn 1", "Thành viên"]]
    assert parse_file(write(tmp_path / "f.xlsx", rows)).records()[0]["unit"] == unit


@pytest.mark.parametrize(("cell", "group", "unit"), [
    ("Đoàn số 1\nPhụ trách: Đảng bộ phường Hưng Dũng", "Đoàn công tác số 1", "Đảng bộ phường Hưng Dũng"),
    ("Đoàn 2 (Chi bộ Thôn 4)", "Đoàn công tác số 2", "Chi bộ Thôn 4"),
    ("ĐCT số 3 - phụ trách Đảng bộ xã Nghi Phú", "Đoàn công tác số 3", "Đảng bộ xã Nghi Phú"),
    ("Đoàn công tác số 4\nĐảng bộ phường Bến Thủy", "Đoàn công tác số 4", "Đảng bộ phường Bến Thủy"),
])
def test_a_unit_written_after_the_group_in_its_cell_is_the_rows_unit(tmp_path, cell, group, unit):
    rows = TITLE + [["STT", "Đoàn công tác", "Họ và tên", "Chức danh trong Đoàn"],
                    [1, cell, "Lưu Ngọc Tuyết", "Trưởng đoàn"],
                    [2, None, "Bùi Thu Lan", "Thành viên"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows, ["B5:B6"]))
    assert records(result, "full_name", "group", "unit") == [("Lưu Ngọc Tuyết", group, unit),
                                                             ("Bùi Thu Lan", group, unit)]
    assert result.errors == []


def test_a_unit_after_the_group_that_contradicts_the_unit_column_fails_the_row(tmp_path):
    rows = TITLE + [["STT", "Đoàn công tác", "Họ và tên", "Nhiệm vụ", "Đơn vị phụ trách"],
                    [1, "Đoàn 1 (Chi bộ Thôn 4)", "Lưu Ngọc Tuyết", "Trưởng đoàn", "Chi bộ Thôn 4"],
                    [2, "Đoàn 1 (Chi bộ Thôn 4)", "Bùi Thu Lan", "Thành viên", "Chi bộ Thôn 5"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert records(result, "full_name", "unit") == [("Lưu Ngọc Tuyết", "Chi bộ Thôn 4")]
    assert [(e["row"], e["column"]) for e in result.errors] == [(6, "B")]


def test_a_unit_column_written_on_each_row_keeps_a_blank_cell_blank(tmp_path):
    """Each member follows a unit of his own; the one with none is not given the unit of the row above."""
    rows = TITLE + [["STT", "Họ và tên", "Nhiệm vụ", "Chi bộ theo dõi"], ["ĐOÀN CÔNG TÁC SỐ V"],
                    [1, "Cao Thị Vân", "Trưởng đoàn", "Chi bộ Khối phố 7"],
                    [2, "Tạ Thị Hằng", "Phó trưởng đoàn", "Chi bộ Khối phố 3"],
                    [3, "Thái Kim Loan", "Thành viên", "Chi bộ Khối phố 6"],
                    [4, "Trần Xuân Cường", "Thành viên", None]]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert [r["unit"] for r in result.records()] == ["Chi bộ Khối phố 7", "Chi bộ Khối phố 3", "Chi bộ Khối phố 6",
                                                     None]


def test_a_unit_written_only_on_each_blocks_first_row_fills_its_block(tmp_path):
    """The same column with its merge lost (a CSV export): the value on a block's first row holds for the block."""
    rows = TITLE + [["STT", "Họ và tên", "Nhiệm vụ", "Đoàn", "Chi bộ theo dõi"],
                    [1, "Cao Thị Vân", "Trưởng đoàn", "Đoàn 1", "Chi bộ Khối phố 7"],
                    [2, "Tạ Thị Hằng", "Thành viên", None, None],
                    [3, "Thái Kim Loan", "Thành viên", None, None],
                    [4, "Trần Xuân Cường", "Trưởng đoàn", "Đoàn 2", "Chi bộ Khối phố 3"],
                    [5, "Lê Văn Tám", "Thành viên", None, None]]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert records(result, "group", "unit") == [("Đoàn công tác số 1", "Chi bộ Khối phố 7")] * 3 + [
        ("Đoàn công tác số 2", "Chi bộ Khối phố 3")] * 2


@pytest.mark.parametrize(("header", "values"), [
    ("Đoàn CT", ["I", "I", "II"]), ("Đoàn", ["IV", "IV", "V"]), ("Thuộc", ["ĐCT số 1", "ĐCT số 1", "ĐCT số 2"]),
    ("Sinh hoạt tại", ["Đoàn công tác số 1", "Đoàn công tác số 1", "Đoàn công tác số 2"]),
])
def test_a_group_column_is_read_from_roman_numerals_or_from_groups_named_in_words(tmp_path, header, values):
    rows = TITLE + [["STT", "Họ và tên", header, "Nhiệm vụ"]] + [
        [n, name, value, role] for n, (name, value, role) in enumerate(zip(
            ["Nhữ Thị Nga", "Phan Mạnh Tùng", "Vũ Hồng Yến"], values, ["Trưởng đoàn", "Thành viên", "Trưởng đoàn"]), 1)]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    first, second = sorted({r["group"] for r in result.records()})
    assert [r["group"] for r in result.records()] == [first, first, second] and result.errors == []
    assert first.startswith("Đoàn công tác số") and second.startswith("Đoàn công tác số")


def test_ticks_under_a_short_group_word_are_not_roman_group_numbers(tmp_path):
    rows = TITLE + [["STT", "Họ và tên", "Đoàn CT", "Nhiệm vụ"], [1, "Nhữ Thị Nga", "x", "Trưởng đoàn"],
                    [2, "Phan Mạnh Tùng", "x", "Thành viên"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert result.records() == [] and result.errors


@pytest.mark.parametrize("header", ["Theo dõi, phụ trách", "Theo dõi", "Phụ trách theo dõi"])
def test_an_assignment_header_alone_names_the_unit_column(tmp_path, header):
    rows = TITLE + [["STT", "Họ và tên", "Đoàn", "Nhiệm vụ", header],
                    [1, "Trần Thị Mến", "Đoàn 1", "Trưởng đoàn", "Đảng bộ phường Vũ Ninh"],
                    [2, "Trần Hữu Lâm", "Đoàn 1", "Thành viên", "Chi bộ Khu phố 11"]]
    result = parse_file(write(tmp_path / "f.xlsx", rows))
    assert [r["unit"] for r in result.records()] == ["Đảng bộ phường Vũ Ninh", "Chi bộ Khu phố 11"]
