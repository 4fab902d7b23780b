"""A unit read from a title, note or context line stops where the organisation's name ends: "Đơn vị: Chi bộ Tổ dân phố
21. Mỗi cột là một đảng viên, …; CĐ = sinh hoạt chuyên đề" names "Chi bộ Tổ dân phố 21". A unit that still reads as a
sentence is never silent: the plausibility checks warn about it."""

import csv

import pytest
from sheet_files import write_sheet

import importers.normalising as normalising
from importers import parse_file
from importers.unit_ends import name_end, reads_as_sentence

PEOPLE = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Quang Hải"]
MARKS = [["x", "P", "x"], ["x", "x", "K"], ["M", "x", "x"]]
STATUS = {"x": "present", "P": "excused", "K": "absent", "M": "late"}
LEGEND = "Ký hiệu: x - có mặt; P - vắng có phép; K - vắng không phép; M - đi muộn"
TITLE = ["ĐẢNG BỘ PHƯỜNG AN HẢI", "SỔ THEO DÕI ĐẢNG VIÊN DỰ SINH HOẠT NĂM 2025"]
SENTENCE = "giống một câu ghi chú"


def _register(lines, below=()):
    rows = [[line] for line in lines] + [[], ["STT", "Họ và tên", "T1", "T2", "T3"]]
    rows += [[number, name, *marks] for number, (name, marks) in enumerate(zip(PEOPLE, MARKS), 1)]
    return rows + [[], [LEGEND]] + [[line] for line in below]


def _expected(unit):
    return [{"full_name": name, "date": f"2025-{month:02d}-01", "status": STATUS[mark], "unit": unit}
            for name, marks in zip(PEOPLE, MARKS) for month, mark in enumerate(marks, 1)]


def _sentence_warnings(result):
    return [w for w in result.warnings if SENTENCE in w["message"]]


@pytest.mark.parametrize(("line", "unit"), [
    ("Đơn vị: Chi bộ Tổ dân phố 21. Mỗi cột là một tháng, mỗi dòng là một đảng viên; CĐ = sinh hoạt chuyên đề.",
     "Chi bộ Tổ dân phố 21"),
    ("Chi bộ: Khu phố 3; mỗi đồng chí ghi một dòng", "Chi bộ Khu phố 3"),
    ("Nơi sinh hoạt: Chi bộ Thôn Đông - số liệu được tổng hợp từ sổ điểm danh", "Chi bộ Thôn Đông"),
    ("Đơn vị: Chi bộ Khu phố 7, số liệu được cập nhật đến tháng 3", "Chi bộ Khu phố 7"),
    ("Đơn vị: Chi bộ Ấp Tân Lập (số liệu này được chi bộ gửi lên hằng quý)", "Chi bộ Ấp Tân Lập"),
    ("ĐƠN VỊ: CHI BỘ KHU PHỐ 9. MỖI DÒNG LÀ MỘT ĐẢNG VIÊN", "Chi bộ Khu phố 9"),
])
def test_a_labelled_title_line_names_the_unit_up_to_the_end_of_its_name(tmp_path, line, unit):
    result = parse_file(write_sheet(tmp_path / "f.xlsx", _register(TITLE + [line])))
    assert result.errors == []
    assert result.records() == _expected(unit)
    assert _sentence_warnings(result) == []


def test_the_cells_own_header_line_drops_the_remark_in_brackets(tmp_path):
    lines = ["ĐẢNG BỘ PHƯỜNG AN HẢI", "CHI BỘ TỔ DÂN PHỐ 5 (mỗi cột là một kỳ sinh hoạt)",
             "SỔ THEO DÕI ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ NĂM 2025"]
    assert parse_file(write_sheet(tmp_path / "f.xlsx", _register(lines))).records() == _expected(
        "Chi bộ Tổ dân phố 5")


def test_a_note_line_under_the_table_names_the_unit_up_to_the_full_stop(tmp_path):
    result = parse_file(write_sheet(tmp_path / "f.xlsx", _register(
        TITLE, below=["Chi bộ: Chi bộ Khu phố 3. Bảng do đồng chí bí thư lập, gửi Văn phòng Đảng ủy."])))
    assert result.records() == _expected("Chi bộ Khu phố 3")


def test_a_csv_register_reads_its_title_line_the_same_way(tmp_path):
    path = tmp_path / "f.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(_register(
            TITLE + ["Đơn vị: Chi bộ Thôn Phú Mỹ. Mỗi dòng là một đảng viên; để trống là chưa sinh hoạt"]))
    assert parse_file(path).records() == _expected("Chi bộ Thôn Phú Mỹ")


def test_a_register_turned_with_people_as_columns_reads_the_unit_before_the_sentence(tmp_path):
    rows = [["ĐẢNG BỘ PHƯỜNG THUẬN AN"], ["BẢNG THEO DÕI ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ NĂM 2024"],
            ["Đơn vị: Chi bộ Tổ dân phố 8. Mỗi cột là một đảng viên, mỗi dòng là một kỳ sinh hoạt; "
             "CĐ = sinh hoạt chuyên đề."],
            ["Kỳ SH", "Ngày họp", *PEOPLE]]
    days = ["2024-01-05", "2024-02-06", "2024-03-05"]
    for number, day in enumerate(days):
        rows.append([f"T{number + 1}", day.replace("2024-0", "").replace("-", "/") + "/2024",
                     *(marks[number] for marks in MARKS)])
    rows += [[], [LEGEND]]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", rows))
    assert result.errors == []
    assert {record["unit"] for record in result.records()} == {"Chi bộ Tổ dân phố 8"}
    assert len(result.records()) == 9


def test_context_rows_between_the_people_end_their_unit_at_the_full_stop_or_bracket(tmp_path):
    rows = [[line] for line in TITLE] + [[], ["STT", "Họ và tên", "T1", "T2", "T3"],
                                          ["Chi bộ Khu phố 2. Sinh hoạt ngày 5 hằng tháng"],
                                          [1, PEOPLE[0], *MARKS[0]], [2, PEOPLE[1], *MARKS[1]],
                                          ["Chi bộ Khu phố 4 (mỗi đồng chí một dòng)"],
                                          [3, PEOPLE[2], *MARKS[2]], [], [LEGEND]]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", rows))
    assert [record["unit"] for record in result.records()] == ["Chi bộ Khu phố 2"] * 6 + ["Chi bộ Khu phố 4"] * 3


def test_a_rosters_group_row_names_its_unit_up_to_the_full_stop(tmp_path):
    rows = [["ĐẢNG ỦY PHƯỜNG AN HẢI"], ["DANH SÁCH ĐOÀN CÔNG TÁC"], [],
            ["STT", "Họ và tên", "Chức vụ", "Nhiệm vụ", "Điện thoại"],
            ["ĐOÀN CÔNG TÁC SỐ 1 - Phụ trách: Chi bộ Thôn 3. Mỗi thành viên dự sinh hoạt chi bộ hằng tháng"],
            [1, PEOPLE[0], "Phó Bí thư", "Trưởng đoàn", "0912345671"],
            [2, PEOPLE[1], "Chủ tịch MTTQ", "Thành viên", "0912345672"],
            ["ĐOÀN CÔNG TÁC SỐ 2 - Phụ trách: Chi bộ Thôn 5"],
            [3, PEOPLE[2], "Chủ tịch UBND", "Trưởng đoàn", "0912345673"]]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", rows))
    assert [(r["group"], r["unit"]) for r in result.records()] == [
        ("Đoàn công tác số 1", "Chi bộ Thôn 3"), ("Đoàn công tác số 1", "Chi bộ Thôn 3"),
        ("Đoàn công tác số 2", "Chi bộ Thôn 5")]


@pytest.mark.parametrize("line", ["Đơn vị: Chi bộ Thôn 1 - xã An Lạc", "Đơn vị: Chi bộ P. An Lạc",
                                  "Đơn vị: Chi bộ Phòng Tài nguyên và Môi trường"])
def test_a_name_with_a_place_or_an_abbreviation_is_kept_whole(tmp_path, line):
    result = parse_file(write_sheet(tmp_path / "f.xlsx", _register(TITLE + [line])))
    assert result.records() == _expected(line.removeprefix("Đơn vị: "))
    assert _sentence_warnings(result) == []


def test_a_line_listing_two_units_is_not_cut_to_the_first_and_is_warned(tmp_path):
    result = parse_file(write_sheet(tmp_path / "f.xlsx", _register(TITLE + ["Đơn vị: Chi bộ Thôn 4; Chi bộ Thôn 5"])))
    assert {record["unit"] for record in result.records()} != {"Chi bộ Thôn 4"}
    assert _sentence_warnings(result)


def test_a_unit_cell_holding_a_sentence_is_warned(tmp_path):
    rows = [[line] for line in TITLE] + [[], ["STT", "Họ và tên", "Chi bộ", "T1", "T2", "T3"]]
    units = ["Chi bộ Thôn 1", "Chi bộ Thôn 1. Đồng chí này đã chuyển sinh hoạt đi từ tháng 3", "Chi bộ Thôn 2"]
    rows += [[n, name, unit, *marks] for n, (name, unit, marks) in enumerate(zip(PEOPLE, units, MARKS), 1)]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", rows + [[], [LEGEND]]))
    warned = _sentence_warnings(result)
    assert len(warned) == 1 and warned[0]["column"] == "C" and warned[0]["row"] == 6


def test_a_unit_line_read_whole_would_never_pass_silently(tmp_path, monkeypatch):
    """The net under the cut: were the sentence kept, the records would come with a warning."""
    monkeypatch.setattr(normalising, "name_end", lambda text: text)
    result = parse_file(write_sheet(tmp_path / "f.xlsx", _register(
        TITLE + ["Đơn vị: Chi bộ Tổ dân phố 21. Mỗi cột là một tháng, mỗi dòng là một đảng viên"])))
    assert result.records()[0]["unit"].startswith("Chi bộ Tổ dân phố 21. Mỗi cột")
    assert _sentence_warnings(result)


@pytest.mark.parametrize(("text", "name"), [
    ("Chi bộ Tổ dân phố 21. Mỗi cột là một đảng viên, mỗi dòng là một kỳ sinh hoạt; CĐ = sinh hoạt chuyên đề.",
     "Chi bộ Tổ dân phố 21"),
    ("Chi bộ Khu phố 3; Bí thư: Nguyễn Văn A", "Chi bộ Khu phố 3"),
    ("Chi bộ Thôn 1 - mỗi tháng họp một lần", "Chi bộ Thôn 1"),
    ("Chi bộ Tổ 3, phường An Lạc, được thành lập năm 2020", "Chi bộ Tổ 3, phường An Lạc"),
    ("Chi bộ Ấp 2 (khu vực chợ, được chuyển về từ 2024)", "Chi bộ Ấp 2"),
    ("Chi bộ Thôn Mỹ. Ghi chú thêm", "Chi bộ Thôn Mỹ"),
    ("Chi bộ TP. Huế", "Chi bộ TP. Huế"), ("Chi bộ Tx. Sơn Tây", "Chi bộ Tx. Sơn Tây"),
    ("Chi bộ Ấp Mỹ An. Mỗi cột là một tháng", "Chi bộ Ấp Mỹ An"),
    ("Chi bộ Thôn 4; Chi bộ Thôn 5", "Chi bộ Thôn 4; Chi bộ Thôn 5"),
    ("Chi bộ Tài nguyên và Môi trường", "Chi bộ Tài nguyên và Môi trường"),
])
def test_where_a_name_ends(text, name):
    assert name_end(text) == name


@pytest.mark.parametrize(("text", "sentence"), [
    ("Chi bộ Tổ dân phố 21", False), ("Chi bộ Thôn 1 - xã An Lạc", False), ("Chi bộ P. An Lạc", False),
    ("Chi bộ Tổ dân phố 21.", False), ("Chi bộ A; Chi bộ B", True), ("Chi bộ Tổ 21. Mỗi cột là một đảng viên", True),
    ("Chi bộ khu phố mỗi tháng họp hai lần", True),
    ("Chi bộ Trường Trung học cơ sở Nguyễn Văn Trỗi phường Hòa Cường Nam thành phố Đà Nẵng tỉnh Quảng Nam cũ", True),
])
def test_what_reads_as_a_sentence(text, sentence):
    assert reads_as_sentence(text) is sentence
