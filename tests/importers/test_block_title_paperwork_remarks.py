"""A wide register merged by the ward office from several chi bộ's registers onto one sheet: each block opens with a
title naming its chi bộ and a remark about the paperwork holding a date ("1. Chi bộ Khu 3 (sổ gửi ngày 02/01/2026)",
"3. Chi bộ Công an phường (nhận ngày 5/1)"), then its own header of real meeting dates, then its members. The title
names the block's unit only; the remark's date is never a meeting's (``importers.paperwork_remarks``). A title
giving the meeting's date ("Chi bộ Khu 3 - sinh hoạt ngày 05/7/2025") still dates its block; a title naming two
chi bộ is warned about, never read silently."""

import datetime as dt

import pytest
from layouts.sheet import Sheet
from layouts.writers import write_by_seed
from sheet_files import write_sheet

from importers import ImportFileError, parse_file
from importers.caption_units import unit_in_caption
from importers.context import read_context
from importers.meeting_lines import meeting_line_dates
from importers.normalising import normalise_unit_name
from importers.paperwork_remarks import without_paperwork_remark
from importers.sheet_context import title_unit
from importers.unit_ends import lists_units

UNREAD = "chi bộ của từng kỳ chưa được đọc"
TWO_UNITS = "hai tổ chức đảng"
MARKS = {"x": "present", "P": "excused", "K": "absent", "M": "late"}
# (unit, the block's own meeting days: date cells, or text in one block), people and marks
BLOCKS = [
    ("Chi bộ Khu 3", [dt.date(2025, 7, 5), dt.date(2025, 8, 5), dt.date(2025, 9, 5)],
     [("Mạc Công Khải", "x", "x", "P"), ("Hoàng Thành Tùng", "x", "K", "x"), ("Vũ Thị Thu Hương", "M", "x", "x")]),
    ("Chi bộ Khu 9", [dt.date(2025, 7, 10), dt.date(2025, 8, 11), dt.date(2025, 9, 10)],
     [("Trần Hữu Tùng", "x", "P", "x"), ("Cao Quang Duy", "K", "M", "x")]),
    ("Chi bộ Công an phường", ["03/07/2025", "04/08/2025", "03/09/2025"],
     [("Ngô Trọng Dũng", "x", "x", "x"), ("Trịnh Hồng Dung", "P", "x", "M"), ("Đào Xuân Phong", "x", "x", "K")]),
]
REMARKS = [
    ["(sổ gửi ngày 02/01/2026)", "(sổ gửi ngày 04/01/2026)", "(sổ gửi ngày 05/01/2026)"],
    ["(gửi ngày 02/01/2026)", "(cập nhật ngày 04/01/2026)", "(nhận ngày 5/1)"],
    ["(báo cáo ngày 02/01/2026)", "(VP nhận ngày 04/01/2026)", "(sổ gửi về VP Đảng ủy ngày 05/01/2026)"],
]


def _iso(day) -> str:
    return day.isoformat() if isinstance(day, dt.date) else dt.datetime.strptime(day, "%d/%m/%Y").date().isoformat()


def _merged(titles: list[str]) -> tuple[Sheet, list[tuple]]:
    sheet = Sheet("Tong hop", width=6)
    sheet.add(["ĐẢNG ỦY PHƯỜNG KHE TAM"])
    sheet.add(["TỔNG HỢP ĐIỂM DANH SINH HOẠT CHI BỘ 6 THÁNG CUỐI NĂM 2025"])
    sheet.add(["(Văn phòng tổng hợp từ sổ điểm danh các chi bộ gửi về)"])
    expected = []
    for title, (unit, days, people) in zip(titles, BLOCKS):
        sheet.add()
        sheet.add([title])
        sheet.add(["STT", "Họ và tên", "Chức vụ", *days, "Ghi chú"])
        for index, (name, *marks) in enumerate(people, 1):
            sheet.add([index, name, "Đảng viên", *marks, None])
            expected += [(name, _iso(day), MARKS[mark], unit) for day, mark in zip(days, marks)]
    sheet.add()
    sheet.add(["Ký hiệu: x - có mặt; M - đi muộn; P - vắng có phép; K - vắng không phép."])
    return sheet, expected


def _key(records) -> list[tuple]:
    return sorted((r["full_name"], r["date"], r["status"], r["unit"]) for r in records)


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("remarks", REMARKS)
def test_each_block_reads_the_unit_its_title_names_and_its_own_dates(tmp_path, remarks, seed):
    titles = [f"{number}. {unit} {remark}" for number, ((unit, _, _), remark) in enumerate(zip(BLOCKS, remarks), 1)]
    sheet, expected = _merged(titles)
    result = parse_file(write_by_seed(tmp_path, "merged", sheet, seed, ("xlsx", "csv", "ods")))
    assert result.kind == "attendance" and result.errors == []
    assert _key(result.records()) == sorted(expected)
    assert {r["date"] for r in result.records() if r["unit"] == "Chi bộ Khu 9"} == {
        "2025-07-10", "2025-08-11", "2025-09-10"}  # Khu 9 meets on the 10th: its own header's days
    assert not any(UNREAD in w["message"] or TWO_UNITS in w["message"] for w in result.warnings)


def test_unit_lines_with_a_remark_under_one_header_name_their_blocks(tmp_path):
    """One header for every chi bộ, a title line with its remark over each block: the dates are the header's."""
    days = ["05/07/2025", "05/08/2025"]
    rows = [["TỔNG HỢP ĐIỂM DANH SINH HOẠT CHI BỘ NĂM 2025"], ["STT", "Họ và tên", *days, "Ghi chú"],
            ["1. Chi bộ Khu 3 (sổ gửi ngày 02/01/2026)"], [1, "Nguyễn Văn An", "x", "P", None],
            ["2. Chi bộ Khu 9 (nhận ngày 4/1)"], [1, "Trần Thị Bình", "K", "x", None],
            [], ["Ký hiệu: x - có mặt; P - vắng có phép; K - vắng không phép."]]
    result = parse_file(write_sheet(tmp_path / "one.xlsx", rows))
    assert result.errors == []
    assert _key(result.records()) == [
        ("Nguyễn Văn An", "2025-07-05", "present", "Chi bộ Khu 3"),
        ("Nguyễn Văn An", "2025-08-05", "excused", "Chi bộ Khu 3"),
        ("Trần Thị Bình", "2025-07-05", "absent", "Chi bộ Khu 9"),
        ("Trần Thị Bình", "2025-08-05", "present", "Chi bộ Khu 9")]


def test_a_block_title_naming_two_chi_bo_is_warned_never_read_silently(tmp_path):
    titles = ["1. Chi bộ Khu 3 (sổ gửi ngày 02/01/2026)", "2. Chi bộ Khu 9 và Chi bộ Khu 10 (sổ gửi ngày 04/01/2026)",
              "3. Chi bộ Công an phường (sổ gửi ngày 05/01/2026)"]
    sheet, _ = _merged(titles)
    result = parse_file(write_by_seed(tmp_path, "two", sheet, 0, ("xlsx",)))
    assert {r["unit"] for r in result.records() if r["full_name"] == "Trần Hữu Tùng"} == {
        "Chi bộ Khu 9 và Chi bộ Khu 10"}
    warned = [w for w in result.warnings if TWO_UNITS in w["message"]]
    assert len(warned) == 1 and "Chi bộ Khu 9 và Chi bộ Khu 10" in warned[0]["message"]
    assert {r["unit"] for r in result.records() if r["full_name"] == "Mạc Công Khải"} == {"Chi bộ Khu 3"}


def test_a_bracket_holding_the_meeting_date_is_no_paperwork_remark(tmp_path):
    titles = ["1. Chi bộ Khu 3 (họp ngày 05/7)", "2. Chi bộ Khu 9 (họp ngày 10/7)",
              "3. Chi bộ Công an phường (họp ngày 03/7)"]
    sheet, expected = _merged(titles)
    result = parse_file(write_by_seed(tmp_path, "hop", sheet, 0, ("xlsx",)))
    assert sorted((r["full_name"], r["date"], r["status"]) for r in result.records()) == sorted(
        (name, day, status) for name, day, status, _ in expected)
    assert all(r["unit"].startswith("Chi bộ") for r in result.records())


def _meeting_blocks(caption: str) -> list[list]:
    rows = [["SỔ ĐIỂM DANH SINH HOẠT"], ["STT", "Họ và tên", "Điểm danh", "Lý do"]]
    for number, (unit, day) in enumerate([("Chi bộ Khu 3", 5), ("Chi bộ Khu 9", 10)], 1):
        rows += [[caption.format(n=number, unit=unit, d=day)], [1, "Nguyễn Văn An", "Có mặt", None],
                 [2, "Trần Văn Bình", "Vắng có phép", "Ốm"], []]
    return rows


@pytest.mark.parametrize("caption", ["{unit} - sinh hoạt ngày {d}/7/2025",
                                     "{unit} - sinh hoạt ngày {d}/7/2025 (sổ gửi ngày 20/7/2025)"])
def test_a_block_title_giving_the_meeting_date_still_dates_its_block(tmp_path, caption):
    result = parse_file(write_sheet(tmp_path / "blocks.xlsx", _meeting_blocks(caption)))
    assert result.errors == []
    assert [(r["unit"], r["date"], r["status"]) for r in result.records()] == [
        ("Chi bộ Khu 3", "2025-07-05", "present"), ("Chi bộ Khu 3", "2025-07-05", "excused"),
        ("Chi bộ Khu 9", "2025-07-10", "present"), ("Chi bộ Khu 9", "2025-07-10", "excused")]


def test_a_long_register_dated_only_by_paperwork_remarks_is_refused(tmp_path):
    """The remark's date is the book's, not a meeting's: with no other date the register's meetings are unknown."""
    with pytest.raises(ImportFileError):
        parse_file(write_sheet(tmp_path / "paper.xlsx", _meeting_blocks("{n}. {unit} (sổ gửi ngày {d}/7/2025)")))


@pytest.mark.parametrize("text, bare", [
    ("1. Chi bộ Khu 3 (sổ gửi ngày 02/01/2026)", "1. Chi bộ Khu 3"),
    ("3. Chi bộ Công an phường (nhận ngày 5/1)", "3. Chi bộ Công an phường"),
    ("Chi bộ Khu 3 (cập nhật ngày 10/01/2026)", "Chi bộ Khu 3"),
    ("Chi bộ Khu 3 - báo cáo ngày 08/01/2026", "Chi bộ Khu 3"),
    ("Chi bộ Khu 3 [gửi ngày 02 tháng 01 năm 2026]", "Chi bộ Khu 3"),
    ("Chi bộ Khu 3 (số liệu cập nhật đến ngày 10/01/2026)", "Chi bộ Khu 3"),
    ("Chi bo Khu 3 (so gui ngay 02/01/2026)", "Chi bo Khu 3"),
    ("Chi bộ Khu 3 (họp ngày 05/7)", "Chi bộ Khu 3 (họp ngày 05/7)"),
    ("Chi bộ Khu 3 - sinh hoạt ngày 05/7/2025", "Chi bộ Khu 3 - sinh hoạt ngày 05/7/2025"),
    ("Sinh hoạt chi bộ, tiếp nhận đảng viên mới ngày 5/3/2025", None),  # a meeting's business, no remark
    ("Họp chi bộ (nhận xét đảng viên ngày 5/12/2025)", None),
    ("(sổ gửi ngày 02/01/2026)", None),  # the remark alone: no line before it
])
def test_the_remark_about_the_paperwork(text, bare):
    assert without_paperwork_remark(text) == (text if bare is None else bare)


def test_every_reader_of_units_leaves_the_remark_out():
    line = "2. Chi bộ Khu 9 (sổ gửi ngày 04/01/2026)"
    assert read_context(line) == {"unit": "Chi bộ Khu 9"}
    assert normalise_unit_name("Chi bộ Khu 9 (nhận ngày 4/1)") == "Chi bộ Khu 9"
    assert title_unit([(7, line)]).value == "Chi bộ Khu 9"
    assert unit_in_caption("Kỳ họp ngày 05/01/2026 - Chi bộ Khu 9 (sổ gửi ngày 08/01/2026)") == "Chi bộ Khu 9"
    office = "(Văn phòng tổng hợp từ sổ điểm danh các chi bộ gửi về)"  # the kind in the plural names no unit
    assert title_unit([(3, office), (5, "1. Chi bộ Khu 3 (sổ gửi ngày 02/01/2026)")]).value == "Chi bộ Khu 3"


def test_a_meeting_line_gives_no_date_in_its_paperwork_remark():
    assert meeting_line_dates("Điểm danh sinh hoạt Chi bộ Khu 3 (sổ gửi ngày 02/01/2026)") == []
    assert meeting_line_dates("Danh sách dự họp chi bộ, nhận ngày 05/01/2026") == []
    assert meeting_line_dates("Điểm danh sinh hoạt chi bộ ngày 10/6/2025 (sổ gửi ngày 12/6/2025)") == [
        dt.date(2025, 6, 10)]


@pytest.mark.parametrize("unit, listed", [("Chi bộ Khu 3 và Chi bộ Khu 4", True), ("Chi bộ A, Chi bộ B", True),
                                          ("Chi bộ Phòng Tài nguyên và Môi trường", False),
                                          ("Chi bộ Khu 3 - Đảng bộ phường Khe Tam", False)])
def test_a_unit_value_listing_two_organisations(unit, listed):
    assert lists_units(unit) is listed
