"""The officer's corrections (overrides) applied by the pure pipeline, and what it says it inferred."""

import json

import pandas as pd
import pytest
from importer_paths import SAMPLES

from importers import ImportFileError, parse_file
from importers.overrides import remap_context
from tests.workbooks import write_workbook


def _save(tmp_path, sheets, hidden=()):
    return write_workbook(tmp_path / "file.xlsx", sheets, hidden)

# A decoy line naming two fields sits two rows above the real header, whose name column the detector misses.
MISLEAD = [["SỔ THEO DÕI NĂM 2024"], ["Họ và tên", "Chi bộ", "Ngày", "Điểm danh"],
           ["Đồng chí", "Chi bộ", "T1", "T2", "T3"],
           ["Nguyễn Văn An", "Chi bộ 1", "x", "P", "Đ"],
           ["Lê Thị Bình", "Chi bộ 1", "x", "x", None],
           [], ["Ghi chú: x = có mặt; P = vắng có phép; K = vắng không phép"]]


def test_header_rows_override_fixes_a_misdetected_header_and_legend_edit_reads_an_unknown_mark(tmp_path):
    path = _save(tmp_path, {"Điểm danh": MISLEAD})
    wrong = parse_file(path, kind="attendance")
    assert wrong.header_row == 2 and wrong.record_count == 0
    fixed = parse_file(path, kind="attendance", mapping={"full_name": "A"},
                       overrides={"header_rows": [3, 3], "legend": {"Đ": "late"}})
    assert fixed.header_row == 3
    records = sorted((r["full_name"], r["date"], r["status"]) for r in fixed.records())
    assert records == [("Lê Thị Bình", "2024-01-01", "present"), ("Lê Thị Bình", "2024-02-01", "present"),
                       ("Nguyễn Văn An", "2024-01-01", "present"), ("Nguyễn Văn An", "2024-02-01", "excused"),
                       ("Nguyễn Văn An", "2024-03-01", "late")]
    assert fixed.errors == []
    # the layout key stays the detected one, so a template is found again for the next such file
    assert fixed.detected_signature == wrong.signature
    said = {item["what"]: item for item in fixed.inferences}
    assert said["Dòng tiêu đề"]["value"] == "3" and said["Dòng tiêu đề"]["source"] == "do cán bộ chọn"
    assert said["Năm"] == {"what": "Năm", "value": "2024", "source": "lấy từ dòng 1"}
    assert said["Ký hiệu"]["source"] == "do cán bộ sửa"


def test_without_the_legend_edit_the_unknown_mark_fails(tmp_path):
    path = _save(tmp_path, {"Điểm danh": MISLEAD})
    result = parse_file(path, kind="attendance", mapping={"full_name": "A"}, overrides={"header_rows": [3, 3]})
    assert any("ký hiệu" in error["message"] for error in result.errors)


def test_year_override_dates_the_month_columns(tmp_path):
    rows = [["Họ và tên", "Chi bộ", "T1", "T2"], ["Nguyễn Văn An", "Chi bộ 1", "x", "x"]]
    path = _save(tmp_path, {"A": rows})
    result = parse_file(path, kind="attendance", overrides={"year": 2023})
    assert sorted(r["date"] for r in result.records()) == ["2023-01-01", "2023-02-01"]
    assert {"what": "Năm", "value": "2023", "source": "do cán bộ nhập"} in result.inferences


def test_join_of_two_name_columns_and_of_day_month_year(tmp_path):
    rows = [["STT", "Họ đệm", "Tên", "Ngày", "Tháng", "Năm", "Nhiệm vụ trong đoàn", "Đoàn"],
            [1, "Nguyễn Văn", "An", 5, 3, 1970, "Trưởng đoàn", "Đoàn công tác số 1"],
            [2, "Lê Thị", "Bình", 12, 11, 1981, "Thành viên", "Đoàn công tác số 1"]]
    path = _save(tmp_path, {"DS": rows})
    result = parse_file(path, kind="roster", mapping={"full_name": "B"}, overrides={"joins": [
        {"field": "full_name", "columns": ["B", "C"]}, {"field": "birth_date", "columns": ["D", "E", "F"]}]})
    records = {r["full_name"]: r["birth_date"] for r in result.records()}
    assert records == {"Nguyễn Văn An": "1970-03-05", "Lê Thị Bình": "1981-11-12"}
    assert result.errors == []


def test_context_rows_meaning_changed_or_ignored(tmp_path):
    rows = [["STT", "Họ và tên", "Nhiệm vụ trong đoàn"], ["Đoàn công tác số 2"],
            [1, "Nguyễn Văn An", "Trưởng đoàn"], [2, "Lê Thị Bình", "Thành viên"]]
    path = _save(tmp_path, {"DS": rows})
    plain = parse_file(path, kind="roster")
    assert {r["group"] for r in plain.records()} == {"Đoàn công tác số 2"}
    assert {"what": "Đoàn", "value": "", "source": "lấy từ các dòng tiêu đề nhóm"} in plain.inferences
    ignored = parse_file(path, kind="roster", overrides={"context": {"group": "ignore"}})
    assert ignored.record_count == 0 and plain.record_count == 2
    as_unit = remap_context(pd.DataFrame({"group": ["Đoàn công tác số 2"]}), {"group": "unit"})
    assert as_unit.to_dict("records") == [{"unit": "Đoàn công tác số 2"}]


def test_several_sheets_are_concatenated_and_the_hidden_one_is_named(tmp_path):
    header = ["Họ và tên", "Chi bộ", "T1"]
    path = _save(tmp_path, {"HD": [["Hướng dẫn"]], "Q1": [header, ["Nguyễn Văn An", "Chi bộ 1", "x"]],
                            "Q2": [header, ["Lê Thị Bình", "Chi bộ 2", "P"]]}, hidden=("HD",))
    found = parse_file(path, kind="attendance", overrides={"year": 2024})  # one layout on two sheets: both read
    assert {"what": "Trang tính", "value": "Q1, Q2", "source": "các trang cùng bố cục, đọc tất cả"} in found.inferences
    assert len(found.records()) == 2
    one = parse_file(path, kind="attendance", overrides={"year": 2024, "sheets": ["Q1"]})
    assert [r["full_name"] for r in one.records()] == ["Nguyễn Văn An"]
    both = parse_file(path, kind="attendance", overrides={"year": 2024, "sheets": ["Q1", "Q2"]})
    assert sorted(r["full_name"] for r in both.records()) == ["Lê Thị Bình", "Nguyễn Văn An"]


@pytest.mark.parametrize("overrides, words", [
    ({"header_rows": [4, 2]}, "Dòng tiêu đề"), ({"header_rows": [40, 40]}, "ngoài trang tính"),
    ({"legend": {"Đ": "sometimes"}}, "Ký hiệu"), ({"year": 12}, "Năm"),
    ({"joins": [{"field": "full_name", "columns": ["A"]}]}, "Ghép cột"),
    ({"context": {"group": "boss"}}, "dòng tiêu đề nhóm")])
def test_bad_overrides_are_refused_with_a_vietnamese_message(tmp_path, overrides, words):
    path = _save(tmp_path, {"Điểm danh": MISLEAD})
    with pytest.raises(ImportFileError) as raised:
        parse_file(path, kind="attendance", mapping={"full_name": "A"}, overrides=overrides)
    assert words in raised.value.message


ROSTER = [["DANH SÁCH ĐOÀN CÔNG TÁC"], ["STT", "Họ và tên", "Chức vụ", "Đoàn", "Nhiệm vụ", "Số điện thoại"],
          [1, "Nguyễn Văn An (Trưởng đoàn)", "Bí thư", "Đoàn công tác số 1", None, "0912345678"],
          [2, "Lê Thị Bình (Phó đoàn)", "Phó Bí thư", "Đoàn công tác số 1", None, "0912345679"],
          [3, "Trần Văn Cường", "Chuyên viên", "Đoàn công tác số 1", None, "0912345670"]]


def _roster(tmp_path, rows=ROSTER, **sheets):
    return _save(tmp_path, sheets or {"DS": rows})


def _people(result, *fields):
    return sorted(tuple(record[f] for f in ("full_name", *fields)) for record in result.records())


def test_a_trailing_parenthesis_goes_into_the_role_and_leaves_the_name(tmp_path):
    path = _roster(tmp_path)
    expected = [("Lê Thị Bình", "deputy"), ("Nguyễn Văn An", "head"), ("Trần Văn Cường", "member")]
    plain = parse_file(path, kind="roster")
    assert _people(plain, "role") == expected  # the reader now takes a bracketed role word out of the name itself
    assert not any(i["source"] == "do cán bộ sửa" for i in plain.inferences)
    fixed = parse_file(path, kind="roster", overrides={"strips": [{"column": "B", "part": "brackets", "into": "role"}]})
    assert _people(fixed, "role") == expected  # the officer's strip gives the same records, and is recorded as his
    assert fixed.errors == []
    assert {"what": "Bỏ phần đầu/cuối", "value": "cột B: phần trong ngoặc ở cuối → nhiệm vụ trong đoàn",
            "source": "do cán bộ sửa"} in fixed.inferences


def test_a_prefix_is_dropped_and_a_suffix_moved_into_a_field():
    from importers.column_fixes import strip_part

    assert strip_part("Đ/c Lê Thu Hà", "prefix", "Đ/c ") == ("Lê Thu Hà", "Đ/c")
    assert strip_part("đ/c  Lê Thu Hà", "prefix", "Đ/c") == ("Lê Thu Hà", "đ/c")
    assert strip_part("Lê Thu Hà - Trưởng đoàn", "suffix", "- Trưởng đoàn") == ("Lê Thu Hà", "- Trưởng đoàn")
    assert strip_part("Lê Thu Hà", "suffix", "- Trưởng đoàn") == ("Lê Thu Hà", None)
    assert strip_part(1970, "prefix", "19") == (1970, None)
    assert strip_part("Đặng Văn An", "prefix", "Đ") == ("Đặng Văn An", None)  # whole words only
    assert strip_part("Lê Văn Anh", "suffix", "nh") == ("Lê Văn Anh", None)
    assert strip_part("Lê Văn An - TĐ", "suffix", "TĐ") == ("Lê Văn An -", "TĐ")


def test_a_prefix_of_a_unit_column_is_cut_off(tmp_path):
    rows = [["Họ và tên", "Chi bộ", "T1"], ["Nguyễn Văn An", "CB: Chi bộ Khu phố 1", "x"]]
    path = _save(tmp_path, {"A": rows})
    result = parse_file(path, kind="attendance", overrides={"year": 2024, "strips": [
        {"column": "B", "part": "prefix", "text": "CB:"}]})
    assert [r["unit"] for r in result.records()] == ["Chi bộ Khu phố 1"]


def test_a_cell_of_two_lines_is_split_into_name_and_position(tmp_path):
    rows = [["STT", "Họ và tên", "Đoàn", "Nhiệm vụ"],
            [1, "Nguyễn Văn An\nBí thư Chi bộ Khu phố 1", "Đoàn công tác số 2", "Trưởng đoàn"],
            [2, "Lê Thị Bình\r\nChuyên viên\nVăn phòng", "Đoàn công tác số 2", "Thành viên"]]
    path = _roster(tmp_path, rows)
    result = parse_file(path, kind="roster", overrides={"splits": [
        {"column": "B", "how": "lines", "into": ["full_name", "position"]}]})
    assert _people(result, "position") == [("Lê Thị Bình", "Chuyên viên Văn phòng"),
                                            ("Nguyễn Văn An", "Bí thư Chi bộ Khu phố 1")]


@pytest.mark.parametrize("text, role, group", [
    ("Trưởng Đoàn công tác số 2", "Trưởng", "Đoàn công tác số 2"),
    ("Phó trưởng đoàn số 2", "Phó trưởng", "đoàn số 2"),
    ("Phó Trưởng đoàn Đoàn công tác số 3", "Phó Trưởng đoàn", "Đoàn công tác số 3"),
    ("Thành viên Đoàn số 4", "Thành viên", "Đoàn số 4"),
    ("Đoàn 3 - Thành viên", "Thành viên", "Đoàn 3"),
    ("Bí thư", "Bí thư", None)])
def test_role_and_group_are_told_apart_in_one_text(text, role, group):
    from importers.column_fixes import split_role_group

    assert split_role_group(text) == (role, group)


def test_a_column_holding_group_and_role_is_split_into_both(tmp_path):
    rows = [["STT", "Họ và tên", "Nhiệm vụ được phân công"], [1, "Nguyễn Văn An", "Trưởng Đoàn công tác số 2"],
            [2, "Lê Thị Bình", "Phó trưởng đoàn số 2"], [3, "Trần Văn Cường", "Thành viên Đoàn số 3"]]
    path = _roster(tmp_path, rows)
    result = parse_file(path, kind="roster", overrides={"splits": [
        {"column": "C", "how": "role_group", "into": ["role", "group"]}]})
    assert _people(result, "role", "group") == [("Lê Thị Bình", "deputy", "Đoàn công tác số 2"),
                                                ("Nguyễn Văn An", "head", "Đoàn công tác số 2"),
                                                ("Trần Văn Cường", "member", "Đoàn công tác số 3")]


WEEKDAYS = [["Ngày sinh hoạt", "Họ tên", "Có mặt", "Lý do vắng", "Chi bộ"],
            ["Thứ Hai, 06/01/2025", "Nguyễn Văn An", "Có", None, "Chi bộ 1"],
            ["Thứ Hai, 06/01/2025", "Lê Thị Bình", "Không", "Ốm", "Chi bộ 1"],
            ["Chủ nhật, 2/2/2025", "Trần Văn Cường", "Không", None, "Chi bộ 1"]]


def test_words_are_stripped_from_a_date_column_and_replacements_read_the_marks(tmp_path):
    path = _save(tmp_path, {"Sổ": WEEKDAYS})
    read = parse_file(path, kind="attendance", mapping={"note": "D"})  # the reader knows weekday dates by now;
    assert {r["date"] for r in read.records()} == {"2025-01-06", "2025-02-02"}  # the correction must agree with it
    fixed = parse_file(path, kind="attendance", overrides={
        "dates": ["A"], "columns": {"note": "D"},
        "replace": [{"column": "C", "find": "không", "with": "P", "when": {"column": "D", "filled": True}},
                    {"column": "C", "find": "Không", "with": "K"}]})
    assert sorted((r["full_name"], r["date"], r["status"]) for r in fixed.records()) == [
        ("Lê Thị Bình", "2025-01-06", "excused"), ("Nguyễn Văn An", "2025-01-06", "present"),
        ("Trần Văn Cường", "2025-02-02", "absent")]
    assert fixed.errors == []
    said = [item["value"] for item in fixed.inferences]
    assert "cột C: «không» → «P» khi cột D có dữ liệu" in said and "D → ghi chú" in said


def test_a_replacement_matches_whole_cells_only(tmp_path):
    rows = [["Họ và tên", "Chi bộ", "T1"], ["Nguyễn Văn Không", "Chi bộ 1", "Không"]]
    path = _save(tmp_path, {"A": rows})
    result = parse_file(path, kind="attendance", overrides={"year": 2024, "replace": [
        {"column": "A", "find": "Không", "with": "K"}, {"column": "C", "find": "không", "with": "K"}]})
    assert [(r["full_name"], r["status"]) for r in result.records()] == [("Nguyễn Văn Không", "absent")]


def test_mapping_a_column_and_unmapping_a_field(tmp_path):
    rows = [["STT", "Họ và tên", "Đơn vị", "Địa bàn", "Đoàn"],
            [1, "Nguyễn Văn An", "Văn phòng", "Chi bộ Khu phố 1", "Đoàn công tác số 1"]]
    path = _roster(tmp_path, rows)
    detected = parse_file(path, kind="roster")
    assert detected.records()[0]["unit"] == "Văn phòng"
    mapped = parse_file(path, kind="roster", mapping={"unit": "C", "full_name": "B"},
                        overrides={"columns": {"unit": "D", "position": "C"}})
    assert (mapped.records()[0]["unit"], mapped.records()[0]["position"]) == ("Chi bộ Khu phố 1", "Văn phòng")
    none = parse_file(path, kind="roster", overrides={"columns": {"unit": None}})
    assert none.records()[0]["unit"] is None


def _register(title_unit):
    return [["SỔ THEO DÕI NĂM 2025"], [f"Đơn vị: {title_unit}"], ["STT", "Họ và tên", "T1", "T2"],
            [1, f"Người {title_unit[-1]}", "x", "P"]]


def test_a_value_for_every_record_of_each_sheet_from_a_line_the_tab_or_typed(tmp_path):
    path = _save(tmp_path, {"KP1": _register("Chi bộ Khu phố 1"), "KP2": _register("Chi bộ Khu phố 2")})
    both = ["KP1", "KP2"]
    plain = parse_file(path, kind="attendance", overrides={"sheets": both})  # the reader finds the unit lines too
    assert {r["unit"] for r in plain.records()} == {"Chi bộ Khu phố 1", "Chi bộ Khu phố 2"}
    from_line = parse_file(path, kind="attendance", overrides={
        "sheets": both, "sheet_values": [{"field": "unit", "from": "row", "row": 2}]})
    assert sorted({(r["full_name"], r["unit"]) for r in from_line.records()}) == [
        ("Người 1", "Chi bộ Khu phố 1"), ("Người 2", "Chi bộ Khu phố 2")]
    assert {"what": "Chi bộ cho cả trang", "value": "Chi bộ Khu phố 1; Chi bộ Khu phố 2",
            "source": "lấy từ dòng 2"} in from_line.inferences
    from_tab = parse_file(path, kind="attendance", overrides={"sheet_values": [{"field": "unit", "from": "tab"}]})
    assert sorted({(r["full_name"], r["unit"]) for r in from_tab.records()}) == [("Người 1", "KP1"), ("Người 2", "KP2")]
    typed = parse_file(path, kind="attendance", overrides={
        "sheets": ["KP2"], "sheet_values": [{"field": "unit", "from": "typed", "value": "Chi bộ Đông Tiến"}]})
    assert {r["unit"] for r in typed.records()} == {"Chi bộ Đông Tiến"} and typed.record_count == 2


def test_a_sheet_value_skips_group_heading_rows(tmp_path):
    rows = [["STT", "Họ và tên", "Nhiệm vụ"], ["Đoàn công tác số 1"], [1, "Nguyễn Văn An", "Trưởng đoàn"],
            ["Đoàn công tác số 2"], [1, "Lê Thị Bình", "Thành viên"]]
    path = _roster(tmp_path, rows)
    result = parse_file(path, kind="roster", overrides={
        "sheet_values": [{"field": "unit", "from": "typed", "value": "Đảng bộ phường Tân Lập"}]})
    assert _people(result, "group", "unit") == [("Lê Thị Bình", "Đoàn công tác số 2", "Đảng bộ phường Tân Lập"),
                                                ("Nguyễn Văn An", "Đoàn công tác số 1", "Đảng bộ phường Tân Lập")]


def test_a_table_with_persons_across_the_top_is_transposed(tmp_path):
    rows = [["DANH SÁCH"], ["Họ và tên", "Nguyễn Văn An", "Lê Thị Bình"], ["Ngày sinh", "05/03/1970", "12/11/1981"],
            ["Đoàn", "Đoàn công tác số 1", "Đoàn công tác số 1"], ["Nhiệm vụ", "Trưởng đoàn", "Thành viên"]]
    path = _roster(tmp_path, rows)
    result = parse_file(path, kind="roster", overrides={"transpose": True})
    assert _people(result, "birth_date", "role") == [("Lê Thị Bình", "1981-11-12", "member"),
                                                     ("Nguyễn Văn An", "1970-03-05", "head")]
    assert {"what": "Xoay bảng", "value": "người theo cột", "source": "do cán bộ chọn"} in result.inferences


def test_corrections_keep_each_other(tmp_path):
    rows = [["DS"], ["STT", "Họ", "Tên", "Ngày", "Tháng", "Năm", "Nhiệm vụ"],
            [1, "Đ/c Nguyễn Văn", "An", 5, 3, 1970, "Trưởng Đoàn công tác số 2"],
            [2, "Lê Thị", "Bình", 12, 11, 1981, "Thành viên Đoàn số 2"]]
    path = _save(tmp_path, {"Doan 2": rows})
    overrides = {"header_rows": [2, 2], "strips": [{"column": "B", "part": "prefix", "text": "Đ/c "}],
                 "joins": [{"field": "full_name", "columns": ["B", "C"]},
                           {"field": "birth_date", "columns": ["D", "E", "F"]}],
                 "splits": [{"column": "G", "how": "role_group", "into": ["role", "group"]}],
                 "sheet_values": [{"field": "unit", "from": "tab"}]}
    result = parse_file(path, kind="roster", overrides=overrides)
    assert _people(result, "birth_date", "role", "group", "unit") == [
        ("Lê Thị Bình", "1981-11-12", "member", "Đoàn công tác số 2", "Doan 2"),
        ("Nguyễn Văn An", "1970-03-05", "head", "Đoàn công tác số 2", "Doan 2")]
    assert result.errors == []


@pytest.mark.parametrize("overrides, words", [
    ({"columns": {"unit": "3!"}}, "Gán cột: cột \"3!\""), ({"columns": ["B"]}, "Gán cột"),
    ({"columns": {"boss": "B"}}, "Trường \"boss\" không có"),
    ({"replace": [{"column": "B", "find": " "}]}, "Thay thế thứ 1"),
    ({"replace": [{"column": "B", "find": "a", "when": {"column": "C", "filled": "yes"}}]}, "điều kiện"),
    ({"dates": ["ZZZZ"]}, "Chỉ giữ phần ngày"), ({"dates": ["Z"]}, "cột Z không có trong bảng"),
    ({"strips": [{"column": "B", "part": "middle"}]}, "Bỏ phần đầu/cuối thứ 1"),
    ({"strips": [{"column": "B", "part": "prefix", "text": ""}]}, "cần một giá trị"),
    ({"splits": [{"column": "B", "how": "lines", "into": ["full_name"]}]}, "hai trường khác nhau"),
    ({"splits": [{"column": "B", "how": "words", "into": ["full_name", "unit"]}]}, "cách tách"),
    ({"sheet_values": [{"field": "unit", "from": "row", "row": 0}]}, "số dòng"),
    ({"sheet_values": [{"field": "unit", "from": "row", "row": 99}]}, "dòng 99 nằm ngoài trang \"Điểm danh\""),
    ({"sheet_values": [{"field": "unit", "from": "row", "row": 6}]}, "dòng 6 của trang \"Điểm danh\" trống"),
    ({"sheet_values": [{"field": "unit", "from": "typed", "value": ""}]}, "Giá trị cho cả trang thứ 1"),
    ({"sheet_values": [{"field": "unit", "from": "tab"}, {"field": "unit", "from": "tab"}]}, "đã có giá trị"),
    ({"transpose": "yes"}, "Xoay bảng"), ("not a dict", "không hợp lệ")])
def test_bad_column_corrections_are_refused_naming_them(tmp_path, overrides, words):
    path = _save(tmp_path, {"Điểm danh": MISLEAD})
    with pytest.raises(ImportFileError) as raised:
        parse_file(path, kind="attendance", mapping={"full_name": "A"}, overrides={"header_rows": [3, 3], **overrides}
                   if isinstance(overrides, dict) else overrides)
    assert words in raised.value.message


# Hard samples read exactly once the officer's corrections say what their columns hold (each is a few steps of
# the rescue form; the browser test takes the same steps through the form).
SAMPLE_RESCUES = {
    "c01_roster_split_name_doan_n.xlsx": {"joins": [{"field": "full_name", "columns": ["B", "C"]}]},
    "c02_roster_group_role_one_column.xlsx": {
        "splits": [{"column": "E", "how": "role_group", "into": ["role", "group"]}], "columns": {"unit": "F"}},
    "c04_roster_birth_day_month_year.xls": {"joins": [{"field": "birth_date", "columns": ["C", "D", "E"]}]},
    "c05_roster_col_c_role_in_name.ods": {"strips": [{"column": "D", "part": "brackets", "into": "role"}]},
    "c06_roster_vni_sheet_per_group.xlsx": {"sheets": ["Doan 1", "Doan 2", "Doan 3"],
                                            "sheet_values": [{"field": "group", "from": "tab"}]},
    "c07_attendance_sheet_per_chibo.xlsx": {"sheet_values": [{"field": "unit", "from": "row", "row": 5}]},
    "c09_attendance_long_weekday_dates.csv": {
        "dates": ["A"], "columns": {"note": "D"},
        "replace": [{"column": "C", "find": "Không", "with": "P", "when": {"column": "D", "filled": True}},
                    {"column": "C", "find": "Không", "with": "K"}]},
    "c11_attendance_long_phrases.ods": {"columns": {"date": "A", "status": "C"},
                                        "strips": [{"column": "C", "part": "brackets"}],
                                        "replace": [{"column": "C", "find": "Vắng", "with": "P"}]},
}


@pytest.mark.parametrize("name", sorted(SAMPLE_RESCUES))
def test_hard_samples_read_exactly_with_a_few_corrections(name):
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"no sample {path}")
    truth = json.loads((SAMPLES / f"{name}.truth.json").read_text(encoding="utf-8"))
    result = parse_file(path, kind=truth["kind"], overrides=SAMPLE_RESCUES[name])
    key = lambda record: json.dumps(record, sort_keys=True, ensure_ascii=False)  # noqa: E731
    assert sorted(map(key, result.records())) == sorted(map(key, truth["records"]))
    assert result.errors == []
