"""Quarters that carry their year ('Quý I/2025', 'Quý I năm 2025', 'QUÝ I - 2025') merged over bare month numbers
or month headers: the register is read as one (not as a roster), each month dated in its quarter's year, with no
year in the title or the tab. The chi bộ a member is sent to ('Chi bộ được phân công dự sinh hoạt') is the unit."""

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.header_words import header_core
from importers.normalising import fold
from importers.period_labels import counts_months, period_months, period_year

MARKS = ["X", "x", "VP", "VK", "ĐM", "X"]
LEGEND = "Ký hiệu: X - có mặt; VP - vắng có phép; VK - vắng không phép; ĐM - đi muộn."


def _register(tmp_path, quarters, months, unit_header="Chi bộ"):
    """Title without a year, a tab named 'Sheet', quarters merged over their months, two members, a legend."""
    width = sum(map(len, months))
    header = ["STT", "Họ và tên", unit_header]
    for quarter, numbers in zip(quarters, months):
        header += [quarter] + [None] * (len(numbers) - 1)
    rows = [["BẢNG THEO DÕI DỰ SINH HOẠT CHI BỘ"], [], header,
            [None, None, None] + [number for numbers in months for number in numbers],
            [1, "Nguyễn Văn An", "Chi bộ Khu vực 1"] + (MARKS * 4)[:width],
            [2, "Trần Thị Bình", "Chi bộ Khu vực 2"] + (MARKS[::-1] * 4)[:width],
            [None, LEGEND]]
    merges, column = ["A3:A4", "B3:B4", "C3:C4"], 4
    for numbers in months:
        merges.append(f"{chr(64 + column)}3:{chr(63 + column + len(numbers))}3")
        column += len(numbers)
    return parse_file(write_sheet(tmp_path / "r.xlsx", rows, merges=merges))


@pytest.mark.parametrize(("label", "months", "year"), [
    ("Quý I/2025", range(1, 4), 2025), ("Quý I năm 2025", range(1, 4), 2025), ("QUÝ I - 2025", range(1, 4), 2025),
    ("Quý IV.2024", range(10, 13), 2024), ("Q2/2025", range(4, 7), 2025), ("Quý 3 năm 2025", range(7, 10), 2025),
    ("6 tháng đầu năm 2025", range(1, 7), 2025), ("Quý I", range(1, 4), None), ("Quý V/2025", None, None),
    ("Quý I/25", None, None), ("Năm 2025", None, None),
])
def test_a_quarter_label_may_carry_its_year(label, months, year):
    assert period_months(label) == months
    assert period_year(label) == year
    assert counts_months(label) is (months is not None or "thang" in label.lower())


@pytest.mark.parametrize("quarters", [["Quý I/2025", "Quý II/2025"], ["Quý I năm 2025", "Quý II năm 2025"],
                                      ["QUÝ I - 2025", "QUÝ II - 2025"]])
def test_month_numbers_under_quarters_with_their_year_are_dated_in_it(tmp_path, quarters):
    result = _register(tmp_path, quarters, [[1, 2, 3], [4, 5, 6]])
    assert result.kind == "attendance"
    assert result.errors == [] and result.warnings == []
    records = result.records()
    assert len(records) == 12
    assert sorted({record["date"] for record in records}) == [f"2025-0{month}-01" for month in range(1, 7)]
    assert records[0] == {"full_name": "Nguyễn Văn An", "date": "2025-01-01", "status": "present",
                          "unit": "Chi bộ Khu vực 1"}
    assert records[4]["status"] == "late"


def test_quarters_of_two_years_date_each_month_in_its_own(tmp_path):
    result = _register(tmp_path, ["Quý IV/2024", "Quý I/2025"], [[10, 11, 12], ["01", "02", "03"]])
    assert result.kind == "attendance" and result.errors == []
    assert sorted({record["date"] for record in result.records()}) == [
        "2024-10-01", "2024-11-01", "2024-12-01", "2025-01-01", "2025-02-01", "2025-03-01"]


def test_month_headers_under_quarters_with_their_year_are_dated_in_it(tmp_path):
    result = _register(tmp_path, ["Quý IV/2024", "Quý I/2025"], [["T10", "T11", "T12"], ["T1", "T2", "T3"]])
    assert result.kind == "attendance" and result.errors == [] and result.warnings == []
    assert sorted({record["date"] for record in result.records()}) == [
        "2024-10-01", "2024-11-01", "2024-12-01", "2025-01-01", "2025-02-01", "2025-03-01"]


def test_the_chi_bo_a_member_is_sent_to_attend_is_the_unit(tmp_path):
    result = _register(tmp_path, ["Quý I/2025", "Quý II/2025"], [[1, 2, 3], [4, 5, 6]],
                       unit_header="Chi bộ được phân công dự sinh hoạt")
    assert result.warnings == []
    assert {record["unit"] for record in result.records()} == {"Chi bộ Khu vực 1", "Chi bộ Khu vực 2"}


@pytest.mark.parametrize(("label", "core"), [
    ("Chi bộ được phân công dự sinh hoạt", "chi bo"), ("Chi bộ được cử đến dự", "chi bo"),
    ("Đơn vị được giao dự họp", "chi bo"), ("Chi bộ dự họp", "chi bo"),
    ("Chi bộ được phân công sinh hoạt", "chi bo duoc phan cong sinh hoat"), ("Dự họp", "du hop"),
])
def test_the_cell_a_member_is_sent_to_attend_names_the_chi_bo(label, core):
    assert header_core(fold(label)) == core
