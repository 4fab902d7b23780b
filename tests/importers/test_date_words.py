"""Meeting dates and month headers in the wordings offices use (importers.date_words)."""
import datetime as dt

import pytest

from importers.date_words import (
    day_under_month,
    meeting_date_in_titles,
    meeting_days,
    month_and_year,
    read_meeting_date,
    stated_year,
    weekday_of,
)


@pytest.mark.parametrize("text, expected", [
    ("Thứ Hai, 06/01/2025", dt.date(2025, 1, 6)),
    ("Thứ 2, 06/01/2025", dt.date(2025, 1, 6)),
    ("T2, 06/01/2025", dt.date(2025, 1, 6)),
    ("Thứ Năm, 10/04/2025", dt.date(2025, 4, 10)),
    ("CN 05/01/2025", dt.date(2025, 1, 5)),
    ("Chủ nhật, ngày 05/01/2025", dt.date(2025, 1, 5)),
    ("06/01/2025 (Thứ Hai)", dt.date(2025, 1, 6)),
    ("ngày 7 tháng 3 năm 2025", dt.date(2025, 3, 7)),
    ("Ngày 07 tháng 03 năm 2025", dt.date(2025, 3, 7)),
    ("07-03-25", dt.date(2025, 3, 7)),
    ("7.3.2025", dt.date(2025, 3, 7)),
    ("2025-03-07", dt.date(2025, 3, 7)),
    ("19h30 Thứ Hai, 06/01/2025", dt.date(2025, 1, 6)),
    ("06/01/2025 - 19h30", dt.date(2025, 1, 6)),
    ("Sáng 06/01/2025", dt.date(2025, 1, 6)),
])
def test_meeting_dates_in_words_read_exactly(text, expected):
    read = read_meeting_date(text)
    assert (read.date, read.problem, read.warning) == (expected, None, None)


def test_a_date_without_its_year_takes_the_sheets_year_and_says_so():
    read = read_meeting_date("07/3", year=2024)
    assert read.date == dt.date(2024, 3, 7) and read.year_added
    assert read_meeting_date("07/3").problem and read_meeting_date("07/3").date is None


def test_a_weekday_that_contradicts_the_date_is_a_warning_and_the_digits_win():
    read = read_meeting_date("Thứ Ba, 06/01/2025")
    assert read.date == dt.date(2025, 1, 6)
    assert "Thứ Hai" in read.warning


@pytest.mark.parametrize("text", ["hôm qua", "31/02/2025", "Thứ Hai", "Thứ Hai, 06/01/2025 họp chi bộ", "Quý I"])
def test_text_that_is_not_a_date_is_a_problem(text):
    read = read_meeting_date(text, year=2025)
    assert read.date is None and read.problem


@pytest.mark.parametrize("word, weekday", [("thu hai", 0), ("thu tu", 2), ("thu 7", 5), ("t5", 3), ("cn", 6),
                                           ("chu nhat", 6), ("thu nam", 3)])
def test_weekday_words(word, weekday):
    assert weekday_of(word) == weekday


@pytest.mark.parametrize("label, expected", [
    ("01/2025", (1, 2025)), ("1/2025", (1, 2025)), ("12-2024", (12, 2024)), ("T01", (1, None)), ("T1", (1, None)),
    ("Th.1", (1, None)), ("Thg 1", (1, None)), ("Thg.11", (11, None)), ("Tháng 01/2025", (1, 2025)),
    ("Tháng 1 năm 2024", (1, 2024)), ("T1/25", (1, 2025)), ("2025-03", (3, 2025)), ("THÁNG 12", (12, None)),
    ("Tháng IV", (4, None)), ("THÁNG XII năm 2024", (12, 2024)),
])
def test_month_headers_and_their_year(label, expected):
    assert month_and_year(label) == expected


@pytest.mark.parametrize("label", ["Quý I", "Quý 1", "Jan", "13/2025", "Tỷ lệ %", "Số buổi dự", "Cộng", "2025",
                                   "Năm 2025", "T13", "Tháng XIII"])
def test_labels_that_are_not_months(label):
    assert month_and_year(label) is None


def test_a_bare_number_is_a_month_only_under_a_thang_header():
    assert month_and_year("3", "Tháng") == (3, None)
    assert month_and_year("3", "Số buổi") is None


def test_the_stated_year_leaves_out_the_place_and_date_line():
    titles = ["Hà Nội, ngày 05 tháng 01 năm 2026", "BẢNG THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"]
    assert stated_year(titles) == 2025
    assert stated_year(["Hà Nội, ngày 05 tháng 01 năm 2026"]) is None


@pytest.mark.parametrize("label, parent, year, expected", [
    ("Ngày 5", "Tháng 1/2025", None, dt.date(2025, 1, 5)),
    ("20", "T3", 2024, dt.date(2024, 3, 20)),
    ("06/01", "", 2025, dt.date(2025, 1, 6)),
    ("T2 06/01", "Ngày sinh hoạt", 2025, dt.date(2025, 1, 6)),
    ("06/01", "", None, None),
    ("Ngày 31", "Tháng 2/2025", None, None),
    ("Ngày 5", "Họ và tên", 2025, None),
    ("5", "Tháng", 2025, None),
])
def test_days_under_a_month_and_day_month_headers(label, parent, year, expected):
    assert day_under_month(label, parent, year) == expected


def test_a_lone_day_month_label_is_not_a_meeting():
    assert meeting_days(["Họ và tên", "1/2"], ["", ""], [None, None], 2025) == [None, None]
    assert meeting_days(["06/01", "03/02", "03/03"], [""] * 3, [None] * 3, 2025) == [
        "2025-01-06", "2025-02-03", "2025-03-03"]


@pytest.mark.parametrize("titles, expected", [
    (["Thời gian: Thứ Sáu, ngày 03/01/2025; Địa điểm: Nhà văn hóa"], dt.date(2025, 1, 3)),
    (["Thời gian: 19h30 ngày 7 tháng 3 năm 2025"], dt.date(2025, 3, 7)),
    (["Hồng Lĩnh, ngày 15 tháng 1 năm 2025", "Thời gian: ngày 03/01/2025"], dt.date(2025, 1, 3)),
    (["Hồng Lĩnh, ngày 15 tháng 1 năm 2025"], None),
    (["Thời gian: ngày 03/01/2025 và ngày 17/01/2025"], None),
])
def test_the_meeting_date_a_title_line_states(titles, expected):
    assert meeting_date_in_titles(titles) == expected


@pytest.mark.parametrize("text, expected", [
    ("05/08/2025 19:30", dt.date(2025, 8, 5)), ("5/8/2025 7:05:00", dt.date(2025, 8, 5)),
    ("05/08/2025 lúc 19:30", dt.date(2025, 8, 5)),
])
def test_a_date_with_its_clock_time_gives_the_date(text, expected):
    assert read_meeting_date(text).date == expected


@pytest.mark.parametrize("text", ["05/08/2025 25:30", "05/08/2025 19:75"])
def test_a_date_with_an_impossible_clock_time_is_a_problem(text):
    assert read_meeting_date(text).problem is not None
