"""A register kept one sheet per month, the month's one or two real meeting dates across under a merged
'Ngày sinh hoạt' (a regular and a thematic meeting), a totals column after them, a newcomer from a later month:
every sheet is read, whatever the tab names and the date label's wording."""
import datetime as dt

import pytest
from openpyxl import Workbook

from importers import parse_file

PEOPLE = ["Lê Quang Huy", "Trần Thị Phương", "Chu Hồng Mai"]
MONTHS = {1: [4, 20], 2: [3], 3: [6, 19]}
MARKS = ["x", "P", "K", "M"]
STATUS = {"x": "present", "P": "excused", "K": "absent", "M": "late"}


WRITTEN = {"date": lambda day: day, "day/month": lambda day: day.strftime("%d/%m"),
           "text": lambda day: day.strftime("%d/%m/%Y")}


def _book(path, tab, label, totals, written="date"):
    book = Workbook()
    book.remove(book.active)
    expected = []
    for month, days in MONTHS.items():
        sheet = book.create_sheet(tab.format(m=month))
        people = PEOPLE + (["Ngô Văn Tới"] if month >= 3 else [])  # a newcomer from March
        sheet.append(["ĐẢNG BỘ PHƯỜNG BẮC HỒNG"])
        sheet.append(["Chi bộ Tổ dân phố 5"])
        sheet.append([f"THEO DÕI SINH HOẠT CHI BỘ THÁNG {month}/2025"])
        sheet.append(["STT", "Họ và tên", label] + [None] * (len(days) - 1) + [totals, "Ghi chú"])
        sheet.append([None, None] + [WRITTEN[written](dt.datetime(2025, month, day)) for day in days])
        for number, name in enumerate(people, 1):
            marks = [MARKS[(number + month + i) % 4] for i in range(len(days))]
            sheet.append([number, name, *marks, sum(mark in "PK" for mark in marks),
                          "Chuyển đến từ tháng 3" if name == "Ngô Văn Tới" and month == 3 else None])
            expected += [(name, f"2025-{month:02d}-{day:02d}", STATUS[mark]) for day, mark in zip(days, marks)]
        sheet.append([])
        sheet.append(["Ký hiệu: x - có mặt; P - vắng có phép; K - vắng không phép; M - đi muộn"])
        last = 2 + len(days)
        sheet.merge_cells(start_row=4, end_row=4, start_column=3, end_column=last)
        for column in (1, 2, last + 1, last + 2):
            sheet.merge_cells(start_row=4, end_row=5, start_column=column, end_column=column)
    book.save(path)
    return expected


@pytest.mark.parametrize("tab, label, totals", [
    ("T{m}.2025", "Ngày sinh hoạt", "Số buổi vắng"),
    ("Tháng 0{m}", "Ngày họp", "Tổng số buổi vắng"),
    ("0{m}-2025", "Buổi sinh hoạt", "Số lần vắng"),
])
def test_one_sheet_per_month_with_one_or_two_meeting_dates(tmp_path, tab, label, totals):
    expected = _book(tmp_path / "r.xlsx", tab, label, totals)
    result = parse_file(tmp_path / "r.xlsx")
    assert result.kind == "attendance" and not result.errors
    assert result.sheet == [tab.format(m=month) for month in MONTHS]
    got = [(r["full_name"], r["date"], r["status"]) for r in result.records()]
    assert sorted(got) == sorted(expected)
    assert {r["unit"] for r in result.records()} == {"Chi bộ Tổ dân phố 5"}


@pytest.mark.parametrize("written", ["day/month", "text"])
def test_month_sheets_with_meeting_dates_written_as_text(tmp_path, written):
    expected = _book(tmp_path / "r.xlsx", "Tháng 0{m}", "Ngày sinh hoạt", "Số buổi vắng", written)
    result = parse_file(tmp_path / "r.xlsx")
    assert result.kind == "attendance" and not result.errors
    assert sorted((r["full_name"], r["date"], r["status"]) for r in result.records()) == sorted(expected)
