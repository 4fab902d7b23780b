"""Registers whose dates are written with words around them: a long register's date cell with a remark in brackets
after the date ("20/8/2025 (họp bất thường)") reads as that date, as a header's does; a meeting column headed by the
meeting's name and its day/month in brackets ("HN bất thường\\n(25/11)", "Chuyên đề (12/5)") beside the numbered
meetings is a meeting (``importers.named_meetings``), while a totals column so written is not; a unit written with a
one-letter abbreviation and its dot ("CB Công an P.") is written out through the note ("P. = phường":
``importers.unit_abbreviations``)."""

import csv

import pytest
import xlwt

from importers import parse_file


def _long_csv(path, remark):
    rows = [["SỔ ĐIỂM DANH SINH HOẠT CHI BỘ TỔ DÂN PHỐ 11", "", "", ""],
            ["Năm 2025", "", "", ""],
            ["", "", "", ""],
            ["Ngày họp", "STT", "Họ và tên", "Điểm danh"],
            ["08/7/2025", "1", "Mai Thanh Đạt", "Có mặt"],
            ["", "2", "Ngô Công Dũng", "Vắng"],
            ["", "3", "Trần Thị Linh", "Có mặt"],
            [f"20/8/2025 {remark}", "1", "Mai Thanh Đạt", "Có mặt"],
            ["", "2", "Ngô Công Dũng", "Có mặt"],
            ["", "3", "Trần Thị Linh", "Vắng"]]
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)


@pytest.mark.parametrize("remark", ["(họp bất thường)", "(chuyên đề)", "[đột xuất]"])
def test_a_long_registers_date_with_a_remark_after_it_is_the_date(tmp_path, remark):
    _long_csv(tmp_path / "f.csv", remark)
    result = parse_file(tmp_path / "f.csv")
    assert result.errors == []
    dates = [record["date"] for record in result.records()]
    assert dates == ["2025-07-08"] * 3 + ["2025-08-20"] * 3
    assert [record["status"] for record in result.records()][3:] == ["present", "present", "absent"]


def _conference_xls(path, last_header, units=("CB TDP 3", "CB Công an P.", "CB TDP 14")):
    book = xlwt.Workbook()
    sheet = book.add_sheet("BCH")
    sheet.write(0, 0, "SỔ THEO DÕI ĐẢNG ỦY VIÊN DỰ HỘI NGHỊ BCH ĐẢNG BỘ - NĂM 2025")
    for col, text in enumerate(["TT", "Họ tên", "SH tại"]):
        sheet.write_merge(2, 3, col, col, text)
    sheet.write_merge(2, 2, 3, 5, "Hội nghị BCH")
    for col, text in enumerate(["Lần 1\n(03/7)", "Lần 2\n(12/8)", last_header], start=3):
        sheet.write(3, col, text)
    people = [("Trương Văn Cường", "c", "c", "vp"), ("Châu Thị Minh Ngân", "c", "m", "c"),
              ("Tôn Nữ Diệu Quỳnh", "vk", "c", "c")]
    for index, (name, *marks) in enumerate(people):
        sheet.write(4 + index, 0, index + 1)
        sheet.write(4 + index, 1, name)
        sheet.write(4 + index, 2, units[index])
        for col, mark in enumerate(marks, start=3):
            sheet.write(4 + index, col, mark)
    sheet.write(8, 0, "Ký hiệu: c = có mặt; vp = vắng có phép; vk = vắng không phép; m = đến muộn.")
    sheet.write(9, 0, "Viết tắt: BCH = Ban Chấp hành; CB = Chi bộ; TDP = Tổ dân phố; P. = phường; HN = hội nghị.")
    book.save(str(path))


@pytest.mark.parametrize("header", ["HN bất thường\n(25/11)", "Chuyên đề (25/11)", "Họp đột xuất\n(25/11)"])
def test_a_meeting_named_with_its_day_and_month_beside_the_numbered_ones_is_a_meeting(tmp_path, header):
    _conference_xls(tmp_path / "f.xls", header)
    result = parse_file(tmp_path / "f.xls")
    assert result.errors == []
    last = [(record["full_name"], record["status"]) for record in result.records() if record["date"] == "2025-11-25"]
    assert last == [("Trương Văn Cường", "excused"), ("Châu Thị Minh Ngân", "present"),
                    ("Tôn Nữ Diệu Quỳnh", "present")]
    assert not [w for w in result.warnings if "chưa dùng" in w["message"]]


def test_a_totals_column_with_a_bracketed_date_is_no_meeting(tmp_path):
    _conference_xls(tmp_path / "f.xls", "Tổng cộng\n(25/11)")
    result = parse_file(tmp_path / "f.xls")
    assert "2025-11-25" not in {record["date"] for record in result.records()}


def test_a_one_letter_abbreviation_with_its_dot_is_written_out_through_the_note(tmp_path):
    _conference_xls(tmp_path / "f.xls", "HN bất thường\n(25/11)")
    units = {record["full_name"]: record["unit"] for record in parse_file(tmp_path / "f.xls").records()}
    assert units == {"Trương Văn Cường": "Chi bộ Tổ dân phố 3", "Châu Thị Minh Ngân": "Chi bộ Công an phường",
                     "Tôn Nữ Diệu Quỳnh": "Chi bộ Tổ dân phố 14"}
