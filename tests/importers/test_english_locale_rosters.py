"""Rosters from HR templates and English-locale sheets (b57): a row of English wordings under the Vietnamese header
row is part of the header, never a person; dates shown with English month names ("Oct 7, 1970"); "Assigned cell" as
the unit's header; company kinds in capitals ("CÔNG TY CỔ PHẦN …") spelt as one word."""
import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.date_words import worded_date
from importers.normalising import normalise_unit_name

PEOPLE = [[1, "Cao Diệu Hoa", "26/05/1986", "ĐCT 01", "Trưởng đoàn", "Chi bộ Nhà máy Nhựa Đình Vũ"],
          [2, "Văn Đức Luận", "18/11/1994", "ĐCT 01", "Thành viên", "Chi bộ Cảng Tân Vũ"]]


def test_an_english_row_under_the_header_is_no_person(tmp_path):
    rows = [["STT", "Họ và tên", "Ngày sinh", "Đoàn công tác", "Vai trò", "Chi bộ phụ trách"],
            ["No.", "Full name", "Date of birth", "Working group", "Role", "Assigned Party cell"], *PEOPLE]
    result = parse_file(write_sheet(tmp_path / "roster.xlsx", rows))
    assert result.errors == []
    assert [(r["full_name"], r["birth_date"], r["role"]) for r in result.records()] == [
        ("Cao Diệu Hoa", "1986-05-26", "head"), ("Văn Đức Luận", "1994-11-18", "member")]


def test_a_row_of_people_with_english_names_is_kept(tmp_path):
    rows = [["STT", "Họ và tên", "Ngày sinh", "Đoàn công tác", "Vai trò", "Chi bộ phụ trách"],
            [1, "John Smith", "26/05/1986", "ĐCT 01", "Trưởng đoàn", "Chi bộ Cảng Tân Vũ"]]
    assert [r["full_name"] for r in parse_file(write_sheet(tmp_path / "roster.xlsx", rows)).records()] == [
        "John Smith"]


@pytest.mark.parametrize(("text", "day"), [
    ("Oct 7, 1970", "1970-10-07"), ("October 7 1970", "1970-10-07"), ("7 Oct 1970", "1970-10-07"),
    ("07-Oct-1970", "1970-10-07"), ("Sept 30, 1985", "1985-09-30"),
])
def test_english_month_names(text, day):
    assert worded_date(text).isoformat() == day


@pytest.mark.parametrize("text", ["May 32, 1990", "Mayor 7 1970", "Oct 1970"])
def test_no_english_date(text):
    assert worded_date(text) is None


def test_an_english_csv_roster(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text("No,Full name,Date of birth,Team,Role,Assigned cell,Mobile\n"
                    '1,Đào Đức Khánh,"Oct 7, 1970",Team 4,Head,Chi bộ Nhà máy Nhựa Đình Vũ,0986365494\n'
                    '2,Khúc Công Sơn,"Jan 4, 1991",Team 4,Member,Chi bộ Cảng Tân Vũ,0868930174\n', encoding="utf-8")
    result = parse_file(path)
    assert result.errors == []
    assert [(r["birth_date"], r["unit"]) for r in result.records()] == [
        ("1970-10-07", "Chi bộ Nhà máy Nhựa Đình Vũ"), ("1991-01-04", "Chi bộ Cảng Tân Vũ")]


@pytest.mark.parametrize(("written", "unit"), [
    ("CHI BỘ CÔNG TY CỔ PHẦN CẢNG TÂN VŨ", "Chi bộ Công ty cổ phần Cảng Tân Vũ"),
    ("CHI BỘ CÔNG TY TNHH ĐIỆN TỬ MINH PHÁT", "Chi bộ Công ty TNHH Điện tử Minh Phát"),
])
def test_company_kinds_in_capitals(written, unit):
    assert normalise_unit_name(written) == unit
