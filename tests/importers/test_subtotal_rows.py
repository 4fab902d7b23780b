"""Subtotal rows inside attendance registers are not people (importers.kinds.subtotals)."""
import numpy as np
import pandas as pd
import pytest

from importers.kinds.subtotals import counts_only, counts_only_rows, is_subtotal_name


@pytest.mark.parametrize("value", ["Cộng CB Tổ dân phố 1", "CỘNG", "Tổng cộng", "Tổng số đảng viên", "cộng chi bộ"])
def test_names_opening_with_cong_or_tong_are_subtotals(value):
    assert is_subtotal_name(value)


@pytest.mark.parametrize("value", ["Công Thị Lan", "Tống Văn Hải", "Nguyễn Văn Cộng", None, 3])
def test_names_are_not_subtotals(value):
    assert not is_subtotal_name(value)


@pytest.mark.parametrize("marks, expected", [
    ([4, 4, 3, None, "2"], True), ([1, 1, 1], False), (["x", 3, 4], False), ([5], False), ([None, None], False),
    ([1.0, 2.0], True), ([True, 3], False),
])
def test_counts_only(marks, expected):
    assert counts_only(marks) is expected


def test_counts_only_rows_reads_each_row_as_counts_only_does():
    """Rows read together (values found once each by equality) as each alone: True, 1 and 1.0 are equal values
    but only 1 and 1.0 are counts; None, NaN and NaT are all missing but only None and NaN are blank."""
    rows = [[4, None, "2"], [1, 1, 1], ["x", 3, 4], [5, None, None], [None, None, None], [1.0, 2.0, " "],
            [True, 3, None], [1, 3, None], [3, True, 2], [0, False, 2.0], [pd.NaT, 2, 3], [float("nan"), 2, 3],
            [10**30, 1, None], ["  7 ", "12345", 2], [2.5, 3, 4], [" 1", 1, "0"]]
    expected = [counts_only(row) for row in rows]
    assert any(expected) and not all(expected)
    assert counts_only_rows(np.array(rows, dtype=object)).tolist() == expected
