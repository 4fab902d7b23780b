"""A register whose meeting date stands on each meeting's first row only (a merge lost on saving), the status given
by 'x' in tick columns 'Có mặt | Đến muộn': every row of a meeting reads its ticks the same way, whether or not it
carries the date (the ticks were once folded into a status on dated rows only, so a late or present row below the
first read as absent)."""

import pytest
from layouts import checkbox_registers
from layouts.writers import write_csv, write_xlsx

from importers import parse_file


@pytest.mark.parametrize("date_header", ["Ngày sinh hoạt", "Ngày họp", "Ngày SH", "Ngày SHCB"])
@pytest.mark.parametrize("how", ["xlsx", "csv_utf8"])
@pytest.mark.parametrize("seed", [0, 2, 5])
def test_ticks_read_alike_on_every_row_of_a_meeting(tmp_path, seed, how, date_header):
    built = checkbox_registers.build(seed, ticks="x", excused_column=False, date_header=date_header)
    path = tmp_path / f"f.{how[:4].rstrip('_')}"
    if how == "xlsx":
        write_xlsx(path, [built.sheet])
    else:
        write_csv(path, built.sheet, how)
    result = parse_file(path)
    assert result.records() == built.records
    assert result.errors == []


@pytest.mark.parametrize("spacer", [True, False])
def test_the_signature_block_under_the_last_meeting_is_no_row_of_it(tmp_path, spacer):
    built = checkbox_registers.build(2, ticks="x", excused_column=False, date_header="Ngày sinh hoạt")
    if spacer:
        built.sheet.add()
    built.sheet.add(["", "Người lập biểu", "", "", "T/M Chi ủy"])
    built.sheet.add(["", "", "", "", "Bí thư"])
    write_xlsx(tmp_path / "f.xlsx", [built.sheet])
    result = parse_file(tmp_path / "f.xlsx")
    assert result.records() == built.records
    assert result.errors == []
