"""Merged cells of an ODS table. calamine records the merged ranges of xlsx and xls sheets but none of an ODS
file, where a merge is a cell's table:number-rows-spanned / number-columns-spanned over the covered cells after
it. The ranges spanning more than one row are read here in calamine's form ((top, left), (bottom, right), 0-based),
so a cell merged down (a member's name over that member's meeting rows) is filled down as in an xlsx sheet."""

import re
import zipfile
from xml.etree import ElementTree

TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
MAX_COLUMNS = 16384
MAX_ROWS = 1_048_576
# A merge over two rows or more: horizontal merges are written with number-rows-spanned="1" and need no parse.
_DOWN = re.compile(rb'number-rows-spanned="0*(?:[2-9]|[1-9]\d)')


def _count(element, attribute: str, cap: int) -> int:
    value = element.get(f"{TABLE}{attribute}", "1") or "1"
    return min(int(value), cap) if value.isdigit() and int(value) > 0 else 1


def _table_merges(table) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    merges, top = [], 0
    for row in table.iter(f"{TABLE}table-row"):
        rows = _count(row, "number-rows-repeated", MAX_ROWS)
        left = 0
        for cell in row:
            if cell.tag not in (f"{TABLE}table-cell", f"{TABLE}covered-table-cell"):
                continue
            columns = _count(cell, "number-columns-repeated", MAX_COLUMNS)
            down = _count(cell, "number-rows-spanned", MAX_ROWS)
            across = _count(cell, "number-columns-spanned", MAX_COLUMNS)
            if down > 1 and rows == 1:  # a repeated row with a merge down in it is no layout a person writes
                merges += [((top, column), (top + down - 1, column + across - 1))
                           for column in range(left, left + columns * across, across)]
            left += columns
            if left >= MAX_COLUMNS:
                break
        top += rows
        if top >= MAX_ROWS:
            break
    return merges


def ods_vertical_merges(path) -> dict[str, list]:
    """Table name -> its ranges merged over more than one row (empty when the file has none or is unreadable)."""
    try:
        with zipfile.ZipFile(path) as archive:
            content = archive.read("content.xml")
    except (zipfile.BadZipFile, KeyError, OSError):
        return {}
    if not _DOWN.search(content):
        return {}
    try:
        root = ElementTree.fromstring(content)
    except ElementTree.ParseError:
        return {}
    found = {}
    for table in root.iter(f"{TABLE}table"):
        merges = _table_merges(table)
        if merges:
            found[table.get(f"{TABLE}name")] = merges
    return found
