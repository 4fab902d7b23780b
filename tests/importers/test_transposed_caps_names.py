"""A transposed register whose members head its columns in capitals ("TRÀ MÁCH", "TÔ VĂN KHẢI", Khmer and highland
names), and whose title states its chi bộ twice, once abbreviated in capitals ("CHI BỘ HTX NÔNG NGHIỆP THẠNH SÓC"),
once written out ("Chi bộ Hợp tác xã nông nghiệp Thạnh Sóc")."""

import datetime as dt

import pytest
from openpyxl import Workbook

from importers import parse_file
from importers.parsing import HEADER_SPECS
from importers.person_headers import CAPITALS, NAMED, person_header
from importers.sheet_context import title_unit

LEGEND = "Ghi chú: x - có mặt; P - vắng có phép; V - vắng không phép; M - đi muộn."
DATES = [dt.datetime(2025, 1, 5), dt.datetime(2025, 2, 5), dt.datetime(2025, 3, 5)]
STATUS = {"x": "present", "P": "excused", "V": "absent", "M": "late"}


def register(path, names, marks, org="CHI BỘ HTX NÔNG NGHIỆP THẠNH SÓC",
             proper="Chi bộ Hợp tác xã nông nghiệp Thạnh Sóc", extra=()):
    """b64_12's shape: the title block, "Ngày họp | Nội dung sinh hoạt | Đảng viên" merged over the names (row 8),
    then "Có mặt" / "Vắng" count columns, a row per meeting, the legend under it; `extra` adds (header, cells)
    columns right after the names."""
    book = Workbook()
    sheet = book.active
    width = 2 + len(names) + len(extra) + 2
    rows = [["ĐẢNG BỘ XÃ THẠNH SÓC"], [org], [], ["THEO DÕI ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ NĂM 2025"], [proper], [],
            ["Ngày họp", "Nội dung sinh hoạt", "Đảng viên", *[None] * (len(names) + len(extra) - 1), "Có mặt", "Vắng"],
            [None, None, *names, *[header for header, _ in extra], None, None]]
    for number, (day, row) in enumerate(zip(DATES, marks)):
        cells = [cells[number] for _, cells in extra]
        present = sum(mark in ("x", "M") for mark in row)
        rows.append([day, f"Sinh hoạt thường kỳ tháng {day.month}", *row, *cells, present, len(row) - present])
    rows += [[], [LEGEND]]
    for row in rows:
        sheet.append(row + [None] * (width - len(row)))
    sheet.merge_cells(start_row=7, start_column=3, end_row=7, end_column=2 + len(names) + len(extra))
    for column in (1, 2, width - 1, width):
        sheet.merge_cells(start_row=7, start_column=column, end_row=8, end_column=column)
    book.save(path)
    return path


def records_by_person(result):
    found = {}
    for record in result.records():
        found.setdefault(record["full_name"], []).append((record["date"], record["status"], record["unit"]))
    return found


CAPS_NAMES = ["PHAN THỊ THU HẰNG", "TRÀ SÓC THY", "TRÀ MÁCH", "LÂM THỊ PHOL", "TÔ VĂN KHẢI"]
MARKS = [["x", "x", "P", "M", "x"], ["x", "P", "x", "x", "V"], ["V", "x", "x", "M", "x"]]


def test_members_in_capitals_are_all_read_and_the_unit_is_the_written_out_chi_bo(tmp_path):
    result = parse_file(register(tmp_path / "b.xlsx", CAPS_NAMES, MARKS))
    people = records_by_person(result)
    assert list(people) == ["Phan Thị Thu Hằng", "Trà Sóc Thy", "Trà Mách", "Lâm Thị Phol", "Tô Văn Khải"]
    unit = "Chi bộ Hợp tác xã nông nghiệp Thạnh Sóc"
    assert people["Trà Mách"] == [("2025-01-05", "excused", unit), ("2025-02-05", "present", unit),
                                  ("2025-03-05", "present", unit)]
    assert people["Tô Văn Khải"][1] == ("2025-02-05", "absent", unit)
    assert result.warnings == [] and result.errors == []


@pytest.mark.parametrize("names", [
    ["THẠCH THỊ SA", "DANH RÂY", "CHAU SÓC KHEM", "NÉANG SÓC THY", "SƠN THỊ BÔ PHA"],  # Khmer surnames
    ["Trà Sóc Thy", "Tô Văn Khải", "Giàng A Páo", "H'Ngơi Byă", "Kim Sà Mi"],  # ordinary case, highland names
    ["GIÀNG A PÁO", "LÝ BÔ PHA", "TÔ MÁCH", "KIM SÀ MI", "LỤC VĂN TÌNH"],
])
def test_other_ways_of_writing_members_are_read_without_a_doubt(tmp_path, names):
    result = parse_file(register(tmp_path / "b.xlsx", names, MARKS))
    assert len(records_by_person(result)) == 5 and len(result.records()) == 15
    assert result.warnings == []


def test_a_highland_name_in_capitals_is_read_beside_the_others_with_a_warning(tmp_path):
    names = ["PHAN THỊ THU HẰNG", "H'NGƠI BYĂ", "Y MOAN NIÊ", "TRÀ MÁCH", "TÔ VĂN KHẢI"]
    result = parse_file(register(tmp_path / "b.xlsx", names, MARKS))
    assert list(records_by_person(result)) == ["Phan Thị Thu Hằng", "H'Ngơi Byă", "Y Moan Niê", "Trà Mách",
                                               "Tô Văn Khải"]
    [warning] = result.warnings
    assert (warning["row"], warning["column"]) == (8, "D")
    assert "«H'NGƠI BYĂ»" in warning["message"] and "E «Y MOAN NIÊ»" in warning["message"]


def test_header_words_beside_the_members_are_no_people(tmp_path):
    extra = [("KÝ TÊN", [None, None, None]), ("LÝ DO VẮNG", ["ốm", None, "bận"]), ("CHỦ TRÌ", ["x", "x", "x"]),
             ("QUÂN SỐ", [5, 5, 5])]
    result = parse_file(register(tmp_path / "b.xlsx", CAPS_NAMES, MARKS, extra=extra))
    assert set(records_by_person(result)) == {"Phan Thị Thu Hằng", "Trà Sóc Thy", "Trà Mách", "Lâm Thị Phol",
                                              "Tô Văn Khải"}
    lost = [warning for warning in result.warnings if "không đọc được là họ và tên" in warning["message"]]
    assert [warning["value"] for warning in lost] == ["CHỦ TRÌ"]  # its marks are said, never read as someone's


def test_a_header_word_in_capitals_opening_with_no_surname_is_warned_when_read(tmp_path):
    extra = [("KHÁCH MỜI", ["x", None, "x"])]  # no wording the importer knows: read as a name, never silently
    result = parse_file(register(tmp_path / "b.xlsx", CAPS_NAMES, MARKS, extra=extra))
    assert any("«KHÁCH MỜI»" in warning["message"] for warning in result.warnings)


@pytest.mark.parametrize("label, kind", [
    ("TRÀ SÓC THY", NAMED), ("TRÀ MÁCH", NAMED), ("TÔ VĂN KHẢI", NAMED), ("LÂM THỊ PHOL", NAMED),
    ("THẠCH SÓC", NAMED), ("DANH RÂY", NAMED), ("NÉANG SÓC KHEM", NAMED), ("GIÀNG A PÁO", NAMED),
    ("Giàng A Páo", NAMED), ("H'Ngơi Byă", NAMED), ("Đ/c TRÀ MÁCH", NAMED), ("TRÀ MÁCH (*)", NAMED),
    ("H'NGƠI BYĂ", CAPITALS), ("Y MOAN NIÊ", CAPITALS),
    ("CÓ MẶT", None), ("VẮNG", None), ("VẮNG CÓ PHÉP", None), ("GHI CHÚ", None), ("TỔNG", None), ("TỔNG SỐ", None),
    ("NỘI DUNG SINH HOẠT", None), ("Nội Dung Sinh Hoạt", None), ("KÝ TÊN", None), ("Ký Tên", None),
    ("CHỮ KÝ", None), ("LÝ DO", None), ("LÝ DO VẮNG", None), ("QUÂN SỐ", None), ("CHỦ TRÌ", None),
    ("BÍ THƯ", None), ("ĐẢNG VIÊN", None), ("HỌ VÀ TÊN", None), ("SL CM", None), ("Tháng 1", None),
])
def test_person_headers(label, kind):
    assert person_header(label, HEADER_SPECS) == kind


LETTERHEAD = [(1, "ĐẢNG BỘ XÃ THẠNH SÓC"), (1, "ĐẢNG CỘNG SẢN VIỆT NAM")]
TITLE = (4, "THEO DÕI ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ NĂM 2025")


@pytest.mark.parametrize("org, proper, unit", [
    ("CHI BỘ HTX NÔNG NGHIỆP THẠNH SÓC", "Chi bộ Hợp tác xã nông nghiệp Thạnh Sóc",
     "Chi bộ Hợp tác xã nông nghiệp Thạnh Sóc"),
    ("CHI BỘ HỢP TÁC XÃ NÔNG NGHIỆP THẠNH SÓC", "Chi bộ HTX nông nghiệp Thạnh Sóc",  # the fuller, in its own case
     "Chi bộ Hợp tác xã nông nghiệp Thạnh Sóc"),
    ("CHI BỘ ĐỒN BIÊN PHÒNG SÔNG TIÊN", "Chi bộ ĐBP Sông Tiên - Đảng bộ Bộ đội Biên phòng tỉnh An Giang",
     "Chi bộ Đồn Biên phòng Sông Tiên"),
    ("CHI BỘ ẤP SÓC VEN", "Chi bộ ấp Sóc Ven - Đảng bộ xã Thạnh Sóc, tỉnh An Giang", "Chi bộ ấp Sóc Ven"),
    ("CHI BỘ ẤP SÓC XOÀI", "Chi bộ ấp Sóc Xoài - QUÝ I/2025", "Chi bộ ấp Sóc Xoài"),
    ("CHI BỘ TDP 5", "Chi bộ Tổ dân phố số 5 - QUÝ I/2025", "Chi bộ Tổ dân phố số 5"),
    # the org header short, the full name adding the place of the title's đảng bộ (test_title_short_unit_names)
    ("CHI BỘ HTX NÔNG NGHIỆP", "Chi bộ Hợp tác xã nông nghiệp Thạnh Sóc", "Chi bộ Hợp tác xã nông nghiệp Thạnh Sóc"),
])
def test_one_chi_bo_spelt_twice_in_the_title_is_the_unit(org, proper, unit):
    found = title_unit([*LETTERHEAD, (2, org), TITLE, (5, proper)])
    assert found is not None and found.value == unit


@pytest.mark.parametrize("org, proper", [
    ("CHI BỘ HTX NÔNG NGHIỆP THẠNH SÓC", "Chi bộ Hợp tác xã nông nghiệp Thạnh Lợi"),
    ("CHI BỘ ẤP SÓC XOÀI", "Chi bộ ấp Sóc Ven - QUÝ I/2025"),
    ("CHI BỘ TDP 5", "Chi bộ Tổ dân phố số 6"),
    ("CHI BỘ HTX NÔNG NGHIỆP", "Chi bộ Hợp tác xã nông nghiệp Thạnh Lợi"),  # a place no đảng bộ of the title's
    ("CHI BỘ HTX THẠNH SÓC", "Chi bộ Hợp tác Thạnh Sóc"),
])
def test_two_chi_bo_in_the_title_name_no_unit(org, proper):
    assert title_unit([*LETTERHEAD, (2, org), TITLE, (5, proper)]) is None


def test_a_register_naming_two_chi_bo_in_its_title_takes_none_and_says_so(tmp_path):
    path = register(tmp_path / "b.xlsx", CAPS_NAMES, MARKS, proper="Chi bộ Hợp tác xã nông nghiệp Thạnh Lợi")
    result = parse_file(path)
    assert {record["unit"] for record in result.records()} == {None}
    assert any("chi bộ" in warning["message"] for warning in result.warnings)
