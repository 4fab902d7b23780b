"""A register kept one sheet per meeting whose date line has a bracketed qualifier on its label and the date in a
later cell of the row ("Thời gian (ngày họp):" | 11/03/2025, "Ngày (họp):" | …: ``importers.sheet_context``; the
label's own 'ngày' writes no day: ``importers.date_sentences``), beside sheets stating the date in their line; and a
long register's date cell naming its meeting with the month and year in the name and the day/month in brackets, as a
Google Form's option text ("Sinh hoạt thường kỳ tháng 5/2025 (ngày 13/05)": ``importers.named_meetings``), whose
"Dấu thời gian" is when the answer was sent, not the meeting. A day/month outside the month named is refused, naming
the cell."""

import datetime as dt

import pytest
from openpyxl import Workbook

from importers import parse_file

PEOPLE = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường"]


def _per_meeting(path, label):
    book = Workbook()
    book.remove(book.active)
    lines = {"SH 1": ["Thời gian: 16 giờ 30, thứ Ba, ngày 14 tháng 01 năm 2025"],
             "SH 2": [label, dt.datetime(2025, 3, 11)],
             "SH 3": ["Thời gian: 16g30, thứ Ba 15-4-2025"]}
    for tab, line in lines.items():
        sheet = book.create_sheet(tab)
        sheet.append(["Đơn vị: Chi bộ Trường THCS Phú Lâm"])
        sheet.append(["BIÊN BẢN ĐIỂM DANH SINH HOẠT CHI BỘ"])
        sheet.append(line)
        sheet.append(["Địa điểm: Phòng họp Hội đồng sư phạm"])
        sheet.append(["TT", "Họ và tên", "Điểm danh"])
        for index, name in enumerate(PEOPLE):
            sheet.append([index + 1, name, "Vắng có phép" if index == 2 else "Có mặt"])
    book.save(path)


@pytest.mark.parametrize("label", ["Thời gian (ngày họp):", "Ngày (họp):", "Thời gian [ngày sinh hoạt]:"])
def test_a_labels_bracketed_qualifier_is_part_of_the_label(tmp_path, label):
    _per_meeting(tmp_path / "f.xlsx", label)
    result = parse_file(tmp_path / "f.xlsx")
    assert result.errors == []
    got = sorted((record["date"], record["full_name"], record["status"]) for record in result.records())
    assert got == sorted((day, name, "excused" if index == 2 else "present")
                         for day in ("2025-01-14", "2025-03-11", "2025-04-15") for index, name in enumerate(PEOPLE))
    assert {record["unit"] for record in result.records()} == {"Chi bộ Trường THCS Phú Lâm"}


def _form(path, june_day="10/06"):
    book = Workbook()
    sheet = book.active
    sheet.title = "Câu trả lời biểu mẫu 1"
    sheet.append(["Dấu thời gian", "Họ và tên", "Chi bộ", "Buổi sinh hoạt", "Tình hình tham dự", "Lý do (nếu vắng)"])
    rows = [(dt.datetime(2025, 5, 11, 8, 5), PEOPLE[0], "Sinh hoạt thường kỳ tháng 5/2025 (ngày 13/05)",
             "Xin vắng (có lý do)", "Đi công tác"),
            (dt.datetime(2025, 5, 13, 19, 2), PEOPLE[1], "Sinh hoạt thường kỳ tháng 5/2025 (ngày 13/05)", "Có mặt",
             None),
            (dt.datetime(2025, 5, 13, 19, 40), PEOPLE[2], "Sinh hoạt thường kỳ tháng 5/2025 (ngày 13/05)",
             "Có mặt nhưng đến trễ", None),
            (dt.datetime(2025, 6, 10, 19, 1), PEOPLE[0], f"Sinh hoạt thường kỳ tháng 6/2025 (ngày {june_day})",
             "Có mặt", None),
            (dt.datetime(2025, 6, 10, 19, 3), PEOPLE[1], f"Sinh hoạt thường kỳ tháng 6/2025 (ngày {june_day})",
             "Có mặt", None)]
    for when, name, meeting, status, reason in rows:
        sheet.append([when, name, "Chi bộ Khu phố 4", meeting, status, reason])
    book.save(path)


def test_a_form_options_meeting_name_gives_its_date_and_the_statuses_read(tmp_path):
    _form(tmp_path / "f.xlsx")
    result = parse_file(tmp_path / "f.xlsx")
    assert result.errors == []
    got = [(record["date"], record["full_name"], record["status"]) for record in result.records()]
    assert got == [("2025-05-13", PEOPLE[0], "excused"), ("2025-05-13", PEOPLE[1], "present"),
                   ("2025-05-13", PEOPLE[2], "late"), ("2025-06-10", PEOPLE[0], "present"),
                   ("2025-06-10", PEOPLE[1], "present")]


@pytest.mark.parametrize("june_day", ["10/07", "31/06", "10/06/2024"])
def test_a_day_outside_the_month_named_is_refused_naming_the_cell(tmp_path, june_day):
    _form(tmp_path / "f.xlsx", june_day)
    result = parse_file(tmp_path / "f.xlsx")
    cells = {(error["row"], error["column"]) for error in result.errors}
    assert {(5, "D"), (6, "D")} <= cells
    assert all("không thuộc tháng đó" in error["message"] or "không có thật" in error["message"]
               for error in result.errors)
    assert not [record for record in result.records() if record["date"] not in ("2025-05-13",)]
