"""An attendance kept one block per person with the name merged down over the person's meeting rows is read with
the name filled down, whether the file is xlsx or ODS (ODS merges are read by importers.ods_merges)."""

import pytest
from layouts import person_blocks
from layouts.writers import write_csv, write_ods, write_xlsx

from importers import parse_file
from importers.ods_merges import ods_vertical_merges


def _read(built):
    return [(r["full_name"], r["date"], r["status"], r["unit"]) for r in built.records()]


@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
@pytest.mark.parametrize("seed", range(10))
def test_name_merged_down_over_a_persons_rows(tmp_path, seed, suffix):
    built = person_blocks.build(seed)
    path = tmp_path / f"f.{suffix}"
    (write_xlsx if suffix == "xlsx" else write_ods)(path, [built.sheet])
    result = parse_file(path)
    assert result.kind == "attendance"
    assert _read(result) == built.records
    assert result.errors == []


def test_ods_merges_in_calamine_form(tmp_path):
    built = person_blocks.build(1)
    write_ods(tmp_path / "f.ods", [built.sheet])
    merges = ods_vertical_merges(tmp_path / "f.ods")["Theo doi"]
    assert sorted(merges) == sorted(((r0, c0), (r1, c1)) for r0, c0, r1, c1 in built.sheet.merges if r1 > r0)


def test_ods_table_starting_below_and_right_of_a1(tmp_path):
    built = person_blocks.build(3)
    built.sheet.rows = [[], []] + [[None] + row for row in built.sheet.rows]
    built.sheet.merges = [(r0 + 2, c0 + 1, r1 + 2, c1 + 1) for r0, c0, r1, c1 in built.sheet.merges]
    built.sheet.width += 1
    write_ods(tmp_path / "f.ods", [built.sheet])
    result = parse_file(tmp_path / "f.ods")
    assert _read(result) == built.records
    assert result.errors == []


FILLED = "đã lấy tên của dòng đầu khối"
NOT_FILLED = "chưa lấy tên phía trên"


@pytest.mark.parametrize("with_note", [True, False])
@pytest.mark.parametrize("seed", range(10))
def test_name_on_a_blocks_first_row_only_once_the_merge_is_lost(tmp_path, seed, with_note):
    built = person_blocks.build(seed, with_note)
    write_csv(tmp_path / "f.csv", built.sheet, "csv_utf8")
    result = parse_file(tmp_path / "f.csv")
    assert _read(result) == built.records
    assert result.errors == []
    told = [w["message"] for w in result.warnings if FILLED in w["message"]]
    assert len(told) == 1 and f"{len(built.unmerged)} dòng" in told[0]
    assert f"B{built.unmerged[0]}" in told[0]


def _csv(tmp_path, built):
    write_csv(tmp_path / "f.csv", built.sheet, "csv_utf8")
    return parse_file(tmp_path / "f.csv")


def test_a_numbered_row_without_a_name_is_missing_data(tmp_path):
    built = person_blocks.build(2)
    row = built.unmerged[-1] - 1
    built.sheet.rows[row][0] = 99
    result = _csv(tmp_path, built)
    assert len(result.errors) == len(built.unmerged)
    assert all("thiếu họ và tên" in error["message"] for error in result.errors)
    told = [w["message"] for w in result.warnings if NOT_FILLED in w["message"]]
    assert len(told) == 1 and f"dòng {row + 1} có số thứ tự riêng" in told[0]
    assert not any(FILLED in w["message"] for w in result.warnings)


def test_a_meeting_twice_in_one_block_is_another_person(tmp_path):
    built = person_blocks.build(4)
    second = next(row for row in built.unmerged if row - 1 in built.unmerged) - 1
    first = second - 1
    built.sheet.rows[second][2] = built.sheet.rows[first][2]
    result = _csv(tmp_path, built)
    assert len(result.records()) == len(built.records) - len(built.unmerged)
    assert any(NOT_FILLED in w["message"] and "ghi hai lần" in w["message"] for w in result.warnings)


def test_a_stray_blank_name_is_not_filled(tmp_path):
    rows = [["STT", "Họ và tên", "Ngày sinh hoạt", "Chi bộ", "Kết quả"]]
    rows += [[n, f"Nguyễn Văn {given}", "05/01/2025", "Chi bộ Thôn 1", "x"]
             for n, given in enumerate(["An", "Bình", "Cường", "Dũng"], 1)]
    rows.insert(3, [None, None, "05/02/2025", "Chi bộ Thôn 1", "x"])
    path = tmp_path / "f.csv"
    path.write_text("\n".join(",".join("" if v is None else str(v) for v in row) for row in rows), encoding="utf-8")
    result = parse_file(path)
    assert len(result.records()) == 4
    assert [error["row"] for error in result.errors] == [4]
    assert not any(FILLED in w["message"] or NOT_FILLED in w["message"] for w in result.warnings)


def test_a_blank_left_under_merged_names_stays_missing(tmp_path):
    built = person_blocks.build(5)
    row = built.unmerged[0] - 1
    built.sheet.merges = [m for m in built.sheet.merges if not (m[0] <= row <= m[2])]
    write_xlsx(tmp_path / "f.xlsx", [built.sheet])
    result = parse_file(tmp_path / "f.xlsx")
    assert any(error["row"] == row + 1 and "thiếu họ và tên" in error["message"] for error in result.errors)
    assert not any(FILLED in w["message"] for w in result.warnings)


def test_ods_merges_across_one_row_only_are_none(tmp_path):
    built = person_blocks.build(6)
    built.sheet.merges = [(0, 0, 0, 4)]
    write_ods(tmp_path / "f.ods", [built.sheet])
    assert ods_vertical_merges(tmp_path / "f.ods") == {}
