"""A labelled unit line carrying the period it covers names only the unit (importers.sheet_context)."""
import pytest

from importers.sheet_context import title_unit


@pytest.mark.parametrize("line, unit", [
    ("Đơn vị: Chi bộ Tổ dân phố 7 - Thời gian: từ tháng 7/2025 đến tháng 3/2026", "Chi bộ Tổ dân phố 7"),
    ("Đơn vị: Chi bộ Thôn Đông; Năm 2025", "Chi bộ Thôn Đông"),
    ("Chi bộ: Khu phố 1 – tháng 3/2025", "Chi bộ Khu phố 1"),
    ("Đơn vị: Chi bộ Tổ dân phố 5 - 2025", "Chi bộ Tổ dân phố 5"),
    ("Đơn vị: Chi bộ Thôn 3, xã An Phú", "Chi bộ Thôn 3, xã An Phú"),
    ("Đơn vị: Chi bộ Tổ 1-2", "Chi bộ Tổ 1-2"),
])
def test_the_period_after_a_labelled_unit_is_not_its_name(line, unit):
    assert title_unit([(3, line)]).value == unit
