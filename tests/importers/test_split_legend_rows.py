"""A marks legend spread over the cells of one row: the last line of a ';' CSV ("Ghi chú: x - có mặt; P - vắng có
phép; …") split at its own ';', a ',' CSV's legend not quoted, a sheet typing one item a cell. The legend is read
whole (word marks such as 'Phép' understood, 'V' read as the legend says) and its row is never a person or a
meeting."""

import csv

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.legend_rows import join_split_legends
from importers.results import SheetData

PEOPLE = ["Nguyễn Văn An", "Lê Thị Hoa", "Trần Minh Đức"]
STATUSES = [["present", "excused", "present", "absent", "present", "late"],
            ["present", "present", "absent", "present", "late", "present"],
            ["excused", "present", "present", "present", "present", "absent"]]
# (legend line, mark of each status): the marks the data uses are those the legend defines
LEGENDS = {
    "dashes": ("Ghi chú: x - có mặt; P - vắng có phép; V - vắng không phép; M - đi muộn",
               {"present": "x", "excused": "P", "absent": "V", "late": "M"}),
    "words": ("Ký hiệu: X: có mặt; Phép: vắng có phép; K: vắng không phép; Muộn: đi muộn",
              {"present": "X", "excused": "Phép", "absent": "K", "late": "Muộn"}),
    "brackets": ("(+) có mặt; (V) vắng có lý do; (-) vắng không lý do; (M) đến muộn",
                 {"present": "+", "excused": "V", "absent": "-", "late": "M"}),
    "codes": ("Chú thích: CM = có mặt; CP = vắng có phép; KP = vắng không phép; ĐM = đi muộn",
              {"present": "CM", "excused": "CP", "absent": "KP", "late": "ĐM"}),
}
NOT_READ = "không đọc được"


def _wide_rows(marks):
    rows = [["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], ["STT", "Họ và tên", *[f"T{m}" for m in range(1, 7)]]]
    return rows + [[number, name, *[marks[status] for status in statuses]]
                   for number, (name, statuses) in enumerate(zip(PEOPLE, STATUSES), 1)]


def _wide_records():
    return [{"full_name": name, "date": f"2025-{month:02d}-01", "status": status, "unit": None}
            for name, statuses in zip(PEOPLE, STATUSES) for month, status in enumerate(statuses, 1)]


DATES = ["08/01/2025", "12/02/2025"]


def _long_rows(marks):
    rows, number = [["STT", "Họ và tên", "Ngày sinh hoạt", "Điểm danh", "Chi bộ"]], 0
    for meeting, day in enumerate(DATES):
        for name, statuses in zip(PEOPLE, STATUSES):
            number += 1
            rows.append([number, name, day, marks[statuses[meeting]], "Chi bộ Khu phố 3"])
    return rows


def _long_records():
    return [{"full_name": name, "date": f"2025-{day[3:5]}-{day[:2]}", "status": statuses[meeting],
             "unit": "Chi bộ Khu phố 3"}
            for meeting, day in enumerate(DATES) for name, statuses in zip(PEOPLE, STATUSES)]


def _write_csv(path, rows, legend, delimiter=";", quoted=False):
    """The rows as a CSV; the legend last, as one field (quoted where it holds the delimiter) or typed raw, so the
    reader splits it at its own separators."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
        if quoted:
            csv.writer(handle, delimiter=delimiter, lineterminator="\r\n").writerow([legend])
        else:
            handle.write(legend + "\r\n")
    return path


def _clean(result):
    assert result.errors == []
    assert not [w for w in result.warnings if NOT_READ in w["message"] or "ký hiệu" in w["message"].lower()]


@pytest.mark.parametrize("legend", LEGENDS)
def test_a_semicolon_csv_register_with_its_legend_split_on_the_last_line(tmp_path, legend):
    line, marks = LEGENDS[legend]
    result = parse_file(_write_csv(tmp_path / "so.csv", _wide_rows(marks), line))
    _clean(result)
    assert result.records() == _wide_records()


@pytest.mark.parametrize("legend", LEGENDS)
def test_the_legend_line_of_a_long_register_is_no_meeting(tmp_path, legend):
    line, marks = LEGENDS[legend]
    result = parse_file(_write_csv(tmp_path / "so.csv", _long_rows(marks), line))
    _clean(result)
    assert result.records() == _long_records()
    assert set(result.row_frame["outcome"]) == {"record"}


COMMA_LEGEND = "Ghi chú: x - có mặt, (P) vắng, có lý do, (V) vắng, không lý do, M - đi muộn"


@pytest.mark.parametrize("quoted", [True, False])
@pytest.mark.parametrize("shape", ["wide", "long"])
def test_a_comma_csv_legend_quoted_or_split_at_its_commas(tmp_path, quoted, shape):
    """Split at its commas, the legend is joined as written: 'vắng, có lý do' stays one meaning (excused)."""
    marks = {"present": "x", "excused": "P", "absent": "V", "late": "M"}
    rows = _wide_rows(marks) if shape == "wide" else _long_rows(marks)
    result = parse_file(_write_csv(tmp_path / "so.csv", rows, COMMA_LEGEND, delimiter=",", quoted=quoted))
    _clean(result)
    assert result.records() == (_wide_records() if shape == "wide" else _long_records())


@pytest.mark.parametrize("cells", [
    ["Ký hiệu:", "X: có mặt", "Phép: vắng có phép", "K: vắng không phép", "Muộn: đi muộn"],
    ["Ký hiệu: X: có mặt", "Phép: vắng có phép", None, "K: vắng không phép", "Muộn: đi muộn"],
    [None, "Ký hiệu: X: có mặt; Phép: vắng có phép", "K: vắng không phép; Muộn: đi muộn", None, None, None,
     "BÍ THƯ"],
])
def test_a_spreadsheet_legend_typed_across_the_cells_of_a_row(tmp_path, cells):
    rows = _wide_rows(LEGENDS["words"][1]) + [[], cells]
    result = parse_file(write_sheet(tmp_path / "so.xlsx", rows))
    _clean(result)
    assert result.records() == _wide_records()


def test_a_mark_the_split_legend_does_not_define_is_still_refused(tmp_path):
    rows = _wide_rows(LEGENDS["words"][1])
    rows[3][4] = "Z"
    result = parse_file(_write_csv(tmp_path / "so.csv", rows, LEGENDS["words"][0]))
    assert [(w["row"], w["column"]) for w in result.warnings if NOT_READ in w["message"]] == [(4, "E")]
    assert len(result.records()) == len(_wide_records()) - 1


def _joined(rows, delimiter=None):
    sheet = SheetData(name=None, rows=[list(row) for row in rows], delimiter=delimiter)
    join_split_legends(sheet)
    return sheet.rows


def test_the_cells_of_a_split_legend_are_joined_into_the_first():
    assert _joined([["Ghi chú: x - có mặt", " P - vắng có phép", " V - vắng không phép", "", ""]], ";") == [
        ["Ghi chú: x - có mặt; P - vắng có phép; V - vắng không phép", None, None, "", ""]]
    assert _joined([["Ghi chú: x - có mặt", " (P) vắng", " có lý do"]], ",") == [
        ["Ghi chú: x - có mặt, (P) vắng, có lý do", None, None]]
    assert _joined([["Ghi chú: x - có mặt", "P - vắng có phép", None, None, "NGƯỜI LẬP BIỂU"]]) == [
        ["Ghi chú: x - có mặt; P - vắng có phép", None, None, None, "NGƯỜI LẬP BIỂU"]]


@pytest.mark.parametrize("row", [
    ["1", "Nguyễn Văn An", "x", "P"],
    ["05-01-2025", "Lê Thị Hoa", "x"],
    ["Ghi chú", "Họ và tên", "T1"],
    ["Cao Văn An", "Bí thư - Chi bộ 1", "x"],
    ["x - có mặt", "Nguyễn Văn An", "x"],
    ["Ghi chú: x - có mặt; P - vắng có phép", None, None, "BÍ THƯ"],
    ["Ghi chú: đồng chí An chuyển sinh hoạt từ tháng 7", "Nguyễn Văn An"],
    ["Quách Minh", "Chức vụ: Bí thư", "Đơn vị: Chi bộ 2"],
])
def test_rows_that_are_no_split_legend_stay_as_read(row):
    assert _joined([row], ";") == [row]
