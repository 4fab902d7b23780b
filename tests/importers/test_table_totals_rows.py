"""The totals line at the end of a table (an Excel table's "Total row", or a hand-made one) labels itself in the
table's FIRST column, whatever that column holds — the meeting date, the unit, STT — and puts a count, a
formula's cached number, a formula's text (CSV) or nothing where the names go: "Tổng số lượt |
=SUBTOTAL(103,[Họ và tên])". It is the totals line (skipped with its reason), never a record and never an error;
only totals words make it one, never a date, a unit, a position or a name (b50_07's family:
b50_07_attendance_table_long_dropdown.xlsx)."""
import datetime as dt

import numpy as np
import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.kinds.subtotals import TOTALS_LINE_REASON, holds_no_person, is_totals_label, labelled_totals_rows

PEOPLE = ["Ngô Văn Huy", "Trần Tuấn Lộc", "Lê Tiến Tâm"]
STATUSES = {"Có mặt": "present", "Vắng có phép": "excused", "Đi muộn": "late"}
MEETINGS = [(dt.datetime(2025, 7, 2), ["Có mặt", "Có mặt", "Vắng có phép"]),
            (dt.datetime(2025, 8, 6), ["Đi muộn", "Có mặt", "Có mặt"])]
UNIT = "Chi bộ Tổ dân phố Hàng Bạc"
EXPECTED = [(name, day.date().isoformat(), STATUSES[status], UNIT)
            for day, statuses in MEETINGS for name, status in zip(PEOPLE, statuses)]


def _records(result):
    return [(r["full_name"], r["date"], r["status"], r["unit"]) for r in result.records()]


def _reasons(result):
    return {outcome["row"]: outcome["reason"] for outcome in result.rows if outcome["outcome"] != "record"}


def _said(row, total, key):
    """The outcomes a table's last line leaves: skipped as the totals line when something stands where the names go
    (it would read as a person); a line with nothing there (or a formula saved without its result) ends the table
    as a totals line in the name column does; so does an error value ("#REF!"), read as a blank."""
    name = total[key] if len(total) > key else None
    return {} if name is None or str(name).startswith(("=", "#")) else {row: TOTALS_LINE_REASON}


def _date_first(total, more=()):
    """A long register whose first column is the meeting date, the unit only in a line above, a helper column of
    month numbers (the cached =MONTH(A7)) at the right, like an Excel table with its totals row."""
    rows = [["ĐẢNG BỘ PHƯỜNG HOÀN KIẾM"], ["SỔ THEO DÕI ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ 6 THÁNG CUỐI NĂM 2025"],
            [f"Đơn vị: {UNIT}"], [], ["Ngày sinh hoạt", "Họ và tên", "Điểm danh", "Lý do / Ghi chú", "Tháng"]]
    for day, statuses in MEETINGS:
        rows += [[day, name, status, None, day.month] for name, status in zip(PEOPLE, statuses)]
    return rows + [total, *more]


@pytest.mark.parametrize("total", [
    ["Tổng số lượt", 6],
    ["Tổng số lượt", 6, 5, None, None],
    ["Tổng số lượt", "=SUBTOTAL(103,[Họ và tên])"],  # saved without its result: read as a blank
    ["Tổng cộng", "=SUBTOTAL(103,tblDiemDanh[[#Data],[Họ và tên]])", '=COUNTIF([Điểm danh],"Có mặt")'],
    ["Tổng", 6, 6],
    ["Cộng:", 6],
    ["Total", 6.0],
    ["Grand total", "6"],
    ["Tổng số: 6"],
    ["TONG CONG", "6 lượt"],
    ["Tổng cộng", "#REF!"],
], ids=["count", "counts", "formula", "structured", "tong", "cong", "total", "grand", "stated", "toneless", "error"])
def test_a_totals_line_labelled_in_the_date_column_is_skipped(tmp_path, total):
    result = parse_file(write_sheet(tmp_path / "t.xlsx", _date_first(total)))
    assert result.kind == "attendance" and result.errors == []
    assert _records(result) == EXPECTED
    assert _reasons(result) == _said(12, total, 1)
    assert all("công thức chưa có giá trị" in w["message"] for w in result.warnings)


def test_lines_under_the_totals_line_are_not_read(tmp_path):
    more = [[], ["Ghi chú: số lượt tính cả đảng viên đi muộn."], [None, None, "NGƯỜI LẬP BIỂU"]]
    result = parse_file(write_sheet(tmp_path / "t.xlsx", _date_first(["Tổng số lượt", 6], more)))
    assert result.errors == [] and _records(result) == EXPECTED
    assert _reasons(result)[12] == TOTALS_LINE_REASON


def test_a_csv_keeps_the_formulas_text_and_it_is_no_name(tmp_path):
    lines = ["Ngày sinh hoạt;Họ và tên;Điểm danh;Chi bộ"]
    for day, statuses in MEETINGS:
        lines += [f"{day:%d/%m/%Y};{name};{status};{UNIT}" for name, status in zip(PEOPLE, statuses)]
    lines.append("Tổng số lượt;=SUBTOTAL(103,[Họ và tên]);=SUBTOTAL(103,tblDiemDanh[[#Totals],[Điểm danh]]);")
    path = tmp_path / "t.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = parse_file(path)
    assert result.errors == [] and result.warnings == []
    assert _records(result) == EXPECTED
    assert _reasons(result) == {8: TOTALS_LINE_REASON}


def _unit_first(total, stt=False):
    """A long register whose first column is the unit (or STT, then the unit), then the date."""
    lead = ["STT"] if stt else []
    rows = [["SỔ THEO DÕI ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ NĂM 2025"], [],
            [*lead, "Chi bộ", "Ngày sinh hoạt", "Họ và tên", "Điểm danh"]]
    number = 0
    for day, statuses in MEETINGS:
        for name, status in zip(PEOPLE, statuses):
            number += 1
            rows.append([*([number] if stt else []), UNIT, day, name, status])
    return rows + [total]


@pytest.mark.parametrize(("stt", "total"), [
    (False, ["Tổng cộng", None, 6, 5]),  # in the unit column
    (False, ["Tổng", None, 6]),
    (False, [None, "Tổng số lượt", 6]),  # in the date column
    (False, [None, "Total", "=SUBTOTAL(103,[Họ và tên])"]),
    (True, ["Tổng số lượt", None, None, 6]),  # in the STT column
    (True, [None, None, "Cộng", 6, 5]),  # in the date column after STT and unit
], ids=["unit", "unit-bare", "date", "date-english", "stt", "date-after-stt"])
def test_a_totals_line_labelled_in_any_column_before_the_names_is_skipped(tmp_path, stt, total):
    result = parse_file(write_sheet(tmp_path / "t.xlsx", _unit_first(total, stt)))
    assert result.errors == []
    assert _records(result) == EXPECTED
    assert _reasons(result) == _said(10, total, 3 if stt else 2)


def test_a_totals_line_after_each_month_closes_the_month_not_the_table(tmp_path):
    rows = _date_first(["Tổng cộng", 6, 5])
    rows.insert(8, ["Cộng tháng 7", 3, 2])
    result = parse_file(write_sheet(tmp_path / "t.xlsx", rows))
    assert result.errors == [] and _records(result) == EXPECTED
    assert _reasons(result) == {9: TOTALS_LINE_REASON, 13: TOTALS_LINE_REASON}


def _roster(total, stt=True):
    lead = ["STT"] if stt else []
    rows = [["DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC SỐ 1"], [],
            [*lead, "Họ và tên", "Ngày sinh", "Chức vụ", "Nhiệm vụ trong đoàn", "Đơn vị phụ trách"]]
    for number, name in enumerate(PEOPLE, 1):
        rows.append([*([number] if stt else []), name, dt.datetime(1970, 1, number), "Bí thư chi bộ",
                     "Thành viên", UNIT])
    return rows + [total]


@pytest.mark.parametrize("total", [["Tổng cộng", 3], ["Total", 3], ["Tổng số: 3 đồng chí", None], ["Cộng", "3 đ/c"]])
def test_a_roster_totals_line_labelled_in_the_stt_column_is_no_person(tmp_path, total):
    result = parse_file(write_sheet(tmp_path / "r.xlsx", _roster(total)))
    assert result.kind == "roster" and result.errors == []
    assert [(r["full_name"], r["birth_date"], r["unit"]) for r in result.records()] == [
        (name, f"1970-01-0{number}", UNIT) for number, name in enumerate(PEOPLE, 1)]
    assert _reasons(result) == _said(7, total, 1)
    assert not any("đồng chí" in w["message"] and "tổng cộng ghi" in w["message"] for w in result.warnings)


def test_a_date_before_a_count_is_no_totals_line(tmp_path):
    """Only totals words make a totals line: a meeting date beside a number where the name goes is a row gone
    wrong, said so."""
    result = parse_file(write_sheet(tmp_path / "t.xlsx", _date_first([dt.datetime(2025, 9, 3), 6, "Có mặt"])))
    assert _records(result) == [*EXPECTED, ("6", "2025-09-03", "present", UNIT)]
    assert 12 not in _reasons(result)
    assert [(w["row"], w["column"], w["value"]) for w in result.warnings] == [(12, "B", "6")]


def test_a_unit_opening_with_cong_keeps_its_person(tmp_path):
    rows = _unit_first(["Cộng đồng dân cư số 1", dt.datetime(2025, 9, 3), "Phạm Văn Dũng", "Có mặt"])
    result = parse_file(write_sheet(tmp_path / "t.xlsx", rows))
    assert result.errors == []
    assert _records(result)[-1] == ("Phạm Văn Dũng", "2025-09-03", "present", "Cộng đồng dân cư số 1")


@pytest.mark.parametrize("position", ["Tổng biên tập", "Cộng tác viên"])
def test_a_position_before_a_missing_name_is_no_totals_line(tmp_path, position):
    """A person whose name is missing, a position opening with «Tổng» or «Cộng» before it: refused by row, and the
    people under it still read."""
    rows = [["DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC SỐ 1"], [],
            ["Chức vụ", "Họ và tên", "Ngày sinh", "Nhiệm vụ trong đoàn", "Đơn vị phụ trách"],
            ["Bí thư chi bộ", PEOPLE[0], dt.datetime(1970, 1, 1), "Trưởng đoàn", UNIT],
            [position, None, dt.datetime(1971, 2, 2), "Thành viên", UNIT],
            ["Phó bí thư", PEOPLE[1], dt.datetime(1972, 3, 3), "Thành viên", UNIT]]
    result = parse_file(write_sheet(tmp_path / "r.xlsx", rows))
    assert [r["full_name"] for r in result.records()] == PEOPLE[:2]
    assert [(e["row"], e["column"]) for e in result.errors] == [(5, "B")]
    assert _reasons(result).get(5) != TOTALS_LINE_REASON


@pytest.mark.parametrize(("value", "expected"), [
    ("Tổng số lượt", True), ("TỔNG CỘNG:", True), ("Tổng", True), ("Cộng", True), ("Cộng xóm 3", True),
    ("Tổng số: 55", True), ("Total", True), ("Grand total", True), ("Sub-total", True), ("Tong cong", True),
    ("TONG SO: 55", True), ("Tống Văn Hải", False), ("Công an", False), ("Tổng biên tập", False),
    ("Cộng tác viên", False), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", False), ("Tổng hợp", False),
    ("Tổng công ty", False), ("Cộng đồng dân cư", False), ("Tong cong ty", False), ("Totally", False),
    ("Tong Van Hai", False), (None, False), (55, False),
])
def test_totals_labels(value, expected):
    assert is_totals_label(value) is expected


@pytest.mark.parametrize(("value", "expected"), [
    (None, True), ("", True), (55, True), (55.0, True), ("55", True), ("55 lượt", True), ("12 đồng chí", True),
    ("=SUBTOTAL(103,[Họ và tên])", True), ("#REF!", True), ("#N/A", True), ("Tổng cộng", True),
    ("Ngô Văn Huy", False), (True, False), (dt.datetime(2025, 7, 2), False), ("Có mặt", False),
])
def test_name_cells_of_a_totals_line(value, expected):
    assert holds_no_person(value) is expected


def test_labelled_totals_rows_looks_at_the_first_filled_cell_left_of_the_names():
    rows = np.array([
        ["Tổng số lượt", 55, None],  # yes
        [None, "Total", None],  # the label is the name cell itself: the name column's own rules read it
        [dt.datetime(2025, 7, 2), 55, None],  # no totals word
        ["Tổng cộng", "Ngô Văn Huy", "Có mặt"],  # a person
        [7, "Tổng cộng", None],  # the first filled cell is no label
        [None, None, "Tổng"],  # right of the names
        [None, None, None],
    ], dtype=object)
    assert labelled_totals_rows(rows, 1).tolist() == [True, False, False, False, False, False, False]
    assert labelled_totals_rows(rows, 0).tolist() == [False] * 7
