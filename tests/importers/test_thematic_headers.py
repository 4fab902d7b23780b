"""Meeting columns headed by the meeting's kind and its date ('CĐ 19/9', 'Chuyên đề quý III (ngày 20/9/2025)',
'Thường kỳ 05/11', 'Đột xuất 22/8': ``importers.meeting_kinds``) are the meetings of those dates, in the year over
them or the title's; 'TK 5/11' only when a note says TK = thường kỳ. A second table under a section title with a
header of its own shape ('II. SINH HOẠT CHUYÊN ĐỀ' over 'STT | Họ và tên | Chi bộ | Chuyên đề quý III (ngày …) | …
| Ghi chú') is read under that header (``importers.section_tables``)."""

import pytest
from openpyxl import Workbook

from importers import parse_file

LEGEND = "Ký hiệu: x có mặt; P vắng có phép; K vắng không phép; M đi muộn."
PEOPLE = [("Nguyễn Văn An", ["x", "P", "x", "x"]), ("Trần Thị Bình", ["x", "x", "K", "M"])]
STATUS = {"x": "present", "P": "excused", "K": "absent", "M": "late"}


def _save(path, rows, merges=(), title="SHCB"):
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for merge in merges:
        sheet.merge_cells(merge)
    book.save(path)
    return path


def _quarter_register(path, header, below=(LEGEND,)):
    """'Quý III/2025' merged over T7 | T8 | T9 | `header` (the year only there)."""
    rows = [["ĐẢNG ỦY XÃ PHONG HẢI"], ["BẢNG THEO DÕI SINH HOẠT CHI BỘ VÀ SINH HOẠT CHUYÊN ĐỀ"], [],
            ["STT", "Họ và tên", "Quý III/2025", None, None, None],
            [None, None, "T7", "T8", "T9", header]]
    rows += [[number, name, *marks] for number, (name, marks) in enumerate(PEOPLE, start=1)]
    rows += [[]] + [[line] for line in below]
    return _save(path, rows, ["A4:A5", "B4:B5", "C4:F4"])


def _expected(last):
    dates = ["2025-07-01", "2025-08-01", "2025-09-01", last]
    return [(name, date, STATUS[mark]) for name, marks in PEOPLE for date, mark in zip(dates, marks)]


def _read(result):
    return [(record["full_name"], record["date"], record["status"]) for record in result.records()]


@pytest.mark.parametrize("header", ["CĐ 19/9", "SHCĐ 19/9", "Chuyên đề 19/9", "SH chuyên đề - 19/9",
                                    "Sinh hoạt chuyên đề quý III (ngày 19/9)", "Chuyên đề quý III (ngày 19/9/2025)",
                                    "19/9 CĐ", "Đột xuất 19/9", "Thường kỳ 19/09"])
def test_a_meeting_kind_and_its_date_is_that_days_meeting_in_the_year_over_it(tmp_path, header):
    result = parse_file(_quarter_register(tmp_path / "f.xlsx", header))
    assert _read(result) == _expected("2025-09-19")
    assert result.errors == [] and result.warnings == []


def test_the_year_comes_from_the_title_when_no_header_gives_one(tmp_path):
    rows = [["BẢNG THEO DÕI SINH HOẠT CHI BỘ NĂM 2024"], [], ["STT", "Họ và tên", "T10", "T11", "T12", "CĐ 12/12"]]
    rows += [[number, name, *marks] for number, (name, marks) in enumerate(PEOPLE, start=1)] + [[], [LEGEND]]
    result = parse_file(_save(tmp_path / "f.xlsx", rows))
    dates = ["2024-10-01", "2024-11-01", "2024-12-01", "2024-12-12"]
    assert _read(result) == [(name, date, STATUS[mark]) for name, marks in PEOPLE for date, mark in zip(dates, marks)]
    assert result.warnings == []


def test_tk_is_read_as_thuong_ky_when_the_note_says_so(tmp_path):
    path = _quarter_register(tmp_path / "f.xlsx", "TK 26/9", below=(LEGEND, "Ghi chú: TK = thường kỳ."))
    result = parse_file(path)
    assert _read(result) == _expected("2025-09-26")
    assert result.warnings == []


def test_tk_without_a_note_is_warned_and_its_column_not_read(tmp_path):
    result = parse_file(_quarter_register(tmp_path / "f.xlsx", "TK 26/9"))
    assert "2025-09-26" not in {record["date"] for record in result.records()}
    assert len(result.records()) == 6
    said = [w["message"] for w in result.warnings if "«TK 26/9»" in w["message"] and "chữ «TK»" in w["message"]]
    assert len(said) == 1 and said[0].startswith("Trang «SHCB», ô F5 «TK 26/9»")
    assert "không có dòng ghi chú" in said[0] and "cột F chưa được nhập" in said[0]


def test_cd_that_the_legend_makes_a_mark_stays_a_mark_and_dates_no_header(tmp_path):
    legend = LEGEND + " CĐ = đã chuyển sinh hoạt đảng đi (không điểm danh)."
    rows = [["BẢNG THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], [], ["STT", "Họ và tên", "T7", "T8", "T9", "CĐ 19/9"],
            [1, "Nguyễn Văn An", "x", "x", "P", "x"], [2, "Trần Thị Bình", "x", "CĐ", "CĐ", "CĐ"], [], [legend]]
    result = parse_file(_save(tmp_path / "f.xlsx", rows))
    assert _read(result) == [("Nguyễn Văn An", "2025-07-01", "present"), ("Nguyễn Văn An", "2025-08-01", "present"),
                             ("Nguyễn Văn An", "2025-09-01", "excused"), ("Trần Thị Bình", "2025-07-01", "present")]
    assert result.errors == []
    said = [w["message"] for w in result.warnings if "chữ «CĐ»" in w["message"]]
    assert len(said) == 1 and "ô F3 «CĐ 19/9»" in said[0] and "«đã chuyển sinh hoạt đảng đi»" in said[0]


def test_a_chuyen_de_column_of_topics_is_no_meeting(tmp_path):
    rows = [["BẢNG THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], [], ["STT", "Họ và tên", "T7", "T8", "T9", "Chuyên đề"],
            [1, "Nguyễn Văn An", "x", "P", "x", "Học tập Nghị quyết 19/9"],
            [2, "Trần Thị Bình", "x", "x", "K", "Chuyển đổi số"], [], [LEGEND]]
    result = parse_file(_save(tmp_path / "f.xlsx", rows))
    assert {record["date"] for record in result.records()} == {"2025-07-01", "2025-08-01", "2025-09-01"}
    assert any("cột F «Chuyên đề»" in w["message"] and "chưa dùng" in w["message"] for w in result.warnings)


def test_a_quarter_alone_over_marks_is_still_no_meeting(tmp_path):
    rows = [["BẢNG THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], [], ["STT", "Họ và tên", "T7", "T8", "T9", "Quý III"],
            [1, "Nguyễn Văn An", "x", "P", "x", "x"], [2, "Trần Thị Bình", "x", "x", "K", "x"], [], [LEGEND]]
    result = parse_file(_save(tmp_path / "f.xlsx", rows))
    assert len(result.records()) == 6
    assert any("cột F «Quý III»" in w["message"] and "chưa dùng" in w["message"] for w in result.warnings)


# ---- a section's table with a header of its own -------------------------------------------------------------

FIRST = [["ĐẢNG ỦY XÃ PHONG HẢI"], ["TỔNG HỢP THÀNH VIÊN ĐOÀN CÔNG TÁC SỐ 4 DỰ SINH HOẠT CHI BỘ"], [],
         ["I. SINH HOẠT THƯỜNG KỲ"],
         ["STT", "Họ và tên", "Chi bộ", "Năm 2025", None, None, None],
         [None, None, None, "Tháng 7", "Tháng 8", "Tháng 9", "Tháng 10"],
         [1, "Hoàng Quang Bình", "Chi bộ Trạm Y tế xã", "x", "x", "K", "x"],
         [2, "Phan Minh Hải", "Chi bộ xóm Đông Phong", "P", "x", "x", "M"], [], []]
FIRST_MERGES = ["A5:A6", "B5:B6", "C5:C6", "D5:G5"]
FIRST_RECORDS = [("Hoàng Quang Bình", "2025-07-01", "present"), ("Hoàng Quang Bình", "2025-08-01", "present"),
                 ("Hoàng Quang Bình", "2025-09-01", "absent"), ("Hoàng Quang Bình", "2025-10-01", "present"),
                 ("Phan Minh Hải", "2025-07-01", "excused"), ("Phan Minh Hải", "2025-08-01", "present"),
                 ("Phan Minh Hải", "2025-09-01", "present"), ("Phan Minh Hải", "2025-10-01", "late")]


def test_a_section_table_with_its_own_header_is_read_under_it(tmp_path):
    rows = FIRST + [["II. SINH HOẠT CHUYÊN ĐỀ (THEO QUÝ)"],
                    ["STT", "Họ và tên", "Chi bộ", "Chuyên đề quý III (ngày 20/9/2025)",
                     "Chuyên đề quý IV (ngày 18/12/2025)", "Ghi chú"],
                    [1, "Hoàng Quang Bình", "Chi bộ Trạm Y tế xã", "x", "K", None],
                    [2, "Phan Minh Hải", "Chi bộ xóm Đông Phong", "x", "x", "Chuyển đến từ tháng 9"], [], [LEGEND]]
    result = parse_file(_save(tmp_path / "f.xlsx", rows, FIRST_MERGES))
    assert result.errors == [] and result.warnings == []
    assert result.header_row == 6
    assert _read(result) == FIRST_RECORDS + [
        ("Hoàng Quang Bình", "2025-09-20", "present"), ("Hoàng Quang Bình", "2025-12-18", "absent"),
        ("Phan Minh Hải", "2025-09-20", "present"), ("Phan Minh Hải", "2025-12-18", "present")]
    notes = {column["header"]: column["field"] for column in result.columns_as_dicts()}
    assert notes["Ghi chú"] == "note"  # 'Chuyển đến từ tháng 9' a note, no mark under 'Tháng 9'


def test_a_section_table_in_its_own_column_order_with_kind_headers(tmp_path):
    """The year from the header over the first table's months; the name and unit columns elsewhere; one meeting."""
    rows = FIRST + [["II. SINH HOẠT ĐỘT XUẤT"],
                    ["Họ và tên", "Đột xuất 22/8", "Chi bộ", "STT"],
                    ["Phan Minh Hải", "P", "Chi bộ xóm Đông Phong", 1],
                    ["Hoàng Quang Bình", "x", "Chi bộ Trạm Y tế xã", 2], [], [LEGEND]]
    result = parse_file(_save(tmp_path / "f.xlsx", rows, FIRST_MERGES))
    assert result.errors == []
    assert _read(result) == FIRST_RECORDS + [("Phan Minh Hải", "2025-08-22", "excused"),
                                             ("Hoàng Quang Bình", "2025-08-22", "present")]
    assert {record["unit"] for record in result.records()[-2:]} == {"Chi bộ xóm Đông Phong", "Chi bộ Trạm Y tế xã"}


def test_a_second_header_without_a_section_title_is_no_section_table(tmp_path):
    """A header-looking row straight under the people, no title line over it, is not taken as a table of its own."""
    rows = FIRST[:-2] + [["STT", "Họ và tên", "Chi bộ", "Chuyên đề quý III (ngày 20/9/2025)"],
                         [3, "Đoàn Quang Khánh", "Chi bộ xóm Đông Phong", "x"], [], [LEGEND]]
    result = parse_file(_save(tmp_path / "f.xlsx", rows, FIRST_MERGES))
    assert "2025-09-20" not in {record["date"] for record in result.records()}


def test_quarter_tables_each_with_its_thematic_meeting(tmp_path):
    """'I. QUÝ III' (T7 | T8 | T9 | CĐ 19/9) then 'II. QUÝ IV' (T10 | T11 | T12 | SH chuyên đề 12/12)."""
    rows = [["BẢNG THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], [], ["I. QUÝ III"],
            ["STT", "Họ và tên", "T7", "T8", "T9", "CĐ 19/9"],
            [1, "Nguyễn Văn An", "x", "P", "x", "x"], [2, "Trần Thị Bình", "x", "x", "K", "M"], [], ["II. QUÝ IV"],
            ["STT", "Họ và tên", "T10", "T11", "T12", "SH chuyên đề 12/12"],
            [1, "Nguyễn Văn An", "x", "x", "x", "P"], [2, "Trần Thị Bình", "K", "x", "x", "x"], [], [LEGEND]]
    result = parse_file(_save(tmp_path / "f.xlsx", rows))
    assert result.errors == [] and result.warnings == []
    assert _read(result) == _expected("2025-09-19") + [
        ("Nguyễn Văn An", "2025-10-01", "present"), ("Nguyễn Văn An", "2025-11-01", "present"),
        ("Nguyễn Văn An", "2025-12-01", "present"), ("Nguyễn Văn An", "2025-12-12", "excused"),
        ("Trần Thị Bình", "2025-10-01", "absent"), ("Trần Thị Bình", "2025-11-01", "present"),
        ("Trần Thị Bình", "2025-12-01", "present"), ("Trần Thị Bình", "2025-12-12", "present")]
