"""A long register (one row per person and meeting) whose meeting column holds the month ('Kỳ sinh hoạt':
'Tháng 03/2025'): each row is the 1st of that month. Status words 'Dự / Vắng (CP) / Vắng (KP) / Dự muộn' with a
legend line explaining 'Dự muộn = đến sau giờ khai mạc' (no mark 'Dự' of 'muộn')."""

import datetime as dt

import pytest

from importers import parse_file
from importers.date_words import NO_YEAR, read_meeting_month
from importers.legends import parse_legend

ROWS = (("Tháng 01/2025", "Chi bộ Công an xã", "Lê Văn An", "Dự", ""),
        ("Tháng 01/2025", "Chi bộ Công an xã", "Trần Thị Bình", "Dự muộn", ""),
        ("Tháng 01/2025", "Chi bộ Quân sự xã", "Phạm Văn Cường", "Vắng (CP)", '"Đi công tác, có báo cáo"'),
        ("Tháng 02/2025", "Chi bộ Công an xã", "Lê Văn An", "Vắng (KP)", ""),
        ("Tháng 02/2025", "Chi bộ Công an xã", "Trần Thị Bình", "Dự", ""),
        ("Tháng 02/2025", "Chi bộ Quân sự xã", "Phạm Văn Cường", "Dự", ""))
STATUSES = {"Dự": "present", "Dự muộn": "late", "Vắng (CP)": "excused", "Vắng (KP)": "absent"}


def test_month_texts_in_a_long_register_read_as_the_first_of_the_month(tmp_path):
    lines = ["TỔNG HỢP ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ", "Kỳ sinh hoạt,Chi bộ,Họ và tên,Tham dự,Ghi chú"]
    lines += [",".join(row) for row in ROWS]
    lines += ["", '"Ghi chú: CP = có phép, KP = không phép; Dự muộn = đến sau giờ khai mạc"']
    path = tmp_path / "register.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig")
    result = parse_file(str(path))
    assert result.kind == "attendance"
    assert result.errors == []
    assert result.records() == [
        {"full_name": name, "date": f"2025-{month[6:8]}-01", "status": STATUSES[status], "unit": unit}
        for month, unit, name, status, _ in ROWS]


@pytest.mark.parametrize("value, year, date, added", [
    ("Tháng 03/2025", None, dt.date(2025, 3, 1), False), ("tháng 3 năm 2025", None, dt.date(2025, 3, 1), False),
    ("Tháng 3", 2024, dt.date(2024, 3, 1), True),
])
def test_read_meeting_month(value, year, date, added):
    read = read_meeting_month(value, year)
    assert (read.date, read.year_added) == (date, added)


@pytest.mark.parametrize("value", ["T3", "Tháng 13/2025", "10/03/2025", "Kỳ 1", 3])
def test_other_values_are_no_meeting_month(value):
    assert read_meeting_month(value, 2025) is None


def test_a_month_without_any_year_is_a_problem():
    assert read_meeting_month("Tháng 3", None).problem == NO_YEAR


def test_a_legend_explaining_status_words_gives_no_mark_of_their_first_word():
    assert parse_legend("Ghi chú: CP = có phép, KP = không phép; Dự muộn = đến sau giờ khai mạc") == {
        "cp": "excused", "kp": "absent"}
    assert parse_legend("X có mặt; P vắng có phép") == {"x": "present", "p": "excused"}
