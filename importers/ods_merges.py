"""Merged cells of an ODS table. calamine records the merged ranges of xlsx and xls sheets but none of an ODS
file, where a merge is a cell's table:number-rows-spanned / number-columns-spanned over the covered cells after
it. The ranges are read here in calamine's form ((top, left), (bottom, right), 0-based): those spanning more than
one row, so a cell merged down (a member's name over that member's meeting rows) is filled down as in an xlsx
sheet, and those spanning more than one column (a note written across a member's meeting cells:
``importers.kinds.merged_notes``), read only when asked for (``importers.reading``)."""

import re
import zipfile
from xml.etree import ElementTree

TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
MAX_COLUMNS = 16384
MAX_ROWS = 1_048_576
# A merge over two rows or more, or two columns or more (the file needs no parse when it holds neither).
_DOWN = re.compile(rb'number-rows-spanned="0*(?:[2-9]|[1-9]\d)')
_ACROSS = re.compile(rb'number-columns-spanned="0*(?:[2-9]|[1-9]\d)')


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
            if (down > 1 or across > 1) and rows == 1:  # a repeated row with a merge in it is no layout one writes
                merges += [((top, column), (top + down - 1, column + across - 1))
                           for column in range(left, left + columns * across, across)]
            left += columns
            if left >= MAX_COLUMNS:
                break
        top += rows
        if top >= MAX_ROWS:
            break
    return merges


def ods_merges(path, only_with_down: bool = False) -> dict[str, list]:
    """Table name -> its merged ranges, down or across (empty when the file has none or is unreadable; with
    `only_with_down`, also when none spans more than one row)."""
    try:
        with zipfile.ZipFile(path) as archive:
            content = archive.read("content.xml")
    except (zipfile.BadZipFile, KeyError, OSError):
        return {}
    if not _DOWN.search(content) and (only_with_down or not _ACROSS.search(content)):
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


def ods_vertical_merges(path) -> dict[str, list]:
    """Table name -> its ranges merged over more than one row (empty when the file has none or is unreadable)."""
    found = {name: [merge for merge in merges if is_down(merge)] for name, merges in ods_merges(path).items()}
    return {name: merges for name, merges in found.items() if merges}


def is_down(merge) -> bool:
    """A merged range spanning more than one row."""
    return merge[1][0] > merge[0][0]


def text_spans(merges: list, rows: list[list]) -> list[tuple[int, int, int, int, str]]:
    """(top, left, bottom, right, text) of each range merged across two columns or more whose first cell in `rows`
    (the sheet as read) holds text."""
    found = []
    for (top, left), (bottom, right) in merges:
        text = rows[top][left] if right > left and top < len(rows) and left < len(rows[top]) else None
        if isinstance(text, str) and text.strip():
            found.append((top, left, bottom, right, text))
    return found


def ods_spans(path, name: str | None, rows: list[list]) -> list[tuple[int, int, int, int, str]]:
    """The ranges of table `name` merged across, as ``text_spans`` gives them (the file read when asked)."""
    return text_spans(ods_merges(path).get(name, []), rows)
