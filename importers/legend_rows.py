"""A marks legend spread over the cells of one row. A ';' CSV splits "Ghi chú: x - có mặt; P - vắng có phép; V -
vắng không phép" at its own ';' (a ',' CSV at its commas when the line is not quoted), and some sheets type one item a
cell. Read cell by cell, the legend explains one mark and the rest of the row reads as a person or a meeting (the
marks the other cells define refused, or a meaning read as a date). The row's cells are joined back into its first
filled cell (with ', ' in a CSV split at commas, the line as written; else '; '), the others left blank, so the
legend is read whole and the row ends the table as any legend line does.

The cells joined are a run from the first filled one: it opens a legend ("Ghi chú:", "Ký hiệu") or is an item of
one ("x - có mặt"); each further cell is an item, a bare mark listed before the meaning it shares ("MS, Đ - miễn"),
or, right beside the cell before it, words going on with a meaning ("(P) vắng, có lý do"). Without an opening word
the run holds two items or more and every cell of it a sign pairing mark and meaning. A cell that is none of these
(a signature title typed further along the row) ends the run and stays where it is."""

import re
import unicodedata
from typing import Any

from .legacy import decode_legacy
from .legends import LEGEND_PREFIXES, is_legend_text, legend_piece
from .normalising import fold, is_blank
from .results import SheetData

_SIGN = re.compile(r"[-–=:(\[]")  # a sign pairing a mark with its meaning; names, dates with '/' and marks have none
_OPENERS = frozenset("GgCcKkQq")  # the first letters of LEGEND_PREFIXES: the cheap test before folding
_LETTER = re.compile(r"[^\W\d_]")


def join_split_legends(sheet: SheetData) -> None:
    """Join in place every legend line spread over the cells of one row of the sheet."""
    joiner = ", " if sheet.delimiter == "," else "; "
    for row in sheet.rows:
        for start, cell in enumerate(row):  # the first filled cell, looked for cheaply: every row comes here
            if cell is not None and cell != "" and not is_blank(cell):
                break
        else:
            continue
        if cell.__class__ is not str or not _may_open(cell):
            continue
        run = _legend_run(row, start)
        if run is None:
            continue
        joined = joiner.join(row[index].strip() for index in run)
        if is_legend_text(unicodedata.normalize("NFC", decode_legacy(joined))):
            row[start] = joined
            for index in run[1:]:
                row[index] = None


def _may_open(text: str) -> bool:
    """The cheap test every row's first filled cell goes through: a legend word first, or a sign and a letter in
    it (an item names its meaning; a date '05-01-2025' is no item)."""
    return text.lstrip()[:1] in _OPENERS or (_SIGN.search(text) is not None and _LETTER.search(text) is not None)


def _opens(text: str) -> bool:
    return text.lstrip()[:1] in _OPENERS and fold(decode_legacy(text)).startswith(LEGEND_PREFIXES)


def _legend_run(row: list[Any], start: int) -> list[int] | None:
    """The cells of the row, from `start`, one legend is spread over (two at least), else None."""
    opened = _opens(row[start])
    if not opened and not _SIGN.search(row[start]):
        return None
    filled = (index for index in range(start + 1, len(row)) if not is_blank(row[index]))
    second = next(filled, None)
    if second is None or not (opened or (isinstance(row[second], str) and _SIGN.search(row[second]))):
        return None  # a data row: its second cell (a name, a mark) pairs nothing
    first = legend_piece(decode_legacy(row[start]))
    if not opened and first != "items":
        return None
    run, items, last = [start], int(first == "items"), first
    for index in (second, *filled):
        cell = row[index]
        piece = legend_piece(decode_legacy(cell)) if isinstance(cell, str) else None
        if piece == "words" and (index != run[-1] + 1 or last not in ("items", "words")):
            piece = None
        if piece is None or (not opened and not _SIGN.search(cell)):
            break
        run.append(index)
        items += piece == "items"
        last = piece
    if len(run) < 2 or items < (1 if opened else 2):
        return None
    return run
