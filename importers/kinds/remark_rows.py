"""A person's remark on a row of its own: minutes or a roster typed in Word and pasted into Excel put a member's
reason or note on the line below ("(đi viện)" under «Vắng có phép», "(kiêm nhiệm)" or "(từ 7/2025)" under a
member of a roster). That row has no name of its own — its name cell is blank, or merged down from the person's
row — and holds one text only, every other cell blank or merged down from the rows above. It belongs to the person
above: it is neither a record (the person's record keeps the status its own mark says) nor a person missing a
name. Such rows are emptied before the body is split, and the row list says why.

Only a remark counts: a text in brackets, or a few words where the reason, the note or the mark goes, that reads
as no mark, role, heading, unit or footer. A row with a mark of its own ("P", "Vắng", a date, a number) or a row
number of its own stays a row missing its name, and so does a remark under no person (a blank row, a heading)."""

import re
from functools import cache
from typing import Any, Callable

import numpy as np

from ..legends import is_legend_text
from ..normalising import is_blank, marks_table
from ..results import Column, Table
from ..role_words import strict_role
from ..status_phrases import is_reason_header, read_status
from . import RowRules
from .spilled_rows import plain_text

REASON = "ghi chú «{text}» của người ở dòng {row}, ghi xuống dòng riêng — không phải một người, không nhập"
BRACKETED_WORDS = 12  # '(đi làm ăn xa, đã xin phép bí thư)'
SHORT_WORDS = 5  # 'đi viện', 'con cưới' without brackets, only where a reason, a note or a mark goes
WALK = 60  # rows looked up for the person over a block of their meeting rows
_BRACKETED = re.compile(r"^\((?P<inner>[^()]*)\)\.?$")
_LETTER = re.compile(r"[^\W\d_]")


def take_remark_rows(grid: np.ndarray, table: Table, columns: list[Column], rules: RowRules, merges: list,
                     reads_mark: Callable[[str], bool]) -> dict[int, str]:
    """Empty each remark row in place; returns {row number (1-based): the remark and its person's row}."""
    key = next((column.index for column in columns if column.field == rules.key and not column.month), None)
    if key is None or rules.key != "full_name":
        return {}
    bracketed, worded = _remark_columns(columns)
    start, end = table.body_start, min(table.body_end, grid.shape[0])
    below = _covered_rows(merges, start, end)
    keys = grid[start:end, key]
    candidates = [start + int(at) for at in np.flatnonzero([is_blank(value) for value in keys])]
    candidates = sorted(set(candidates) | {row for row in below if _from_above(grid, below, row, key)})
    taken: dict[int, int] = {}  # remark row -> its person's row
    found: dict[int, str] = {}
    for at in candidates:
        own = [index for index, cell in enumerate(grid[at])
               if not is_blank(cell) and not _from_above(grid, below, at, index)]
        if len(own) != 1 or own[0] not in bracketed:
            continue
        text = grid[at, own[0]]
        if not _remark(text, own[0] in worded, rules, reads_mark):
            continue
        person = _person_above(grid, at, start, key, taken, below, rules)
        if person is not None:
            taken[at] = person
            found[at + 1] = REASON.format(text=" ".join(text.split()), row=person + 1)
    for at in taken:
        grid[at, :] = None
    return found


def mark_reader(legend: Callable[[], dict]) -> Callable[[str], bool]:
    """Whether a text reads as a status through the file's legend and the usual marks and phrases; the legend is
    looked for only when a remark is first weighed."""
    marks = cache(lambda: marks_table(legend()))
    return lambda text: read_status(text, marks()).status is not None


def account_remarks(body, found: dict[int, str]) -> None:
    """Give the emptied rows their reason in the row list."""
    for outcome in body.outcomes:
        if outcome["row"] in found:
            outcome["reason"] = found[outcome["row"]]


def _remark_columns(columns: list[Column]) -> tuple[set[int], set[int]]:
    """(columns where a remark in brackets may stand, those where a few plain words may too): the mark, reason and
    note columns take both; a position or an unmapped column only a text in brackets."""
    bracketed, worded = set(), set()
    for column in columns:
        marks = column.month is not None or column.day is not None or column.field == "status"
        reason = column.field == "note" or (column.field is None and is_reason_header(column.header))
        if marks or reason:
            worded.add(column.index)
        if marks or reason or column.field in ("position", None):
            bracketed.add(column.index)
    return bracketed, worded


def _covered_rows(merges: list, start: int, end: int) -> dict[int, list[tuple[int, int, int]]]:
    """Body row -> (top row, first column, last column) of each vertical merge covering it below its top row."""
    below: dict[int, list[tuple[int, int, int]]] = {}
    for (top, left), (bottom, right) in merges:
        for row in range(max(top + 1, start), min(bottom + 1, end)):
            below.setdefault(row, []).append((top, left, right))
    return below


def _from_above(grid: np.ndarray, below: dict, row: int, column: int) -> bool:
    """The cell holds the value of a merge that starts on a row above (as the reader filled it down)."""
    return any(left <= column <= right and not is_blank(grid[row, column]) and grid[top, column] == grid[row, column]
               for top, left, right in below.get(row, ()))


def _remark(value: Any, worded: bool, rules: RowRules, reads_mark: Callable[[str], bool]) -> bool:
    """A remark: a text in brackets (or, with `worded`, a few plain words) that is no mark, role, heading, unit,
    legend or footer."""
    if not isinstance(value, str):
        return False
    text = " ".join(value.split())
    match = _BRACKETED.match(text)
    if match is None and not worded:
        return False
    inner = match.group("inner").strip() if match else text
    if not _LETTER.search(inner) or len(inner.split()) > (BRACKETED_WORDS if match else SHORT_WORDS):
        return False
    return plain_text(inner, rules) and strict_role(inner) is None and not is_legend_text(text) \
        and not reads_mark(inner) and not reads_mark(text)


def _person_above(grid: np.ndarray, at: int, start: int, key: int, taken: dict, below: dict,
                  rules: RowRules) -> int | None:
    """The person's row the remark at `at` goes with: the nearest row above with a name of its own, past that
    person's other remark rows, their name merged down, or (a person block) their meeting rows without a name; no
    blank row between. None when a heading, a blank row or the table's top comes first."""
    for row in range(at - 1, max(start, at - WALK) - 1, -1):
        if row in taken:
            return taken[row]
        cells = grid[row]
        if all(is_blank(cell) for cell in cells):
            return None
        name = cells[key]
        if is_blank(name) or _from_above(grid, below, row, key):
            continue
        return row if plain_text(name, rules) else None
    return None
