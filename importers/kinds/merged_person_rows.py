"""A roster typed in Word and pasted into Excel: a cell holding a paragraph break ("Ủy viên BTV Tỉnh ủy,¶Phó Chủ
tịch HĐND tỉnh") becomes two rows, one part on each, while the person's other cells (STT, name, birth date, role,
phone) are each one cell merged down over both rows. Once the merges are filled down the rows read as two people
with the same name; they are one.

The person's NAME cell decides: merged down over a few body rows, and some cell below the first row holding a
value of its own, the rows are joined into the first before the body is split, the later rows emptied (the row
list says why). A group or unit cell merged over several people decides nothing; nor are the rows joined when a
key cell (STT, birth date, phone) is merged over other rows than the name's (a number merged over a group's rows)
or when the STT numbers a row below the first as another person.

Each column's own parts (the cells not merged down from a row above) join in row order:
- position, note and unread columns: the texts joined with one space;
- role: the texts joined when they read as one role at most ("Phó Trưởng" / "đoàn"), refused as two roles
  ("Trưởng đoàn" / "Thành viên");
- unit: joined unless two parts each name a unit of their own ("Chi bộ thôn A" / "Chi bộ thôn B");
- every other field (birth date, phone, group): one value, or refused when the parts differ.
A refused person builds no record: the error names the cells and their values, nothing is guessed.

Rosters only: in an attendance register a name merged over a member's rows is one record per meeting row."""

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..mapping import column_letter
from ..normalising import is_blank, normalise_role
from ..results import Column, Table
from ..role_words import strict_role
from ..validating import Issues
from . import RowRules
from .spilled_rows import heading_like

MAX_ROWS = 8  # rows one person's broken cell spans at most; a longer name merge is no such person
KEYS = ("index", "birth_date", "phone")  # the person's cells merged over the same rows as the name, where filled
JOINED_FIELDS = ("position", "note", None)  # texts that join as written (None: a column no field reads)
JOINED = ("phần tiếp theo của người ở dòng {row} (ô họ tên gộp qua các dòng {first}–{last}, ô bị ngắt dòng khi "
          "dán từ Word), đã ghép vào dòng {row}")
REFUSED_PART = "phần tiếp theo của người ở dòng {row}, người này không được nhập (xem lỗi)"
REFUSED_REASON = "một người ghi trên nhiều dòng có ô không ghép được thành một giá trị"
REFUSED = ("cột «{header}» của một người ghi trên các dòng {first}–{last} (ô họ tên {name} gộp qua các dòng đó) "
           "có các giá trị khác nhau: {parts} — không ghép được thành một {what}, người này không được nhập; hãy "
           "sửa lại cho còn một giá trị")


@dataclass
class MergedPeople:
    """What the join did: the emptied rows (1-based) with their reason, and the people refused."""

    joined: dict[int, str] = field(default_factory=dict)
    refused: dict[int, str] = field(default_factory=dict)  # the person's first row (1-based) -> row-list reason


def join_merged_people(grid: np.ndarray, table: Table, columns: list[Column], rules: RowRules, merges: list,
                       issues: Issues) -> MergedPeople:
    """Join each person's rows under one merged name cell into the first row, in place."""
    found = MergedPeople()
    fields = {column.index: column for column in columns if not column.month}
    key = next((index for index, column in fields.items() if column.field == rules.key), None)
    if key is None or rules.key != "full_name" or not merges:
        return found
    start, end = table.body_start, min(table.body_end, grid.shape[0])
    spans = _name_spans(merges, key, start, end)
    if not spans:
        return found
    covered = _covered(merges, spans)
    keys = [index for index, column in fields.items() if column.field in KEYS and index != key]
    number = next((index for index in keys if fields[index].field == "index"), None)
    for top, bottom in spans:
        if is_blank(grid[top, key]) or not _one_person(grid, covered, keys, number, top, bottom):
            continue
        parts = {index: _parts(grid, covered, index, top, bottom) for index in fields if index < grid.shape[1]}
        if not any(row > top for cells in parts.values() for row, _ in cells):
            continue  # nothing of the later rows' own: no broken cell to join
        refusals = []
        for index, cells in parts.items():
            column = fields[index]
            value, refusal = _joined(cells, column, rules)
            if refusal:
                refusals.append((column, cells, refusal))
            elif cells:
                grid[top, index] = value
        grid[top + 1: bottom + 1, :] = None
        name = f"{column_letter(key)}{top + 1}:{column_letter(key)}{bottom + 1}"
        for row in range(top + 1, bottom + 1):
            found.joined[row + 1] = (REFUSED_PART if refusals else JOINED).format(
                row=top + 1, first=top + 1, last=bottom + 1)
        for column, cells, what in refusals:
            shown = ", ".join(f"{column.letter}{row + 1} «{_text(value)}»" for row, value in cells)
            issues.error(top + 1, column.letter, column.field, _text(cells[0][1]), REFUSED.format(
                header=column.header, first=top + 1, last=bottom + 1, name=name, parts=shown, what=what))
        if refusals:
            found.refused[top + 1] = REFUSED_REASON
    return found


def account_merged_people(body, found: MergedPeople) -> None:
    """Give the emptied rows their reason in the row list, and take the refused people out of the body."""
    for outcome in body.outcomes:
        if outcome["row"] in found.joined:
            outcome["reason"] = found.joined[outcome["row"]]
    if not found.refused:
        return
    refused = body.frame.index.isin(list(found.refused))
    body.outcomes.extend({"row": int(row), "outcome": "failed", "reason": found.refused[int(row)],
                          "record_count": 0} for row in body.frame.index[refused])
    body.frame = body.frame[~refused]
    if len(body.groups) == len(refused):
        body.groups = body.groups[~refused]


def _name_spans(merges: list, key: int, start: int, end: int) -> list[tuple[int, int]]:
    """(top, bottom) rows of the name cells merged down over a few body rows."""
    return sorted({(top, bottom) for (top, left), (bottom, right) in merges
                   if left <= key <= right and start <= top < bottom < end and bottom - top < MAX_ROWS})


def _covered(merges: list, spans: list[tuple[int, int]]) -> dict[tuple[int, int], tuple[int, int]]:
    """(row, column) -> (top, bottom) of the merge covering it, for the cells of the spans' rows."""
    rows = {row for top, bottom in spans for row in range(top, bottom + 1)}
    first, last = min(rows), max(rows)
    found = {}
    for (top, left), (bottom, right) in merges:
        for row in range(max(top, first), min(bottom, last) + 1):
            if row in rows:
                found.update({(row, column): (top, bottom) for column in range(left, right + 1)})
    return found


def _one_person(grid: np.ndarray, covered: dict, keys: list[int], number: int | None, top: int,
                bottom: int) -> bool:
    """Whether the name's rows are one person's: no key cell (STT, birth date, phone) merged over other rows than
    the name's (a number merged over a group's rows), and no STT of its own below the first row (the rows numbered
    as different people)."""
    for index in keys:
        for row in range(top, bottom + 1):
            merged = covered.get((row, index))
            if merged is not None and merged != (top, bottom):
                return False
    return number is None or all(covered.get((row, number)) is not None or is_blank(grid[row, number])
                                 for row in range(top + 1, bottom + 1))


def _parts(grid: np.ndarray, covered: dict, index: int, top: int, bottom: int) -> list[tuple[int, Any]]:
    """(row, value) of a column's own filled cells over the rows: none merged down from a row above."""
    found = []
    for row in range(top, bottom + 1):
        merged = covered.get((row, index))
        if merged is not None and merged[0] < row:
            continue
        if not is_blank(grid[row, index]):
            found.append((row, grid[row, index]))
    return found


def _joined(cells: list[tuple[int, Any]], column: Column, rules: RowRules) -> tuple[Any, str | None]:
    """(the value the parts make, None) or (None, what they fail to make) for a column's own parts."""
    values = [value for _, value in cells]
    if len(values) <= 1:
        return (values[0] if values else None), None
    name = column.field
    texts = [_text(value) for value in values]
    if len(set(texts)) == 1:  # the same value again (a ditto mark filled in): once
        return values[0], None
    joined = " ".join(texts)
    if name in JOINED_FIELDS:
        return joined, None
    if name == "role":
        roles = {strict_role(text) or normalise_role(text)[0] for text in texts} - {None}
        return (joined, None) if len(roles) <= 1 else (None, "nhiệm vụ")
    if name == "unit":
        units = [text for text in texts if heading_like(text, rules)]
        return (joined, None) if len(set(units)) <= 1 else (None, "đơn vị")
    return None, "giá trị"


def _text(value: Any) -> str:
    return " ".join(str(value).split())
