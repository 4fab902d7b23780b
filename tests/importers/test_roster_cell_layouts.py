"""Generated rosters of four families from a blind batch (``layouts.roster_cells``): a birth date inside the name
cell, the role as a tick under role columns, role words in a "Chức danh" column, subtotal lines between groups.
Each seed varies wordings, positions, title blocks and the file format (.xlsx, .csv)."""

import pytest
from layouts.roster_cells import FAMILIES, build, write

from importers import parse_file

SEEDS = range(10)
CASES = [(family, seed) for family in FAMILIES for seed in SEEDS]


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("roster_cells")


def _parsed(out_dir, family, seed):
    layout = build(family, seed)
    return layout, parse_file(write(layout, out_dir))


@pytest.mark.parametrize(("family", "seed"), CASES)
def test_records_are_read_exactly(out_dir, family, seed):
    layout, result = _parsed(out_dir, family, seed)
    assert result.kind == "roster", layout.name
    assert result.header_row == layout.header_row, layout.name
    assert result.records() == layout.records, layout.name


@pytest.mark.parametrize(("family", "seed"), CASES)
def test_only_the_rows_that_cannot_be_settled_fail_with_their_row_named(out_dir, family, seed):
    layout, result = _parsed(out_dir, family, seed)
    assert sorted({error["row"] for error in result.errors}) == layout.error_rows, layout.name
    for row in layout.error_rows:
        assert any(error["row"] == row and f"{row}" in error["message"] for error in result.errors), layout.name


@pytest.mark.parametrize(("family", "seed"), CASES)
def test_doubts_are_said(out_dir, family, seed):
    layout, result = _parsed(out_dir, family, seed)
    warned = {warning["row"] for warning in result.warnings}
    assert set(layout.warned_rows) <= warned, layout.name
    if layout.unused_column:
        assert any(w["column"] == layout.unused_column and "không trường nào đọc" in w["message"]
                   for w in result.warnings), layout.name
    assert not any("dòng tổng cộng ghi" in w["message"] for w in result.warnings), layout.name


@pytest.mark.parametrize("seed", SEEDS)
def test_subtotal_lines_are_skipped_with_a_reason(out_dir, seed):
    layout, result = _parsed(out_dir, "subtotals", seed)
    lines = [number + 1 for number, row in enumerate(layout.sheet.rows)
             if any(isinstance(cell, str) and cell.casefold().startswith(("cộng", "tổng")) for cell in row)]
    reasons = {row["row"]: row for row in result.rows}
    for line in lines[:-2]:  # the last group's line and the grand total end the table
        assert reasons[line]["outcome"] == "skipped" and reasons[line]["reason"], (layout.name, line)
    assert {"Tống Văn Hải", "Công Thị Lan", "Tống Thị Cộng"} <= {r["full_name"] for r in result.records()}
