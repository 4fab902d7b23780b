"""Read a spreadsheet or CSV into plain grids anchored at A1, one sheet at a time, never trusting the file."""

import codecs
import csv
import html
import io
import os
import re
import unicodedata
import zipfile
import zlib
from functools import partial
from pathlib import Path
from typing import Any

import python_calamine

from . import errors as msg
from .cell_fonts import read_cell_fonts, read_cell_formats, shows_struck_text
from .errors import ImportFileError
from .hidden_columns import ods_hidden_columns, xlsx_hidden_columns
from .legacy import bytes_typed_in_legacy_font
from .limits import Deadline, Limits
from .ods_merges import is_down, ods_merges, ods_spans, text_spans
from .results import SheetData, Workbook

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
CSV_DELIMITERS = (",", ";", "\t", "|")
SNIFF_CHARS = 2**20  # the delimiter is judged on the first MiB, not the whole file


def detect_format(path: Path, head: bytes) -> str:
    """'zip' (xlsx/xlsm/xlsb/ods), 'ole' (xls or encrypted OOXML), 'csv' or 'unknown' from the first bytes."""
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if head.startswith((b"PK", b"\x09\x08", b"\x09\x04", b"\x09\x02")) or b"\x00\x00\x00" in head[:64]:
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            return "csv"
        return "unknown"
    return "csv"


def check_size(path: Path, limits: Limits) -> int:
    """Reject files above the byte limit and return the size."""
    size = os.path.getsize(path)
    if size > limits.max_bytes:
        raise ImportFileError(msg.TOO_LARGE.format(size=round(size / 2**20, 1), limit=limits.max_bytes // 2**20))
    if size == 0:
        raise ImportFileError(msg.EMPTY_FILE)
    return size


def check_zip_container(path: Path, limits: Limits) -> bool:
    """Reject zip bombs, encrypted packages and broken archives before calamine sees them; True for 1904 dates."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > limits.max_zip_members:
                raise ImportFileError(msg.ZIP_BOMB.format(limit=limits.max_decompressed_bytes // 2**20))
            total = sum(member.file_size for member in members)
            if total > limits.max_decompressed_bytes:
                raise ImportFileError(msg.ZIP_BOMB.format(limit=limits.max_decompressed_bytes // 2**20))
            if any(member.flag_bits & 0x1 for member in members):
                raise ImportFileError(msg.PASSWORD_PROTECTED)
            names = {member.filename for member in members}
            if "META-INF/manifest.xml" in names:
                manifest = archive.read("META-INF/manifest.xml")[: 2**20]
                if b"encryption-data" in manifest:
                    raise ImportFileError(msg.PASSWORD_PROTECTED)
            _count_rows_before_inflating(archive, members, limits)
            return _uses_1904_dates(archive, names)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError):
        raise ImportFileError(msg.CORRUPT_FILE) from None


ROW_TAGS = {"content.xml": b"<table:table-row"}  # ods; every xlsx worksheet uses <row
MIN_ROW_BYTES = 16  # no row holding a cell is written in fewer bytes, so smaller sheets cannot exceed max_rows
SCAN_RATIO = 40  # spreadsheets deflate 5-20:1; a sheet above this inflates far beyond the upload, i.e. a bomb
SCAN_CHUNK = 2**20


def _count_rows_before_inflating(archive: zipfile.ZipFile, members, limits: Limits) -> None:
    """Stream each large, highly compressed sheet XML in 1 MiB chunks; refuse it past max_rows rows.

    calamine inflates and parses a whole sheet before its extent is known, so a highly compressed sheet
    (a zip bomb under the decompressed limit) would otherwise cost several times its XML size in memory."""
    for member in members:
        tag = ROW_TAGS.get(member.filename, b"<row" if member.filename.startswith("xl/worksheets/") else None)
        if (tag is None or member.file_size <= limits.max_rows * MIN_ROW_BYTES
                or member.file_size <= SCAN_RATIO * member.compress_size):
            continue  # too small to exceed max_rows, or inflating it costs no more than the upload's scale
        rows, tail = 0, b""
        with archive.open(member) as stream:
            while chunk := stream.read(SCAN_CHUNK):
                block = tail + chunk
                rows += block.count(tag)  # the tail is shorter than a tag, so nothing is counted twice
                tail = block[-len(tag) + 1:]
                if rows > limits.max_rows:
                    name = _sheet_name(archive, member.filename)
                    raise ImportFileError(
                        msg.TOO_MANY_ROWS.format(sheet=name, rows=f"> {limits.max_rows}", limit=limits.max_rows))


def _sheet_name(archive: zipfile.ZipFile, member: str) -> str:
    """The workbook's name for a worksheet part (xl/worksheets/sheet2.xml -> 'DS'), else the part's name."""
    try:
        rels = archive.read("xl/_rels/workbook.xml.rels")[: 2**22].decode("utf-8", "replace")
        book = archive.read("xl/workbook.xml")[: 2**22].decode("utf-8", "replace")
    except KeyError:
        return member
    target = member.removeprefix("xl/")
    for rel in re.finditer(r"<Relationship\b[^>]*>", rels):
        if re.search(r'Target="/?(?:xl/)?' + re.escape(target) + '"', rel.group(0)):
            rel_id = re.search(r'Id="([^"]+)"', rel.group(0))
            for sheet in re.finditer(r"<(?:\w+:)?sheet\b[^>]*>", book):
                if rel_id and re.search(r':id="' + re.escape(rel_id.group(1)) + '"', sheet.group(0)):
                    found = re.search(r'name="([^"]*)"', sheet.group(0))
                    return html.unescape(found.group(1)) if found else member
    return member


def _uses_1904_dates(archive: zipfile.ZipFile, names: set[str]) -> bool:
    """True when an xlsx workbook counts days from 1904 (serial numbers in text columns need it)."""
    if "xl/workbook.xml" not in names or archive.getinfo("xl/workbook.xml").file_size > 2**22:
        return False
    text = archive.read("xl/workbook.xml")
    return b'date1904="1"' in text or b'date1904="true"' in text


def _calamine_error(exc: Exception) -> ImportFileError:
    text = f"{type(exc).__name__} {exc}".lower()
    if "password" in text or "encrypt" in text:
        return ImportFileError(msg.PASSWORD_PROTECTED)
    return ImportFileError(msg.CORRUPT_FILE)


def json_cell(value: Any) -> Any:
    """A cell as a JSON-typed value: str, int/float, bool, ISO date text or None."""
    if value is None or value == "":
        return None
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    if isinstance(value, (str, int, bool)):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _check_shape(name: str, height: int, width: int, limits: Limits) -> None:
    if height > limits.max_rows:
        raise ImportFileError(msg.TOO_MANY_ROWS.format(sheet=name, rows=height, limit=limits.max_rows))
    if width > limits.max_cols:
        raise ImportFileError(msg.TOO_MANY_COLS.format(sheet=name, cols=width, limit=limits.max_cols))


def _read_calamine_sheet(book, meta, limits: Limits) -> SheetData:
    """Load one sheet; a broken sheet becomes SheetData.error instead of losing the others."""
    visible = meta.visible == python_calamine.SheetVisibleEnum.Visible
    sheet = SheetData(name=meta.name, visible=visible)
    if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
        sheet.error, sheet.typ_is_data = "không phải trang dữ liệu", False
        return sheet
    try:
        loaded = book.get_sheet_by_name(meta.name)
        end = loaded.end or (-1, -1)  # A1-anchored extent of real cells; total_* may be a declared dimension
        _check_shape(meta.name, end[0] + 1, end[1] + 1, limits)
        sheet.rows = loaded.to_python(skip_empty_area=False)
        merged = loaded.merged_cell_ranges or []
        sheet.merges = [merge for merge in merged if is_down(merge)]
        sheet.spans = text_spans(merged, sheet.rows)
    except ImportFileError:
        raise
    except Exception as exc:  # calamine raises many types for broken sheets
        sheet.error = f"không đọc được trang tính: {str(exc)[:200]}"
    return sheet


_FORMULA_CELL = re.compile(rb"<c\b([^>]*)>\s*<f\b([^>]*?)(?:/>|>([^<]*)</f>)\s*(<v>[^<]|)")
_SHARED = re.compile(rb'\bsi="([0-9]+)"')
_REF = re.compile(rb'\br="([A-Z]+[0-9]+)"')
_SHEET = re.compile(rb'<sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"')
_TARGET = re.compile(rb'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"|'
                     rb'<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"')


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its worksheet part inside an xlsx/xlsm package."""
    targets = {}
    for match in _TARGET.finditer(archive.read("xl/_rels/workbook.xml.rels")):
        target, rid = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
        target = target.decode()
        targets[rid.decode()] = target.lstrip("/") if target.startswith("/") else "xl/" + target
    return {html.unescape(name.decode()): targets.get(rid.decode(), "")
            for name, rid in _SHEET.findall(archive.read("xl/workbook.xml"))}


LAST_BYTE_TRIES = 64


def _holds(data: bytes, needle: bytes) -> bool:
    """`needle in data`, found by its last byte first: the 'f' of '<f' is rare in a sheet's XML (Vietnamese text
    has none), '<' everywhere; past a few last bytes that start no needle, the plain search."""
    last, before = needle[-1:], len(needle) - 1
    at = data.find(last, before)
    for _ in range(LAST_BYTE_TRIES):
        if at == -1:
            return False
        if data.startswith(needle, at - before):
            return True
        at = data.find(last, at + 1)
    return needle in data


def _inflated_holding(archive: zipfile.ZipFile, part: str, needle: bytes) -> bytes | None:
    """A part's inflated bytes when they hold `needle`, else None. Inflated in chunks, each searched as it comes:
    one large buffer costs more to inflate into than many small ones."""
    chunks, tail = [], b""
    with archive.open(part) as stream:
        while chunk := stream.read(SCAN_CHUNK):
            chunks.append(chunk)
            if _holds(chunk, needle) or needle in tail + chunk[:len(needle) - 1]:
                return b"".join(chunks) + stream.read()
            tail = chunk[-(len(needle) - 1):]
    return None


def _inflated_head(archive: zipfile.ZipFile, part: str, marker: bytes) -> bytes:
    """A part's inflated bytes up to `marker` at least (the whole part when it lacks one), in chunks."""
    chunks = []
    with archive.open(part) as stream:
        while chunk := stream.read(SCAN_CHUNK):
            chunks.append(chunk)
            head = b"".join(chunks[-2:])
            if marker in head:
                break
    return b"".join(chunks)


def uncached_formula_cells(path: Path, sheet_names: list[str]) -> dict[str, list[tuple[str, str]]]:
    """Formula cells with no stored result, per sheet, as (address, formula text): files written by a program that
    does not calculate (openpyxl, some exporters) keep only the formula, and reading them would see blanks where
    data is. Whether one matters depends on where the table is (``importers.uncached_formulas``); what it computes,
    whether a column of them can be left aside (``importers.helper_formulas``). A shared formula's cells carry the
    text of the cell that defines it."""
    found: dict[str, list[tuple[str, str]]] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
                return found
            parts = _sheet_parts(archive)
            for name in sheet_names:
                part = parts.get(name)
                if part not in names:
                    continue
                data = _inflated_holding(archive, part, b"<f")
                if data is None:
                    continue
                shared: dict[bytes, tuple[str, str]] = {}  # si -> (defining cell, its formula)
                for attributes, formula, text, value in _FORMULA_CELL.findall(data):
                    index, ref = _SHARED.search(formula), _REF.search(attributes)
                    ref = ref.group(1).decode() if ref else "?"
                    text = html.unescape(text.decode("utf-8", "replace"))
                    if index and text:
                        shared[index.group(1)] = (ref, text)
                    elif index and index.group(1) in shared:
                        text = shifted_formula(*shared[index.group(1)], ref)
                    if not value and b't="str"' not in attributes:
                        found.setdefault(name, []).append((ref, text))
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return {}
    return found


_CELL = re.compile(r"([A-Z]+)([0-9]+)")
_FORMULA_STRING = re.compile(r'("(?:[^"]|"")*")')
_RELATIVE = re.compile(r"(?<![A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)([0-9]+)(?![0-9A-Za-z_(])")


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def shifted_formula(at: str, formula: str, to: str) -> str:
    """A shared formula as the cell `to` has it: the formula of the cell `at` that defines it, its relative
    references moved by as many rows and columns ('COUNTA(G6:J6)' at K6 is 'COUNTA(G7:J7)' at K7)."""
    start, end = _CELL.fullmatch(at), _CELL.fullmatch(to)
    if start is None or end is None:
        return formula
    rows = int(end.group(2)) - int(start.group(2))
    columns = _column_number(end.group(1)) - _column_number(start.group(1))

    def move(found: re.Match) -> str:
        fixed_column, letters, fixed_row, number = found.groups()
        column = _column_number(letters) + (0 if fixed_column else columns)
        row = int(number) + (0 if fixed_row else rows)
        if column < 1 or row < 1:
            return found.group(0)
        return f"{fixed_column}{_column_letters(column)}{fixed_row}{row}"

    parts = _FORMULA_STRING.split(formula)
    return "".join(part if index % 2 else _RELATIVE.sub(move, part) for index, part in enumerate(parts))


def _mark_uncached_formulas(path: Path, sheets: list[SheetData]) -> None:
    """Note each sheet's formula cells saved without a result, with the rows they are counted in."""
    uncached = uncached_formula_cells(path, [sheet.name for sheet in sheets if sheet.error is None])
    for sheet in sheets:
        cells, texts = [], {}
        for ref, text in uncached.get(sheet.name, ()):
            found = _CELL.fullmatch(ref)
            if found is None:  # a formula cell without its address: where it is cannot be known
                cells.append((-1, -1))
                continue
            column = 0
            for letter in found.group(1):
                column = column * 26 + ord(letter) - 64
            cells.append((int(found.group(2)) - 1, column - 1))
            texts[cells[-1]] = text
        if cells:
            sheet.uncached, sheet.uncached_rows, sheet.formula_texts = tuple(cells), sheet.rows, texts


def read_spreadsheet(path: Path, limits: Limits, deadline: Deadline, sheet_name: str | None = None) -> Workbook:
    """Read every sheet (or only sheet_name) of an xlsx/xlsm/xlsb/xls/ods file with python-calamine."""
    try:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        metas = book.sheets_metadata
    except Exception as exc:
        raise _calamine_error(exc) from None
    if sheet_name is not None and sheet_name not in [meta.name for meta in metas]:
        raise ImportFileError(msg.SHEET_NOT_FOUND.format(name=sheet_name))
    sheets = []
    for meta in metas:
        if sheet_name is not None and meta.name != sheet_name:
            continue
        sheets.append(_read_calamine_sheet(book, meta, limits))
        deadline.check()
    _mark_uncached_formulas(path, sheets)
    _mark_hidden_columns(path, sheets)
    _mark_ods_merges(path, sheets)
    _mark_cell_fonts(path, sheets)
    return Workbook(format="spreadsheet", sheets=sheets)


def _mark_cell_fonts(path: Path, sheets: list[SheetData]) -> None:
    """Let each sheet read its cells' fonts when a legacy decoding first asks (the whole file's, read once)."""
    fonts: dict = {}

    def read(name: str | None) -> dict:
        if not fonts:
            fonts.update(read_cell_fonts(path) or {None: {}})
        return fonts.get(name, {})

    for sheet in sheets:
        if sheet.rows:
            sheet.read_fonts = partial(read, sheet.name)
    _mark_cell_formats(path, sheets)


def _mark_cell_formats(path: Path, sheets: list[SheetData]) -> None:
    """Let each sheet read its cells' colours, bold and italic when a format legend first asks, and its struck
    cells when the file strikes any text through (``importers.cell_fonts.read_cell_formats``: the whole file's,
    read once; None where the file keeps none that this reads)."""
    formats: dict = {}

    def read(name: str | None) -> dict | None:
        if "read" not in formats:
            formats["read"] = read_cell_formats(path)
        found = formats["read"]
        return None if found is None else found.get(name, {})

    def struck(name: str | None) -> dict:
        if "struck" not in formats:  # the styles looked at first: most files strike nothing through
            formats["struck"] = shows_struck_text(path)
        return (read(name) or {}) if formats["struck"] else {}

    for sheet in sheets:
        if sheet.rows:
            sheet.read_formats = partial(read, sheet.name)
            sheet.read_struck = partial(struck, sheet.name)


def _mark_hidden_columns(path: Path, sheets: list[SheetData]) -> None:
    """Record the columns an xlsx/xlsm sheet or an ODS table hides (``importers.hidden_columns``)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "content.xml" in names:
                found = ods_hidden_columns(path) if b"table:visibility" in archive.read("content.xml") else {}
            elif "xl/workbook.xml" in names and "xl/_rels/workbook.xml.rels" in names:
                parts = _sheet_parts(archive)
                found = {sheet.name: xlsx_hidden_columns(_inflated_head(archive, parts[sheet.name], b"<sheetData"))
                         for sheet in sheets
                         if parts.get(sheet.name) in names}
            else:
                return
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return
    for sheet in sheets:
        sheet.hidden_columns = found.get(sheet.name, frozenset())


def _mark_ods_merges(path: Path, sheets: list[SheetData]) -> None:
    """Record an ODS table's merged cells, which calamine leaves out (``importers.ods_merges``): the cells merged
    down now, when the file has any; those merged across only when a stage asks for them, the file read again
    then (most files merge a title across, and reading the XML costs more than calamine's whole read)."""
    if not any(sheet.rows and not sheet.merges and not sheet.spans for sheet in sheets) \
            or not zipfile.is_zipfile(path):
        return
    found = ods_merges(path, only_with_down=True)
    for sheet in sheets:
        if sheet.merges or sheet.spans:
            continue
        if sheet.name in found:
            sheet.merges = [merge for merge in found[sheet.name] if is_down(merge)]
            sheet.spans = text_spans(found[sheet.name], sheet.rows)
        elif sheet.rows:
            sheet.read_spans = partial(ods_spans, path, sheet.name, sheet.rows)


# ---- CSV -------------------------------------------------------------------------------------

def decode_text(data: bytes) -> str:
    """Decode CSV bytes: UTF-8 (with or without BOM), UTF-16, else Windows-1258 — or Latin-1 when the bytes were
    typed in a legacy font (``legacy.bytes_typed_in_legacy_font``); result is NFC."""
    if data.startswith(codecs.BOM_UTF8):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    elif len(data) > 3 and data[1:2] == b"\x00" and data[3:4] == b"\x00":
        text = data.decode("utf-16-le", errors="replace")
    elif len(data) > 3 and data[0:1] == b"\x00" and data[2:3] == b"\x00":
        text = data.decode("utf-16-be", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1258", errors="replace")
            latin = data.decode("latin-1")
            if bytes_typed_in_legacy_font(latin, text):  # TCVN3/VNI bytes: each cell is decoded later, as in .xls
                text = latin
    return unicodedata.normalize("NFC", text)


def looks_binary(text: str) -> bool:
    """True when decoded text is full of control characters, i.e. not a CSV at all."""
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n")
    return "\x00" in sample or controls > len(sample) // 100 + 1


def sniff_delimiter(text: str) -> str:
    """Pick the delimiter that splits the first lines into the most, most consistent fields."""
    lines = [line for line in text[:SNIFF_CHARS].splitlines()[:50] if line.strip()]
    best, best_score = ",", 0.0
    for delimiter in CSV_DELIMITERS:
        try:
            counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:  # a wide line read with the wrong delimiter is one over-long field
            continue
        if not counts:
            continue
        common = max(set(counts), key=counts.count)
        score = (common - 1) * counts.count(common) / len(counts)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(path: Path, limits: Limits) -> Workbook:
    """Read a CSV file as one sheet named None."""
    text = decode_text(Path(path).read_bytes())
    if looks_binary(text):
        raise ImportFileError(msg.UNKNOWN_FORMAT)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for row in reader:
            rows.append(row)
            if len(rows) > limits.max_rows:
                raise ImportFileError(
                    msg.TOO_MANY_ROWS.format(sheet="CSV", rows=f"> {limits.max_rows}", limit=limits.max_rows))
            if len(row) > limits.max_cols:
                raise ImportFileError(msg.TOO_MANY_COLS.format(sheet="CSV", cols=len(row), limit=limits.max_cols))
    except csv.Error:
        raise ImportFileError(msg.CORRUPT_FILE) from None
    width = max((len(row) for row in rows), default=0)
    grid = [row + [""] * (width - len(row)) for row in rows]
    return Workbook(format="csv", sheets=[SheetData(name=None, visible=True, rows=grid, delimiter=delimiter)])


def read_workbook(path, limits: Limits | None = None, deadline: Deadline | None = None,
                  sheet_name: str | None = None) -> Workbook:
    """Read any supported file into a Workbook after size, container and format checks."""
    path = Path(path)
    limits = limits or Limits()
    deadline = deadline or Deadline(limits)
    if not path.is_file():
        raise ImportFileError(msg.FILE_NOT_FOUND.format(name=path.name))
    check_size(path, limits)
    with open(path, "rb") as handle:
        head = handle.read(512)
    kind = detect_format(path, head)
    epoch_1904 = check_zip_container(path, limits) if kind == "zip" else False
    if kind in ("zip", "ole"):
        book = read_spreadsheet(path, limits, deadline, sheet_name)
        book.epoch_1904 = epoch_1904
        return book
    if kind == "csv":
        return read_csv(path, limits)
    raise ImportFileError(msg.UNKNOWN_FORMAT)
