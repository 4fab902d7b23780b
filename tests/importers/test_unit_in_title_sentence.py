"""A register's title that names its chi bộ inside the sentence, then the period it covers ("SỔ THEO DÕI SINH HOẠT
CHI BỘ THÔN LÝ LƯƠNG - QUÝ II NĂM 2025", "Bảng điểm danh chi bộ Khu phố 3 (từ tháng 1 đến tháng 6)"), gives every
row that chi bộ when nothing else in the file names the unit. A kind alone, two units, a đảng bộ above the cells
or a title whose unit ends unclearly gives none (and the officer is told); a labelled line naming another unit
wins (``importers.sheet_context``)."""

import csv

import pytest
import xlwt
from layouts.sheet import Sheet
from layouts.writers import write_ods
from sheet_files import write_sheet

from importers import parse_file
from importers.sheet_context import title_unit

HEADER = ["STT", "Họ và tên", "05/04/2025", "05/05/2025", "05/06/2025"]  # a title may give no year
BODY = [
    ["1", "Nguyễn Văn An", "x", "x", "P"],
    ["2", "Trần Thị Bình", "x", "K", "x"],
    ["3", "Lê Văn Cường", "x", "x", "x"],
]
LEGEND = ["Ký hiệu: x có mặt; P vắng có phép; K vắng không phép"]
UNREAD = "không bản ghi nào có chi bộ"


def _rows(*lines):
    return [[line] for line in lines] + [[], HEADER, *BODY, LEGEND]


def _csv(tmp_path, *lines):
    path = tmp_path / "so_theo_doi.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(_rows(*lines))
    return parse_file(path)


def _xlsx(tmp_path, *lines):
    return parse_file(write_sheet(tmp_path / "so_theo_doi.xlsx", _rows(*lines)))


def _xls(tmp_path, *lines):
    book = xlwt.Workbook()
    sheet = book.add_sheet("Sheet1")
    for r, row in enumerate(_rows(*lines)):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    path = tmp_path / "so_theo_doi.xls"
    book.save(str(path))
    return parse_file(path)


def _ods(tmp_path, *lines):
    rows = _rows(*lines)
    path = tmp_path / "so_theo_doi.ods"
    write_ods(path, [Sheet("Sheet1", width=max(len(row) for row in rows), rows=rows)])
    return parse_file(path)


def _units(result):
    return {record["unit"] for record in result.records()}


POSITIVE = [
    ("SỔ THEO DÕI SINH HOẠT CHI BỘ THÔN LÝ LƯƠNG - QUÝ II NĂM 2025", "Chi bộ Thôn Lý Lương"),
    ("SỔ THEO DÕI SINH HOẠT CHI BỘ THÔN LÝ LƯƠNG NĂM 2025", "Chi bộ Thôn Lý Lương"),
    ("BẢNG ĐIỂM DANH CHI BỘ TỔ DÂN PHỐ 5 QUÝ II/2025", "Chi bộ Tổ dân phố 5"),
    ("THEO DÕI DỰ SINH HOẠT CHI BỘ TỔ DÂN PHỐ 5 6 THÁNG ĐẦU NĂM 2025", "Chi bộ Tổ dân phố 5"),
    ("DANH SÁCH ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ THÔN LÝ LƯƠNG THÁNG 4/2025", "Chi bộ Thôn Lý Lương"),
    ("SỔ THEO DÕI SINH HOẠT CHI BỘ THÔN LÝ LƯƠNG, NHIỆM KỲ 2025-2030", "Chi bộ Thôn Lý Lương"),
    ("Bảng điểm danh sinh hoạt chi bộ Khu phố 3 (từ tháng 1 đến tháng 6)", "Chi bộ Khu phố 3"),
    ("Sổ theo dõi sinh hoạt Chi bộ Khu phố 3 - quý II năm 2025", "Chi bộ Khu phố 3"),
    ("Theo dõi dự sinh hoạt chi bộ Khu phố 3 6 tháng đầu năm 2025", "Chi bộ Khu phố 3"),
    ("Danh sách đảng viên dự sinh hoạt chi bộ Ấp Năm Căn năm 2025", "Chi bộ Ấp Năm Căn"),
    ("SỔ THEO DÕI SINH HOẠT CHI BỘ THÔN LÝ LƯƠNG NĂM 2025 - ĐẢNG BỘ XÃ AN PHÚ", "Chi bộ Thôn Lý Lương"),
]


@pytest.mark.parametrize("title, unit", POSITIVE)
def test_a_chi_bo_inside_a_register_title_is_every_rows_unit(tmp_path, title, unit):
    result = _csv(tmp_path, title)
    assert result.errors == []
    assert len(result.records()) == 9
    assert _units(result) == {unit}
    assert not any(UNREAD in warning["message"] for warning in result.warnings)


@pytest.mark.parametrize("write", [_xlsx, _xls, _ods])
@pytest.mark.parametrize("title, unit", [POSITIVE[0], POSITIVE[6]])
def test_the_same_title_in_a_workbook(tmp_path, write, title, unit):
    result = write(tmp_path, "ĐẢNG BỘ XÃ AN PHÚ", title)
    assert result.errors == []
    assert _units(result) == {unit}


@pytest.mark.parametrize(
    "title",
    [
        "SỔ THEO DÕI SINH HOẠT CHI BỘ THÔN 1 VÀ CHI BỘ THÔN 2",
        "SỔ THEO DÕI SINH HOẠT CHI BỘ THÔN 1 VÀ CHI BỘ THÔN 2 NĂM 2025",
        "SỔ THEO DÕI SINH HOẠT CHI BỘ THÔN 1 VÀ THÔN 2 NĂM 2025",
        "SỔ THEO DÕI SINH HOẠT CHI BỘ THÔN LÝ LƯƠNG THEO TỪNG THÁNG",
    ],
)
def test_a_title_naming_no_one_chi_bo_clearly_gives_no_unit(tmp_path, title):
    result = _csv(tmp_path, title)
    assert _units(result) == {None}
    assert any(UNREAD in warning["message"] for warning in result.warnings)


@pytest.mark.parametrize(
    "lines",
    [
        ("SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025",),
        ("Sổ theo dõi sinh hoạt chi bộ định kỳ",),
        ("ĐẢNG BỘ XÃ AN PHÚ", "SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"),
        ("ĐẢNG BỘ XÃ AN PHÚ", "SỔ THEO DÕI SINH HOẠT CHI BỘ QUÝ II/2025"),
    ],
)
def test_a_kind_of_meeting_or_a_dang_bo_above_names_no_chi_bo(tmp_path, lines):
    assert _units(_csv(tmp_path, *lines)) == {None}


def test_a_labelled_line_naming_another_unit_wins(tmp_path):
    result = _csv(tmp_path, "SỔ THEO DÕI SINH HOẠT CHI BỘ THÔN LÝ LƯƠNG NĂM 2025", "Đơn vị: Chi bộ Khu phố 3")
    assert _units(result) == {"Chi bộ Khu phố 3"}


def test_another_title_line_naming_another_unit_leaves_it_empty(tmp_path):
    result = _csv(tmp_path, "CHI BỘ TỔ DÂN PHỐ 5", "SỔ THEO DÕI SINH HOẠT CHI BỘ THÔN LÝ LƯƠNG NĂM 2025")
    assert _units(result) == {None}
    assert any(UNREAD in warning["message"] for warning in result.warnings)


def test_a_title_line_naming_the_same_unit_agrees():
    lines = [(1, "CHI BỘ THÔN LÝ LƯƠNG"), (2, "Sổ theo dõi sinh hoạt chi bộ Thôn Lý Lương quý II/2025")]
    assert title_unit(lines).value == "Chi bộ Thôn Lý Lương"
