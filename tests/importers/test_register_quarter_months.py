"""Wide registers whose month numbers sit under quarters (generated): three header rows (or two, the quarters on top),
'Tháng sinh hoạt chi bộ năm 2024' (or 'Năm 2024', or 'Tháng' with the year in the title) over 'Quý I' … 'Quý IV' (or
the half-years) over the month numbers; the quarter row is seen through and each column is the 1st of its month. A
subtotal column after each quarter is no month. Numbers that count a quarter's own months (1 | 2 | 3 under every
quarter) are never read as months of the year."""

import pytest
from layouts import quarter_months
from layouts.writers import write_by_seed

from importers import parse_file
from importers.date_words import month_and_year
from importers.errors import ImportFileError
from importers.locating import locate_table
from importers.month_numbers import months_under
from importers.parsing import HEADER_SPECS
from importers.period_labels import is_subtotal_label, period_months
from importers.quarter_rows import is_period_row, seen_through

SEEDS = range(40)
FORMATS = ("xlsx", "ods", "csv")


@pytest.mark.parametrize("seed", SEEDS)
def test_month_numbers_under_quarters_read_exactly(tmp_path, seed):
    sheet, expected, _ = quarter_months.quarter_months(seed)
    result = parse_file(write_by_seed(tmp_path, "register", sheet, seed, FORMATS))
    assert result.kind == "attendance"
    assert result.records() == expected
    assert result.errors == []
    assert result.warnings == []


def test_the_generator_covers_every_variation():
    facts = [quarter_months.quarter_months(seed)[2] for seed in SEEDS]
    assert {fact["place"] for fact in facts} == {"upper", "title", "bare"}
    assert {fact["periods"] for fact in facts} == {"roman", "arabic", "caps", "halves"}
    assert {fact["subtotal"] for fact in facts} == {None, "period_row", "under_period"}


@pytest.mark.parametrize("seed", range(8))
def test_numbers_counting_a_quarters_own_months_are_no_months(tmp_path, seed):
    sheet, misread = quarter_months.own_numbers(seed)
    try:
        result = parse_file(write_by_seed(tmp_path, "register", sheet, seed, FORMATS))
    except ImportFileError:
        return
    assert not {record.get("date") for record in result.records()} & misread
    assert result.errors or result.warnings


@pytest.mark.parametrize("label, months", [
    ("Quý I", range(1, 4)), ("QUÝ IV", range(10, 13)), ("Quý 2", range(4, 7)), ("Q3", range(7, 10)),
    ("6 tháng đầu năm", range(1, 7)), ("Sáu tháng cuối năm", range(7, 13)),
    ("Quý V", None), ("Tháng 1", None), ("Quý", None), (3, None),
])
def test_period_labels(label, months):
    assert period_months(label) == months


@pytest.mark.parametrize("label, subtotal", [("Cộng", True), ("Tổng", True), ("Cộng quý I", True), ("cong", True),
                                             ("Công tác", False), ("Tống", False), ("Quý I", False)])
def test_subtotal_labels(label, subtotal):
    assert is_subtotal_label(label) is subtotal


def test_three_header_rows_take_the_months_from_the_numbers_under_the_quarters():
    rows = [["SỔ THEO DÕI"], [],
            ["TT", "Họ và tên", "Chi bộ", "Năm 2025", None, None, None, None, None, None, "Ghi chú"],
            [None, None, None, "Quý I", None, None, "Cộng", "Quý II", None, None, None],
            [None, None, None, 1, 2, 3, None, 4, 5, 6, None],
            [1, "Lê Văn An", "Chi bộ Thôn 1", "x", "x", "v", 2, "x", "x", "x", None]]
    table = locate_table(rows, "S", HEADER_SPECS)
    assert table.header_rows == [2, 3, 4]
    assert table.dates[3:10] == ["2025-01-01", "2025-02-01", "2025-03-01", None, "2025-04-01", "2025-05-01",
                                 "2025-06-01"]
    assert table.labels[6] == "Cộng"


def test_a_quarter_row_is_only_seen_through_over_its_own_months():
    upper = [None, "Tháng", None, None, None, None, None]
    quarters = [None, "Quý I", None, None, "Quý II", None, None]
    assert is_period_row(quarters, upper)
    assert len(seen_through([upper, quarters, [None, 1, 2, 3, 4, 5, 6]])) == 2
    assert len(seen_through([upper, quarters, [None, 1, 2, 3, 1, 2, 3]])) == 3
    assert not is_period_row(quarters, [None, "Điểm danh", None, None, None, None, None])


def test_numbers_under_a_half_year_must_be_its_months():
    assert month_and_year("1", "6 tháng cuối năm") is None
    assert month_and_year("7", "6 tháng cuối năm") == (7, None)
    assert month_and_year("1", "6 tháng đầu năm") == (1, None)
    upper = [None, "6 tháng cuối năm", None, None]
    assert months_under([None, 1, 2, 3], upper, [""] + ["6 tháng cuối năm"] * 3) == {}
