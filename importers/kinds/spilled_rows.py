"""A Word table pasted into Excel: a cell's wrapped text lands on rows of its own. A person's position goes on in
the row below ("Phó Bí thư Đảng ủy," then "Chủ tịch UBND phường", nothing else on that row), and so may a long
name ("Tôn Nữ Thị" then "Hoài Thương" on a row without STT) or a unit name.

Such a row is joined to the row above, cell by cell with a space, before the rows are split: it is neither a
person missing a name nor a new person. Only text columns join (name, position, unit, note), only into a cell
that holds text, and a name goes on only where people are numbered and the row has no number."""

import re
from typing import Any

import numpy as np

from ..locating import is_stop_text
from ..normalising import is_blank
from ..results import Column, Table
from ..role_words import strict_role
from . import RowRules

SPILLING = ("full_name", "position", "unit", "note")
REASON = "dòng nối tiếp ô của dòng trên (chữ xuống dòng khi dán từ Word), đã ghép vào dòng trên"
_NAME_PART = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+){0,3}$")


def plain_text(value: Any, rules: RowRules) -> bool:
    """Text that goes on a cell: no heading, role section or footer line ('b) Phó Trưởng đoàn:', 'Tổng cộng')."""
    text = " ".join(value.split()) if isinstance(value, str) else ""
    return (
        bool(text)
        and not text.endswith(":")
        and strict_role(text) is None
        and not is_stop_text(text)
        and not rules.is_heading(text)
        and (rules.read_context is None or rules.read_context(text) is None)
    )


def _name_part(value: Any) -> bool:
    """The rest of a name: one to four capitalised words."""
    text = " ".join(value.split()) if isinstance(value, str) else ""
    return bool(_NAME_PART.match(text)) and all(word[:1].isupper() for word in text.split(" ")) \
        and not text.isupper()


def join_spilled_rows(grid: np.ndarray, table: Table, columns: list[Column], rules: RowRules) -> set[int]:
    """Join spilled rows into the row above in place (the spilled row is emptied); returns their row numbers
    (1-based, as in messages)."""
    by_field = {column.field: column.index for column in columns if column.field and not column.month}
    key = by_field.get(rules.key)
    if key is None or rules.key != "full_name":
        return set()
    number = by_field.get("index")
    spilling = {by_field[name] for name in SPILLING if name in by_field}
    joined: set[int] = set()
    target = None  # the row a spill joins: the last person row above
    for at in range(table.body_start, min(table.body_end, grid.shape[0])):
        row = grid[at]
        filled = [index for index, cell in enumerate(row) if not is_blank(cell)]
        if not filled:
            target = None
            continue
        numbered = number is not None and not is_blank(row[number])
        if not numbered and target is not None and _spills(grid, target, at, filled, spilling, key, number, rules):
            for index in filled:
                grid[target, index] = f"{grid[target, index].rstrip()} {row[index].strip()}"
                grid[at, index] = None
            joined.add(at + 1)
            continue
        target = at if not is_blank(row[key]) else None
    return joined


def _spills(grid, target: int, at: int, filled: list[int], spilling: set[int], key: int, number: int | None,
            rules: RowRules) -> bool:
    row, above = grid[at], grid[target]
    if not set(filled) <= spilling:
        return False
    if any(not isinstance(row[index], str) or not isinstance(above[index], str) or is_blank(above[index])
           or not plain_text(row[index], rules) for index in filled):
        return False
    if key in filled:  # a name goes on only in a numbered list, below a numbered person
        return number is not None and not is_blank(above[number]) and _name_part(row[key])
    return True


def account_spilled(body, joined: set[int]) -> None:
    """Give the emptied rows their reason in the row list."""
    for outcome in body.outcomes:
        if outcome["row"] in joined:
            outcome["reason"] = REASON
