"""A register whose status is carried by the mark and the cell's fill, explained by a legend of swatches under the
table (``importers.swatch_legends``): each mark cell is read by its (mark, fill) pair, the swatch's own fill deciding;
a pair the legend does not list is refused naming the cell; a file whose fills cannot be read warns and refuses the
marks whose meaning depends on the colour, never reads them as one status."""

import csv
import datetime as dt

import xlwt
from openpyxl.styles import PatternFill
from sheet_files import write_sheet

from importers import parse_file
from importers.colour_names import plain_fill, same_fill
from importers.results import SheetData
from importers.swatch_legends import BLANK, NOT_DUE, join_swatch_legends

BLUE, YELLOW, RED, GREY, GREEN = "9BC2E6", "FFFF00", "FF0000", "F2F2F2", "92D050"
DATES = [dt.datetime(2025, 7, 3), dt.datetime(2025, 8, 3), dt.datetime(2025, 9, 5)]
PEOPLE = ["Tô Công Quân", "Nguyễn Văn Bảo", "Trần Ngọc Hằng"]
# (mark, fill) of each person's three meetings
MARKS = [
    [("x", None), ("x", BLUE), ("v", YELLOW)],
    [("x", BLUE), ("v", RED), ("x", None)],
    [(None, GREY), (None, GREY), ("x", None)],
]
LEGEND = [
    ("x", None, "x, ô không tô màu: có mặt đúng giờ"),
    ("x", BLUE, "x, ô tô màu xanh: có mặt nhưng đến muộn (giờ đến ghi ở chú thích ô)"),
    ("v", YELLOW, "v, ô tô màu vàng: vắng có lý do (có báo cáo chi ủy)"),
    ("v", RED, "v, ô tô màu đỏ: vắng không lý do"),
    (None, GREY, "ô xám để trống: chưa/không thuộc diện sinh hoạt tại chi bộ"),
]
EXPECTED = [
    ("Tô Công Quân", "2025-07-03", "present"), ("Tô Công Quân", "2025-08-03", "late"),
    ("Tô Công Quân", "2025-09-05", "excused"), ("Nguyễn Văn Bảo", "2025-07-03", "late"),
    ("Nguyễn Văn Bảo", "2025-08-03", "absent"), ("Nguyễn Văn Bảo", "2025-09-05", "present"),
    ("Trần Ngọc Hằng", "2025-09-05", "present"),
]
FIRST_ROW = 5  # the first person's row in the file
LEGEND_ROW = 9  # the label's row; the swatches in C, their texts in D


def _rows(marks=MARKS, legend=LEGEND, label="CHÚ THÍCH MÀU / KÝ HIỆU:"):
    rows = [["CHI BỘ TỔ DÂN PHỐ SỐ 5"], ["SỔ THEO DÕI ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ NĂM 2025"], [],
            ["STT", "Họ và tên", *DATES]]
    styles = {}
    for n, (name, cells) in enumerate(zip(PEOPLE, marks), 1):
        rows.append([n, name, *(mark for mark, _ in cells)])
        for at, (_, colour) in enumerate(cells):
            if colour:
                styles[f"{'CDE'[at]}{FIRST_ROW + n - 1}"] = colour
    rows.append([])
    rows.append([None, label] if label else [])
    for at, (mark, colour, text) in enumerate(legend):
        rows.append([None, None, mark, text])
        if colour:
            styles[f"C{LEGEND_ROW + 1 + at}"] = colour
    return rows, styles


def _xlsx(tmp_path, marks=MARKS, legend=LEGEND, label="CHÚ THÍCH MÀU / KÝ HIỆU:", name="r.xlsx"):
    rows, styles = _rows(marks, legend, label)
    return parse_file(write_sheet(tmp_path / name, rows, styles={
        ref: {"fill": PatternFill("solid", fgColor="FF" + colour)} for ref, colour in styles.items()}))


def _records(result):
    return [(record["full_name"], record["date"], record["status"]) for record in result.records()]


def _messages(result, which="warnings"):
    return [item["message"] for item in getattr(result, which)]


def test_marks_are_read_by_mark_and_fill(tmp_path):
    result = _xlsx(tmp_path)
    assert _records(result) == EXPECTED
    assert result.errors == []
    assert any("C7, D7" in message and "không thành bản ghi" in message for message in _messages(result))
    assert not any("là có mặt; xin kiểm tra" in message for message in _messages(result))


def test_legend_rows_are_no_people(tmp_path):
    result = _xlsx(tmp_path)
    legend_rows = [row for row in result.rows if row["row"] >= LEGEND_ROW]
    assert all(row["outcome"] == "skipped" for row in legend_rows)


def test_a_legend_without_label_reads_alike(tmp_path):
    assert _records(_xlsx(tmp_path, label=None)) == EXPECTED


def test_the_swatch_fill_decides_not_the_colour_word(tmp_path):
    # "xanh" painted green in this file: a green 'x' is late, a blue one is no pair the legend lists
    legend = [LEGEND[0], ("x", GREEN, LEGEND[1][2]), *LEGEND[2:]]
    marks = [[("x", None), ("x", GREEN), ("v", YELLOW)], [("x", BLUE), ("v", RED), ("x", None)], MARKS[2]]
    result = _xlsx(tmp_path, marks=marks, legend=legend)
    records = _records(result)
    assert ("Tô Công Quân", "2025-08-03", "late") in records
    assert not any(name == "Nguyễn Văn Bảo" and date == "2025-07-03" for name, date, _ in records)
    assert any(error["row"] == FIRST_ROW + 1 and error["column"] == "C" for error in result.errors)


def test_fills_within_a_small_distance_are_one_colour(tmp_path):
    marks = [[("x", None), ("x", "9DC3E8"), ("v", "FFFF04")], *MARKS[1:]]
    assert _records(_xlsx(tmp_path, marks=marks)) == EXPECTED
    assert same_fill("9BC2E6", "9DC3E8") and not same_fill("9BC2E6", "BDD7EE")
    assert plain_fill("FFFFFFFF") is None and plain_fill("FFF2F2F2") == GREY


def test_a_pair_the_legend_does_not_list_is_refused_naming_the_cell(tmp_path):
    # 'v' with no fill, 'x' on yellow, 'v' on blue: none is a swatch
    marks = [[("v", None), ("x", YELLOW), ("v", BLUE)], *MARKS[1:]]
    result = _xlsx(tmp_path, marks=marks)
    refused = {(error["row"], error["column"]) for error in result.errors}
    assert {(FIRST_ROW, "C"), (FIRST_ROW, "D"), (FIRST_ROW, "E")} <= refused
    assert not any(name == "Tô Công Quân" for name, _, _ in _records(result))
    assert all("chú thích màu" in message for message in _messages(result, "errors"))


def test_an_empty_cell_painted_with_an_unlisted_colour_is_warned(tmp_path):
    marks = [[("x", None), (None, GREEN), ("v", YELLOW)], *MARKS[1:]]
    result = _xlsx(tmp_path, marks=marks)
    assert ("Tô Công Quân", "2025-08-03", "late") not in _records(result)
    assert any("ô trống tô màu ở D5" in message for message in _messages(result))


def test_an_unpainted_swatch_is_warned_and_its_pairs_refused(tmp_path):
    legend = [LEGEND[0], ("x", None, LEGEND[1][2]), *LEGEND[2:]]
    result = _xlsx(tmp_path, legend=legend)
    assert any("không được tô màu" in message for message in _messages(result))
    refused = {(error["row"], error["column"]) for error in result.errors}
    assert (FIRST_ROW, "D") in refused and (FIRST_ROW + 1, "C") in refused


def test_a_swatch_holding_no_mark_takes_the_mark_its_text_names(tmp_path):
    legend = [LEGEND[0], (None, BLUE, LEGEND[1][2]), *LEGEND[2:]]
    assert _records(_xlsx(tmp_path, legend=legend)) == EXPECTED


def test_a_csv_warns_and_refuses_the_colour_dependent_marks(tmp_path):
    rows, _ = _rows()
    path = tmp_path / "r.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([[cell.strftime("%d/%m/%Y") if isinstance(cell, dt.datetime) else cell
                                       for cell in row] for row in rows])
    result = parse_file(path)
    assert result.records() == []
    assert any("CSV" in message and "không giữ màu" in message for message in _messages(result))
    assert len(result.errors) == 7  # every x and v cell refused, each named
    assert all("tùy theo màu" in message for message in _messages(result, "errors"))


def test_an_xls_is_read_by_its_fills(tmp_path):
    rows, styles = _rows()
    colours = {BLUE: "pale_blue", YELLOW: "yellow", RED: "red", GREY: "gray25"}
    book = xlwt.Workbook()
    sheet = book.add_sheet("TDP5")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            ref = f"{'ABCDEFG'[c]}{r + 1}"
            if ref in styles:
                style = xlwt.easyxf(f"pattern: pattern solid, fore_colour {colours[styles[ref]]}")
            else:
                style = date_style if isinstance(value, dt.datetime) else xlwt.Style.default_style
            if value is not None or ref in styles:
                sheet.write(r, c, value, style)
    book.save(str(tmp_path / "r.xls"))
    assert _records(parse_file(tmp_path / "r.xls")) == EXPECTED


def test_the_swatch_rows_are_found_in_the_grid():
    rows, _ = _rows()
    sheet = SheetData(name="s", rows=[list(row) + [None] * (6 - len(row)) for row in rows])
    join_swatch_legends(sheet)
    found = [(swatch.row, swatch.col, swatch.mark, swatch.colour, swatch.meaning) for swatch in sheet.swatches]
    assert found == [(9, 2, "x", None, "present"), (10, 2, "x", "xanh", "late"), (11, 2, "v", "vàng", "excused"),
                     (12, 2, "v", "đỏ", "absent"), (13, 2, BLANK, "xám", NOT_DUE)]
    assert sheet.rows[LEGEND_ROW - 1][1].startswith("CHÚ THÍCH MÀU / KÝ HIỆU: x, ô không tô màu")
    assert sheet.legend_rows == {8: [9, 10, 11, 12, 13]}


def test_near_misses_are_no_legend_of_swatches():
    # a plain marks legend laid out as cells, a colour-only note, a note row beside a mark: none has a swatch
    for rows in ([["Ký hiệu:"], [None, "x", "Có mặt"], [None, "v", "Vắng có phép"]],
                 [["Ghi chú: Ô nền đỏ: vắng không phép; nền vàng: vắng có phép"]],
                 [[None, "x", "ô tô màu vàng"], [None, "v", "tô màu đỏ"]],
                 [[None, "x", "Nguyễn Văn An", "ô tô màu vàng: vắng có phép"],
                  [None, "v", "Trần Văn Bình", "ô tô màu đỏ: vắng không phép"]]):
        sheet = SheetData(name="s", rows=[list(row) for row in rows])
        join_swatch_legends(sheet)
        assert sheet.swatches == []


def test_an_ods_is_read_by_its_fills(tmp_path):
    from test_format_meanings import _ods

    rows, styles = _rows()
    rows = [[cell.strftime("%d/%m/%Y") if isinstance(cell, dt.datetime) else cell for cell in row] for row in rows]
    cells = {(int(ref[1:]) - 1, "ABCDEFG".index(ref[0])): (f"ce{colour}", (("backgroundcolor", f"#{colour}"),), (),
                                                           "table-cell") for ref, colour in styles.items()}
    assert _records(parse_file(_ods(tmp_path / "r.ods", rows, cells))) == EXPECTED


def test_a_swatch_holding_another_mark_than_its_text_is_no_swatch():
    rows = [[None, "x", "x, ô không tô màu: có mặt"], [None, "P", "v, ô tô màu vàng: vắng có lý do"],
            [None, "v", "v, ô tô màu đỏ: vắng không lý do"]]
    sheet = SheetData(name="s", rows=[list(row) for row in rows])
    join_swatch_legends(sheet)
    assert [swatch.row for swatch in sheet.swatches] == []  # the run breaks at the row that contradicts itself
