"""Hidden columns. An office hides a column it keeps for reference, most often an earlier copy of one it shows
("ĐCT" beside a hidden "ĐCT (NK 2015-2020)", the groups of the last term). The reader records which columns of
an xlsx/xlsm sheet or an ODS table are hidden; before the table is looked for, a hidden column whose header names a
field that a shown column of the same header row also names is emptied, so the shown one is read whatever their
order. A hidden column that names a field no shown column names is still read: its data has no other place."""

import re
import zipfile
from typing import Any
from xml.etree import ElementTree

from .mapping import match_field
from .normalising import clean_text

HEADER_SCAN_ROWS = 40
_COL = re.compile(rb"<col\b([^>]*)/?>")
_ATTRIBUTE = re.compile(rb'\b(min|max|hidden)="([^"]*)"')
_BRACKETS = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*")
ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


def xlsx_hidden_columns(data: bytes) -> frozenset[int]:
    """0-based indices of the columns a worksheet part marks hidden (<col min max hidden="1">)."""
    hidden = set()
    head = data.split(b"<sheetData", 1)[0]
    for match in _COL.finditer(head):
        attributes = {key.decode(): value.decode() for key, value in _ATTRIBUTE.findall(match.group(1))}
        if attributes.get("hidden") in ("1", "true") and attributes.get("min", "").isdigit() \
                and attributes.get("max", "").isdigit():
            hidden |= set(range(int(attributes["min"]) - 1, min(int(attributes["max"]), 16384)))
    return frozenset(hidden)


def ods_hidden_columns(path) -> dict[str, frozenset[int]]:
    """Table name -> 0-based indices of its columns with table:visibility 'collapse' or 'filter'."""
    found = {}
    try:
        with zipfile.ZipFile(path) as archive:
            root = ElementTree.fromstring(archive.read("content.xml"))
    except (zipfile.BadZipFile, KeyError, OSError, ElementTree.ParseError):
        return found
    for table in root.iter(f"{ODS_TABLE}table"):
        index, hidden = 0, set()
        for column in table.iter(f"{ODS_TABLE}table-column"):
            repeated = min(int(column.get(f"{ODS_TABLE}number-columns-repeated", "1") or 1), 16384)
            if column.get(f"{ODS_TABLE}visibility", "visible") != "visible":
                hidden |= set(range(index, index + repeated))
            index += repeated
        if hidden:
            found[table.get(f"{ODS_TABLE}name")] = frozenset(hidden)
    return found


def _field(cell: Any, specs) -> str | None:
    text = clean_text(_BRACKETS.sub(" ", cell)) if isinstance(cell, str) else None
    return match_field(text, specs) if text else None


def drop_hidden_copies(sheet, specs) -> bool:
    """Empty the hidden columns that repeat a field a shown column names (see the module docstring)."""
    hidden = getattr(sheet, "hidden_columns", frozenset())
    if not hidden:
        return False
    dropped = set()
    for row in sheet.rows[:HEADER_SCAN_ROWS]:
        shown = {_field(cell, specs) for index, cell in enumerate(row) if index not in hidden} - {None}
        dropped |= {index for index in hidden if index < len(row) and _field(row[index], specs) in shown}
    if not dropped:
        return False
    sheet.rows = [[None if index in dropped else cell for index, cell in enumerate(row)] for row in sheet.rows]
    return True
