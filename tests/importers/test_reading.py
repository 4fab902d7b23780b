"""Reading: CSV encodings and delimiters, A1-anchored grids, hidden and broken sheets, hostile containers."""

import codecs
import json
import unicodedata
import zipfile

import pytest
from openpyxl import Workbook

from importers import ImportFileError, Limits, inspect_file, parse_file, reading
from importers.reading import decode_text, sniff_delimiter
from tests.workbooks import write_workbook

HEADER = "STT,Họ và tên,Ngày sinh,Đoàn công tác,Nhiệm vụ trong đoàn,Số điện thoại"
ROW = "1,Nguyễn Văn An,02/01/1977,Đoàn công tác số 1,Trưởng đoàn,0912345678"


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: precomposed base letters, tone marks as separate combining characters."""
    out = bytearray()
    for ch in text:
        marks = unicodedata.normalize("NFD", ch)
        tones = "".join(m for m in marks if m in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(m for m in marks if m not in TONE_MARKS))
        out += (base + tones).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
    ("cp1258", b""),
])
def test_csv_encodings_decode_to_nfc(tmp_path, encoding, bom):
    path = tmp_path / "roster.csv"
    text = f"{HEADER}\r\n{ROW}\r\n"
    path.write_bytes(bom + (to_cp1258(text) if encoding == "cp1258" else text.encode(encoding)))
    result = parse_file(path)
    assert result.records()[0]["full_name"] == "Nguyễn Văn An"
    assert result.records()[0]["role"] == "head"


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_csv_delimiter_is_sniffed(delimiter):
    text = f"{HEADER}\n{ROW}\n".replace(",", delimiter)
    assert sniff_delimiter(text) == delimiter


def test_cp1258_combining_tone_marks_become_nfc():
    assert decode_text("Nguyê\xden".encode("latin-1")) == "Nguyễn"


def _workbook(tmp_path, sheets, hidden=()):
    return write_workbook(tmp_path / "book.xlsx", sheets, hidden)

ROSTER_ROWS = [
    ["STT", "Họ và tên", "Ngày sinh", "Đoàn công tác", "Nhiệm vụ", "Điện thoại"],
    [1, "Nguyễn Văn An", "02/01/1977", "Đoàn công tác số 1", "Trưởng đoàn", "0912345678"],
]


def test_inspect_anchors_rows_at_a1_and_types_cells_for_json(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet["C3"] = "Họ và tên"
    sheet["D4"] = 1.5
    sheet["E4"] = __import__("datetime").date(2025, 1, 6)
    path = tmp_path / "offset.xlsx"
    book.save(path)
    grid = inspect_file(path)["sheets"][0]["rows"]
    assert grid[2][2] == "Họ và tên" and grid[0][0] is None
    assert grid[3][3] == 1.5 and grid[3][4].startswith("2025-01-06")
    json.dumps(grid)


def test_hidden_sheets_are_skipped_unless_named(tmp_path):
    path = _workbook(tmp_path, {"Hướng dẫn": ROSTER_ROWS, "Trống": [["ghi chú"]]}, hidden={"Hướng dẫn"})
    with pytest.raises(ImportFileError):
        parse_file(path)
    assert parse_file(path, sheet="Hướng dẫn").sheet == "Hướng dẫn"
    sheets = inspect_file(path)["sheets"]
    assert [(s["name"], s["visible"]) for s in sheets] == [("Hướng dẫn", False), ("Trống", True)]


def test_the_sheet_holding_the_table_is_chosen(tmp_path):
    path = _workbook(tmp_path, {"Bìa": [["DANH SÁCH"]], "Danh sách": ROSTER_ROWS})
    assert parse_file(path).sheet == "Danh sách"


def test_unknown_sheet_name_is_a_file_error(tmp_path):
    path = _workbook(tmp_path, {"Danh sách": ROSTER_ROWS})
    with pytest.raises(ImportFileError, match="Không tìm thấy trang tính"):
        parse_file(path, sheet="Khác")


def test_formulas_without_stored_results_are_a_file_error_naming_the_cells(tmp_path):
    """openpyxl (and some exporters) write formulas without their results: reading would see blanks, so the
    file is refused with the cells named instead of being read with those values missing. (A column only joining
    the name parts of its own row, '=TRIM(B2&" "&C2)', is left aside instead: test_joined_name_formulas.)"""
    rows = [["STT", "Họ đệm", "Tên", "Họ và tên", "Đoàn công tác", "Nhiệm vụ trong đoàn"],
            [1, "Nguyễn Văn", "An", "=TRIM('Nhân sự'!B2)", "Đoàn công tác số 1", "Trưởng đoàn"],
            [2, "Lê Thị", "Hoa", "=TRIM('Nhân sự'!B3)", "Đoàn công tác số 1", "Thành viên"]]
    path = _workbook(tmp_path, {"Danh sách": rows})
    with pytest.raises(ImportFileError, match="Danh sách.*D2, D3.*công thức chưa có giá trị đã tính"):
        parse_file(path)


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 7, 64])
def test_a_sheet_part_is_searched_chunk_by_chunk_across_chunk_edges(tmp_path, monkeypatch, chunk):
    """The formula and hidden-column checks inflate a sheet part in chunks: a tag cut by a chunk's edge is still
    found, the part is given whole when it holds the tag, and the head reaches past the marker."""
    monkeypatch.setattr(reading, "SCAN_CHUNK", chunk)
    part = b'<worksheet><cols><col min="2" max="2" hidden="1"/></cols><sheetData><row r="1"><c r="A1"><f>1+1</f>' \
           b'</c></row></sheetData></worksheet>'
    path = tmp_path / "parts.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("sheet.xml", part)
        archive.writestr("plain.xml", part.replace(b"<f>1+1</f>", b"<v>2</v>"))
    with zipfile.ZipFile(path) as archive:
        assert reading._inflated_holding(archive, "sheet.xml", b"<f") == part
        assert reading._inflated_holding(archive, "plain.xml", b"<f") is None
        head = reading._inflated_head(archive, "sheet.xml", b"<sheetData")
        assert part.startswith(head) and b"<sheetData" in head
        assert reading._inflated_head(archive, "sheet.xml", b"<absent") == part


@pytest.mark.parametrize("data, found", [
    (b"", False), (b"f", False), (b"<f", True), (b"f<f", True), (b"<c><v>1</v></c>", False), (b"ff" * 200, False),
    (b"f" * 200 + b"<f>", True), (b"<" + b"xf" * 100 + b"<f/>", True), (b"<Ff<F f", False),
])
def test_a_needle_is_found_by_its_last_byte_as_the_plain_search_finds_it(data, found):
    assert reading._holds(data, b"<f") is found is (b"<f" in data)


def test_zip_bomb_is_refused_before_calamine(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (3 * 2**20))
    with pytest.raises(ImportFileError, match="giải nén"):
        parse_file(path, limits=Limits(max_decompressed_bytes=2**20))


def test_too_large_and_too_many_rows_are_refused(tmp_path):
    path = _workbook(tmp_path, {"Danh sách": ROSTER_ROWS})
    with pytest.raises(ImportFileError, match="quá lớn"):
        parse_file(path, limits=Limits(max_bytes=100))
    with pytest.raises(ImportFileError, match="quá nhiều dòng"):
        parse_file(path, limits=Limits(max_rows=1))
    with pytest.raises(ImportFileError, match="quá nhiều cột"):
        parse_file(path, limits=Limits(max_cols=2))


@pytest.mark.parametrize("content", [b"\x00\x01\x02garbage" * 50, b"PK\x03\x04broken zip", b""])
def test_garbage_is_a_clear_file_error(tmp_path, content):
    path = tmp_path / "x.xlsx"
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as info:
        parse_file(path)
    assert info.value.message


@pytest.mark.parametrize("width", [25_000, 300_000])
def test_wide_csv_is_refused_as_too_many_columns(tmp_path, width):
    path = tmp_path / "wide.csv"
    path.write_text(",".join(f"c{i}" for i in range(width)) + "\n" + ",".join("x" * width) + "\n")
    with pytest.raises(ImportFileError) as info:
        parse_file(path)
    assert "quá nhiều cột" in info.value.message and "CSV" in info.value.message


def _bomb(tmp_path, rows):
    """A two-sheet xlsx whose second sheet ('DS & 2') is `rows` identical rows, deflating far above 40:1."""
    source = _workbook(tmp_path, {"Bìa": [["Sổ"]], "DS & 2": [["Họ và tên"]]})
    path = tmp_path / "bomb.xlsx"
    row = b'<row><c t="inlineStr"><is><t>Nguy\xe1\xbb\x85n V\xc4\x83n An</t></is></c></row>'
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "xl/worksheets/sheet2.xml":
                head, tail = data.split(b"<sheetData>")[0], b"</sheetData>" + data.split(b"</sheetData>")[-1]
                data = head + b"<sheetData>" + row * rows + tail
            new.writestr(item, data)
    return path


def test_too_many_rows_in_an_xlsx_sheet_is_refused_before_calamine_inflates_it(tmp_path, monkeypatch):
    path = _bomb(tmp_path, 20_000)
    monkeypatch.setattr("importers.reading.python_calamine.CalamineWorkbook.from_path",
                        lambda *args: pytest.fail("calamine must not see the file"))
    with pytest.raises(ImportFileError) as info:
        parse_file(path, limits=Limits(max_rows=1000))
    assert info.value.message == "Trang tính 'DS & 2' có quá nhiều dòng (> 1000), giới hạn là 1000."


def test_a_compressed_sheet_within_the_row_limit_is_still_read(tmp_path):
    book = inspect_file(_bomb(tmp_path, 20_000), sheet="DS & 2", limits=Limits(max_rows=20_000))
    assert len(book["sheets"][0]["rows"]) == 20_000
