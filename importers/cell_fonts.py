"""The font each text cell is shown in, which says whether its text is a legacy encoding.

A TCVN3 cell only reads right in a .VnTime-like font and a VNI cell in a VNI-* font, while a cell typed in Unicode
is shown in Times New Roman, Arial, Calibri …: a sheet whose older rows are TCVN3 and whose newer rows are Unicode
('Bùi' would decode to 'Bựi') is told apart cell by cell by its fonts, not by guessing from the text. The fonts
only count when the sheet shows some text in a legacy font: a file written without fonts (every cell in the
default font) says nothing, and the text evidence (``importers.legacy_evidence``) decides alone.

The fonts are read only when a sheet holds cells that may be legacy (reading an xls's formats costs a second
read of the file); each cell's text is kept beside its font, so a cell moved or rewritten since is not judged by
the font of another.

The same walk over the cells reads each cell's colours, bold and italic (``read_cell_formats``), for the legends
that give them a meaning (``importers.format_legends``): read only when a sheet has such a legend. An ODS file's
formats are read from its XML (``ods_formats``: calamine keeps none), its fonts not (no legacy decoding asks).
The same formats say which cells are struck through (an entry crossed out, ``importers.kinds.struck_rows``): read
only when the file's styles define a struck font at all (``shows_struck_text``); an xlsx's words struck within a
shared text are read from its runs.
"""

import re
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from .colour_names import colour_names, plain_fill, theme_palette, with_tint

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
        found = _read_cells(path, _xls_font, _xlsx_font)
    except Exception:  # fonts are a hint: a file they cannot be read from is judged by its text
        return {}
    return {name: cells for name, cells in (found or {}).items()
            if any(encoding != UNICODE_FONT for _, encoding in cells.values())}


@dataclass(frozen=True)
class CellFormat:
    """How a cell is shown, as far as a legend may give it a meaning (``importers.format_legends``): the names of
    its fill and font colours (``importers.colour_names``; empty for none, white, black or automatic), bold,
    italic, underline; `value` is the cell's value as the file holds it, so that a cell moved by a rewrite of the
    rows is never judged by another's format. `fill_rgb` is the fill itself ('9BC2E6', theme and tint applied;
    None for no fill), for a legend whose swatches are compared by colour, not by name
    (``importers.swatch_legends``)."""

    value: object
    fill: frozenset = frozenset()
    font: frozenset = frozenset()
    bold: bool = False
    italic: bool = False
    underline: bool = False
    fill_rgb: str | None = None
    struck: bool = False  # the text struck through: an entry the office crossed out (``importers.kinds.struck_rows``)
    struck_part: str = ""  # the words of a text struck through within it ('Chuyên viên' of '~~Chuyên viên~~ Phó …')

    def plain(self) -> bool:
        return not (self.fill or plain_fill(self.fill_rgb) or self.font or self.bold or self.italic or self.underline)


_XLSX_STRIKE = re.compile(rb"<(?:\w+:)?strike(?:\s*/?>|\s+val=\"(?:1|true)\")")
_ODS_STRIKE = re.compile(rb'line-through-style="(?!none")')


def shows_struck_text(path: Path) -> bool:
    """Whether an xls, xlsx or ods file defines a struck-through font at all (its font table, its styles), read
    without walking the cells: a file that does not is never read again for crossed-out entries."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            import xlrd

            book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
            try:
                return any(font.struck_out for font in book.font_list)
            finally:
                book.release_resources()
        if not zipfile.is_zipfile(path):
            return False
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "xl/styles.xml" in names or "xl/sharedStrings.xml" in names:
                return any(_XLSX_STRIKE.search(archive.read(name)) for name in ("xl/styles.xml", "xl/sharedStrings.xml")
                           if name in names)
            return any(_ODS_STRIKE.search(archive.read(name)) for name in ("content.xml", "styles.xml")
                       if name in names)
    except Exception:  # a file whose styles cannot be read shows no crossed-out entry this can tell
        return False


def read_cell_formats(path: Path) -> dict | None:
    """Sheet name -> {(row, col): CellFormat} of every cell of an xls or xlsx workbook holding a value or a
    format; None when the file keeps no formats this reads (CSV, ODS) or they cannot be read."""
    try:
        return _read_cells(path, _xls_format, _xlsx_format)
    except Exception:  # a file whose formats cannot be read is said to be so by the caller, never guessed
        return None


def _read_cells(path: Path, xls_cell, xlsx_cell) -> dict | None:
    """The cells of each sheet that `xls_cell(book, cell)` / `xlsx_cell(cell, theme)` give a value for (None to
    leave a cell out), read from an xls with its formats or an xlsx in read-only mode; None for another format."""
    with open(path, "rb") as handle:
        head = handle.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return _xls_cells(path, xls_cell)
    if zipfile.is_zipfile(path):
        names = zipfile.ZipFile(path).namelist()
        if "xl/workbook.xml" in names:
            return _xlsx_cells(path, xlsx_cell)
        if "content.xml" in names and xlsx_cell is _xlsx_format:  # an ODS file's fonts decide no encoding here
            return ods_formats(path)
    return None


def _xls_cells(path: Path, read) -> dict:
    import xlrd

    book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    try:
        found = {}
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            cells = {}
            for row in range(sheet.nrows):
                for col, cell in enumerate(sheet.row(row)):
                    value = read(book, cell)
                    if value is not None:
                        cells[row, col] = value
            found[sheet.name] = cells
            book.unload_sheet(index)
        return found
    finally:
        book.release_resources()


def _xls_font(book, cell):
    import xlrd

    if cell.ctype == xlrd.XL_CELL_TEXT and not cell.value.isascii():
        xf = book.xf_list[cell.xf_index]
        encoding = font_encoding(book.font_list[xf.font_index].name)
        if encoding:
            return cell.value, encoding
    return None


def _xls_format(book, cell):
    import xlrd

    xf = book.xf_list[cell.xf_index] if cell.xf_index is not None else None
    value = None if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK) else cell.value
    if xf is None:
        return CellFormat(value) if value is not None else None
    font = book.font_list[xf.font_index]
    background = xf.background
    fill_rgb = _xls_rgb(book, background.pattern_colour_index) if background.fill_pattern else None
    shown = CellFormat(value, colour_names(fill_rgb), _xls_colour(book, font.colour_index), bool(font.bold),
                       bool(font.italic), bool(font.underline_type), fill_rgb, bool(font.struck_out))
    return shown if value is not None or not shown.plain() else None


def _xls_colour(book, index) -> frozenset:
    return colour_names(_xls_rgb(book, index))


def _xls_rgb(book, index) -> str | None:
    rgb = book.colour_map.get(index)
    return "".join(f"{part:02X}" for part in rgb) if rgb else None


def _xlsx_cells(path: Path, read) -> dict:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        theme = theme_palette(getattr(book, "loaded_theme", None))
        found = {}
        for sheet in book.worksheets:
            cells = {}
            for row in sheet.iter_rows():
                for cell in row:
                    if getattr(cell, "row", None) is None:  # an EmptyCell: no value, no format
                        continue
                    value = read(cell, theme)
                    if value is not None:
                        cells[cell.row - 1, cell.column - 1] = value
            found[sheet.title] = cells
    finally:
        book.close()
    if read is _xlsx_format:
        _mark_struck_runs(path, found)
    return found


def _mark_struck_runs(path: Path, found: dict) -> None:
    """A shared text struck through in runs of its own (the words selected, then struck: Excel keeps them as a
    rich text's runs, which a read-only reading does not give): struck as a whole when every word is, else its
    struck words noted. A text kept both struck and plain is not told apart, so it is left as the cell's font says."""
    with zipfile.ZipFile(path) as archive:
        if "xl/sharedStrings.xml" not in archive.namelist():
            return
        data = archive.read("xl/sharedStrings.xml")
    if not _XLSX_STRIKE.search(data):
        return
    from xml.etree import ElementTree

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    struck, plain = {}, set()
    for item in ElementTree.fromstring(data).iter(f"{main}si"):
        runs = [("".join(run.itertext()) if run.tag == f"{main}t" else "".join(
            text.text or "" for text in run.iter(f"{main}t")), run.tag == f"{main}r" and _struck_run(run, main))
            for run in item if run.tag in (f"{main}t", f"{main}r")]
        text = "".join(part for part, _ in runs)
        crossed = " ".join(" ".join(part.split()) for part, strike in runs if strike and part.strip())
        if not crossed:
            plain.add(text)
        elif all(strike for part, strike in runs if part.strip()):
            struck[text] = ""
        else:
            struck[text] = crossed
    for cells in found.values():
        for at, shown in cells.items():
            if isinstance(shown.value, str) and shown.value in struck and shown.value not in plain:
                part = struck[shown.value]
                cells[at] = replace(shown, struck=True) if not part else replace(shown, struck_part=part)


def _struck_run(run, main: str) -> bool:
    strike = run.find(f"{main}rPr/{main}strike")
    return strike is not None and strike.get(f"{main}val", strike.get("val", "1")) not in ("0", "false")


def _xlsx_font(cell, theme):
    value = getattr(cell, "value", None)
    if isinstance(value, str) and not value.isascii():
        encoding = font_encoding(cell.font.name if cell.font else None)
        if encoding:
            return value, encoding
    return None


def _xlsx_format(cell, theme):
    value = getattr(cell, "value", None)
    fill, font = getattr(cell, "fill", None), getattr(cell, "font", None)
    fill_rgb = _xlsx_rgb(fill.fgColor, theme) if fill is not None and fill.fill_type else None
    shown = CellFormat(
        value,
        colour_names(fill_rgb),
        _xlsx_colour(font.color, theme) if font is not None else frozenset(),
        bool(font is not None and font.b), bool(font is not None and font.i),
        bool(font is not None and font.u and font.u != "none"), fill_rgb, bool(font is not None and font.strike))
    return shown if value is not None or not shown.plain() else None


def _xlsx_colour(colour, theme) -> frozenset:
    """The names of an openpyxl Color: an RGB, a theme colour with its tint, or an indexed one."""
    return colour_names(_xlsx_rgb(colour, theme))


def _xlsx_rgb(colour, theme) -> str | None:
    """The RGB ('FFFF00') of an openpyxl Color; None for none or automatic."""
    if colour is None:
        return None
    kind = getattr(colour, "type", None)
    if kind == "rgb" and isinstance(colour.rgb, str):
        return colour.rgb[-6:].upper()
    if kind == "theme" and isinstance(colour.theme, int) and 0 <= colour.theme < len(theme):
        return with_tint(theme[colour.theme], colour.tint or 0.0)
    if kind == "indexed" and isinstance(colour.indexed, int):
        from openpyxl.styles.colors import COLOR_INDEX

        if colour.indexed < 64:  # 64 and over: the system's foreground and background, i.e. automatic
            return COLOR_INDEX[colour.indexed][-6:].upper()
    return None


ODS_NS = {"office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
          "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
          "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
          "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
          "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}
ODS_MAX_REPEAT = 1000  # a blank styled cell or row repeated more often is a formatted empty region, no mark


def _ods(prefix: str, name: str) -> str:
    return f"{{{ODS_NS[prefix]}}}{name}"


def ods_formats(path: Path) -> dict:
    """Table name -> {(row, col): CellFormat} of an ODS file: the cell styles of content.xml and styles.xml (each
    with its parents), a column's default cell style, and a text span covering a cell's whole text."""
    from xml.etree import ElementTree

    with zipfile.ZipFile(path) as archive:
        content = ElementTree.fromstring(archive.read("content.xml"))
        names = archive.namelist()
        styles = ElementTree.fromstring(archive.read("styles.xml")) if "styles.xml" in names else None
    props = {}
    for root in (styles, content):
        if root is None:
            continue
        for style in root.iter(_ods("style", "style")):
            props[style.get(_ods("style", "name"))] = style
    resolved: dict = {}

    def shown(name: str | None) -> dict:
        if not name or name not in props:
            return {}
        if name not in resolved:
            resolved[name] = {}
            style = props[name]
            found = dict(shown(style.get(_ods("style", "parent-style-name"))))
            cell = style.find(_ods("style", "table-cell-properties"))
            if cell is not None and cell.get(_ods("fo", "background-color")):
                found["fill"] = cell.get(_ods("fo", "background-color"))
            text = style.find(_ods("style", "text-properties"))
            if text is not None:
                if text.get(_ods("fo", "color")):
                    found["font"] = text.get(_ods("fo", "color"))
                if text.get(_ods("fo", "font-weight")):
                    found["bold"] = text.get(_ods("fo", "font-weight")) in ("bold", "700", "800", "900")
                if text.get(_ods("fo", "font-style")):
                    found["italic"] = text.get(_ods("fo", "font-style")) in ("italic", "oblique")
                if text.get(_ods("style", "text-underline-style")):
                    found["underline"] = text.get(_ods("style", "text-underline-style")) != "none"
                if text.get(_ods("style", "text-line-through-style")):
                    found["struck"] = text.get(_ods("style", "text-line-through-style")) != "none"
            resolved[name] = found
        return resolved[name]

    found = {}
    for table in content.iter(_ods("table", "table")):
        found[table.get(_ods("table", "name"))] = _ods_table(table, shown)
    return found


def _ods_table(table, shown) -> dict:
    defaults = []
    for column in table.iter(_ods("table", "table-column")):
        count = min(int(column.get(_ods("table", "number-columns-repeated"), "1") or 1), ODS_MAX_REPEAT)
        defaults += [column.get(_ods("table", "default-cell-style-name"))] * count
    cells, top = {}, 0
    for row in table.iter(_ods("table", "table-row")):
        rows = int(row.get(_ods("table", "number-rows-repeated"), "1") or 1)
        left = 0
        for cell in row:
            if cell.tag not in (_ods("table", "table-cell"), _ods("table", "covered-table-cell")):
                continue
            count = int(cell.get(_ods("table", "number-columns-repeated"), "1") or 1)
            value = _ods_value(cell)
            name = cell.get(_ods("table", "style-name")) or (defaults[left] if left < len(defaults) else None)
            style = dict(shown(name))
            style.update(_ods_spans(cell, shown))
            fill_rgb = _ods_rgb(style.get("fill"))
            item = CellFormat(value, colour_names(fill_rgb), _ods_colour(style.get("font")),
                              bool(style.get("bold")), bool(style.get("italic")), bool(style.get("underline")),
                              fill_rgb, bool(style.get("struck")))
            if (value is not None or not item.plain()) and (value is not None or rows * count <= ODS_MAX_REPEAT):
                for down in range(min(rows, ODS_MAX_REPEAT)):
                    for across in range(min(count, ODS_MAX_REPEAT)):
                        cells[top + down, left + across] = item
            left += count
        top += rows
    return cells


def _ods_value(cell):
    kind = cell.get(_ods("office", "value-type"))
    if kind in ("float", "percentage", "currency"):
        try:
            return float(cell.get(_ods("office", "value")))
        except (TypeError, ValueError):
            return None
    if kind in ("date", "time", "boolean"):
        return cell.get(_ods("office", f"{kind}-value")) or kind
    lines = ["".join(paragraph.itertext()) for paragraph in cell.iter(_ods("text", "p"))]
    text = "\n".join(lines)
    return text if text.strip() else None


def _ods_spans(cell, shown) -> dict:
    """The formats of text spans covering all of a cell's text ("Nguyễn Văn An" bolded as a span, not the cell)."""
    found, spans = None, []
    for paragraph in cell.iter(_ods("text", "p")):
        if (paragraph.text or "").strip():
            return {}
        for span in paragraph:
            if span.tag != _ods("text", "span") or (span.tail or "").strip():
                return {}
            spans.append(shown(span.get(_ods("text", "style-name"))))
    for style in spans:
        found = dict(style) if found is None else {key: kept for key, kept in found.items() if style.get(key) == kept}
    return found or {}


def _ods_colour(value: str | None) -> frozenset:
    return colour_names(_ods_rgb(value))


def _ods_rgb(value: str | None) -> str | None:
    if not value or value == "transparent":
        return None
    return value.lstrip("#").upper()
