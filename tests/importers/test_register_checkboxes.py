"""A register kept in a Google Sheet with tick boxes: "Có mặt" saved as TRUE / FALSE (the text "TRUE" / "FALSE" in a
CSV export) is the answer yes / no, completed by the reason column; a "Muộn" or "Vắng có phép" tick column beside it
refines the answer into its status (``importers.kinds.status_ticks``). A tick disagreeing with the answer refuses
the row, naming both cells; a checkbox under a header that says nothing of its meaning is never read (b26 a02)."""

import datetime as dt

import pytest
from layouts import checkbox_registers
from layouts.writers import write_csv, write_ods, write_xlsx

from importers import parse_file

DISAGREES = "được tích, trái với ô này"
UNREAD = "ô tích (TRUE/FALSE) ở cột mà tên cột không nói tích nghĩa là gì"


def _write(tmp_path, sheet, how):
    if how.startswith("csv"):
        write_csv(tmp_path / "f.csv", sheet, how)
        return tmp_path / "f.csv"
    path = tmp_path / f"f.{how}"
    (write_xlsx if how == "xlsx" else write_ods)(path, [sheet])
    return path


@pytest.mark.parametrize("how", ["xlsx", "ods", "csv_utf8", "csv_cp1258_semicolon"])
@pytest.mark.parametrize("seed", range(8))
def test_checkboxes_read_as_yes_no_refined_by_the_late_column(tmp_path, seed, how):
    built = checkbox_registers.build(seed)
    result = parse_file(_write(tmp_path, built.sheet, how))
    assert result.kind == "attendance"
    assert result.records() == built.records
    assert result.errors == []
    late = "ABCDEFG"[built.late_col]
    assert not any(f"cột {late}" in w["message"].casefold() and "chưa dùng" in w["message"] for w in result.warnings)


@pytest.mark.parametrize("how", ["xlsx", "csv_utf8"])
@pytest.mark.parametrize("seed", range(4))
def test_x_ticks_in_the_same_layout_read_alike(tmp_path, seed, how):
    built = checkbox_registers.build(seed, ticks="x", excused_column=False)
    result = parse_file(_write(tmp_path, built.sheet, how))
    assert result.records() == built.records
    assert result.errors == []


@pytest.mark.parametrize("seed", range(4))
def test_a_ticked_excused_column_makes_an_unticked_answer_excused(tmp_path, seed):
    built = checkbox_registers.build(seed, excused_column=True)
    result = parse_file(_write(tmp_path, built.sheet, "xlsx"))
    assert result.records() == built.records
    assert result.errors == []


def _rows(present_header="Có mặt"):
    day = dt.datetime(2025, 7, 4)
    rows = [["ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025"], ["Chi bộ: Chi bộ Đồn Biên phòng Hải Lộc"], [],
            ["Ngày sinh hoạt", "Họ và tên", present_header, "Muộn", "Lý do"]]
    people = [("Ngô Hữu Trí", True, False, None), ("Nguyễn Tấn Tú", True, True, None),
              ("Tạ Thị Bích Nhi", False, False, "Đi học"), ("Lê Minh Đạt", False, False, None)]
    for position, (name, present, late, reason) in enumerate(people):
        rows.append([day if position == 0 else None, name, present, late, reason])
    return rows


def _sheet(rows):
    from layouts.sheet import Sheet

    return Sheet("Điểm danh", width=5, rows=rows)


def test_without_a_note_the_reasons_are_read_with_one_warning_quoting_the_cell(tmp_path):
    result = parse_file(_write(tmp_path, _sheet(_rows()), "csv_utf8"))
    assert [r["status"] for r in result.records()] == ["present", "late", "excused", "absent"]
    told = [w["message"] for w in result.warnings if "có lý do ở cột E «Lý do»" in w["message"]]
    assert len(told) == 1 and "«FALSE»" in told[0]


def test_a_late_tick_on_an_unticked_answer_refuses_the_row_naming_both_cells(tmp_path):
    rows = _rows()
    rows[6][3] = True  # Tạ Thị Bích Nhi: not present, yet late
    result = parse_file(_write(tmp_path, _sheet(rows), "xlsx"))
    assert [r["full_name"] for r in result.records()] == ["Ngô Hữu Trí", "Nguyễn Tấn Tú", "Lê Minh Đạt"]
    assert len(result.errors) == 1
    error = result.errors[0]
    assert (error["row"], error["column"]) == (7, "C") and DISAGREES in error["message"] and "D7" in error["message"]


@pytest.mark.parametrize("header", ["Điểm danh", "Tình hình dự họp"])
def test_a_checkbox_under_a_header_naming_nothing_is_refused(tmp_path, header):
    result = parse_file(_write(tmp_path, _sheet(_rows(header)), "xlsx"))
    assert result.records() == []
    assert result.errors and all(UNREAD in error["message"] for error in result.errors)
