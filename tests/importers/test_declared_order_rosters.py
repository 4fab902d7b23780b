"""Rosters of blind batch b61: a birth-date column whose own header declares month/day/year ('Ngày sinh
(MM/DD/YYYY)', '(tháng/ngày/năm)', 'mm/dd/yy') is read in that order; a unit typed all in capitals in the unit
column is spelt as the unit lexicon spells it; a section row merged across the table between the people ('KHU VỰC I
(NGUYÊN PHƯỜNG 10)') is a heading row, never a person without a name, and overrides no column."""

import openpyxl
import pytest
import xlwt

from importers import parse_file
from importers.assigned_units import unit_text
from importers.header_date_order import column_date, declares_month_first

HEADER = ["STT", "Họ và tên", "{birth}", "Chức vụ", "Đoàn công tác", "Chức danh trong đoàn", "Đơn vị phụ trách",
          "Điện thoại"]
PEOPLE = [
    ("NGUYỄN VĂN AN", "07/02/1994", "Phó Chủ tịch UBND phường", "Đoàn công tác số 1", "TRƯỞNG ĐOÀN",
     "CHI BỘ KHU PHỐ 5", "0912345678"),
    ("TRẦN THỊ BÌNH", "01/26/1983", "Chuyên viên", "Đoàn công tác số 1", "THÀNH VIÊN", "CHI BỘ KHU PHỐ 15",
     "0987654321"),
    ("LÊ VĂN CƯỜNG", "11/09/1970", "Công chức Tư pháp", "Đoàn công tác số 2", "PHÓ TRƯỞNG ĐOÀN", "CHI BỘ KHU PHỐ 3",
     "0905123456"),
]


def write_xls(path, rows):
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("DANH_SACH")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    book.save(str(path))
    return path


@pytest.mark.parametrize("birth", ["Ngày sinh (MM/DD/YYYY)", "Ngày sinh (tháng/ngày/năm)", "Ngày sinh mm/dd/yyyy"])
def test_birth_dates_read_in_the_order_their_header_declares(tmp_path, birth):
    rows = [[h.format(birth=birth) for h in HEADER]] + [[i + 1, *person] for i, person in enumerate(PEOPLE)]
    result = parse_file(write_xls(tmp_path / "f.xls", rows))
    assert not result.errors
    records = result.records()
    assert [r["birth_date"] for r in records] == ["1994-07-02", "1983-01-26", "1970-11-09"]
    assert [r["unit"] for r in records] == ["Chi bộ Khu phố 5", "Chi bộ Khu phố 15", "Chi bộ Khu phố 3"]


def test_a_declared_month_first_date_that_is_no_date_is_refused(tmp_path):
    people = [list(person) for person in PEOPLE]
    people[0][1] = "13/02/1994"  # no thirteenth month: never turned into 13 February
    rows = [[h.format(birth="Ngày sinh (MM/DD/YYYY)") for h in HEADER]] + [[i + 1, *p] for i, p in enumerate(people)]
    result = parse_file(write_xls(tmp_path / "f.xls", rows))
    assert any(e["row"] == 2 and e["column"] == "C" and "tháng/ngày/năm" in e["message"] for e in result.errors)
    assert len(result.records()) == 2


def test_declared_order_words():
    assert declares_month_first("Ngày sinh (MM/DD/YYYY)")
    assert declares_month_first("Ngày sinh (mm/dd/yy)")
    assert not declares_month_first("Ngày sinh (dd/mm/yyyy)")
    assert not declares_month_first("Ngày, tháng, năm sinh")
    assert str(column_date("07/02/1994", month_first=True)[0]) == "1994-07-02"
    assert str(column_date("07/02/1994")[0]) == "1994-02-07"


def test_a_unit_in_capitals_is_recased():
    assert unit_text("CHI BỘ KHU PHỐ 5") == "Chi bộ Khu phố 5"
    assert unit_text("Chi bộ Khu phố 5") == "Chi bộ Khu phố 5"


def test_merged_section_rows_between_people_are_headings(tmp_path):
    ws_rows = [
        ["DANH SÁCH PHÂN CÔNG CÁN BỘ THAM GIA CÁC ĐOÀN CÔNG TÁC"],
        [],
        ["Số TT", "Họ và tên", "Ngày, tháng, năm sinh", "Chức vụ", "Đoàn CT số", "Chức danh trong Đoàn",
         "Đơn vị phụ trách", "Điện thoại"],
        ["KHU VỰC I (NGUYÊN PHƯỜNG 10)"],
        ["1", "Hoàng Thu Hương", "3/9/1988", "Chánh Văn phòng", 1, "Trưởng Đoàn", "Chi bộ Khu phố 8", "0980553098"],
        ["2", "Lê Thanh Vân", "16/6/1989", "Chuyên viên", 1, "Thành viên", "Chi bộ Khu phố 7", "0905239627"],
        ["KHU VỰC II (NGUYÊN PHƯỜNG 11)"],
        ["3", "Võ Mỹ Duyên", "04-03-1969", "Phó Chủ tịch UBND phường", 2, "Phó Đoàn", "Chi bộ Khu phố 6",
         "0709365827"],
        ["4", "Phan Kim Oanh", "15/11/1977", "Chuyên viên", 1, "Thành viên", "Chi bộ Khu phố 2", "0351568409"],
    ]
    book = openpyxl.Workbook()
    sheet = book.active
    for row in ws_rows:
        sheet.append(row)
    for row in (1, 4, 7):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=8)
    path = tmp_path / "f.xlsx"
    book.save(path)
    result = parse_file(path)
    assert not result.errors
    records = result.records()
    assert [r["full_name"] for r in records] == ["Hoàng Thu Hương", "Lê Thanh Vân", "Võ Mỹ Duyên", "Phan Kim Oanh"]
    assert [r["group"] for r in records] == ["Đoàn công tác số 1", "Đoàn công tác số 1", "Đoàn công tác số 2",
                                             "Đoàn công tác số 1"]
    assert [r["unit"] for r in records][2:] == ["Chi bộ Khu phố 6", "Chi bộ Khu phố 2"]
