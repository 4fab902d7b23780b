"""Registers exported from Google Sheets set to the US locale: meeting dates across the header written month first
('1/15/2025'), checkboxes saved as TRUE / FALSE read through the legend line under the table. The whole header is
read month/day/year when its dates show it or a line declares it; a header mixing both readings, or contradicting its
note, is refused naming the cells; dates that read either way with nothing said stay day/month (Vietnamese)."""

import csv

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.errors import ImportFileError
from importers.header_date_order import declared_order

LEGEND = "TRUE = có mặt; FALSE = vắng mặt; ô trống: chưa sinh hoạt"
PEOPLE = [("Đinh Văn Khải", "Chi bộ Thôn 1"), ("Lò Thị Xuân", "Chi bộ Thôn 2"), ("Mạc Văn Tâm", "Chi bộ Thôn 1")]


def _rows(dates: list[str], note: str | None, marks=("TRUE", "FALSE"), legend: str | None = LEGEND) -> list[list]:
    yes, no = marks
    width = 3 + len(dates) + 1
    rows = [["Theo dõi đảng viên dự sinh hoạt chi bộ (Đảng bộ xã Hòa Bình)"] + [None] * (width - 1)]
    if note:
        rows.append([note] + [None] * (width - 1))
    rows.append(["STT", "Họ và tên", "Chi bộ", *dates, "Tỷ lệ"])
    for number, (name, unit) in enumerate(PEOPLE, 1):
        cells = [yes if (number + index) % 3 else no for index in range(len(dates))]
        if number == 3:
            cells[0] = None  # not yet a member at the first meeting: no record
        rows.append([number, name, unit, *cells, "67%"])
    if legend:
        rows += [[None] * width, [legend] + [None] * (width - 1)]
    return rows


def _expected(isos: list[str]) -> list[tuple]:
    found = []
    for number, (name, unit) in enumerate(PEOPLE, 1):
        for index, iso in enumerate(isos):
            if number == 3 and index == 0:
                continue
            found.append((name, iso, "present" if (number + index) % 3 else "absent", unit))
    return found


def _csv(tmp_path, rows) -> str:
    path = tmp_path / "google_sheets.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["" if cell is None else cell for cell in row] for row in rows])
    return path


def _records(result) -> list[tuple]:
    return [(r["full_name"], r["date"], r["status"], r["unit"]) for r in result.records()]


US_DATES = ["1/15/2025", "2/14/2025", "3/14/2025", "4/15/2025"]
US_ISOS = ["2025-01-15", "2025-02-14", "2025-03-14", "2025-04-15"]


@pytest.mark.parametrize("note", [None, "Ngày họp ghi theo tháng/ngày/năm (định dạng của Google Sheets)"])
def test_month_first_dates_over_checkboxes_are_a_register_read_through_the_legend(tmp_path, note):
    result = parse_file(_csv(tmp_path, _rows(US_DATES, note)))
    assert result.kind == "attendance" and result.errors == []
    assert sorted(_records(result)) == sorted(_expected(US_ISOS))


def test_a_note_makes_dates_that_read_either_way_month_first(tmp_path):
    dates = ["3/4/2025", "4/8/2025", "5/6/2025"]
    result = parse_file(_csv(tmp_path, _rows(dates, "Ghi chú: ngày ghi theo định dạng mm/dd/yyyy")))
    assert result.errors == []
    assert sorted(_records(result)) == sorted(_expected(["2025-03-04", "2025-04-08", "2025-05-06"]))


def test_a_month_first_date_turns_the_ambiguous_ones_of_its_header_with_a_warning(tmp_path):
    dates = ["1/15/2025", "2/7/2025", "3/14/2025"]
    result = parse_file(_csv(tmp_path, _rows(dates, None)))
    assert result.errors == []
    assert sorted(_records(result)) == sorted(_expected(["2025-01-15", "2025-02-07", "2025-03-14"]))
    assert any("tháng/ngày/năm" in w["message"] and "2/7/2025" in w["message"] for w in result.warnings)


def test_dates_that_read_either_way_with_nothing_said_stay_day_first(tmp_path):
    dates = ["3/4/2025", "8/5/2025", "6/9/2025"]
    result = parse_file(_csv(tmp_path, _rows(dates, None)))
    assert result.errors == []
    assert sorted(_records(result)) == sorted(_expected(["2025-04-03", "2025-05-08", "2025-09-06"]))


def test_a_header_mixing_both_readings_is_refused_naming_the_cells(tmp_path):
    with pytest.raises(ImportFileError) as refused:
        parse_file(_csv(tmp_path, _rows(["1/15/2025", "20/2/2025", "3/3/2025"], None)))
    assert "«1/15/2025» (D2)" in str(refused.value) and "«20/2/2025» (E2)" in str(refused.value)


def test_a_note_the_dates_contradict_is_refused_naming_the_cells(tmp_path):
    rows = _rows(["15/1/2025", "14/2/2025", "3/3/2025"], "Ngày ghi theo tháng/ngày/năm")
    with pytest.raises(ImportFileError) as refused:
        parse_file(_csv(tmp_path, rows))
    assert "«15/1/2025» (D3)" in str(refused.value) and "tháng/ngày/năm" in str(refused.value)


def test_a_workbook_with_boolean_checkboxes_and_text_dates(tmp_path):
    path = write_sheet(tmp_path / "google.xlsx", _rows(US_DATES, None, marks=(True, False)), title="Sheet1")
    result = parse_file(path)
    assert result.kind == "attendance" and result.errors == []
    assert sorted(_records(result)) == sorted(_expected(US_ISOS))


def test_checkboxes_without_a_legend_stay_unread(tmp_path):
    result = parse_file(_csv(tmp_path, _rows(US_DATES, None, legend=None)))
    assert result.kind == "attendance" and result.records() == []
    assert result.errors and all("TRUE/FALSE" in e["message"] for e in result.errors)


@pytest.mark.parametrize("lines, order", [
    (["Ngày họp ghi theo tháng/ngày/năm"], "mdy"),
    (["Định dạng ngày: MM/DD/YYYY"], "mdy"),
    (["Dates are month/day/year"], "mdy"),
    (["Ngày ghi theo ngày/tháng/năm"], "dmy"),
    (["Hòa Bình, ngày … tháng … năm 2025"], None),  # a signature line declares nothing
    (["Theo dõi sinh hoạt chi bộ năm 2025"], None),
])
def test_declared_orders(lines, order):
    found = declared_order(lines)
    assert (found[0] if found else None) == order
