"""A register kept one sheet per period (month, quarter) lists the same people on every sheet, each sheet for its own
period, and some people are missing from some periods: every sheet is read, none taken for a summary of the others.
Only a sheet whose people come with the same periods as the others' is a summary. Also the header of the cell a
member attends ('Chi bộ dự', 'Nơi dự sinh hoạt') is the unit column."""

import datetime as dt

import pytest

from importers import parse_file
from importers.kinds import attendance, roster
from importers.mapping import match_field
from tests.workbooks import write_workbook

AN, BINH, CUONG = "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"
UNITS = {AN: "Chi bộ ấp Mỹ Hòa", BINH: "Chi bộ ấp Tân Hòa", CUONG: "Chi bộ Quân sự xã"}
MARKS = {"Có mặt": "present", "Vắng (CP)": "excused", "Vắng (KP)": "absent", "Muộn": "late"}
LEGEND = "Ghi chú: Vắng (CP) = vắng có phép; Vắng (KP) = vắng không phép; Muộn = đến muộn"


def long_sheet(month, people, unit_header="Chi bộ dự", as_text=False, title=None):
    """One month's sheet: a row per person with the day of the cell they attended, the result and the cell."""
    rows = [["ĐẢNG ỦY XÃ MỸ PHÚ TÂN"], [title or f"DANH SÁCH THÀNH VIÊN ĐOÀN DỰ SINH HOẠT CHI BỘ THÁNG {month}/2025"],
            [], ["STT", "Họ và tên", "Đoàn CT số", unit_header, "Ngày sinh hoạt", "Kết quả", "Ghi chú"]]
    for number, (name, day, mark) in enumerate(people, start=1):
        date = dt.datetime(2025, month, day)
        rows.append([number, name, 2, UNITS[name], date.strftime("%d/%m/%Y") if as_text else date, mark, None])
    return rows + [[], [LEGEND]]


def expected(month, people):
    return [{"full_name": name, "date": f"2025-{month:02d}-{day:02d}", "status": MARKS[mark], "unit": UNITS[name]}
            for name, day, mark in people]


JULY = [(AN, 10, "Vắng (CP)"), (BINH, 9, "Có mặt"), (CUONG, 4, "Muộn")]
AUGUST = [(AN, 10, "Có mặt"), (BINH, 9, "Muộn")]
SEPTEMBER = [(BINH, 9, "Vắng (KP)"), (CUONG, 4, "Có mặt")]


@pytest.mark.parametrize("unit_header", ["Chi bộ dự", "Chi bộ dự họp", "Chi bộ dự sinh hoạt", "Nơi dự sinh hoạt",
                                         "Chi bộ đến dự", "Đơn vị dự họp"])
def test_a_sheet_per_month_of_the_same_people_reads_every_sheet_with_the_attended_cell(tmp_path, unit_header):
    path = write_workbook(tmp_path / "thang.xlsx", {
        "Thang 7": long_sheet(7, JULY, unit_header),
        "Thang 8": long_sheet(8, AUGUST, unit_header, as_text=True),
        "Thang 9": long_sheet(9, SEPTEMBER, unit_header),
    })
    result = parse_file(path)
    assert result.sheet == ["Thang 7", "Thang 8", "Thang 9"]
    assert result.records() == expected(7, JULY) + expected(8, AUGUST) + expected(9, SEPTEMBER)
    assert result.errors == [] and result.warnings == []


def test_month_tabs_without_a_date_column_are_all_read(tmp_path):
    def sheet(people):
        rows = [["CHI BỘ KHU PHỐ 3"], ["DANH SÁCH DỰ SINH HOẠT CHI BỘ NĂM 2025"],
                ["STT", "Họ và tên", "Tình hình dự họp"]]
        return rows + [[number, name, mark] for number, (name, mark) in enumerate(people, start=1)] + [
            [], ["Ghi chú: x có mặt, P vắng có phép"]]

    path = write_workbook(tmp_path / "thang.xlsx", {
        "Tháng 1": sheet([(AN, "x"), (BINH, "P"), (CUONG, "x")]),
        "Tháng 2": sheet([(AN, "x"), (BINH, "x")]),
        "Tháng 3": sheet([(BINH, "P"), (CUONG, "x")]),
    })
    result = parse_file(path)
    assert result.sheet == ["Tháng 1", "Tháng 2", "Tháng 3"]
    assert [(r["full_name"], r["date"]) for r in result.records()] == [
        (AN, "2025-01-01"), (BINH, "2025-01-01"), (CUONG, "2025-01-01"), (AN, "2025-02-01"), (BINH, "2025-02-01"),
        (BINH, "2025-03-01"), (CUONG, "2025-03-01")]
    assert not any("tổng hợp" in w["message"] for w in result.warnings)


def test_a_sheet_per_quarter_of_its_own_months_is_read_even_when_one_lists_everybody(tmp_path):
    def sheet(months, people):
        rows = [["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], ["STT", "Họ và tên", *months]]
        return rows + [[number, name, "x", "P", "x"] for number, name in enumerate(people, start=1)] + [
            [], ["Ghi chú: x có mặt, P vắng có phép"]]

    path = write_workbook(tmp_path / "quy.xlsx", {
        "Quý 1": sheet(["T1", "T2", "T3"], [AN, BINH, CUONG]),
        "Quý 2": sheet(["T4", "T5", "T6"], [AN, BINH]),
        "Quý 3": sheet(["T7", "T8", "T9"], [BINH, CUONG]),
    })
    result = parse_file(path)
    assert result.sheet == ["Quý 1", "Quý 2", "Quý 3"]
    assert len(result.records()) == 3 * 3 + 2 * 3 + 2 * 3


def test_a_summary_sheet_repeating_the_people_and_dates_of_the_month_sheets_is_left_out(tmp_path):
    july, august = [(AN, 10, "Có mặt"), (BINH, 9, "Muộn")], [(BINH, 9, "Có mặt"), (CUONG, 4, "Có mặt")]
    summary = long_sheet(7, july, title="TỔNG HỢP QUÝ III/2025")
    summary[6:6] = [[3, BINH, 2, UNITS[BINH], dt.datetime(2025, 8, 9), "Có mặt", None],
                    [4, CUONG, 2, UNITS[CUONG], dt.datetime(2025, 8, 4), "Có mặt", None]]
    path = write_workbook(tmp_path / "thang.xlsx", {"Tong hop": summary, "Thang 7": long_sheet(7, july),
                                                    "Thang 8": long_sheet(8, august)})
    result = parse_file(path)
    assert result.sheet == ["Thang 7", "Thang 8"]
    assert result.records() == expected(7, july) + expected(8, august)
    assert any("Tong hop" in w["message"] and "tổng hợp" in w["message"] for w in result.warnings)


@pytest.mark.parametrize("label, field", [
    ("Chi bộ dự", "unit"), ("Chi bộ dự họp", "unit"), ("Chi bộ dự sinh hoạt", "unit"), ("Nơi dự sinh hoạt", "unit"),
    ("Nơi dự họp", "unit"), ("Chi bộ về dự", "unit"), ("CHI BỘ DỰ SHCB", "unit"), ("Chi bộ dự (ghi rõ tên)", "unit"),
    ("Dự họp", "status"), ("Dự sinh hoạt", "status"), ("Có dự sinh hoạt", "status"), ("Buổi dự sinh hoạt", "date"),
    ("Ngày dự họp", "date"), ("Số chi bộ dự", None), ("Đảng viên dự họp", "full_name"),
    ("Dự SH tại chi bộ", "unit"), ("Dự sinh hoạt tại", "unit"), ("Tham dự họp tại đơn vị", "unit"),
])
def test_the_attended_cell_header_is_the_register_unit_and_nothing_else_is(label, field):
    assert match_field(label, attendance.FIELDS) == field


@pytest.mark.parametrize("label", ["Chi bộ dự", "Nơi dự sinh hoạt", "Đơn vị dự họp"])
def test_the_attended_cell_is_no_roster_unit(label):
    assert match_field(label, roster.FIELDS) is None
