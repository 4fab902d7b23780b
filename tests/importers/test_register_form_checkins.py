"""Check-in answers exported from a form (generated): a form whose questions name a person, a chi bộ and an
attendance answer is a register; without a date question each answer's meeting date is its timestamp's day (the
office's wall clock), and a person answering twice for one meeting counts with the later answer, with a warning
naming both rows."""

import datetime as dt

import pytest
from layouts import form_checkins
from layouts.sheet import Sheet
from layouts.writers import write_one_sheet

from importers import parse_file
from importers.kinds.form_answers import stamp_date

SEEDS = range(16)


@pytest.mark.parametrize("seed", SEEDS)
def test_form_checkins_are_a_register_dated_by_their_timestamps(tmp_path, seed):
    as_text = seed % 2 == 1
    sheet, expected, (first, later) = form_checkins.build(seed, as_text)
    result = parse_file(write_one_sheet(tmp_path, "checkin", sheet, as_text))
    assert (result.kind, result.header_row) == ("attendance", 1)
    assert result.errors == []
    assert result.records() == expected
    twice = [w for w in result.warnings if "hai lần" in w["message"]]
    assert len(twice) == 1 and f"dòng {first} " in twice[0]["message"] and f"dòng {later} " in twice[0]["message"]
    assert not any("Dấu thời gian" in w["message"] and "chưa dùng" in w["message"] for w in result.warnings)
    assert not any("không có đánh dấu" in w["message"] for w in result.warnings)
    outcomes = result.row_frame.set_index("row")["outcome"]
    assert outcomes[first] == "skipped" and outcomes[later] == "record"


@pytest.mark.parametrize("value, day", [
    (dt.datetime(2026, 1, 7, 19, 1, 6), dt.date(2026, 1, 7)),
    ("07/01/2026 19:01:06", dt.date(2026, 1, 7)),
    ("2026-01-07 7:01:06 CH", dt.date(2026, 1, 7)),
    ("2026-01-07 23:30:00 GMT+7", dt.date(2026, 1, 7)),
    ("2026-01-07T18:30:00Z", dt.date(2026, 1, 8)),  # 01:30 the next day at the office
    ("2026-01-07 23:30:00 +00:00", dt.date(2026, 1, 8)),
])
def test_a_timestamp_gives_the_office_day(value, day):
    assert stamp_date(value) == day


def test_a_date_question_wins_over_the_timestamp(tmp_path):
    sheet = Sheet("Câu trả lời biểu mẫu 1", width=5)
    for row in [["Dấu thời gian", "Họ và tên", "Chi bộ", "Ngày sinh hoạt", "Xác nhận tham dự"],
                [dt.datetime(2026, 1, 8, 8, 0), "Nguyễn Văn An", "Chi bộ Thôn 3", "07/01/2026", "Có mặt"],
                [dt.datetime(2026, 1, 8, 8, 5), "Trần Thị Bình", "Chi bộ Thôn 3", "07/01/2026", "Đến muộn"]]:
        sheet.add(row)
    result = parse_file(write_one_sheet(tmp_path, "checkin", sheet, False))
    assert result.errors == []
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == [
        ("Nguyễn Văn An", "2026-01-07", "present"), ("Trần Thị Bình", "2026-01-07", "late")]


def test_a_roster_form_with_a_timestamp_stays_a_roster(tmp_path):
    sheet = Sheet("Câu trả lời biểu mẫu 1", width=5)
    for row in [["Dấu thời gian", "Họ và tên", "Chức vụ", "Đoàn công tác số", "Chi bộ được phân công"],
                [dt.datetime(2026, 1, 8, 8, 0), "Nguyễn Văn An", "Chuyên viên", "1", "Chi bộ Thôn 3"],
                [dt.datetime(2026, 1, 8, 8, 5), "Trần Thị Bình", "Cán bộ", "2", "Chi bộ Thôn 4"]]:
        sheet.add(row)
    assert parse_file(write_one_sheet(tmp_path, "form", sheet, False)).kind == "roster"


def test_an_unreadable_timestamp_is_an_error_not_a_guess(tmp_path):
    sheet = Sheet("Câu trả lời biểu mẫu 1", width=4)
    for row in [["Dấu thời gian", "Họ và tên", "Chi bộ sinh hoạt", "Xác nhận tham dự"],
                ["07/01/2026 19:01:06", "Nguyễn Văn An", "Chi bộ Thôn 3", "Có mặt"],
                ["hôm qua", "Trần Thị Bình", "Chi bộ Thôn 3", "Có mặt"]]:
        sheet.add(row)
    result = parse_file(write_one_sheet(tmp_path, "checkin", sheet, True))
    assert [r["full_name"] for r in result.records()] == ["Nguyễn Văn An"]
    assert [e["row"] for e in result.errors] == [3]


def _checkins(stamps: list[str]) -> Sheet:
    sheet = Sheet("Form Responses 1", width=4)
    sheet.add(["Timestamp", "Họ và tên", "Chi bộ sinh hoạt", "Xác nhận tham dự"])
    for number, stamp in enumerate(stamps):
        sheet.add([stamp, f"Nguyễn Văn {'ABCDEFGH'[number]}", "Chi bộ Thôn 3", "Có mặt"])
    return sheet


@pytest.mark.parametrize("stamps, dates, warned", [
    (["1/7/2026 19:01:06", "1/13/2026 19:02:00"], ["2026-01-07", "2026-01-13"], False),  # month first: 13 says so
    (["7/1/2026 19:01:06", "13/1/2026 19:02:00"], ["2026-01-07", "2026-01-13"], False),
    (["1/7/2026 19:01:06", "1/8/2026 19:02:00", "2/3/2026 19:03:00"],  # only month-first keeps the rows in order
     ["2026-01-07", "2026-01-08", "2026-02-03"], False),
    (["3/4/2026 19:01:06", "3/4/2026 19:02:00"], ["2026-04-03", "2026-04-03"], True),
])
def test_text_timestamps_day_or_month_first(tmp_path, stamps, dates, warned):
    result = parse_file(write_one_sheet(tmp_path, "checkin", _checkins(stamps), True))
    assert result.errors == []
    assert [r["date"] for r in result.records()] == dates
    assert any("tháng/ngày" in w["message"] for w in result.warnings) == warned
