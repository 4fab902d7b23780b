"""A listed person whose status cells are all empty is never dropped without a word: in a register one block per
meeting, a month grid, a date and mark list or one with the people across the top, the skipped rows are named in
a warning (sheet, row, name: "… không có đánh dấu nào: bỏ qua")."""

import pytest
from layouts import unmarked
from sheet_files import write_sheet

from importers import parse_file
from tests.importers.test_transposed import transposed_sheet
from tests.workbooks import write_workbook

SKIPPED = "không có đánh dấu nào"


def _told(result, unmarked_rows) -> bool:
    told = [w["message"] for w in result.warnings if SKIPPED in w["message"]]
    if len(unmarked_rows) == 1:
        row, name = unmarked_rows[0]
        return told == [f"DS!B{row}: «{name}» {SKIPPED}: bỏ qua"]
    shown = ", ".join(f"dòng {row} «{name}»" for row, name in unmarked_rows[:5])
    return len(told) == 1 and told[0].startswith(f"DS: {len(unmarked_rows)} người {SKIPPED} ({shown}")


@pytest.mark.parametrize("seed", range(40))
def test_unmarked_people_are_named_in_a_warning(tmp_path, seed):
    built = unmarked.build(seed)
    result = parse_file(write_sheet(tmp_path / "f.xlsx", built.rows, title="DS"))
    assert sorted((r["full_name"], r["date"], r["status"]) for r in result.records()) == sorted(built.records), \
        built.layout
    assert result.errors == [], built.layout
    assert _told(result, built.unmarked), (built.layout, built.unmarked, result.warnings)
    skipped = {row["row"] for row in result.rows if row["outcome"] == "skipped"}
    assert {row for row, _ in built.unmarked} <= skipped


def test_a_marked_register_warns_of_no_unmarked_person(tmp_path):
    built = unmarked.build(0)
    rows = [row for row in built.rows if (len(built.rows) and row not in [built.rows[r - 1] for r, _ in
                                                                          built.unmarked])]
    result = parse_file(write_sheet(tmp_path / "f.xlsx", rows, title="DS"))
    assert not [w for w in result.warnings if SKIPPED in w["message"]]


def test_a_person_across_the_top_with_no_mark_is_named(tmp_path):
    rows = transposed_sheet(["Tháng 1", "Tháng 2", "Tháng 3"])
    for row in rows[5:8]:
        row[3] = None
    result = parse_file(write_workbook(tmp_path / "t.xlsx", {"DD": rows}))
    assert {r["full_name"] for r in result.records()} == {"Lý Thanh An", "Hoàng Thị Ngọc"}
    assert [w["message"] for w in result.warnings if SKIPPED in w["message"]] == [
        "DD!A8: «Võ Bích Loan» không có đánh dấu nào: bỏ qua"]
