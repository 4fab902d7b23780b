"""A sign-in book kept one block per meeting whose captions name the chi bộ met (after a dash, 'tại', in brackets,
or on a line of their own) reads each block's rows with that unit; a caption naming no one unit leaves every
row's unit to the usual reading (and its warning)."""

import pytest
from layouts import meeting_units
from layouts.writers import write_xlsx

from importers import parse_file
from importers.caption_units import unit_in_caption, unit_line

UNUSED = "chưa dùng — không trường nào đọc cột này"


@pytest.mark.parametrize("seed", range(40))
def test_each_blocks_caption_names_its_unit(tmp_path, seed):
    sheet, records = meeting_units.build(seed)
    write_xlsx(tmp_path / "f.xlsx", [sheet])
    result = parse_file(tmp_path / "f.xlsx")
    assert result.kind == "attendance"
    assert result.records() == records
    assert result.errors == []
    assert any(UNUSED in w["message"] and "Nhiệm vụ trong Đoàn" in w["message"] for w in result.warnings)


def _captions(sheet):
    return [row for row in sheet.rows if row and isinstance(row[0], str) and "2025" in row[0] and "NĂM" not in row[0]]


def _built_with_units_in_captions(leading: bool):
    """The first generated book whose captions each name the unit, at their start or at their end."""
    for seed in range(200):
        sheet, records = meeting_units.build(seed)
        units = {r["unit"] for r in records}
        captions = [row[0] for row in _captions(sheet)]
        if all(any(caption.startswith(unit) == leading and unit in caption for unit in units) for caption in captions):
            return sheet, records
    raise AssertionError("no generated book of that variant")


@pytest.mark.parametrize("leading", [False, True])
def test_a_caption_without_a_unit_leaves_every_rows_unit_unread(tmp_path, leading):
    sheet, records = _built_with_units_in_captions(leading)
    last = _captions(sheet)[-1]
    for unit in {r["unit"] for r in records}:
        last[0] = last[0].replace(f"{unit} – ", "").replace(f"{unit} - ", "")
    last[0] = last[0].split(" - ")[0].split(" – ")[0].split(" tại ")[0].split(" (")[0]
    write_xlsx(tmp_path / "f.xlsx", [sheet])
    result = parse_file(tmp_path / "f.xlsx")
    assert [record["unit"] for record in result.records()] == [None] * len(records)
    assert [(r["full_name"], r["date"]) for r in result.records()] == [(r["full_name"], r["date"]) for r in records]


@pytest.mark.parametrize("text", ["Buổi sinh hoạt ngày 06/01/2025 - các chi bộ trực thuộc",
                                  "Buổi sinh hoạt ngày 06/01/2025 - Chi bộ", "Buổi sinh hoạt ngày 06/01/2025",
                                  "Buổi sinh hoạt ngày 06/01/2025 - Chi bộ Thôn 1 - xã An Lạc",
                                  "Buổi sinh hoạt ngày 06/01/2025 - Sinh hoạt thường kỳ tháng 1"])
def test_captions_naming_no_one_unit(text):
    assert unit_in_caption(text) is None


@pytest.mark.parametrize("row", [["Chi bộ Thôn 1", 5], ["Tổng số: 7 đ/c"], ["Chi bộ Thôn 1", "Chi bộ Thôn 2"]])
def test_lines_that_are_no_unit_line(row):
    assert unit_line(row) is None
