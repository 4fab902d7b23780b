"""Wide registers whose meetings take two header rows (generated): 'Lần 1' over its day and month ('(10/01)',
'ngày 10/01', a date cell) in the title's year, a note merged across meeting cells read as no mark; bare month
numbers under 'Năm 2025' (or under 'Tháng' with the year in the title) as the 1st of each month. Numbers that are
no months (a column numbering under the whole header, numbers that do not rise) and meetings numbered without any
date are never given dates."""

import numpy as np
import pytest
from layouts import two_row_meetings
from layouts.writers import write_by_seed

from importers import parse_file
from importers.errors import ImportFileError
from importers.kinds.blank_cells import NOTE
from importers.kinds.merged_notes import merged_notes
from importers.locating import locate_table
from importers.parsing import HEADER_SPECS
from importers.validating import Issues

SEEDS = range(30)
FORMATS = ("xlsx", "ods", "csv")
NOTE_WORDS = "ô ghi chú gộp qua nhiều cột buổi sinh hoạt"


def _written(tmp_path, seed, build, **options):
    csv = FORMATS[seed % len(FORMATS)] == "csv"
    if build is two_row_meetings.numbered:
        options = {"notes": not csv, "cells": not csv, **options}
    sheet, expected, facts = build(seed, **options)
    return write_by_seed(tmp_path, "register", sheet, seed, FORMATS), expected, facts


@pytest.mark.parametrize("seed", SEEDS)
def test_meeting_numbers_over_their_dates_read_exactly(tmp_path, seed):
    path, expected, facts = _written(tmp_path, seed, two_row_meetings.numbered)
    result = parse_file(path)
    assert result.kind == "attendance"
    assert result.records() == expected
    assert result.errors == []
    notes = [item["message"] for item in result.warnings if NOTE_WORDS in item["message"]]
    assert len(notes) == (1 if facts["notes"] else 0)
    assert all(f"{facts['notes']} {NOTE_WORDS}" in message for message in notes)
    assert len(result.warnings) == len(notes)


@pytest.mark.parametrize("seed", range(9))
def test_meeting_numbers_without_dates_are_never_dated(tmp_path, seed):
    path, expected, _ = _written(tmp_path, seed, two_row_meetings.numbered, dated=False)
    try:
        result = parse_file(path)
    except ImportFileError:
        return
    assert not (result.kind == "attendance" and result.records())
    assert result.errors or result.warnings


@pytest.mark.parametrize("seed", SEEDS)
def test_month_numbers_under_a_year_or_thang_read_exactly(tmp_path, seed):
    path, expected, _ = _written(tmp_path, seed, two_row_meetings.month_numbers)
    result = parse_file(path)
    assert result.kind == "attendance"
    assert result.records() == expected
    assert result.errors == []
    assert result.warnings == []


@pytest.mark.parametrize("kind", ["numbering", "unordered"])
@pytest.mark.parametrize("seed", range(6))
def test_small_numbers_that_are_no_months_give_no_month_dates(tmp_path, seed, kind):
    sheet, misread = two_row_meetings.numbers_not_months(seed, kind)
    try:
        result = parse_file(write_by_seed(tmp_path, "register", sheet, seed, FORMATS))
    except ImportFileError:
        return
    assert not {record.get("date") for record in result.records()} & set(misread)
    assert result.errors or result.warnings


def test_a_column_numbering_row_is_not_read_as_months():
    rows = [["THEO DÕI SINH HOẠT NĂM 2025"], [],
            ["Họ và tên", "Năm 2025", None, None, None, "Ghi chú"],
            [1, 2, 3, 4, 5, 6],
            ["Lê Văn An", "x", "x", "p", "x", None]]
    table = locate_table(rows, "S", HEADER_SPECS)
    assert not any(table.dates)


def test_month_numbers_under_two_years_take_each_its_own():
    rows = [["STT", "Họ và tên", "Năm 2024", None, None, None, "Năm 2025", None, None, "Ghi chú"],
            [None, None, 9, 10, 11, 12, "01", "02", "03", None],
            [1, "Lê Văn An", "x", "x", "p", "x", "x", "v", "x", None]]
    table = locate_table(rows, "S", HEADER_SPECS)
    assert table.dates[2:9] == ["2024-09-01", "2024-10-01", "2024-11-01", "2024-12-01", "2025-01-01",
                                "2025-02-01", "2025-03-01"]


class _Month:
    def __init__(self, index):
        self.index, self.letter = index, "CDEFGH"[index - 2]


class _Context:
    def __init__(self, spans):
        self.spans, self.issues = (lambda: spans), Issues("S")


MONTHS = [_Month(index) for index in range(2, 5)]


def test_a_merged_note_gives_its_cells_no_mark_and_one_warning():
    marks = np.array(["x", "P", "K", "Chưa kết nạp", None, "x"], dtype=object)
    context = _Context([(7, 2, 7, 3, "Chưa kết nạp")])
    codes = merged_notes(np.array([0, 1, 2, -2, -1, 0]), marks, np.array([7, 8]), MONTHS, context, unknown=-2)
    assert list(codes) == [0, 1, 2, NOTE, NOTE, 0]
    assert "C8–D8 «Chưa kết nạp»" in context.issues.warnings[0]["message"]


@pytest.mark.parametrize("marks, span", [
    (["Chưa kết nạp", "x", None], (6, 2, 6, 4, "Chưa kết nạp")),  # the covered cells hold marks of their own
    (["Đi viện", None, None], (6, 2, 6, 4, "Chưa kết nạp")),  # another text than the merge's as read
    (["Đi viện", None, None], (6, 3, 6, 4, "Đi viện")),  # the merge starts on another cell
])
def test_a_merge_that_no_longer_fits_the_cells_is_no_note(marks, span):
    context = _Context([span])
    codes = merged_notes(np.array([-2] + [0 if mark else -1 for mark in marks[1:]]), np.array(marks, dtype=object),
                         np.array([7]), MONTHS, context, unknown=-2)
    assert NOTE not in codes
    assert context.issues.warnings == []


def test_merges_are_not_read_while_every_mark_reads():
    def never():
        raise AssertionError("read")

    context = _Context([])
    context.spans = never
    codes = merged_notes(np.array([0, 1, -1]), np.array(["x", "P", None], dtype=object), np.array([7]), MONTHS,
                         context, unknown=-2)
    assert list(codes) == [0, 1, -1]


def test_the_merged_note_of_a_sample_row_reads_no_mark(tmp_path):
    from layouts.sheet import Sheet
    from layouts.writers import write_ods

    sheet = Sheet("Diem danh", width=6)
    sheet.add(["SỔ ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025"])
    sheet.add(["Đơn vị: Chi bộ thôn Trung Hà"])
    sheet.add(["TT", "Họ và tên", "Lần 1", "Lần 2", "Lần 3", "Ghi chú"])
    sheet.add([None, None, "(10/01)", "(07/02)", "(10/03)", None])
    sheet.add([1, "Tạ Thanh Hằng", "M", "Có", "có", None])
    sheet.add([2, "Phạm Hữu Sáng", "Chưa kết nạp", None, "K", "Kết nạp ngày 19/3/2025"])
    sheet.merge(5, 2, 5, 3)
    sheet.add([])
    sheet.add(["Ký hiệu: Có - có mặt; P - vắng có phép; K - vắng không phép; M - đến muộn"])
    write_ods(tmp_path / "m.ods", [sheet])
    result = parse_file(tmp_path / "m.ods")
    assert [(r["full_name"], r["date"], r["status"]) for r in result.records()] == [
        ("Tạ Thanh Hằng", "2025-01-10", "late"), ("Tạ Thanh Hằng", "2025-02-07", "present"),
        ("Tạ Thanh Hằng", "2025-03-10", "present"), ("Phạm Hữu Sáng", "2025-03-10", "absent")]
    assert result.errors == []
    assert "C6–D6 «Chưa kết nạp»" in result.warnings[0]["message"]
