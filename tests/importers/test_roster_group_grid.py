"""Rosters kept as one table per working group in a grid on one sheet (generated): every block is read with the
group its caption names and the unit its 'Phụ trách:' line names, block by block; a block without the unit line
beside blocks with one is not given a unit without a word."""

import pytest
from layouts import group_grid
from layouts.writers import write_by_seed
from sheet_files import write_sheet

from importers import parse_file

SEEDS = range(25)


@pytest.mark.parametrize("seed", SEEDS)
def test_group_tables_in_a_grid_are_read_exactly(tmp_path, seed):
    sheet, expected = group_grid.build(seed)
    result = parse_file(write_by_seed(tmp_path, "roster", sheet, seed))
    assert (result.kind, result.header_row) == ("roster", 7)
    assert result.records() == expected
    assert result.errors == []
    assert result.warnings == []


HEADER = ["TT", "Họ và tên", "Chức vụ", "Nhiệm vụ"]
PEOPLE = [["Nguyễn Văn An", "Trần Thị Bình"], ["Lê Minh Cường", "Phạm Đức Dũng"], ["Hoàng Thu Giang", "Vũ Ngọc Hà"],
          ["Đặng Quang Hải", "Bùi Xuân Hạnh"]]


def _grid(tmp_path, unit_lines, totals=None):
    """A 2×2 grid of group tables, `unit_lines[n]` under group n+1's caption (None: no such line)."""
    rows = [["THỊ ỦY KỲ ANH"], ["DANH SÁCH CÁC ĐOÀN CÔNG TÁC"], []]
    for band in (0, 1):
        pair = (2 * band, 2 * band + 1)
        rows.append(sum(([f"ĐOÀN CÔNG TÁC SỐ {n + 1}", None, None, None, None] for n in pair), []))
        rows.append(sum(([unit_lines[n], None, None, None, None] for n in pair), []))
        rows.append(HEADER + [None] + HEADER)
        for index, role in enumerate(["Trưởng đoàn", "Thành viên"]):
            rows.append(sum(([index + 1, PEOPLE[n][index], "Chuyên viên", role, None] for n in pair), []))
        if totals:
            rows.append(sum(([f"Cộng: {totals[n]} đồng chí", None, None, None, None] for n in pair), []))
        rows.append([])
    return parse_file(write_sheet(tmp_path / "grid.xlsx", rows))


def test_each_block_of_a_grid_keeps_its_caption_group_and_unit_line(tmp_path):
    units = [f"Phụ trách: Đảng bộ xã Kỳ {name}" for name in ("Ninh", "Hoa", "Tân", "Lợi")]
    result = _grid(tmp_path, units, totals=[2, 2, 2, 2])
    assert result.errors == [] and result.warnings == [] and result.header_row == 6
    assert [(r["full_name"], r["group"], r["unit"]) for r in result.records()] == [
        (name, f"Đoàn công tác số {n + 1}", units[n].removeprefix("Phụ trách: "))
        for n in range(4) for name in PEOPLE[n]]


def test_a_block_without_its_unit_line_is_not_given_another_blocks_unit(tmp_path):
    result = _grid(tmp_path, ["Phụ trách: Đảng bộ xã Kỳ Ninh", None, "Phụ trách: Đảng bộ xã Kỳ Tân",
                              "Phụ trách: Đảng bộ xã Kỳ Lợi"])
    assert not any(r["full_name"] in PEOPLE[1] and r["unit"] for r in result.records())
    assert any(w["row"] == 6 and w["column"] == "F" and "không ghép được" in w["message"] for w in result.warnings)


def test_a_block_total_that_does_not_count_its_rows_is_not_read_past(tmp_path):
    result = _grid(tmp_path, [f"Phụ trách: Đảng bộ xã Kỳ {name}" for name in ("Ninh", "Hoa", "Tân", "Lợi")],
                   totals=[2, 3, 2, 2])
    assert any(w["row"] == 6 and "dòng cộng" in w["message"] for w in result.warnings)
    assert not any(item["what"] == "Bảng đặt cạnh nhau" for item in result.inferences)
