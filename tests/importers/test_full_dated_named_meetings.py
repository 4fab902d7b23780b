"""A register whose meeting columns are headed by any meeting's name with its full date inside, in brackets or
after "ngày" ("Giao ban tháng 7\\n(ngày 28/7/2025)", "Hội nghị BCH lần 3 - ngày 05/3/2025", "Sinh hoạt chuyên
đề (12/5/2025)"), is a register, each column that meeting (``importers.named_meetings``); its working-group column
("Đoàn") is no unit and is left aside with the unused-column warning. A name whose month or quarter the date is not
in, or a roster's "Ngày vào Đảng (dd/mm/yyyy)", is no meeting."""

import openpyxl
import pytest

from importers import ImportFileError, parse_file
from importers.named_meetings import named_date

PEOPLE = [("Đ/c Hà Thị Lan", "Đoàn 1", ["x", "M", "x"]), ("Đ/c Vi Thị Nguyệt", "Đoàn 1", ["x", "P", "K"]),
          ("Đ/c Lù Thị Chúa", "Đoàn 2", ["P", "x", "x"])]


def _register(path, headers):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Giao ban"
    sheet.append(["THEO DÕI THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC DỰ GIAO BAN"])
    sheet.append([])
    sheet.append(["STT", "Họ và tên", "Đoàn", *headers, "Ghi chú"])
    for index, (name, group, marks) in enumerate(PEOPLE, start=1):
        sheet.append([index, name, group, *marks, None])
    sheet.append([])
    sheet.append([None, "Ghi chú: x = có mặt; P = vắng có phép; K = vắng không phép; M = đến muộn"])
    book.save(path)


@pytest.mark.parametrize("headers, dates", [
    (["Giao ban tháng 7\n(ngày 28/7/2025)", "Giao ban tháng 8\n(ngày 27/8/2025)", "Giao ban quý III (ngày 25/9/2025)"],
     ["2025-07-28", "2025-08-27", "2025-09-25"]),
    (["Hội nghị BCH lần 3 - ngày 05/3/2025", "Hội nghị BCH lần 4 - ngày 10/4/2025", "Hội nghị BCH lần 5 ngày 8/5/2025"],
     ["2025-03-05", "2025-04-10", "2025-05-08"]),
    (["Sinh hoạt chuyên đề (12/5/2025)", "Sinh hoạt thường kỳ [ngày 10/6/2025]", "Họp đột xuất (02/7/2025)"],
     ["2025-05-12", "2025-06-10", "2025-07-02"]),
])
def test_meetings_named_with_their_full_date_make_a_register(tmp_path, headers, dates):
    _register(tmp_path / "f.xlsx", headers)
    result = parse_file(tmp_path / "f.xlsx")
    assert result.kind == "attendance"
    assert result.errors == []
    records = result.records()
    assert sorted({record["date"] for record in records}) == dates
    first = [(record["date"], record["status"]) for record in records if record["full_name"] == "Vi Thị Nguyệt"]
    assert sorted(first) == list(zip(dates, ["present", "excused", "absent"]))
    assert {record["unit"] for record in records} == {None}  # 'Đoàn' is a working group, never the unit
    assert any("cột C «Đoàn»" in warning["message"] and "chưa dùng" in warning["message"]
               for warning in result.warnings)


@pytest.mark.parametrize("clash", ["Giao ban tháng 8 (ngày 27/9/2025)", "Giao ban quý II (ngày 25/9/2025)"])
def test_a_meeting_whose_name_gives_another_month_or_quarter_refuses_the_file(tmp_path, clash):
    _register(tmp_path / "f.xlsx", ["Giao ban tháng 7 (ngày 28/7/2025)", clash, "Giao ban tháng 10 (ngày 30/10/2025)"])
    with pytest.raises(ImportFileError) as refused:
        parse_file(tmp_path / "f.xlsx")
    assert "D3" not in refused.value.message and f"E3 «{clash}»" in refused.value.message


@pytest.mark.parametrize("label", ["Ngày vào Đảng (dd/mm/yyyy)", "Ngày sinh", "Chức vụ từ ngày 01/01/2025",
                                   "Tổng cộng (đến 30/11/2025)", "Giao ban quý II (ngày 25/9/2025)",
                                   "Ghi chú (ngày 01/12/2025)"])
def test_no_meeting_in_other_headers(label):
    assert named_date(label, 2025) is None


def test_a_rosters_date_columns_stay_a_roster(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["DANH SÁCH THÀNH VIÊN ĐOÀN CÔNG TÁC"])
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Ngày vào Đảng (dd/mm/yyyy)", "Chức vụ", "Đoàn công tác"])
    sheet.append([1, "Hà Thị Lan", "12/03/1980", "05/06/2005", "Bí thư chi bộ", "Đoàn 1"])
    sheet.append([2, "Vi Thị Nguyệt", "01/02/1978", "03/04/2001", "Phó Bí thư", "Đoàn 1"])
    book.save(tmp_path / "f.xlsx")
    assert parse_file(tmp_path / "f.xlsx").kind == "roster"


@pytest.mark.parametrize("label, date", [("Giao ban T2 (ngày 28/7/2025)", "2025-07-28"),  # a Monday: T2 the weekday
                                         ("Giao ban T3 (ngày 28/7/2025)", None),  # neither its weekday nor its month
                                         ("Giao ban T7 (ngày 28/7/2025)", "2025-07-28")])
def test_a_short_month_or_weekday_in_the_name_is_checked_against_the_date(label, date):
    found = named_date(label, 2025)
    assert (found.isoformat() if found else None) == date
