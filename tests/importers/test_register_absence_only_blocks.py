"""Registers listing only the absences and late arrivals, built in code: a long register divided by month lines
("Tháng 7/2025", "THÁNG 8", "Quý III") with the date and chi bộ repeated by ditto marks ("-nt-") and status codes a
footer legend explains (CLD / KLD / ĐM); a half-year table of absentees by chi bộ block, marks with their reason
after a separator ("P - ốm", "P: ốm", "P/ốm"), a "Cộng" row (formula saved without its value) closing each block and
a sentence "Không có đảng viên vắng mặt" under an empty one. Each is read exactly, or warned about / refused."""

import csv
import io

import pytest
from layouts.encodings import to_cp1258_text
from sheet_files import write_sheet

from importers import parse_file
from importers.kinds.nobody_lines import REASON as NOBODY_REASON
from importers.period_dividers import REASON as DIVIDER_REASON
from importers.period_dividers import period_of

ABSENCES_ONLY = "người có mặt không có trong bảng"
LEGEND = 'Ghi chú: -nt- là "như trên"; CLD: vắng có lý do; KLD: vắng không lý do; ĐM: đi muộn.'
UNITS = ("Chi bộ thôn Kim Sơn", "Chi bộ thôn Hạ Long")


def _csv(tmp_path, lines, name="vang.csv"):
    """The lines as an Excel CSV export in Windows-1258 (tone marks as combining characters)."""
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(lines)
    path = tmp_path / name
    path.write_bytes(to_cp1258_text(text.getvalue()).encode("cp1258"))
    return path


def _long(dividers=("Tháng 7/2025", "Tháng 8/2025"), legend=LEGEND, codes=("KLD", "CLD", "ĐM")):
    """A quarter's absences: a divider line per month, the date and unit written once per meeting."""
    absent, excused, late = codes
    lines = [["ĐẢNG ỦY XÃ TÂN HÒA", "", "", "", "", ""],
             ["DANH SÁCH ĐẢNG VIÊN VẮNG MẶT, ĐI MUỘN TRONG SINH HOẠT CHI BỘ QUÝ III NĂM 2025", "", "", "", "", ""],
             ["", "", "", "", "", ""],
             ["STT", "Ngày sinh hoạt", "Chi bộ", "Họ và tên", "Hình thức", "Lý do"],
             [dividers[0], "", "", "", "", ""],
             ["1", "05/7/2025", UNITS[0], "Lò Văn Sáng", absent, "Không báo"],
             ["2", "-nt-", "-nt-", "Mạc Thị Duyên", late, "Muộn 15 phút"],
             ["3", "06/7/2025", UNITS[1], "Hà Quang Vinh", excused, "Ốm"],
             [dividers[1], "", "", "", "", ""],
             ["4", "05/8/2025", UNITS[0], "Lò Văn Sáng", excused, "Đi viện"],
             ["5", "-nt-", "nt", "Tống Văn Lực", absent, ""],
             ["6", "06/8/2025", UNITS[1], "Mạc Thị Duyên", late, ""],
             ["Tổng cộng: 6 lượt", "", "", "", "", ""]]
    return lines + ([[legend, "", "", "", "", ""]] if legend else [])


EXPECTED_LONG = [
    ("Lò Văn Sáng", "2025-07-05", "absent", UNITS[0]), ("Mạc Thị Duyên", "2025-07-05", "late", UNITS[0]),
    ("Hà Quang Vinh", "2025-07-06", "excused", UNITS[1]), ("Lò Văn Sáng", "2025-08-05", "excused", UNITS[0]),
    ("Tống Văn Lực", "2025-08-05", "absent", UNITS[0]), ("Mạc Thị Duyên", "2025-08-06", "late", UNITS[1]),
]


def _records(result):
    return [(r["full_name"], r["date"], r["status"], r["unit"]) for r in result.records()]


def _skipped(result, reason):
    return [row["row"] for row in result.rows if row["reason"] == reason]


@pytest.mark.parametrize("dividers", [
    ("Tháng 7/2025", "Tháng 8/2025"),
    ("THÁNG 7", "THÁNG 8"),
    ("- Tháng 7 năm 2025 -", "- Tháng 8 năm 2025 -"),
    ("I. Tháng 7/2025", "II. Tháng 8/2025"),
    ("QUÝ III NĂM 2025", "Tháng 8"),
], ids=["month-year", "capitals", "dashed-words", "numbered", "quarter-then-month"])
def test_month_divider_lines_are_context_rows_not_the_header(tmp_path, dividers):
    result = parse_file(_csv(tmp_path, _long(dividers)))
    assert result.errors == []
    assert result.header_row == 4
    assert _records(result) == EXPECTED_LONG
    assert _skipped(result, DIVIDER_REASON) == [5, 9]
    assert any("B7" in w["message"] and "như trên" in w["message"] for w in result.warnings)
    assert any(ABSENCES_ONLY in w["message"] for w in result.warnings)


@pytest.mark.parametrize("legend, codes", [
    ("Ký hiệu: VCLD - vắng có lý do; VKLD - vắng không lý do; M - đi muộn", ("VKLD", "VCLD", "M")),
    ("Ghi chú: CLD: có LD; KLD: không LD; ĐM: đi muộn", ("KLD", "CLD", "ĐM")),
    (None, ("Vắng không LD", "Vắng có LD", "Đi muộn")),
], ids=["vcld", "co-ld", "words"])
def test_other_wordings_of_the_status_codes(tmp_path, legend, codes):
    result = parse_file(_csv(tmp_path, _long(legend=legend, codes=codes)))
    assert result.errors == []
    assert _records(result) == EXPECTED_LONG


def test_a_count_closing_each_month_ends_the_month_not_the_register(tmp_path):
    lines = _long()
    lines.insert(8, ["Cộng tháng 7: 3 lượt", "", "", "", "", ""])
    result = parse_file(_csv(tmp_path, lines))
    assert result.errors == []
    assert _records(result) == EXPECTED_LONG
    assert _skipped(result, DIVIDER_REASON) == [5, 10]


def test_a_ditto_date_never_reaches_across_a_month_line(tmp_path):
    lines = _long()
    lines[9][1] = "-nt-"  # the first meeting of August written as "as above": July's date is no answer
    result = parse_file(_csv(tmp_path, lines))
    assert {e["row"] for e in result.errors if e["field"] == "date"} == {10, 11}  # 11: "as above" the unknown
    assert "2025-07-06" not in [r["date"] for r in result.records() if r["full_name"] == "Lò Văn Sáng"]


def test_a_date_outside_its_month_line_is_warned_about(tmp_path):
    lines = _long()
    lines[11][1] = "06/9/2025"  # under "Tháng 8/2025"
    result = parse_file(_csv(tmp_path, lines))
    assert result.errors == []
    assert ("Mạc Thị Duyên", "2025-09-06", "late", UNITS[1]) in _records(result)
    assert any(w["row"] == 12 and "Tháng 8/2025" in w["message"] for w in result.warnings)


def _undated(title="DANH SÁCH ĐẢNG VIÊN VẮNG MẶT SINH HOẠT CHI BỘ QUÝ III NĂM 2025"):
    return [[title], [],
            ["STT", "Họ và tên", "Chi bộ", "Điểm danh"],
            ["Tháng 7"],
            [1, "Lò Văn Sáng", UNITS[0], "Vắng không phép"],
            [2, "Mạc Thị Duyên", UNITS[1], "Đi muộn"],
            ["Tháng 8"],
            [3, "Hà Quang Vinh", UNITS[1], "Vắng có phép"]]


def test_month_lines_date_a_register_without_a_date_column(tmp_path):
    result = parse_file(write_sheet(tmp_path / "v.xlsx", _undated()))
    assert result.errors == []
    assert _records(result) == [("Lò Văn Sáng", "2025-07-01", "absent", UNITS[0]),
                                ("Mạc Thị Duyên", "2025-07-01", "late", UNITS[1]),
                                ("Hà Quang Vinh", "2025-08-01", "excused", UNITS[1])]


def test_a_row_above_the_first_month_line_is_left_undated(tmp_path):
    rows = _undated()
    rows.insert(3, [1, "Lê Văn Đầu", UNITS[0], "Vắng có phép"])
    result = parse_file(write_sheet(tmp_path / "v.xlsx", rows))
    assert [(e["row"], e["field"]) for e in result.errors] == [(4, "date")]
    assert len(result.records()) == 3


def test_month_lines_without_any_year_are_refused_at_the_line(tmp_path):
    result = parse_file(write_sheet(tmp_path / "v.xlsx", _undated("DANH SÁCH ĐẢNG VIÊN VẮNG MẶT SINH HOẠT")))
    assert result.records() == []
    assert {e["row"] for e in result.errors if "Tháng 7" in e["message"] or "Tháng 8" in e["message"]} == {4, 7}


@pytest.mark.parametrize("text, months, year", [
    ("Tháng 7/2025", (7,), 2025), ("THÁNG 8", (8,), None), ("Quý III", (7, 8, 9), None),
    ("QUÝ IV/2025", (10, 11, 12), 2025), ("6 tháng đầu năm 2025", (1, 2, 3, 4, 5, 6), 2025),
    ("Sinh hoạt chi bộ tháng 9", (9,), None),
])
def test_period_wordings(text, months, year):
    period = period_of(text)
    assert (period.months, period.year) == (months, year)


@pytest.mark.parametrize("text", ["07/2025", "T7", "Nguyễn Văn Tháng", "Tháng 13", "Chi bộ thôn 7", None])
def test_other_texts_are_no_period(text):
    assert period_of(text) is None


# ---- a half-year table of absentees by chi bộ block -------------------------------------------------------------

HALF_YEAR = ["P - ốm", "P – đi viện", "P: ốm", "P/ốm", "K - không báo", "P (ốm)", "M(20')", "M - 15'"]
STATUS = {"P": "excused", "K": "absent", "M": "late"}


def _by_hamlet(cells=HALF_YEAR, total="Cộng", nobody="Không có đảng viên vắng mặt", counts=False):
    rows = [["ĐẢNG BỘ XÃ TÂN HÒA"], [],
            ["DANH SÁCH ĐẢNG VIÊN VẮNG MẶT, ĐẾN MUỘN SINH HOẠT CHI BỘ 6 THÁNG ĐẦU NĂM 2025"], [],
            ["TT", "Họ và tên", "Tháng", None, None, None, None, None, "Số lần", "Ghi chú"],
            [None, None, "01", "02", "03", "04", "05", "06"],
            [UNITS[0]],
            [1, "Lò Văn Sáng", cells[0], None, cells[1], None, None, cells[2], 3],
            [2, "MẠC THỊ DUYÊN", None, cells[3], None, None, None, None, 1],
            [None, total] + _counts(8, 9, counts),
            ["Chi bộ thôn Tân Lập"],
            [None, nobody],
            [UNITS[1]],
            [3, "Hà Quang Vinh", None, None, cells[4], cells[5], None, None, 2],
            [4, "Tống Văn Lực", cells[6], None, None, None, cells[7], None, 2],
            [None, total] + _counts(14, 15, counts),
            [],
            ["Ký hiệu: P – vắng có lý do (lý do ghi kèm); K – vắng không lý do; M – đến muộn (số phút ghi kèm)."]]
    merges = ("C5:H5", "A7:J7", "A11:J11", "A13:J13")
    return rows, merges


def _counts(first, last, per_month):
    """A subtotal row's formulas (saved without their values): the number of absences, and per month perhaps."""
    months = [f"=COUNTA({letter}{first}:{letter}{last})" if per_month else None for letter in "CDEFGH"]
    return months + [f"=SUM(I{first}:I{last})"]


def _status(cell):
    return STATUS[cell.strip()[0]]


EXPECTED_HALF = [
    ("Lò Văn Sáng", "2025-01-01", _status(HALF_YEAR[0]), UNITS[0]),
    ("Lò Văn Sáng", "2025-03-01", _status(HALF_YEAR[1]), UNITS[0]),
    ("Lò Văn Sáng", "2025-06-01", _status(HALF_YEAR[2]), UNITS[0]),
    ("Mạc Thị Duyên", "2025-02-01", _status(HALF_YEAR[3]), UNITS[0]),
    ("Hà Quang Vinh", "2025-03-01", _status(HALF_YEAR[4]), UNITS[1]),
    ("Hà Quang Vinh", "2025-04-01", _status(HALF_YEAR[5]), UNITS[1]),
    ("Tống Văn Lực", "2025-01-01", _status(HALF_YEAR[6]), UNITS[1]),
    ("Tống Văn Lực", "2025-05-01", _status(HALF_YEAR[7]), UNITS[1]),
]


@pytest.mark.parametrize("total, nobody, counts", [
    ("Cộng", "Không có đảng viên vắng mặt", False),
    ("Cộng chi bộ", "Không có ai vắng", False),
    ("Tổng", "Không có đồng chí nào vắng, muộn", False),
    ("Cộng:", "(Không có đảng viên vắng mặt)", False),
    ("Cộng", "Không có đảng viên vắng mặt", True),
    ("Cộng chi bộ", "Tất cả đảng viên đều có mặt", True),
], ids=["cong", "cong-chi-bo", "tong", "bracketed", "cong-counts", "cong-chi-bo-counts"])
def test_absentees_by_block_read_past_each_subtotal(tmp_path, total, nobody, counts):
    rows, merges = _by_hamlet(total=total, nobody=nobody, counts=counts)
    result = parse_file(write_sheet(tmp_path / "v.xlsx", rows, title="Vang 6 thang", merges=merges))
    assert result.errors == []
    assert _records(result) == EXPECTED_HALF
    assert _skipped(result, NOBODY_REASON) == [12]
    assert not any("dừng đọc" in w["message"] for w in result.warnings)
    assert any(ABSENCES_ONLY in w["message"] for w in result.warnings)


@pytest.mark.parametrize("cell", ["P/K", "P - không lý do", "K (có phép)", "P - 12", "x - ốm"])
def test_a_mark_and_reason_saying_two_things_is_refused(tmp_path, cell):
    rows, merges = _by_hamlet(cells=[cell] + HALF_YEAR[1:])
    result = parse_file(write_sheet(tmp_path / "v.xlsx", rows, title="Vang 6 thang", merges=merges))
    assert [(e["row"], e["column"]) for e in result.errors] == [(8, "C")]
    assert _records(result) == EXPECTED_HALF[1:]


def test_a_subtotal_followed_by_other_text_still_ends_the_table(tmp_path):
    rows, merges = _by_hamlet()
    rows[10] = ["Đề nghị các chi bộ nhắc nhở đảng viên"]  # no block opens after the first "Cộng"
    result = parse_file(write_sheet(tmp_path / "v.xlsx", rows, title="Vang 6 thang", merges=merges))
    assert _records(result) == EXPECTED_HALF[:4]
    assert any("dừng đọc" in w["message"] for w in result.warnings)


def test_an_empty_block_after_the_last_subtotal_is_a_note(tmp_path):
    rows, merges = _by_hamlet()
    rows[16:16] = [["Chi bộ thôn Đồng Tâm"], [None, "Không có ai vắng, muộn"]]
    result = parse_file(write_sheet(tmp_path / "v.xlsx", rows, title="Vang 6 thang", merges=merges))
    assert result.errors == []
    assert _records(result) == EXPECTED_HALF
