"""A roster whose older rows are TCVN3/VNI (shown in .VnTime / VNI-Times) and whose newer rows were typed in Unicode
(Times New Roman, Arial, Calibri): each cell's font says whether it is legacy, so 'Bùi Thanh Dung' typed in Unicode
is never 'decoded' into 'Bựi Thanh Dung'; without fonts, a cell of a Unicode row that already reads as Vietnamese
stays as typed; a workbook wholly in a legacy font is still decoded throughout."""
import pytest
import xlwt
from layouts.encodings import to_tcvn3, to_vni
from openpyxl import Workbook
from openpyxl.styles import Font

from importers import parse_file
from importers.cell_fonts import UNICODE_FONT, font_encoding

TITLE = "DANH SÁCH THÀNH VIÊN CÁC ĐOÀN CÔNG TÁC CỦA ĐẢNG ỦY XÃ"
HEADER = ["TT", "Họ và tên", "Chức vụ", "Đoàn công tác", "Vai trò trong đoàn", "Chi bộ theo dõi"]
OLD = [
    ("Nguyễn Bá Thịnh", "Bí thư Đảng ủy xã", "Đoàn công tác số 1", "Trưởng đoàn", "Chi bộ thôn Đông Thành"),
    ("Trần Thị Hương", "Phó Chủ tịch UBND xã", "Đoàn công tác số 1", "Thành viên", "Chi bộ thôn Đông Thành"),
    ("Lê Văn Hùng", "Chủ tịch Hội Nông dân xã", "Đoàn công tác số 2", "Trưởng đoàn", "Chi bộ thôn Tây Sơn"),
    ("Võ Thu Thủy", "Cán bộ Văn phòng Đảng ủy", "Đoàn công tác số 2", "Thành viên", "Chi bộ thôn Tây Sơn"),
]
# Names of Latin-1 letters only (ù, ú, é, à …), which TCVN3 would read as other syllables: Bùi -> Bựi.
NEW = [
    ("Bùi Thanh Dung", "Cán bộ Văn phòng Đảng ủy", "Đoàn công tác số 1", "Thành viên", "Chi bộ thôn Đông Thành"),
    ("Võ Thị Bé", "Công chức Tư pháp xã", "Đoàn công tác số 2", "Thành viên", "Chi bộ thôn Tây Sơn"),
    ("Phan Công Khánh", "Phó Chỉ huy trưởng Ban CHQS xã", "Đoàn công tác số 2", "Thành viên", "Chi bộ thôn Tây Sơn"),
]
ROLES = {"Trưởng đoàn": "head", "Thành viên": "member"}
LEGACY_FONTS = {"tcvn3": (".VnTime", to_tcvn3), "vni": ("VNI-Times", to_vni)}


def _rows(encode, new=NEW):
    """(cells, legacy?) per row: the title and header typed in the old font, then the old rows, then the new."""
    rows = [([encode(TITLE)], True), ([], True), ([encode(text) for text in HEADER], True)]
    rows += [([number, *map(encode, person)], True) for number, person in enumerate(OLD, 1)]
    rows += [([number, *person], False) for number, person in enumerate(new, len(OLD) + 1)]
    return rows


def _xls(path, rows, legacy_font, unicode_font):
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("DSDCT")
    styles = {True: xlwt.easyxf(f"font: name {legacy_font}"), False: xlwt.easyxf(f"font: name {unicode_font}")}
    for r, (cells, legacy) in enumerate(rows):
        for c, value in enumerate(cells):
            sheet.write(r, c, value, styles[legacy])
    book.save(str(path))
    return path


def _xlsx(path, rows, legacy_font, unicode_font):
    book = Workbook()
    sheet = book.active
    sheet.title = "DSDCT"
    for r, (cells, legacy) in enumerate(rows, 1):
        for c, value in enumerate(cells, 1):
            sheet.cell(r, c, value).font = Font(name=legacy_font if legacy else unicode_font)
    book.save(path)
    return path


def _people(result):
    return [(r["full_name"], r["position"], r["group"], r["role"], r["unit"]) for r in result.records()]


def _expected(people):
    return [(name, position, group, ROLES[role], unit) for name, position, group, role, unit in people]


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("writer, suffix", [(_xls, "xls"), (_xlsx, "xlsx")])
@pytest.mark.parametrize("unicode_font", ["Times New Roman", "Arial", "Calibri"])
def test_rows_typed_in_a_unicode_font_are_kept_and_legacy_rows_decoded(tmp_path, encoding, writer, suffix,
                                                                       unicode_font):
    legacy_font, encode = LEGACY_FONTS[encoding]
    path = writer(tmp_path / f"mixed.{suffix}", _rows(encode), legacy_font, unicode_font)
    result = parse_file(path, kind="roster")
    assert _people(result) == _expected(OLD + NEW)
    assert result.errors == []
    befores = {item["before"] for item in result.legacy_conversions}
    assert not befores & {text for person in NEW for text in person}
    assert encode("Nguyễn Bá Thịnh") in befores


@pytest.mark.parametrize("writer, suffix", [(_xls, "xls"), (_xlsx, "xlsx")])
def test_a_roster_wholly_in_a_legacy_font_is_decoded_throughout(tmp_path, writer, suffix):
    rows = _rows(to_tcvn3, new=[])
    rows += [([number, *map(to_tcvn3, person)], True) for number, person in enumerate(NEW, len(OLD) + 1)]
    result = parse_file(writer(tmp_path / f"legacy.{suffix}", rows, ".VnTime", ".VnTime"), kind="roster")
    assert _people(result) == _expected(OLD + NEW)


def test_a_cell_in_a_legacy_font_is_decoded_though_it_also_reads_as_words(tmp_path):
    """'Chi bé' reads as two words, but in .VnTime it is TCVN3 for 'Chi bộ'."""
    rows = _rows(to_tcvn3)
    rows[3] = ([1, *map(to_tcvn3, OLD[0][:4]), "Chi bé"], True)
    result = parse_file(_xls(tmp_path / "bare.xls", rows, ".VnTime", "Times New Roman"), kind="roster")
    assert _people(result)[0][4] == "Chi bộ"
    assert _people(result)[4:] == _expected(NEW)


@pytest.mark.parametrize("writer, suffix", [(_xls, "xls"), (_xlsx, "xlsx")])
def test_without_fonts_a_unicode_row_that_reads_as_vietnamese_is_kept(tmp_path, writer, suffix):
    """Every cell in the default font: the text decides, and a row holding letters only Unicode writes (ư, ộ …)
    keeps its cells that already read as Vietnamese syllables."""
    font = "Arial" if suffix == "xls" else "Calibri"
    result = parse_file(writer(tmp_path / f"plain.{suffix}", _rows(to_tcvn3), font, font), kind="roster")
    assert _people(result) == _expected(OLD + NEW)


@pytest.mark.parametrize("name, encoding", [
    (".VnTime", "tcvn3"), (".VnTimeH", "tcvn3"), (".VnArial Narrow", "tcvn3"), ("VNI-Times", "vni"),
    ("VNI-Helve", "vni"), ("Times New Roman", UNICODE_FONT), ("Arial", UNICODE_FONT), ("Calibri", UNICODE_FONT),
    ("Vernada", UNICODE_FONT), (None, None), ("", None),
])
def test_font_names_are_classified(name, encoding):
    assert font_encoding(name) == encoding
