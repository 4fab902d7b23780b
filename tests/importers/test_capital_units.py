"""A unit's name only ever written in capitals ("CHI BỘ PHÂN XƯỞNG VỎ TÀU 2", b70_02) is read by the casing rule of
``importers.unit_words`` — the first syllable of each word capitalised, a compound common word's other syllables not
("Phân xưởng", "Vỏ tàu"), a place's kind capitalised as the samples write it ("Thôn", "Làng") — and the officer is
told once per distinct unit (``importers.capital_units``), since capitals cannot tell a name's syllables from a common
noun's. A unit the file also writes in ordinary case, or whose name has nothing to recase, is not warned."""

import pytest
from openpyxl import Workbook
from sheet_files import write_sheet

from importers import parse_file
from importers.capital_units import CAPITALS_ONLY, OTHER_CASE, capitals_only_units, one_per_unit
from importers.normalising import normalise_unit_name
from importers.results import SheetData

LEGEND = ["Ký hiệu: x - có mặt; P - vắng có phép; K - vắng không phép"]
PEOPLE = [[1, "Lê Văn An", "x", "P", "x"], [2, "Trần Thị Bình", "x", "x", "K"]]
STATUS = {"x": "present", "P": "excused", "K": "absent"}


def _told(where, written, unit, kind="chi bộ"):
    return CAPITALS_ONLY.format(where=where, kind=kind, written=written, unit=unit)


def _register(tmp_path, unit_line, title="SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025", more=()):
    rows = [["ĐẢNG BỘ PHƯỜNG ĐÔNG HẢI", None, None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"], [unit_line], [title], *more,
            [], ["STT", "Họ và tên", "T1", "T2", "T3"], *PEOPLE, [], LEGEND]
    return parse_file(write_sheet(tmp_path / "so.xlsx", rows, title="So SH"))


def _records(result):
    return [(r["full_name"], r["date"], r["status"], r["unit"]) for r in result.records()]


def _expected(unit):
    dates = ["2025-01-01", "2025-02-01", "2025-03-01"]
    return [(name, date, STATUS[mark], unit) for _, name, *marks in PEOPLE for date, mark in zip(dates, marks)]


def _messages(result):
    return [warning["message"] for warning in result.warnings]


@pytest.mark.parametrize(("written", "unit"), [
    ("CHI BỘ PHÂN XƯỞNG VỎ TÀU 2", "Chi bộ Phân xưởng Vỏ tàu 2"),
    ("CHI BỘ PHÂN XƯỞNG CƠ KHÍ", "Chi bộ Phân xưởng Cơ khí"),
    ("CHI BỘ PHÂN XƯỞNG MÁY TÀU - ĐIỆN", "Chi bộ Phân xưởng Máy tàu - Điện"),
    ("ĐẢNG BỘ CÔNG TY CP ĐÓNG TÀU BẠCH ĐẰNG", "Đảng bộ Công ty CP Đóng tàu Bạch Đằng"),
    ("CHI BỘ XÍ NGHIỆP XẾP DỠ HOÀNG DIỆU", "Chi bộ Xí nghiệp Xếp dỡ Hoàng Diệu"),
    ("CHI BỘ PHÒNG KỸ THUẬT VẬT TƯ", "Chi bộ Phòng Kỹ thuật Vật tư"),
    ("CHI BỘ ĐỒN BIÊN PHÒNG CỬA KHẨU LAO BẢO", "Chi bộ Đồn Biên phòng Cửa khẩu Lao Bảo"),
    ("CHI BỘ TRƯỜNG TRUNG CẤP NGHỀ THỦY SẢN", "Chi bộ Trường Trung cấp nghề Thủy sản"),
    # the conventions the samples fix are kept: a place's kind capitalised, "Trạm Y tế", "Tổ dân phố"
    ("CHI BỘ LÀNG KON RƠNG", "Chi bộ Làng Kon Rơng"),
    ("CHI BỘ THÔN BẮC SƠN", "Chi bộ Thôn Bắc Sơn"),
    ("CHI BỘ TRẠM Y TẾ PHƯỜNG TÂN LẬP", "Chi bộ Trạm Y tế phường Tân Lập"),
    ("CHI BỘ TỔ DÂN PHỐ 3", "Chi bộ Tổ dân phố 3"),
    ("CHI BỘ TRƯỜNG TIỂU HỌC BẮC SƠN", "Chi bộ Trường Tiểu học Bắc Sơn"),
    ("CHI BỘ HỢP TÁC XÃ ĐỨC LAM", "Chi bộ Hợp tác xã Đức Lam"),
])
def test_workshop_and_trade_words_keep_one_capital(written, unit):
    assert normalise_unit_name(written) == unit


def test_a_workshop_cell_only_in_capitals_is_read_and_told(tmp_path):
    result = _register(tmp_path, "CHI BỘ PHÂN XƯỞNG VỎ TÀU 2")
    assert result.errors == []
    assert _records(result) == _expected("Chi bộ Phân xưởng Vỏ tàu 2")
    assert _messages(result) == [_told("Trang «So SH», ô A2", "CHI BỘ PHÂN XƯỞNG VỎ TÀU 2",
                                       "Chi bộ Phân xưởng Vỏ tàu 2")]
    warning = result.warnings[0]
    assert (warning["sheet"], warning["row"], warning["column"], warning["field"], warning["value"]) == (
        "So SH", 2, "A", "unit", "CHI BỘ PHÂN XƯỞNG VỎ TÀU 2")


def test_a_village_name_in_capitals_is_told(tmp_path):
    result = _register(tmp_path, "CHI BỘ LÀNG KON RƠNG")
    assert _records(result) == _expected("Chi bộ Làng Kon Rơng")
    assert _messages(result) == [_told("Trang «So SH», ô A2", "CHI BỘ LÀNG KON RƠNG", "Chi bộ Làng Kon Rơng")]


def test_a_title_sentence_in_capitals_names_the_unit_and_is_told(tmp_path):
    """The unit read from inside the register's title, the title only in capitals: the span naming it is shown."""
    result = _register(tmp_path, None, title="SỔ THEO DÕI SINH HOẠT CHI BỘ PHÂN XƯỞNG VỎ TÀU 2 NĂM 2025")
    assert _records(result) == _expected("Chi bộ Phân xưởng Vỏ tàu 2")
    assert _messages(result) == [_told("Trang «So SH», ô A3", "CHI BỘ PHÂN XƯỞNG VỎ TÀU 2",
                                       "Chi bộ Phân xưởng Vỏ tàu 2")]


def test_a_unit_also_written_in_ordinary_case_is_spelt_so_and_not_told(tmp_path):
    result = _register(tmp_path, "CHI BỘ PHÂN XƯỞNG VỎ TÀU 2",
                       title="Sổ theo dõi sinh hoạt Chi bộ Phân xưởng vỏ tàu 2 năm 2025")
    assert _records(result) == _expected("Chi bộ Phân xưởng vỏ tàu 2")  # the file's own spelling
    assert _messages(result) == []


def test_a_unit_read_from_capitals_but_written_otherwise_in_a_note_is_told():
    """A block's caption in capitals read 'Chi bộ Thôn Nậm Pung' while a note writes 'Chi bộ thôn Nậm Pung': which is
    the chi bộ's spelling is the officer's to say; a note spelling it as read says nothing."""
    rows = [["CHI BỘ THÔN NẬM PUNG"], ["1", "Giàng A Páo", "+"], ["Buổi 17/6 họp ghép với Chi bộ thôn Nậm Pung."]]
    found = capitals_only_units(["Chi bộ Thôn Nậm Pung"], [SheetData("Theo doi", rows=rows)], "Theo doi")
    assert [(w["row"], w["column"], w["value"], w["message"]) for w in found] == [
        (3, "A", "Chi bộ thôn Nậm Pung", OTHER_CASE.format(where="Trang «Theo doi», ô A3", kind="chi bộ",
                                                           written="Chi bộ thôn Nậm Pung",
                                                           unit="Chi bộ Thôn Nậm Pung"))]
    rows[2] = ["Buổi 17/6 họp ghép với Chi bộ Thôn Nậm Pung."]
    assert capitals_only_units(["Chi bộ Thôn Nậm Pung"], [SheetData("Theo doi", rows=rows)], "Theo doi") == []


@pytest.mark.parametrize(("line", "unit"), [
    ("CHI BỘ TDP 5", "Chi bộ TDP 5"),  # nothing but the kind, an abbreviation and a number: no choice of case
    ("Chi bộ Phân xưởng Vỏ tàu 2", "Chi bộ Phân xưởng Vỏ tàu 2"),  # typed in ordinary case
])
def test_near_misses_are_not_told(tmp_path, line, unit):
    result = _register(tmp_path, line)
    assert _records(result) == _expected(unit)
    assert _messages(result) == []


def test_a_unit_column_in_capitals_is_told_once_per_unit(tmp_path):
    rows = [["DANH SÁCH PHÂN CÔNG ĐOÀN CÔNG TÁC SỐ 1"], [],
            ["STT", "Họ và tên", "Chức vụ", "Nhiệm vụ trong đoàn", "Chi bộ phụ trách"],
            [1, "Lê Văn An", "Phó Bí thư", "Trưởng đoàn", "CHI BỘ LÀNG KON RƠNG"],
            [2, "Trần Thị Bình", "Chuyên viên", "Thành viên", "CHI BỘ PHÂN XƯỞNG VỎ TÀU 2"],
            [3, "Phạm Văn Cường", "Chuyên viên", "Thành viên", "CHI BỘ LÀNG KON RƠNG"],
            [4, "Ngô Thị Dung", "Chuyên viên", "Thành viên", "CHI BỘ THÔN 1"],
            [5, "Võ Văn Em", "Chuyên viên", "Thành viên", "Chi bộ Thôn 1"]]
    result = parse_file(write_sheet(tmp_path / "ds.xlsx", rows, title="DS"))
    assert result.kind == "roster" and result.errors == []
    assert [record["unit"] for record in result.records()] == [
        "Chi bộ Làng Kon Rơng", "Chi bộ Phân xưởng Vỏ tàu 2", "Chi bộ Làng Kon Rơng", "Chi bộ Thôn 1",
        "Chi bộ Thôn 1"]
    told = [(w["row"], w["column"], w["message"]) for w in result.warnings if w["field"] == "unit"]
    assert told == [
        (4, "E", _told("Trang «DS», ô E4", "CHI BỘ LÀNG KON RƠNG", "Chi bộ Làng Kon Rơng")),
        (5, "E", _told("Trang «DS», ô E5", "CHI BỘ PHÂN XƯỞNG VỎ TÀU 2", "Chi bộ Phân xưởng Vỏ tàu 2"))]


def test_a_register_across_sheets_tells_once(tmp_path):
    book = Workbook()
    for index, (name, months) in enumerate((("Quý I", ["T1", "T2", "T3"]), ("Quý II", ["T4", "T5", "T6"]))):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = name
        for row in [["CHI BỘ PHÂN XƯỞNG VỎ TÀU 2"], ["SỔ THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"], [],
                    ["STT", "Họ và tên", *months], *PEOPLE, [], LEGEND]:
            sheet.append(row)
    book.save(tmp_path / "quy.xlsx")
    result = parse_file(tmp_path / "quy.xlsx")
    assert result.sheet == ["Quý I", "Quý II"]
    assert {record["unit"] for record in result.records()} == {"Chi bộ Phân xưởng Vỏ tàu 2"}
    assert len(result.records()) == 12
    assert _messages(result) == [_told("Trang «Quý I», ô A1", "CHI BỘ PHÂN XƯỞNG VỎ TÀU 2",
                                       "Chi bộ Phân xưởng Vỏ tàu 2")]


def test_capitals_only_units_and_one_per_unit():
    sheets = [SheetData("A", rows=[["CHI BỘ LÀNG KON RƠNG"], ["ĐẢNG BỘ XÃ IA TƠ", "x"]]),
              SheetData("B", rows=[[None, "Chi bộ Thôn Đoàn Kết"], ["CHI BỘ THÔN ĐOÀN KẾT"]])]
    found = capitals_only_units(["Chi bộ Làng Kon Rơng", "Chi bộ Thôn Đoàn Kết", "Đảng bộ xã Ia Tơ", None],
                                sheets, "B")
    assert [(w["sheet"], w["row"], w["column"], w["value"]) for w in found] == [
        ("A", 1, "A", "CHI BỘ LÀNG KON RƠNG"), ("A", 2, "A", "ĐẢNG BỘ XÃ IA TƠ")]
    assert "tên đảng bộ chỉ viết chữ in hoa" in found[1]["message"]
    again = capitals_only_units(["Chi bộ Làng Kon Rơng"], sheets, "A")
    kept = one_per_unit([*found, {"message": "khác"}, *again])
    assert [w.get("value") for w in kept] == ["CHI BỘ LÀNG KON RƠNG", "ĐẢNG BỘ XÃ IA TƠ", None]
    assert all("_capitals_unit" not in w for w in kept)
