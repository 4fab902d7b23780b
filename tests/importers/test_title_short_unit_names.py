"""A register's title block naming its chi bộ twice: SHORT in the capitals org header ("CHI BỘ CÔNG TY LÂM NGHIỆP")
and in full on a line in ordinary case ("Chi bộ Công ty TNHH MTV Lâm nghiệp Lâm Thắng"), under the đảng bộ whose
place the full name closes on ("ĐẢNG BỘ XÃ LÂM THẮNG"): the full name is the unit (``importers.unit_spellings``).
A short name with another number, kind, word or order, or two full names, name no unit, and the file says so."""

import datetime as dt

import pytest
from openpyxl import Workbook

from importers import parse_file
from importers.sheet_context import title_unit
from importers.unit_spellings import shortens

SUPERIOR = "ĐẢNG BỘ XÃ LÂM THẮNG"
SHORT = "CHI BỘ CÔNG TY LÂM NGHIỆP"
FULL = "Chi bộ Công ty TNHH MTV Lâm nghiệp Lâm Thắng"
TITLE = "BẢNG THEO DÕI ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ NĂM 2025"
DATES = [dt.datetime(2025, 1, 8), dt.datetime(2025, 2, 12), dt.datetime(2025, 3, 10)]
PEOPLE = [("Cao Thị Tâm", ["x", "x", "P"]), ("Nguyễn Quang Tài", ["V", "x", "x"]), ("Lò Văn Xôm", ["x", "M", "x"])]
STATUS = {"x": "present", "P": "excused", "V": "absent", "M": "late"}


def register(path, superior=SUPERIOR, short=SHORT, full=FULL):
    """b65_09's title block (the đảng bộ with the party's name beside it, the short org header, the title, the full
    name), then a register of one column per meeting and its legend."""
    book = Workbook()
    sheet = book.active
    rows = [[superior, None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"], [short], [TITLE], [full], [],
            ["STT", "Họ và tên", *DATES]]
    rows += [[number, name, *marks] for number, (name, marks) in enumerate(PEOPLE, start=1)]
    rows += [[], ["Ghi chú: x - có mặt; P - vắng có phép; V - vắng không phép; M - đi muộn."]]
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_the_full_name_under_a_short_org_header_is_every_rows_unit(tmp_path):
    result = parse_file(register(tmp_path / "r.xlsx"))
    records = result.records()
    assert [(record["full_name"], record["date"], record["status"]) for record in records] == [
        (name, f"{day:%Y-%m-%d}", STATUS[mark]) for name, marks in PEOPLE for day, mark in zip(DATES, marks)]
    assert {record["unit"] for record in records} == {FULL}
    [unit] = [item for item in result.inferences if item["what"] == "Chi bộ"]
    assert unit["value"] == FULL
    assert "dòng 4" in unit["source"] and f"dòng 2 «{SHORT}»" in unit["source"]
    assert result.warnings == [] and result.errors == []


@pytest.mark.parametrize("short, full", [
    ("CHI BỘ CÔNG TY LÂM NGHIỆP", "Chi bộ Công ty TNHH Lâm nghiệp Châu Thắng"),  # another commune's company
    ("CHI BỘ LÂM NGHIỆP CHÂU THẮNG", FULL),  # a word the full name lacks
    ("CHI BỘ THÔN 1", "Chi bộ Thôn 12"),
])
def test_a_short_name_of_another_unit_gives_no_unit_and_says_so(tmp_path, short, full):
    result = parse_file(register(tmp_path / "r.xlsx", short=short, full=full))
    assert len(result.records()) == 9 and {record["unit"] for record in result.records()} == {None}
    assert any("chi bộ" in warning["message"] for warning in result.warnings)


LETTERHEAD = [(1, SUPERIOR), (1, "ĐẢNG CỘNG SẢN VIỆT NAM")]


def lines(short, full, letterhead=LETTERHEAD, *more):
    return [*letterhead, (2, short), (3, TITLE), (4, full), *more]


@pytest.mark.parametrize("short, full, unit", [
    (SHORT, FULL, FULL),
    (SHORT, "Chi bộ Công ty TNHH MTV Lâm nghiệp xã Lâm Thắng", "Chi bộ Công ty TNHH MTV Lâm nghiệp xã Lâm Thắng"),
    (SHORT, "Chi bộ Công ty Cổ phần Lâm nghiệp", "Chi bộ Công ty Cổ phần Lâm nghiệp"),
    (SHORT, f"{FULL} - Đảng bộ xã Lâm Thắng", FULL),  # the superior after a dash is no part of the name
    ("CHI BỘ THÔN 1", "Chi bộ Thôn 1 xã Lâm Thắng", "Chi bộ Thôn 1 xã Lâm Thắng"),
    ("CHI BỘ TỔ DÂN PHỐ 3", "Chi bộ Tổ dân phố số 3 Lâm Thắng", "Chi bộ Tổ dân phố số 3 Lâm Thắng"),
    # an abbreviation of the full line written out as the short one spells it
    ("CHI BỘ HỢP TÁC XÃ CHÈ TÂN CƯƠNG", "Chi bộ HTX chè Tân Cương xã Lâm Thắng",
     "Chi bộ Hợp tác xã chè Tân Cương xã Lâm Thắng"),
    ("CHI BỘ HTX CHÈ TÂN CƯƠNG", "Chi bộ Hợp tác xã chè Tân Cương Lâm Thắng",
     "Chi bộ Hợp tác xã chè Tân Cương Lâm Thắng"),
])
def test_a_short_org_header_and_its_full_name_are_one_unit(short, full, unit):
    found = title_unit(lines(short, full))
    assert found is not None and found.value == unit
    assert found.source.startswith("dòng 4") and f"dòng 2 «{short}»" in found.source


def test_the_place_may_come_from_the_dang_uy_line():
    found = title_unit(lines(SHORT, FULL, [(1, "ĐẢNG ỦY XÃ LÂM THẮNG")]))
    assert found is not None and found.value == FULL


@pytest.mark.parametrize("short, full", [
    ("CHI BỘ THÔN 1", "Chi bộ Thôn 12"),  # another number
    ("CHI BỘ TỔ DÂN PHỐ 3", "Chi bộ Tổ dân phố số 13"),
    ("CHI BỘ THÔN 1", "Chi bộ Thôn 1 Thôn 2"),  # a number added
    ("CHI BỘ LÂM NGHIỆP CHÂU THẮNG", FULL),  # only partly in the full name
    ("CHI BỘ LÂM NGHIỆP CÔNG TY", FULL),  # out of order
    ("CHI BỘ CÔNG TY", FULL),  # the name words added may be another unit's
    ("CHI BỘ ẤP SÓC", "Chi bộ Ấp Sóc Xoài"),
    ("CHI BỘ TRƯỜNG LÊ LỢI", "Chi bộ Trường THCS Lê Lợi"),  # an abbreviation that is no legal form
    ("CHI BỘ CÔNG TY LÂM NGHIỆP", "Chi bộ Công ty TNHH MTV Lâm nghiệp Châu Thắng"),  # not the title's commune
])
def test_a_short_name_the_full_one_does_not_only_lengthen_names_no_unit(short, full):
    assert title_unit(lines(short, full)) is None


def test_without_the_dang_bo_line_the_commune_added_is_unexplained():
    assert title_unit(lines(SHORT, FULL, [])) is None


def test_two_full_names_of_different_units_name_none():
    other = (5, "Chi bộ Công ty TNHH MTV Lâm nghiệp Châu Thắng")
    assert title_unit(lines(SHORT, FULL, LETTERHEAD, other)) is None


def test_a_full_name_in_capitals_over_a_short_one_in_ordinary_case_names_none():
    assert title_unit(lines("Chi bộ Công ty Lâm nghiệp", "CHI BỘ CÔNG TY TNHH MTV LÂM NGHIỆP LÂM THẮNG")) is None


@pytest.mark.parametrize("short, full, shorter", [
    (SHORT, FULL, True),
    (SHORT, "Đảng bộ Công ty TNHH MTV Lâm nghiệp Lâm Thắng", False),  # another kind
    ("CHI BỘ", FULL, False),  # the kind alone
    ("CHI BỘ THÔN", "Chi bộ Thôn Lâm Thắng", False),  # a kind of place and no name
    (SHORT, FULL.upper(), True),
    (FULL, SHORT, False),  # the full name never shortens the short one
])
def test_shortens(short, full, shorter):
    assert shortens(short, full, ["XÃ LÂM THẮNG"]) is shorter
