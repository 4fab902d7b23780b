"""Targets sheets (bảng chỉ tiêu): the office layout parses to exact records; years, units and bad cells."""

import datetime as dt

import pytest
from importer_paths import SAMPLES, require_samples

from importers import ImportFileError, parse_file
from tests.targets_sheets import BAD_CELL, RECORDS, SHEET, write_targets_workbook

ROW = [1, "Chi bộ Khu phố 3", "Kết nạp đảng viên mới", "Đảng viên", 2, 1, None, None]


def _row(**changes) -> list:
    """ROW with some of its eight cells replaced, by column letter."""
    row = list(ROW)
    for letter, value in changes.items():
        row["ABCDEFGH".index(letter)] = value
    return row


@pytest.fixture
def office_sheet(tmp_path):
    return write_targets_workbook(tmp_path / "chi-tieu-2026.xlsx")


@pytest.mark.parametrize("kind", [None, "targets"], ids=["auto-kind", "given-kind"])
def test_office_sheet_parses_to_exact_records(office_sheet, kind):
    result = parse_file(office_sheet, kind=kind)
    assert (result.kind, result.sheet, result.header_row, result.year) == ("targets", SHEET, 7, 2026)
    assert result.records() == RECORDS
    assert list(result.frame.columns) == ["unit", "year", "indicator", "measure_unit", "target", "actual",
                                          "measured_on", "note"]


def test_a_bad_number_fails_its_row_with_the_cell_named_in_vietnamese(office_sheet):
    result = parse_file(office_sheet)
    assert [e["message"] for e in result.errors] == [f"{SHEET}!{BAD_CELL}: kế hoạch '12,5a' không phải là số"]
    assert (result.errors[0]["row"], result.errors[0]["column"], result.errors[0]["field"]) == (14, "E", "target")


def test_every_row_is_accounted_for_and_the_footer_ends_the_table(office_sheet):
    rows = {row["row"]: (row["outcome"], row["reason"]) for row in parse_file(office_sheet).rows}
    assert rows == {
        8: ("skipped", "dòng tiêu đề nhóm"), 9: ("record", None), 10: ("record", None), 11: ("record", None),
        12: ("skipped", "dòng tiêu đề nhóm"), 13: ("record", None), 14: ("failed", "dữ liệu không hợp lệ"),
        15: ("record", None), 16: ("skipped", "dòng trống"),
    }


def test_a_year_column_wins_over_the_title(tmp_path):
    body = [_row(H="2025"), _row(C="Thu quỹ đảng", H=2025)]
    path = write_targets_workbook(tmp_path / "t.xlsx", body=body,
                                  title="BẢNG CHỈ TIÊU NĂM 2026", year_header="Chỉ tiêu năm")
    _rename_header(path, "H6", "Năm")
    result = parse_file(path)
    assert [r["year"] for r in result.records()] == [2025, 2025] and result.errors == []


def test_without_any_year_each_row_says_so(tmp_path):
    path = write_targets_workbook(tmp_path / "t.xlsx", body=[ROW], title="BẢNG CHỈ TIÊU PHÁT TRIỂN",
                                  year_header="Số liệu")
    _rename_header(path, "E2", "An Khê, ngày 05 tháng 01")
    result = parse_file(path)
    assert result.records() == []
    assert result.errors[0]["message"].startswith(f"{SHEET}!Dòng 8: không xác định được năm")


def test_a_bad_year_cell_is_reported(tmp_path):
    path = write_targets_workbook(tmp_path / "t.xlsx", body=[ROW[:7] + ["năm sau"]])
    _rename_header(path, "H6", "Năm")
    assert parse_file(path).errors[0]["message"] == f"{SHEET}!H8: năm 'năm sau' không phải là năm hợp lệ"


@pytest.mark.parametrize("changes, message", [
    ({"E": None}, "E8: thiếu kế hoạch (giá trị chỉ tiêu năm)"),
    ({"E": 0}, "E8: kế hoạch '0' phải lớn hơn 0"),
    ({"F": "-3"}, "F8: thực hiện '-3' không được âm"),
    ({"F": "nhiều"}, "F8: thực hiện 'nhiều' không phải là số"),
    ({"D": None}, "D8: thiếu đơn vị tính"),
    ({"G": "31/02/2026"}, "G8: ngày cập nhật '31/02/2026' không hợp lệ"),
    ({"B": None}, "B8: thiếu đơn vị (tổ chức đảng) của chỉ tiêu"),
    ({"D": "x" * 61}, "D8: đơn vị tính dài quá 60 ký tự"),
])
def test_invalid_rows_fail_with_the_reason(tmp_path, changes, message):
    result = parse_file(write_targets_workbook(tmp_path / "t.xlsx", body=[_row(**changes)]))
    assert result.records() == [] and [e["message"] for e in result.errors] == [f"{SHEET}!{message}"]
    assert result.rows == [{"row": 8, "outcome": "failed", "reason": "dữ liệu không hợp lệ", "record_count": 0}]


def test_a_repeated_indicator_fails_and_names_the_first_row(tmp_path):
    body = [ROW, _row(A=2, C="KẾT NẠP  đảng viên mới", E=3)]
    result = parse_file(write_targets_workbook(tmp_path / "t.xlsx", body=body))
    assert len(result.records()) == 1
    assert [e["message"] for e in result.errors] == [
        f"{SHEET}!C9: chỉ tiêu trùng với dòng 8 (cùng đơn vị, năm và tên chỉ tiêu)"]


def test_section_titles_without_numbers_are_skipped_quietly(tmp_path):
    body = [[None, None, "A. CHỈ TIÊU VỀ XÂY DỰNG ĐẢNG", None, None, None, None, None], ROW]
    result = parse_file(write_targets_workbook(tmp_path / "t.xlsx", body=body))
    assert result.errors == [] and len(result.records()) == 1
    assert result.rows[0] == {"row": 8, "outcome": "skipped", "reason": "không có dữ liệu để nhập", "record_count": 0}


def test_an_indicator_that_starts_like_a_unit_name_stays_a_data_row(tmp_path):
    body = [["I", None, "ĐẢNG BỘ PHƯỜNG AN LẠC", None, None, None, None, None],
            [1, None, "Chi bộ đạt trong sạch, vững mạnh", "Chi bộ", "4", "3", None, None]]
    result = parse_file(write_targets_workbook(tmp_path / "t.xlsx", body=body))
    assert [(r["unit"], r["indicator"]) for r in result.records()] == [
        ("Đảng bộ phường An Lạc", "Chi bộ đạt trong sạch, vững mạnh")]


def test_dates_in_the_update_column_become_iso_text(tmp_path):
    body = [_row(G=dt.datetime(2026, 3, 31)), _row(C="Thu quỹ đảng", G=46142)]
    records = parse_file(write_targets_workbook(tmp_path / "t.xlsx", body=body)).records()
    assert [r["measured_on"] for r in records] == ["2026-03-31", "2026-04-30"]


def test_a_csv_targets_table_is_detected_too(tmp_path):
    path = tmp_path / "chi-tieu.csv"
    path.write_text("STT,Tổ chức đảng,Tên chỉ tiêu,Đơn vị tính,Chỉ tiêu năm,Lũy kế thực hiện,Năm\n"
                    '1,Chi bộ Khu phố 3,Kết nạp đảng viên,Người,2,"1,5",2026\n', encoding="utf-8")
    result = parse_file(path)
    assert result.kind == "targets" and result.records() == [
        {"unit": "Chi bộ Khu phố 3", "year": 2026, "indicator": "Kết nạp đảng viên", "measure_unit": "Người",
         "target": 2.0, "actual": 1.5, "measured_on": None, "note": None}]


def test_a_roster_read_as_targets_has_no_table():
    require_samples()
    with pytest.raises(ImportFileError, match="Chỉ tiêu"):
        parse_file(SAMPLES / "a01_roster_title_block.xlsx", kind="targets")


def test_a_targets_sheet_read_as_roster_has_no_table(office_sheet):
    with pytest.raises(ImportFileError, match="Họ và tên"):
        parse_file(office_sheet, kind="roster")


def _rename_header(path, ref: str, text: str) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    workbook.active[ref] = text
    workbook.save(path)
