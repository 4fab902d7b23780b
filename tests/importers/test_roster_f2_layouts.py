"""Generated roster families (tests/importers/layouts/roster_families.py): units marked by an "x" under short chi bộ
columns, a unit column merged down over each group, a Word table pasted into Excel, and name-with-position cells
beside one text naming group, role and chi bộ. Each seed is one variation of wording, position and title block."""

import random

import pytest
from openpyxl import Workbook

from importers import parse_file
from tests.importers.layouts import roster_families as families

SEEDS = range(24)


def write(path, built):
    book = Workbook()
    sheet = book.active
    sheet.title = "DS"
    for row in built.rows:
        sheet.append(list(row) if row else [])
    for r0, c0, r1, c1 in built.merges:
        sheet.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
    book.save(path)
    return path


def parse(tmp_path, built):
    return parse_file(write(tmp_path / "f.xlsx", built))


def assert_read(result, built):
    assert result.kind == "roster"
    assert result.records() == built.records, [row for row in built.rows]
    assert result.errors == []


@pytest.mark.parametrize("seed", SEEDS)
def test_units_marked_under_short_chi_bo_columns(tmp_path, seed):
    built = families.unit_marks(random.Random(seed))
    result = parse(tmp_path, built)
    assert_read(result, built)
    assert not [w for w in result.warnings if "chưa dùng" in w["message"]]


@pytest.mark.parametrize("seed", SEEDS)
def test_two_marks_in_a_row_give_one_record_per_unit(tmp_path, seed):
    built = families.unit_marks(random.Random(100 + seed), two_marks=True)
    assert_read(parse(tmp_path, built), built)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_unit_column_merged_down_over_each_group(tmp_path, seed):
    built = families.merged_unit(random.Random(seed))
    result = parse(tmp_path, built)
    assert_read(result, built)
    assert not [w for w in result.warnings if "chưa dùng" in w["message"]]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_position_or_name_spilling_onto_the_next_row_is_joined(tmp_path, seed):
    built = families.spilled_rows(random.Random(seed))
    assert_read(parse(tmp_path, built), built)


@pytest.mark.parametrize("seed", SEEDS)
def test_name_with_position_and_one_text_for_group_role_and_unit(tmp_path, seed):
    built = families.task_texts(random.Random(seed))
    assert_read(parse(tmp_path, built), built)


# ---- the edges: what the reader refuses or warns about -----------------------------------------------------

TITLE = [["ĐẢNG BỘ PHƯỜNG BẮC HỒNG"], ["DANH SÁCH PHÂN CÔNG"], []]
MARK_HEADER = [["STT", "Họ và tên", "Đoàn", "Nhiệm vụ", "Địa bàn phụ trách", None, None],
               [None, None, None, None, "CB TDP 1", "CB TDP 2", "CB Trường TH"]]
MARK_MERGES = [(3, 4, 3, 6)] + [(3, c, 4, c) for c in range(4)]


def test_a_row_ticked_under_no_unit_is_warned_and_a_word_among_the_ticks_fails_its_row(tmp_path):
    rows = TITLE + MARK_HEADER + [[1, "Nguyễn Văn An", "Đoàn 1", "Trưởng đoàn", "x", None, None],
                                  [2, "Lê Thị Hà", "Đoàn 1", "Thành viên", None, None, None],
                                  [3, "Trần Văn Bình", "Đoàn 1", "Thành viên", None, "từ tháng 6", None],
                                  [4, "Phạm Thu Lan", "Đoàn 1", "Thành viên", None, None, "x"]]
    result = parse(tmp_path, families.Built(rows, MARK_MERGES))
    assert [(r["full_name"], r["unit"]) for r in result.records()] == [
        ("Nguyễn Văn An", "Chi bộ TDP 1"), ("Lê Thị Hà", None), ("Phạm Thu Lan", "Chi bộ Trường TH")]
    assert [(e["row"], e["column"]) for e in result.errors] == [(8, "F")]
    assert "F8" in result.errors[0]["message"] and "từ tháng 6" in result.errors[0]["message"]
    assert any(w["row"] == 7 and "không đánh dấu chi bộ" in w["message"] for w in result.warnings)


def test_ticks_under_a_unit_header_whose_columns_name_no_unit_are_never_read_as_units(tmp_path):
    rows = TITLE + [["STT", "Họ và tên", "Đoàn", "Nhiệm vụ", "Địa bàn phụ trách", None, None],
                    [None, None, None, None, 1, 2, 3],
                    [1, "Nguyễn Văn An", "Đoàn 1", "Trưởng đoàn", "x", None, None],
                    [2, "Lê Thị Hà", "Đoàn 1", "Thành viên", None, "x", None]]
    result = parse(tmp_path, families.Built(rows, MARK_MERGES))
    assert [r["unit"] for r in result.records()] == [None, None]
    assert any("chỉ có dấu đánh dấu" in w["message"] for w in result.warnings)


def test_a_chi_bo_column_without_merged_cells_stays_unread(tmp_path):
    rows = TITLE + [["STT", "Họ và tên", "Đoàn", "Nhiệm vụ", "Chi bộ"],
                    [1, "Nguyễn Văn An", "Đoàn 1", "Trưởng đoàn", "Chi bộ Tổ dân phố 1"],
                    [2, "Lê Thị Hà", "Đoàn 1", "Thành viên", "Chi bộ Tổ dân phố 2"]]
    result = parse(tmp_path, families.Built(rows))
    assert [r["unit"] for r in result.records()] == [None, None]  # a member's own chi bộ, maybe: not guessed
    assert any("chưa dùng" in w["message"] for w in result.warnings)


def test_a_spilled_cong_an_is_no_totals_line_and_a_lone_name_without_numbering_is_no_spill(tmp_path):
    rows = TITLE + [["STT", "Họ và tên", "Chức vụ", "Đoàn", "Nhiệm vụ"],
                    [1, "Nguyễn Văn An", "Trưởng", "Đoàn 1", "Trưởng đoàn"],
                    [None, None, "Công an phường", None, None],
                    [2, "Lê Thị Hà", "Chuyên viên", "Đoàn 1", "Thành viên"]]
    result = parse(tmp_path, families.Built(rows))
    assert [(r["full_name"], r["position"]) for r in result.records()] == [
        ("Nguyễn Văn An", "Trưởng Công an phường"), ("Lê Thị Hà", "Chuyên viên")]
    assert result.errors == []
    rows = TITLE + [["Họ và tên", "Chức vụ", "Đoàn", "Nhiệm vụ"],
                    ["Nguyễn Văn An", "Trưởng Công an", "Đoàn 1", "Trưởng đoàn"],
                    ["Lê Thị Hà", None, None, None]]
    result = parse(tmp_path, families.Built(rows))
    assert [r["full_name"] for r in result.records()] == ["Nguyễn Văn An", "Lê Thị Hà"]


def test_a_unit_in_the_task_text_that_contradicts_the_unit_column_fails_the_row(tmp_path):
    rows = TITLE + [["STT", "Họ và tên", "Nhiệm vụ", "Đơn vị phụ trách"],
                    [1, "Nguyễn Văn An", "Trưởng Đoàn công tác số 2, phụ trách Chi bộ Tổ dân phố 5",
                     "Chi bộ Tổ dân phố 5"],
                    [2, "Lê Thị Hà", "TV Đoàn 2 - CB Trường THCS", "Chi bộ Tổ dân phố 6"],
                    [3, "Trần Văn Bình", "TV Đoàn 2 - CB Trường THCS", None]]
    result = parse(tmp_path, families.Built(rows))
    assert [(r["full_name"], r["unit"]) for r in result.records()] == [
        ("Nguyễn Văn An", "Chi bộ Tổ dân phố 5"), ("Trần Văn Bình", "Chi bộ Trường THCS")]
    assert [(e["row"], e["column"]) for e in result.errors] == [(6, "C")]
    assert "đơn vị phụ trách" in result.errors[0]["message"]


def test_one_row_ticked_under_two_units_is_not_taken_for_a_person_listed_twice(tmp_path):
    rows = TITLE + [["STT", "Họ và tên", "Ngày sinh", "Đoàn", "Nhiệm vụ", "Chi bộ 1", "Chi bộ 2"],
                    [1, "Nguyễn Văn An", "05/03/1975", "Đoàn 1", "Trưởng đoàn", "x", "x"],
                    [2, "Lê Thị Hà", "12/11/1980", "Đoàn 1", "Thành viên", None, "x"]]
    result = parse(tmp_path, families.Built(rows))
    assert [(r["full_name"], r["unit"]) for r in result.records()] == [
        ("Nguyễn Văn An", "Chi bộ 1"), ("Nguyễn Văn An", "Chi bộ 2"), ("Lê Thị Hà", "Chi bộ 2")]
    assert result.row_frame["record_count"].tolist()[-2:] == [2, 1]
    assert not [w for w in result.warnings if "hơn một dòng" in w["message"]]
