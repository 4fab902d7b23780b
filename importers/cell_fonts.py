"""The font each text cell is shown in, which says whether its text is a legacy encoding.

A TCVN3 cell only reads right in a .VnTime-like font and a VNI cell in a VNI-* font, while a cell typed in Unicode
is shown in Times New Roman, Arial, Calibri …: a sheet whose older rows are TCVN3 and whose newer rows are Unicode
('Bùi' would decode to 'Bựi') is told apart cell by cell by its fonts, not by guessing from the text. The fonts
only count when the sheet shows some text in a legacy font: a file written without fonts (every cell in the
default font) says nothing, and the text evidence (``importers.legacy_evidence``) decides alone.

The fonts are read only when a sheet holds cells that may be legacy (reading an xls's formats costs a second
read of the file); each cell's text is kept beside its font, so a cell moved or rewritten since is not judged by
the font of another.
"""

import re
import zipfile
from pathlib import Path

UNICODE_FONT = "unicode"
_TCVN3_FONT = re.compile(r"\.?vn[a-z]", re.IGNORECASE)  # .VnTime, .VnTimeH, .VnArial, VnTime …
_VNI_FONT = re.compile(r"vni[-_ ]", re.IGNORECASE)  # VNI-Times, VNI-Helve …


def font_encoding(font: str | None) -> str | None:
    """'tcvn3' or 'vni' for a legacy Vietnamese font, UNICODE_FONT for any other named font, None for no name."""
    if not font:
        return None
    name = font.strip()
    if _VNI_FONT.match(name):
        return "vni"
    if _TCVN3_FONT.match(name):
        return "tcvn3"
    return UNICODE_FONT


def read_cell_fonts(path: Path) -> dict:
    """Sheet name -> {(row, col): (text, encoding of its font)} for the non-ASCII text cells of an xls or xlsx
    workbook whose sheets show some text in a legacy font; {} when the file has none or cannot tell."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            found = _xls_fonts(path)
        elif zipfile.is_zipfile(path) and "xl/workbook.xml" in zipfile.ZipFile(path).namelist():
            found = _xlsx_fonts(path)
        else:
            return {}
    except Exception:  # fonts are a hint: a file they cannot be read from is judged by its text
        return {}
    return {name: cells for name, cells in found.items()
            if any(encoding != UNICODE_FONT for _, encoding in cells.values())}


def _xls_fonts(path: Path) -> dict:
    import xlrd

    book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    try:
        found = {}
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            cells = {}
            for row in range(sheet.nrows):
                for col, cell in enumerate(sheet.row(row)):
                    if cell.ctype == xlrd.XL_CELL_TEXT and not cell.value.isascii():
                        xf = book.xf_list[cell.xf_index]
                        encoding = font_encoding(book.font_list[xf.font_index].name)
                        if encoding:
                            cells[row, col] = (cell.value, encoding)
            found[sheet.name] = cells
            book.unload_sheet(index)
        return found
    finally:
        book.release_resources()


def _xlsx_fonts(path: Path) -> dict:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        found = {}
        for sheet in book.worksheets:
            cells = {}
            for row in sheet.iter_rows():
                for cell in row:
                    value = getattr(cell, "value", None)
                    if isinstance(value, str) and not value.isascii():
                        encoding = font_encoding(cell.font.name if cell.font else None)
                        if encoding:
                            cells[cell.row - 1, cell.column - 1] = (value, encoding)
            found[sheet.title] = cells
        return found
    finally:
        book.close()
