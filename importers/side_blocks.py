"""Tables of one layout set side by side on one sheet, each for its own chi bộ (or group): "Chi bộ Thôn A" over
columns A:H and "Chi bộ Thôn B" over J:Q, the same header ("STT | Họ và tên | Tháng 1..6") repeated in each block,
an empty column between them.

Before the table is looked for, such a sheet is rewritten as one table of the first block's width: its header
rows, a column naming each block's unit (or group) from the title above the block, and the blocks' rows in
reading order (row by row, left to right). Blocks without any title are one list printed in two halves: their
rows are put one half after the other. It is done only when every block repeats the first one's header column for
column and either every block or none has a title: otherwise the sheet is read (and reported) the usual way."""

from typing import Any

from .context import read_context
from .legacy import decode_legacy
from .legends import is_legend_text
from .locating import HEADER_SCAN_ROWS, fill_vertical_merges, find_header, is_stop_text
from .mapping import match_field
from .normalising import clean_text, fold, is_blank
from .results import SheetData

KEY_FIELDS = ("full_name",)
MATCH_SHARE = 0.8  # share of the first block's header labels another block must repeat, column for column
TITLE_GAP = 2  # rows between a block's title and its header
LABELS = {"unit": "Chi bộ", "group": "Đoàn công tác"}


def _label(cell: Any) -> str:
    return fold(clean_text(decode_legacy(cell)) or "") if isinstance(cell, str) else ""


def _starts(header: list[list[Any]], specs) -> list[int] | None:
    """First column of each block: the column of every repeat of the first block's first label, when the name
    column repeats at the same offset in each; None for one table."""
    rows = [[_label(cell) for cell in row] for row in header]
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    keys = sorted({col for row in rows for col, label in enumerate(row) if match_field(label, specs) in KEY_FIELDS})
    if len(keys) < 2:
        return None
    first = min(col for row in rows for col, label in enumerate(row) if label)
    offset = keys[0] - first
    starts = [key - offset for key in keys]
    if starts[0] != first or any(b - a <= offset for a, b in zip(starts, starts[1:])):
        return None
    span = starts[1] - starts[0]
    filled = [(r, c) for r, row in enumerate(rows) for c in range(first, first + span) if row[c]]
    for start in starts[1:]:
        same = sum(1 for r, c in filled if c - first + start < width and rows[r][c - first + start] == rows[r][c])
        if same < MATCH_SHARE * len(filled):
            return None
    return starts


def _titles(rows: list[list[Any]], first: int, ranges: list[tuple[int, int]]) -> list[dict] | None:
    """Each block's facts from the nearest row above the header with text over every block; [] for no titles (a
    sheet title further up, over the first columns, is none), None when a line right over the header titles only
    some blocks (or a title reads as no unit or group)."""
    for number in range(first - 1, max(first - 1 - TITLE_GAP, -1), -1):
        row = rows[number]
        texts = [[cell for cell in row[start:end] if isinstance(cell, str) and cell.strip()] for start, end in ranges]
        if not any(texts):
            continue
        if not all(len(found) == 1 for found in texts):
            return None if number == first - 1 else []  # a line right over the header titles some blocks only
        facts = [read_context(decode_legacy(found[0])) for found in texts]
        if not all(fact and len(fact) == 1 for fact in facts) or len({next(iter(f)) for f in facts}) != 1:
            return None
        return [{"row": number, **fact} for fact in facts]
    return []


def _end(rows: list[list[Any]], start: int) -> int:
    """The row after the blocks' last row: the first legend, total or signature text, else the sheet's end."""
    for number in range(start, len(rows)):
        if any(is_legend_text(cell) or is_stop_text(cell) for cell in rows[number]):
            return number
    return len(rows)


def side_blocks(sheet: SheetData, specs) -> bool:
    """Rewrite a sheet of side-by-side blocks as one table; True when it was one."""
    rows = sheet.rows
    found = find_header(rows[:HEADER_SCAN_ROWS], specs) if rows else None
    if found is None:
        return False
    first, last, _ = found
    starts = _starts(rows[first:last + 1], specs)
    if starts is None:
        return False
    fill_vertical_merges(rows, sheet.merges)  # the merges go with the rewrite; their values stay
    width = max(len(row) for row in rows)
    span = starts[1] - starts[0]
    ranges = [(start, min(start + span, width)) for start in starts]
    titles = _titles(rows, first, ranges)
    if titles is None:
        return False
    end = _end(rows, last + 1)
    field = next(iter(titles[0].keys() - {"row"})) if titles else None

    def part(row: list[Any], index: int) -> list[Any]:
        start, stop = ranges[index]
        cells = list(row[start:stop]) + [None] * (span - (stop - start))
        return cells + ([titles[index][field]] if titles else [])

    out = [list(row) for row in rows[:titles[0]["row"] if titles else first]]
    out += [list(row) for row in rows[titles[0]["row"] + 1:first]] if titles else []
    out += [part(row, 0)[:span] + ([LABELS[field]] if titles else []) for row in rows[first:last + 1]]
    body = rows[last + 1:end]
    if titles:  # reading order: each row left to right
        out += [part(row, index) for row in body for index in range(len(ranges))
                if any(not is_blank(cell) for cell in row[ranges[index][0]:ranges[index][1]])]
    else:  # one list printed in halves: the left half, then the right
        out += [part(row, index) for index in range(len(ranges)) for row in body
                if any(not is_blank(cell) for cell in row[ranges[index][0]:ranges[index][1]])]
    out += [list(row) for row in rows[end:]]
    full = max(len(row) for row in out)
    sheet.rows = [row + [None] * (full - len(row)) for row in out]
    sheet.merges = []
    return True
