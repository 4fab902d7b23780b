"""Families of blind batch b10 (tests/importers/layouts/cells_and_lines.py): a name split over "Họ và chữ lót" |
"Tên" (or three columns) in a register, name and position in one cell under "Đồng chí - chức vụ", section lines
among a register's people, and a roster totals line labelled outside the name column. Each seed is one variation
of wording and layout, saved as .xlsx, .ods or .csv."""

import csv
import random

import pytest

from importers import parse_file
from importers.column_types import name_part_of_label
from importers.kinds.section_lines import is_section_line
from importers.kinds.stacked_fields import stacked_fields
from tests.importers.layouts import cells_and_lines as families
from tests.importers.layouts.sheet import Sheet
from tests.importers.layouts.writers import write_ods, write_xlsx

SEEDS = range(16)


def save(tmp_path, built, fmt: str):
    """The built sheet as .xlsx / .ods (with its merges) or as a UTF-8 BOM CSV with CRLF (merges lost)."""
    path = tmp_path / f"f.{fmt}"
    if fmt == "csv":
        width = max(len(row) for row in built.rows)
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            for row in built.rows:
                writer.writerow([("" if value is None else value) for value in row] + [""] * (width - len(row)))
        return path
    sheet = Sheet(name="DS", width=max(len(row) for row in built.rows), rows=[list(row) for row in built.rows],
                  merges=list(built.merges))
    (write_ods if fmt == "ods" else write_xlsx)(path, [sheet])
    return path


def parse(tmp_path, built, fmt):
    return parse_file(save(tmp_path, built, fmt))


def unused(result) -> list[str]:
    return [w["message"] for w in result.warnings if "chưa dùng" in w["message"] or "một chữ" in w["message"]]


# ---- 1. split names ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("label, part", [
    ("Họ và chữ lót", "head"), ("Họ, chữ lót", "head"), ("Họ và tên lót", "head"), ("Họ đệm", "head"),
    ("Họ và đệm", "head"), ("HỌ VÀ TÊN ĐỆM", "head"), ("Họ chữ lót", "head"), ("Họ và tên đệm lót", "head"),
    ("Họ", "surname"), ("Tên đệm", "middle"), ("Chữ lót", "middle"), ("Tên lót", "middle"), ("Đệm", "middle"),
    ("Tên", "given"), ("Tên gọi", "given"),
    ("Họ và tên", None), ("Họ tên", None), ("Tên đảng viên", None), ("Họ và tên đảng viên", None), ("Chức vụ", None),
])
def test_name_part_wordings(label, part):
    assert name_part_of_label(label) == part


@pytest.mark.parametrize("seed", SEEDS)
def test_a_register_name_split_over_columns_is_joined(tmp_path, seed):
    built = families.split_name_register(random.Random(seed))
    result = parse(tmp_path, built, "csv" if seed % 2 else "xlsx")
    assert result.kind == "attendance"
    assert result.records() == built.records, built.rows
    assert result.errors == []
    assert unused(result) == []


# ---- 2. name and position in one cell -------------------------------------------------------------------------

@pytest.mark.parametrize("label, parts", [
    ("Đồng chí - chức vụ", ("Họ và tên đồng chí", "chức vụ")),
    ("Đ/c, chức vụ", ("Họ và tên đồng chí", "chức vụ")),
    ("Họ tên, chức vụ", ("Họ tên", "chức vụ")),
    ("Họ và tên - Chức vụ", ("Họ và tên", "Chức vụ")),
    ("Đồng chí", None),
    ("Vai trò của đồng chí trong Đoàn", None),
    ("Ngày, tháng, năm sinh", None),
])
def test_person_and_position_header_wordings(label, parts):
    assert stacked_fields(label) == parts


@pytest.mark.parametrize("seed", SEEDS)
def test_name_and_position_in_one_cell_after_an_honorific(tmp_path, seed):
    built = families.name_dash_position(random.Random(seed))
    result = parse(tmp_path, built, "ods" if seed % 2 else "xlsx")
    assert result.kind == "roster"
    assert result.records() == built.records, built.rows
    assert result.errors == []


# ---- 3. section lines -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("row, section", [
    (["I. ĐẢNG VIÊN CHÍNH THỨC", None, None, None], True),
    (["Đảng viên dự bị", None, None], True),
    (["ĐẢNG VIÊN MIỄN SINH HOẠT", None], True),
    (["B. Dự bị", None, None], True),
    (["Nguyễn Văn An", None, None], False),  # a name typed in the wrong column is still an error
    (["III. Đảng viên miễn sinh hoạt", None, "x"], False),  # a mark where the meetings go
    ([1, None, "x"], False),
])
def test_section_line_is_text_only_left_of_the_names(row, section):
    assert is_section_line(row, 1) is section


@pytest.mark.parametrize("seed", SEEDS)
def test_section_lines_among_the_people_are_skipped(tmp_path, seed):
    built = families.section_register(random.Random(seed))
    result = parse(tmp_path, built, "ods" if seed % 2 else "xlsx")
    assert result.kind == "attendance"
    assert sorted(map(str, result.records())) == sorted(map(str, built.records)), built.rows
    assert result.errors == []
    skipped = [row for row in result.rows if row["outcome"] == "skipped" and "mục" in row["reason"]]
    sections = {text for wordings in families.SECTION_SETS for text in wordings}
    assert len(skipped) == sum(1 for row in built.rows if len(row) == 1 and row[0] in sections)


def test_a_person_without_a_name_is_still_an_error(tmp_path):
    built = families.section_register(random.Random(3))
    at = next(index for index, row in enumerate(built.rows) if row and row[0] == 1)
    built.rows[at] = [1, None] + built.rows[at][2:]
    result = parse(tmp_path, built, "xlsx")
    assert [e["row"] for e in result.errors] == [at + 1]


# ---- 4. a totals line labelled outside the name column ------------------------------------------------------

@pytest.mark.parametrize("seed", SEEDS)
def test_a_totals_line_labelled_in_another_column_is_skipped(tmp_path, seed):
    built = families.labelled_totals(random.Random(seed))
    result = parse(tmp_path, built, "xlsx")
    assert result.kind == "roster"
    assert result.records() == built.records, built.rows
    assert result.errors == []


def test_a_person_beside_a_totals_word_is_not_skipped(tmp_path):
    built = families.labelled_totals(random.Random(1))
    header = built.rows[3]
    role_at, name_at = header.index("Vai trò"), header.index("Họ và tên")
    person = next(row for row in built.rows[4:] if isinstance(row[0], int))
    person[role_at] = "Tổng cộng"
    result = parse(tmp_path, built, "xlsx")
    assert any(person[name_at] in str(e["value"]) or e["field"] == "role" for e in result.errors)
