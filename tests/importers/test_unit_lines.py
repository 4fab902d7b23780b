"""The chi bộ a sheet names on a line of its own (importers.unit_lines)."""
import pytest

from importers.unit_lines import unit_in_lines


@pytest.mark.parametrize("rows, expected", [
    ([["CHI BỘ KHU PHỐ 1"], ["Đơn vị: Chi bộ Khu phố 1"], ["STT", "Họ và tên"]], "Chi bộ Khu phố 1"),
    ([["STT", "Họ và tên"], [1, "Lê Văn An"], ["", "Chi bộ: Chi bộ Khu phố 3"]], "Chi bộ Khu phố 3"),
    ([["Chi bộ: Thôn Yên Thịnh"]], "Chi bộ Thôn Yên Thịnh"),
    ([["Đơn vị: ĐẢNG BỘ PHƯỜNG AN LẠC"]], "Đảng bộ phường An Lạc"),
    ([["Đơn vị: Phòng Nội vụ"]], None),
    ([["Chi bộ: Chi bộ Thôn 1"], ["Chi bộ: Chi bộ Thôn 2"]], None),
    ([["Ghi chú: x - có mặt; P - vắng có phép"]], None),
])
def test_unit_lines(rows, expected):
    assert unit_in_lines(rows) == expected
