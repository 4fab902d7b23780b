"""Wide registers stacked by period on one sheet (generated): each later table's header names its own months, so
its marks are read for those months (not the first table's), its header row is no person, and ditto marks in the
chi bộ column repeat the value above in one warning."""

import json

import pytest
from layouts import period_tables
from layouts.writers import write_by_seed

from importers import parse_file
from importers.period_tables import stack_period_tables
from importers.results import SheetData

SEEDS = range(24)


def _key(records):
    return sorted(json.dumps(record, sort_keys=True, ensure_ascii=False) for record in records)


@pytest.mark.parametrize("seed", SEEDS)
def test_each_stacked_table_reads_its_own_months(tmp_path, seed):
    sheet, expected, dittos = period_tables.build(seed)
    result = parse_file(write_by_seed(tmp_path, "register", sheet, seed, ("xlsx", "xlsx", "csv", "ods")))
    assert result.kind == "attendance"
    assert _key(result.records()) == _key(expected)
    assert result.errors == []
    messages = [item["message"] for item in result.warnings]
    assert len(messages) == (1 if dittos else 0)
    assert all(f"{dittos} ô ghi «như trên»" in message for message in messages)


def _sheet(rows):
    return SheetData(name="S", rows=[list(row) for row in rows])


HEADER = ["STT", "Họ và tên", "T1", "T2", "T3"]


def test_a_repeated_header_with_the_same_months_is_left_alone():
    sheet = _sheet([HEADER, [1, "Nguyễn Văn An", "x", "x", "P"], [], HEADER, [2, "Trần Thị Bình", "x", "x", "x"]])
    assert not stack_period_tables(sheet)
    assert sheet.rows[3] == HEADER


def test_a_later_header_with_other_months_moves_its_cells_to_new_columns():
    later = ["STT", "Họ và tên", "T4", "T5", "T6"]
    sheet = _sheet([HEADER, [1, "Nguyễn Văn An", "x", "x", "P"], ["Quý II"], later, [1, "Nguyễn Văn An", "K", "x", ""],
                    [], ["", "Ký hiệu: x - có mặt"]])
    assert stack_period_tables(sheet)
    assert sheet.rows[0] == HEADER + ["T4", "T5", "T6"]
    assert sheet.rows[2] == sheet.rows[3] == [""] * 8
    assert sheet.rows[4] == [1, "Nguyễn Văn An", "", "", "", "K", "x", ""]
    assert sheet.rows[6][:2] == ["", "Ký hiệu: x - có mặt"]
