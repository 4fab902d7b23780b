"""A register's marks legend laid out as a small table of cells under its label ("Ký hiệu:" alone, then a row per
mark: the mark in one cell, its meaning in the next, a "=" or "-" cell between them at times, two marks to a row at
times). Its rows are the legend, never people without a name, and they explain the marks as a one-line legend does.
A mark the legend gives two meanings told apart by the cell's colour is refused, cell by cell, never guessed."""

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.kinds.body import LEGEND_REASON
from importers.legend_tables import join_legend_tables
from importers.legends import parse_legend
from importers.mark_doubts import MarkDoubt
from importers.results import SheetData

PEOPLE = ["Nguyễn Văn An", "Lê Thị Hoa", "Trần Minh Đức"]
STATUSES = [["present", "excused", "present", "absent"],
            ["present", "present", "absent", "late"],
            ["excused", "present", "late", "present"]]
# 'V' is 'vắng không phép' and 'P' 'vắng có phép' only by the legend; 'K' no usual mark at all
MARKS = {"present": "x", "excused": "P", "absent": "K", "late": "M"}
MEANINGS = {"present": "Có mặt", "excused": "Vắng có phép", "absent": "Vắng không phép", "late": "Đến muộn"}
ORDER = ["present", "late", "excused", "absent"]


def _register(marks=MARKS, statuses=STATUSES):
    rows = [["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], [],
            ["STT", "Họ và tên", "Chức vụ", "T1", "T2", "T3", "T4"]]
    return rows + [[number, name, "Đảng viên", *[marks[status] for status in row]]
                   for number, (name, row) in enumerate(zip(PEOPLE, statuses), 1)]


def _records(statuses=STATUSES, skip=()):
    return [{"full_name": name, "date": f"2025-{month:02d}-01", "status": status, "unit": None}
            for person, (name, row) in enumerate(zip(PEOPLE, statuses))
            for month, status in enumerate(row, 1) if (person, month) not in skip]


def _pairs(lead, sign=None):
    """One row per mark: `lead` blank cells, the mark, the sign cell when given, the meaning."""
    return [[*[None] * lead, MARKS[status], *([sign] if sign else []), MEANINGS[status]] for status in ORDER]


LAYOUTS = {
    # the label in the name column, the marks beside it (the example's layout)
    "label over marks beside": [[None, "Ký hiệu:"], *_pairs(2)],
    # the label in the first column, the marks in the name column
    "first column label": [["Chú thích"], *_pairs(1)],
    # the label and the marks in the name column
    "marks in the name column": [[None, "Quy ước:"], *_pairs(1)],
    "equals cells": [[None, "Ký hiệu"], *_pairs(1, "=")],
    "dash cells": [[None, "Ghi chú:"], *_pairs(2, "-")],
    "two pairs a row": [[None, "Ký hiệu:"],
                        [None, "x", "Có mặt", "M", "Đến muộn"],
                        [None, "P", "Vắng có phép", "K", "Vắng không phép"]],
    "first pair beside the label": [["Ký hiệu:", "x", "Có mặt"], *_pairs(1)[1:]],
    "meaning before mark": [[None, "Chú thích:"], *[[None, MEANINGS[status], MARKS[status]] for status in ORDER]],
}


def _legend_rows(result):
    frame = result.row_frame
    return frame[frame["reason"] == LEGEND_REASON]["row"].tolist()


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_legend_table_under_its_label_explains_the_marks(tmp_path, layout):
    legend = LAYOUTS[layout]
    rows = _register() + [[], *legend, [], [None, None, None, None, "NGƯỜI LẬP BIỂU"]]
    result = parse_file(write_sheet(tmp_path / "so.xlsx", rows))
    assert result.errors == []
    assert not [w for w in result.warnings if "ký hiệu" in w["message"].lower()]
    assert result.records() == _records()
    first = len(_register()) + 2  # 1-based row of the label
    assert _legend_rows(result) == list(range(first, first + len(legend)))
    assert set(result.row_frame[result.row_frame["row"] < first - 1]["outcome"]) == {"record"}


COLOURED = [[None, "Ký hiệu:"],
            [None, None, "x", "Có mặt"],
            [None, None, "M", "Đến muộn"],
            [None, None, "v", "Vắng có lý do (ô tô vàng)"],
            [None, None, "v", "Vắng không lý do (ô tô đỏ)"]]


def test_one_mark_with_two_meanings_by_colour_is_refused_cell_by_cell(tmp_path):
    marks = {"present": "x", "late": "M", "excused": "v", "absent": "v"}
    rows = _register(marks) + [[], *COLOURED]
    result = parse_file(write_sheet(tmp_path / "so.xlsx", rows))
    refused = [(e["row"], e["column"]) for e in result.errors]
    assert refused == [(4, "E"), (4, "G"), (5, "F"), (6, "D")]  # every 'v', none of the other cells
    assert all("hai nghĩa" in e["message"] and "màu" in e["message"] and "Vắng có lý do (ô tô vàng)" in e["message"]
               and "Vắng không lý do (ô tô đỏ)" in e["message"] for e in result.errors)
    assert result.records() == _records(skip={(0, 2), (0, 4), (1, 3), (2, 1)})
    assert _legend_rows(result) == [8, 9, 10, 11, 12]


def test_a_one_line_legend_giving_a_mark_two_meanings_refuses_it_too(tmp_path):
    marks = {"present": "x", "late": "M", "excused": "V", "absent": "V"}
    rows = _register(marks) + [[], ["Ghi chú: x - có mặt; M - đến muộn; V - vắng có phép (chữ xanh); "
                                    "V - vắng không phép (chữ đỏ)"]]
    result = parse_file(write_sheet(tmp_path / "so.xlsx", rows))
    assert [(e["row"], e["column"]) for e in result.errors] == [(4, "E"), (4, "G"), (5, "F"), (6, "D")]
    assert result.records() == _records(skip={(0, 2), (0, 4), (1, 3), (2, 1)})


def test_a_legend_contradicting_itself_keeps_both_meanings():
    table = parse_legend("Ghi chú: x - có mặt; V - vắng có phép; V - vắng không phép; X - có mặt đầy đủ")
    assert table["x"] == "present"
    assert isinstance(table["v"], MarkDoubt)
    assert table["v"].meanings == (("excused", "vắng có phép"), ("absent", "vắng không phép"))
    assert "màu" not in table["v"].problem
    coloured = parse_legend("Ký hiệu: v = Vắng có lý do (ô tô vàng); v = Vắng không lý do (ô tô đỏ)")["v"]
    assert coloured.meanings == (("excused", "Vắng có lý do (ô tô vàng)"), ("absent", "Vắng không lý do (ô tô đỏ)"))
    assert "màu" in coloured.problem


def _joined(rows):
    sheet = SheetData(name=None, rows=[list(row) for row in rows])
    join_legend_tables(sheet)
    return sheet.rows, sheet.legend_rows


def test_the_cells_of_a_legend_table_are_joined_into_its_label():
    rows, joined = _joined([[None, "Ký hiệu:"], [None, None, "x", "Có mặt"], [None, None, "P", "=", "Vắng có phép"],
                            [None, "BÍ THƯ"]])
    assert rows == [[None, "Ký hiệu: x = Có mặt; P = Vắng có phép"], [None, None, None, None],
                    [None, None, None, None, None], [None, "BÍ THƯ"]]
    assert joined == {0: [1, 2]}


@pytest.mark.parametrize("rows", [
    [[None, "Ghi chú:"], [None, "Đồng chí An chuyển sinh hoạt từ tháng 7"]],
    [[None, "Ghi chú:"], [None, "Có mặt", 5], [None, "Vắng", 2]],  # counts, not marks
    [[None, "Ghi chú: x - có mặt"], [None, None, "P", "Vắng có phép"]],  # a legend line of its own
    [[None, "Ký hiệu:"], [1, "Nguyễn Văn An", "x", "P"]],
    [[None, "Ký hiệu:"], [], [None, None, "x", "Có mặt"]],  # not under the label
    [[None, "Ký hiệu:"], [None, None, None, None, None, None, "x", "Có mặt"]],  # far from the label
    [["Chú thích", None, "BÍ THƯ"], [None, "x", "Có mặt"]],
])
def test_rows_that_are_no_legend_table_stay_as_read(rows):
    assert _joined(rows) == (rows, {})
