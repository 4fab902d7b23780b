"""Generated roster families (tests/importers/layouts/roster_families.py): units marked by an "x" under short chi bộ
columns, a unit column merged down over each group, a Word table pasted into Excel, and name-with-position cells
beside one text naming group, role and chi bộ. Each seed is one variation of wording, position and title block."""

import random

import pytest
from openpyxl import Workbook

from importers import parse_file
from tests.importers.layouts import roster_families as families

SEEDS = range(16)


def write(path, built):
    book = Workbook()
    sheet = book.active
    sheet.title = "DS"
    for row in built.rows:
        sheet.append(list(row) if row else [])
    for r0, c0, r1, c1 in built.merges:
        sheet.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
    book.save(path)
    return path


def parse(tmp_path, built):
    return parse_file(write(tmp_path / "f.xlsx", built))


def assert_read(result, built):
    assert result.kind == "roster"
    assert result.records() == built.records, [row for row in built.rows]
    assert result.errors == []


@pytest.mark.parametrize("seed", SEEDS)
def test_units_marked_under_short_chi_bo_columns(tmp_path, seed):
    built = families.unit_marks(random.Random(seed))
    result = parse(tmp_path, built)
    assert_read(result, built)
    assert not [w for w in result.warnings if "chưa dùng" in w["message"]]


@pytest.mark.parametrize("seed", SEEDS)
def test_two_marks_in_a_row_give_one_record_per_unit(tmp_path, seed):
    built = families.unit_marks(random.Random(100 + seed), two_marks=True)
    assert_read(parse(tmp_path, built), built)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_unit_column_merged_down_over_each_group(tmp_path, seed):
    built = families.merged_unit(random.Random(seed))
    result = parse(tmp_path, built)
    assert_read(result, built)
    assert not [w for w in result.warnings if "chưa dùng" in w["message"]]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_position_or_name_spilling_onto_the_next_row_is_joined(tmp_path, seed):
    built = families.spilled_rows(random.Random(seed))
    assert_read(parse(tmp_path, built), built)


@pytest.mark.parametrize("seed", SEEDS)
def test_name_with_position_and_one_text_for_group_role_and_unit(tmp_path, seed):
    built = families.task_texts(random.Random(seed))
    assert_read(parse(tmp_path, built), built)
