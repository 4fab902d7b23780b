"""A long register whose meeting date is split into 'Ngày | Tháng | Năm' number columns (under a merged 'Ngày sinh
hoạt', or alone on the header row): joined into one date, as a roster joins a split birth date, by the same
reader (``importers.kinds.date_parts``). Parts that make no date refuse the row naming the three cells; a split
birth date in a register is no meeting date. A status code legend opening with the column it explains ('Mã tình
trạng: 1 - Có mặt; …') reads its codes, never its label's first word as a mark."""

import pytest
from sheet_files import write_sheet

from importers import parse_file
from importers.legends import parse_legend

LEGEND = "Mã tình trạng: 1 - Có mặt; 2 - Vắng có lý do; 3 - Vắng không lý do; 4 - Đến muộn."
SCHOOL, PRIMARY = "Chi bộ Trường THCS Trưng Vương", "Chi bộ Trường Tiểu học Lê Văn Tám"
PEOPLE = [(SCHOOL, "Huỳnh Thùy Hiền", 1), (SCHOOL, "Trần Xuân Sơn", 4), (PRIMARY, "Đinh Diệu Mai", 2),
          (PRIMARY, "Lê Văn An", 3)]


def _register(tmp_path, dates, *, parent="Ngày sinh hoạt", parts=("Ngày", "Tháng", "Năm")):
    """One row per person and meeting, the date split over three columns under `parent` (None: one header row)."""
    rows = [["TỔNG HỢP TÌNH HÌNH SINH HOẠT CHI BỘ"], ["Quý III năm 2025"], []]
    tail = ["Chi bộ", "Họ và tên", "Tình trạng (mã)", "Ghi chú"]
    if parent:
        rows += [["STT", parent, None, None, *tail], ["", *parts, "", "", "", ""]]
        merges = ["B4:D4", "A4:A5", "E4:E5", "F4:F5", "G4:G5", "H4:H5"]
    else:
        rows += [["STT", *parts, *tail]]
        merges = []
    number = 0
    for day, month, year in dates:
        for unit, name, code in PEOPLE:
            number += 1
            rows.append([number, day, month, year, unit, name, code, ""])
    rows += [[], [None, LEGEND]]
    return parse_file(write_sheet(tmp_path / "r.xlsx", rows, merges=merges))


@pytest.mark.parametrize("parent", ["Ngày sinh hoạt", "Thời gian sinh hoạt", None])
def test_a_meeting_date_split_over_day_month_year_is_joined(tmp_path, parent):
    result = _register(tmp_path, [(4, 7, 2025), ("05", "08", "2025")], parent=parent)
    assert result.kind == "attendance"
    assert result.errors == [] and result.warnings == []
    records = result.records()
    assert [record["date"] for record in records] == ["2025-07-04"] * 4 + ["2025-08-05"] * 4
    assert [record["status"] for record in records[:4]] == ["present", "late", "excused", "absent"]


def test_parts_that_make_no_date_refuse_the_row_naming_the_cells(tmp_path):
    result = _register(tmp_path, [(4, 7, 2025), (31, 9, 2025)])
    assert len(result.records()) == 4
    refused = [error for error in result.errors if error["field"] == "date"]
    assert len(refused) == 4
    assert "ngày sinh hoạt 31/9/2025" in refused[0]["message"] and "tháng C" in refused[0]["message"]


def test_a_split_birth_date_in_a_register_is_no_meeting_date(tmp_path):
    result = _register(tmp_path, [(4, 7, 1970)], parent="Ngày, tháng, năm sinh")
    assert not any(record.get("date") == "1970-07-04" for record in result.records())
    assert result.errors or result.warnings


@pytest.mark.parametrize(("text", "table"), [
    (LEGEND, {"1": "present", "2": "excused", "3": "absent", "4": "late"}),
    ("Tình trạng: 1 = Có mặt; 2 = Vắng", {"1": "present", "2": "absent"}),
    ("CM: có mặt; V: vắng", {"cm": "present", "v": "absent"}),
    ("Có mặt: X, Vắng: V", {"x": "present", "v": "absent"}),
])
def test_a_legend_label_naming_the_column_is_no_mark(text, table):
    assert parse_legend(text) == table
