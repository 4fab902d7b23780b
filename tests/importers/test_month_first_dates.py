"""A column of text dates written month first ('4/14/2025', a Google Forms export in the US locale) is read month
first for the whole column with one warning; a column whose dates read either way stays day first; a column needing
both readings is refused naming a cell of each; real date cells are untouched (``importers.month_first_columns``)."""

import datetime as dt

import openpyxl
import pytest

from importers import parse_file
from importers.errors import ImportFileError

HEADER = ["STT", "Họ và tên", "Chi bộ", "Ngày họp", "Điểm danh"]
PEOPLE = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]


def register(tmp_path, dates, name="f.xlsx"):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Diem danh"
    sheet.append(HEADER)
    n = 0
    for date in dates:
        for person in PEOPLE:
            n += 1
            sheet.append([n, person, "Chi bộ thôn Nậm Pung", date, "Có mặt"])
    path = tmp_path / name
    book.save(path)
    return path


def test_a_column_only_month_first_is_read_month_first_all_of_it(tmp_path):
    result = parse_file(register(tmp_path, ["4/14/2025", "10/5/2025"]))
    assert not result.errors
    assert [r["date"] for r in result.records()] == ["2025-04-14"] * 3 + ["2025-10-05"] * 3
    said = [w["message"] for w in result.warnings if "tháng trước" in w["message"]]
    assert said == ["Diem danh: cột D «Ngày họp»: ngày ghi theo kiểu tháng/ngày/năm (ví dụ «4/14/2025») "
                    "nên cả cột được đọc theo tháng trước — xin kiểm tra"]


def test_a_form_export_csv_with_times_after_the_dates(tmp_path):
    path = tmp_path / "form.csv"
    lines = ["Dấu thời gian,Họ và tên,Chi bộ sinh hoạt,Ngày sinh hoạt,Tình hình tham dự"]
    for date in ("4/14/2025", "5/10/2025"):
        lines += [f"{date} 19:15:57,{person},Chi bộ bản Na Hạ,{date},Có mặt" for person in PEOPLE]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    result = parse_file(path)
    assert not result.errors
    assert [r["date"] for r in result.records()] == ["2025-04-14"] * 3 + ["2025-05-10"] * 3
    assert sum("tháng trước" in w["message"] for w in result.warnings) == 1


def test_a_column_reading_either_way_stays_day_first(tmp_path):
    result = parse_file(register(tmp_path, ["3/4/2025", "10/5/2025"]))
    assert not result.errors
    assert [r["date"] for r in result.records()] == ["2025-04-03"] * 3 + ["2025-05-10"] * 3
    assert not any("tháng trước" in w["message"] for w in result.warnings)


def test_a_column_needing_both_readings_is_refused_naming_a_cell_of_each(tmp_path):
    with pytest.raises(ImportFileError) as refused:
        parse_file(register(tmp_path, ["4/14/2025", "15/5/2025"]))
    text = str(refused.value)
    assert "«4/14/2025» (D2)" in text and "«15/5/2025» (D5)" in text


def test_real_date_cells_are_untouched(tmp_path):
    result = parse_file(register(tmp_path, [dt.datetime(2025, 4, 3), dt.datetime(2025, 5, 10)]))
    assert not result.errors
    assert [r["date"] for r in result.records()] == ["2025-04-03"] * 3 + ["2025-05-10"] * 3
    assert not any("tháng trước" in w["message"] for w in result.warnings)


def test_a_roster_birth_date_column_only_month_first(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đoàn công tác", "Chức danh trong đoàn",
                  "Đơn vị phụ trách", "Điện thoại"])
    for n, (name, born) in enumerate(zip(PEOPLE, ["4/14/1975", "10/5/1980", "12/25/1990"]), start=1):
        sheet.append([n, name, born, "Chuyên viên", "Đoàn công tác số 1", "Thành viên", "Chi bộ thôn Nậm Pung",
                      "0912345678"])
    path = tmp_path / "roster.xlsx"
    book.save(path)
    result = parse_file(path)
    assert not result.errors
    assert [r["birth_date"] for r in result.records()] == ["1975-04-14", "1980-10-05", "1990-12-25"]
    assert sum("tháng trước" in w["message"] for w in result.warnings) == 1
