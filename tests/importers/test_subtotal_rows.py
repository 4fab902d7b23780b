"""Subtotal rows inside attendance registers are not people (importers.kinds.subtotals)."""
import pytest

from importers.kinds.subtotals import counts_only, is_subtotal_name


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
