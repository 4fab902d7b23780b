"""A marks legend laid out as a small table of cells under a label: "Ký hiệu:" (or "Chú thích", "Quy ước", "Ghi
chú") alone in its cell, then a row per mark, the mark in one cell and its meaning in the next, sometimes a "=" or
"-" cell between them, sometimes two marks to a row:

    Ký hiệu:
             x   Có mặt
             M   Đến muộn
             v   Vắng có lý do

Read row by row, each of those rows is a person without a name (an error) and the marks go unexplained. The label's
cell receives the legend as one line would write it ("Ký hiệu: x = Có mặt; M = Đến muộn; v = Vắng có lý do") and the
cells joined are left blank, so the legend is found, read and ends the table as a one-line legend does.

The label is alone in its row or followed, beside it, by the first marks; the rows under it hold nothing but pairs,
the first mark at most three columns right of the label (a label in the first column over marks in the name column,
or a label in the name column over marks beside it). Each pair reads as a legend item ("x = Có mặt", or "Có mặt = x"
written the other way, "Ô trống = vắng không phép"); a meaning before a number ("Có mặt | 5": a count) is no pair.
The table ends at the first row that is not pairs (a blank row, a signature title, a note)."""

import re
import unicodedata
from typing import Any

from .legacy import decode_legacy
from .legends import LEGEND_PREFIXES, cell_rules, is_legend_text, legend_piece, parse_legend
from .normalising import fold, is_blank
from .results import SheetData

_OPENERS = frozenset("GgCcKkQq")  # the first letters of LEGEND_PREFIXES: the cheap test before folding
_SIGNS = {"=", "-", "–", "—", ":", "→", "->", "=>"}
_LABEL_WORDS = 6  # "Ký hiệu", "Quy ước ký hiệu chấm công": a label, not a sentence
_MARK_SPAN = 3  # columns right of the label the first mark of a row below may sit
_MEANING_GAP = 2  # columns between a mark and its meaning (a sign cell between them)
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")


def join_legend_tables(sheet: SheetData) -> None:
    """Join in place every legend laid out as a table of cells under its label."""
    rows = sheet.rows
    for index, row in enumerate(rows):
        found = _label(row)
        if found is None:
            continue
        column, label = found
        items, used = [], []
        beside = _pairs([(at, row[at]) for at in range(column + 1, len(row)) if not is_blank(row[at])])
        if beside is None:
            continue
        for pair, cells in beside:
            items.append(pair)
            used += [(index, at) for at in cells]
        for below in range(index + 1, len(rows)):
            cells = [(at, cell) for at, cell in enumerate(rows[below]) if not is_blank(cell)]
            pairs = _pairs(cells) if cells and column <= cells[0][0] <= column + _MARK_SPAN else None
            if not pairs:
                break
            for pair, at_cells in pairs:
                items.append(pair)
                used += [(below, at) for at in at_cells]
        if not items:
            continue
        joined = f"{label.strip().rstrip(':').strip()}: " + "; ".join(items)
        if not is_legend_text(joined):
            continue
        row[column] = joined
        for at_row, at in used:
            rows[at_row][at] = None
        sheet.legend_rows[index] = sorted({at_row for at_row, _ in used} - {index})


def _label(row: list[Any]) -> tuple[int, str] | None:
    """(column, text) of a row's first filled cell when it is a legend's label with no item of its own."""
    for column, cell in enumerate(row):
        if cell is not None and cell != "" and not is_blank(cell):
            break
    else:
        return None
    if cell.__class__ is not str or cell.lstrip()[:1] not in _OPENERS:
        return None
    text = _text(cell)
    folded = fold(text)
    if not folded.startswith(LEGEND_PREFIXES) or len(folded.split()) > _LABEL_WORDS:
        return None
    if parse_legend(text) or cell_rules([text]) or text.rstrip().rstrip(":").find(":") >= 0:
        return None  # a legend line of its own ("Ghi chú: x - có mặt"), read as it is
    return column, text


def _pairs(cells: list[tuple[int, Any]]) -> list[tuple[str, list[int]]] | None:
    """The legend items the filled cells of a row make, each with the columns it takes; None when a cell is
    none of a pair's."""
    found, position = [], 0
    while position < len(cells):
        (first_at, first), after = cells[position], position + 1
        if after < len(cells) and _text(cells[after][1]) in _SIGNS:
            after += 1
        if after >= len(cells) or cells[after][0] - first_at > _MEANING_GAP:
            return None
        second = cells[after][1]
        mark, meaning = _text(first), _text(second)
        if not mark or not meaning or mark in _SIGNS or _NUMBER.match(meaning):
            return None  # "Có mặt | 5" counts the present
        item = f"{mark} = {meaning}"
        if legend_piece(item) != "items":
            return None
        found.append((item, [at for at, _ in cells[position:after + 1]]))
        position = after + 1
    return found


def _text(cell: Any) -> str:
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return unicodedata.normalize("NFC", decode_legacy(str(cell))).strip() if cell is not None else ""
