"""A long register, often a Google Forms export, whose meeting column holds a worded option naming the meeting by
its month and by its full date ("Sinh hoạt tháng 8/2025 - ngày 05/08/2025", "Kỳ họp tháng 9/2025 (ngày
04/09/2025)", "SH chi bộ tháng 10 năm 2025, ngày 06/10/2025", "Tháng 11/2025 - 05/11"): the date is the meeting's
when it lies in the month named (``importers.named_meetings.meeting_value_date``); a date of another month or year,
a day the month lacks, or a name of two months is refused naming the cell. "Dấu thời gian" is when the answer was
sent, never the meeting's date; a month alone reads as it did."""

import datetime as dt

import pytest
from openpyxl import Workbook

from importers import parse_file
from importers.named_meetings import meeting_value_date

HEADER = "Dấu thời gian,Họ và tên,Chi bộ,Buổi sinh hoạt,Điểm danh,Lý do vắng (nếu có)"
PEOPLE = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Thu Dung"]
ANSWERS = [("Có mặt", ""), ("Vắng có lý do", "Ốm"), ("Đến muộn", ""), ("Vắng không lý do", "")]
STATUSES = ["present", "excused", "late", "absent"]


def _form_csv(path, august, september="Sinh hoạt tháng 9/2025 - ngày 09/09/2025"):
    """Answers sent the evening before each meeting (the timestamp's day is never the meeting's)."""
    lines = [HEADER]
    for meeting, sent in ((august, "04/08/2025"), (september, "08/09/2025")):
        for minute, (name, (status, reason)) in enumerate(zip(PEOPLE, ANSWERS)):
            lines.append(f"{sent} 20:{minute:02d}:15,{name},Chi bộ Nông trường Ia Tơ,{meeting},{status},{reason}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _got(result):
    return [(record["date"], record["full_name"], record["status"]) for record in result.records()]


def _want(*days):
    return [(day, name, status) for day in days for name, status in zip(PEOPLE, STATUSES)]


@pytest.mark.parametrize("august", [
    "Sinh hoạt tháng 8/2025 - ngày 05/08/2025",
    "Kỳ họp tháng 8/2025 (ngày 05/08/2025)",
    '"SH chi bộ tháng 8 năm 2025, ngày 05/08/2025"',
    "Tháng 8/2025 - 05/08",
    "Sinh hoạt tháng 8 - ngày 05/08/2025",
    "SINH HOẠT THÁNG 8/2025 – NGÀY 05/08/2025",
    "Sinh hoạt tháng 08/2025: ngày 5-8-2025",
    "Sinh hoạt tháng 8/2025 ngày 5 tháng 8 năm 2025",
])
def test_the_full_date_in_the_option_is_the_meeting_date(tmp_path, august):
    result = parse_file(_form_csv(tmp_path / "f.csv", august))
    assert result.errors == []
    assert _got(result) == _want("2025-08-05", "2025-09-09")
    fields = {column["header"]: column["field"] for column in result.columns_as_dicts()}
    assert fields["Buổi sinh hoạt"] == "date" and fields["Dấu thời gian"] != "date"
    assert fields["Lý do vắng (nếu có)"] in (None, "note")


@pytest.mark.parametrize("august", [
    "Sinh hoạt tháng 8/2025 - ngày 05/09/2025",  # another month
    "Sinh hoạt tháng 8/2025 - ngày 05/08/2024",  # another year
    "Tháng 8/2025 - 05/09",
    "Sinh hoạt tháng 8 - ngày 05/09/2025",
    "Sinh hoạt tháng 8/2025 - ngày 32/08/2025",  # no such day
    "Sinh hoạt tháng 8 và tháng 9/2025 - ngày 05/08/2025",  # two months: which one is unknown
    "Sinh hoạt tháng 8/2025 - ngày 05/08/2025 19:30",
    "Tổng hợp tháng 8/2025 - 05/08",
])
def test_a_near_miss_is_refused_naming_the_cell_never_read_wrong(tmp_path, august):
    result = parse_file(_form_csv(tmp_path / "f.csv", august))
    refused = {(error["row"], error["column"]) for error in result.errors}
    assert refused == {(row, "D") for row in range(2, 6)}
    assert all(august.strip('"') in error["message"] or "05/0" in error["message"] for error in result.errors)
    assert _got(result) == _want("2025-09-09")


def test_a_date_outside_the_month_says_which_month_and_date_clash(tmp_path):
    result = parse_file(_form_csv(tmp_path / "f.csv", "Sinh hoạt tháng 8/2025 - ngày 05/09/2025"))
    message = result.errors[0]["message"]
    assert "tháng 8/2025" in message and "05/09/2025" in message and "không thuộc tháng đó" in message


def test_a_month_alone_reads_as_before(tmp_path):
    month_only = parse_file(_form_csv(tmp_path / "a.csv", "Tháng 08/2025"))
    assert month_only.errors == [] and _got(month_only) == _want("2025-08-01", "2025-09-09")
    worded = parse_file(_form_csv(tmp_path / "b.csv", "Sinh hoạt tháng 8/2025"))
    assert {(error["row"], error["column"]) for error in worded.errors} == {(row, "D") for row in range(2, 6)}
    assert _got(worded) == _want("2025-09-09")


def test_a_form_workbook_with_real_timestamps_reads_the_option_not_the_stamp(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Câu trả lời biểu mẫu 1"
    sheet.append(HEADER.split(","))
    for day, meeting in ((2, "Kỳ họp tháng 10/2025 - ngày 06/10/2025"), (3, "Kỳ họp tháng 11/2025 (ngày 04/11/2025)")):
        for minute, (name, (status, reason)) in enumerate(zip(PEOPLE, ANSWERS)):
            sheet.append([dt.datetime(2025, 12, day, 9, minute), name, "Chi bộ Khu 3", meeting, status, reason or None])
    book.save(tmp_path / "f.xlsx")
    result = parse_file(tmp_path / "f.xlsx")
    assert result.errors == []
    assert _got(result) == _want("2025-10-06", "2025-11-04")


@pytest.mark.parametrize(("value", "date"), [
    ("Sinh hoạt tháng 8/2025 - ngày 05/08/2025", dt.date(2025, 8, 5)),
    ("Kỳ họp tháng 9/2025 (ngày 04/09/2025)", dt.date(2025, 9, 4)),
    ("SH chi bộ tháng 10 năm 2025, ngày 06/10/2025", dt.date(2025, 10, 6)),
    ("Tháng 11/2025 - 05/11", dt.date(2025, 11, 5)),
    ("Sinh hoạt thường kỳ tháng 5/2025 (ngày 13/05)", dt.date(2025, 5, 13)),
])
def test_meeting_value_date_reads_the_family(value, date):
    assert meeting_value_date(value) == (date, None)


@pytest.mark.parametrize("value", ["Sinh hoạt tháng 8/2025", "Sinh hoạt ngày 05/08/2025", "Tháng 8/2025, từ ngày 05/08",
                                   "Giao ban T2 - ngày 05/08/2025", "Sinh hoạt tháng 8 - ngày 05/08",
                                   "Tháng 8 và tháng 9/2025 - ngày 05/08/2025", "Sinh hoạt tháng 8/2025 - 2 buổi"])
def test_meeting_value_date_leaves_other_cells_alone(value):
    assert meeting_value_date(value) is None


@pytest.mark.parametrize("value", ["tháng 8/2025 - ngày 05/09/2025", "Tháng 2/2025 - 30/02", "Tháng 8 - 05/09/2025"])
def test_meeting_value_date_refuses_a_clash(value):
    date, problem = meeting_value_date(value)
    assert date is None and problem
