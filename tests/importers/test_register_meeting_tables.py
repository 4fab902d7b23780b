"""Registers kept as one table per meeting on one sheet (generated): every block is read with the date its
caption states, the repeated headers, captions and subtotals are no people; a repeated header with no date caption
next to it is not read as the block above's meeting without a word (the usual reading reports it)."""

import pytest
from layouts import meeting_tables
from layouts.sheet import Sheet
from layouts.writers import write_by_seed, write_one_sheet

from importers import parse_file

SEEDS = range(24)


@pytest.mark.parametrize("seed", SEEDS)
def test_one_table_per_meeting_is_read_exactly(tmp_path, seed):
    sheet, expected = meeting_tables.build(seed)
    result = parse_file(write_by_seed(tmp_path, "register", sheet, seed))
    assert (result.kind, result.header_row) == ("attendance", 6)
    assert result.records() == expected
    assert result.errors == []
    assert result.warnings == []


def test_a_repeated_header_without_its_date_caption_is_not_read_as_the_previous_meeting(tmp_path):
    sheet = Sheet("Diem danh", width=3)
    header = ["TT", "Họ và tên", "Tình trạng"]
    for row in [["CHI BỘ THÔN 3"], ["ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025"], [], ["Ngày họp: 06/01/2025"], header,
                [1, "Nguyễn Văn An", "Có mặt"], [2, "Trần Thị Bình", "Vắng có phép"], [3, "Lê Văn Cường", "Có mặt"],
                [], header, [1, "Nguyễn Văn An", "Vắng không phép"], [2, "Trần Thị Bình", "Có mặt"],
                [3, "Lê Văn Cường", "Có mặt"]]:
        sheet.add(row)
    result = parse_file(write_one_sheet(tmp_path, "register", sheet, False))
    reported = {item["row"] for item in result.errors + result.warnings}
    assert 10 in reported  # the repeated header, not taken for the first meeting's rows without a word
    assert any("2025-01-06" in item["message"] and "11" in item["message"] for item in result.warnings)
