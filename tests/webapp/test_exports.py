"""The shared .xlsx export: layout and formula-injection neutralisation, checked by reading the file back."""
from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook

from webapp.exports import Column, build_workbook, neutralise


@pytest.mark.parametrize("value, expected", [
    ("=1+2", "'=1+2"), ("+SUM(A1)", "'+SUM(A1)"), ("-2+3", "'-2+3"), ("@cmd", "'@cmd"),
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("Bình thường", "Bình thường"), ("a=b", "a=b"),
    (-5, -5), (3.5, 3.5), (None, None),
])
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_workbook_cells_are_text_and_layout_is_set():
    data = build_workbook("DANH SÁCH", [Column("Nội dung", 40), Column("Ngày", 12), Column("Số", 8)],
                          [["=HYPERLINK(\"http://x\")", date(2028, 2, 29), -3], ["@SUM(A1:A2)", None, 7]])
    sheet = load_workbook(BytesIO(data)).active
    assert sheet["A1"].value == "DANH SÁCH" and sheet["A1"].font.bold
    assert sheet["A3"].value == "Nội dung" and sheet["A3"].font.bold and sheet["A3"].font.name == "Times New Roman"
    assert sheet["A4"].value == "'=HYPERLINK(\"http://x\")" and sheet["A4"].data_type == "s"
    assert sheet["A5"].value == "'@SUM(A1:A2)" and sheet["A5"].data_type == "s"
    assert sheet["B4"].value.date() == date(2028, 2, 29) and sheet["C4"].value == -3
    assert sheet.column_dimensions["A"].width == 40 and sheet.column_dimensions["B"].width == 12
    assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)
