"""A Word table pasted into Excel: a cell's wrapped text lands on rows of its own. A person's position goes on in
the row below ("Phó Bí thư Đảng ủy," then "Chủ tịch UBND phường", nothing else on that row), and so may a long
name ("Tôn Nữ Thị" then "Hoài Thương" on a row without STT) or a unit name.

Such a row is joined to the row above, cell by cell with a space, before the rows are split: it is neither a
person missing a name nor a new person. Only text columns join (name, position, unit, note), only into a cell
that holds text, and a name goes on only where people are numbered and the row has no number.

A wrapped text may start like a unit's name ("Phó Bí thư Thường trực" then "Đảng ủy phường"; "Chi bộ …",
"Đảng bộ …"): alone in a column another field than the name reads (position, unit, note), right under a person
whose same cell is filled, it goes on that cell too when the table's other wrapped rows show it is a wrap, or
when that column is not where the table writes its headings (the number or name column, the first column, or
a column holding a heading elsewhere). When only one reading holds, the row is read that way with a warning
naming the row and the cell: the text is never dropped without a word."""

import re
from typing import Any

import numpy as np

from ..locating import is_stop_text
from ..mapping import column_letter
from ..normalising import is_blank
from ..results import Column, Table
from ..role_words import strict_role
from ..validating import Issues
from . import RowRules

SPILLING = ("full_name", "position", "unit", "note")
REASON = "dòng nối tiếp ô của dòng trên (chữ xuống dòng khi dán từ Word), đã ghép vào dòng trên"
JOINED_DOUBT = ("«{text}» đứng riêng ở ô {cell} (cột «{header}»), ngay dưới ô đã ghi của dòng {above}: đã đọc là "
                "phần chữ xuống dòng của ô đó («{joined}»), không phải dòng tiêu đề đơn vị — nếu đó là tiêu đề, "
                "hãy kiểm tra lại")
HEADING_DOUBT = ("«{text}» đứng riêng ở ô {cell} (cột «{header}»), ngay dưới ô đã ghi của dòng {above}: đã đọc là "
                 "dòng tiêu đề đơn vị cho các dòng bên dưới — nếu đó là phần chữ xuống dòng của ô trên, hãy ghép "
                 "vào ô {above_cell}")
_NAME_PART = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+){0,3}$")


def _cell_text(value: Any, rules: RowRules) -> str | None:
    """The single-spaced text of a value that could go on a cell, or None for a role section, a footer line or a
    label ('b) Phó Trưởng đoàn:', 'Tổng cộng')."""
    text = " ".join(value.split()) if isinstance(value, str) else ""
    if not text or text.endswith(":") or strict_role(text) is not None or is_stop_text(text):
        return None
    return text


def _reads_as_heading(text: str, rules: RowRules) -> bool:
    return rules.is_heading(text) or (rules.read_context is not None and rules.read_context(text) is not None)


def plain_text(value: Any, rules: RowRules) -> bool:
    """Text that goes on a cell and reads as nothing else."""
    text = _cell_text(value, rules)
    return text is not None and not _reads_as_heading(text, rules)


def heading_like(value: Any, rules: RowRules) -> bool:
    """Text that would go on a cell but reads as a heading too ('Đảng ủy phường', 'Chi bộ Tổ dân phố 5')."""
    text = _cell_text(value, rules)
    return text is not None and _reads_as_heading(text, rules)


def _name_part(value: Any) -> bool:
    """The rest of a name: one to four capitalised words."""
    text = " ".join(value.split()) if isinstance(value, str) else ""
    return bool(_NAME_PART.match(text)) and all(word[:1].isupper() for word in text.split(" ")) \
        and not text.isupper()


def join_spilled_rows(grid: np.ndarray, table: Table, columns: list[Column], rules: RowRules,
                      issues: Issues | None = None) -> set[int]:
    """Join spilled rows into the row above in place (the spilled row is emptied); returns their row numbers
    (1-based, as in messages). A wrapped text that reads as a heading too is said so in `issues`."""
    by_field = {column.field: column.index for column in columns if column.field and not column.month}
    key = by_field.get(rules.key)
    if key is None or rules.key != "full_name":
        return set()
    number = by_field.get("index")
    spilling = {by_field[name] for name in SPILLING if name in by_field}
    wrapped = _walk(grid, table, spilling, key, number, rules, None) > 0  # a dry run: are there plain wraps?
    headed = heading_columns(grid, table, key, number, rules)
    headers = {column.index: column.header for column in columns}
    joined: set[int] = set()

    def decide(at: int, target: int, filled: list[int]) -> bool:
        doubtful = [index for index in filled if heading_like(grid[at, index], rules)]
        as_heading = any(index in headed for index in doubtful)
        join = wrapped or not as_heading
        if issues is not None and (as_heading or not wrapped):
            for index in doubtful:
                text = " ".join(grid[at, index].split())
                joined_text = f"{grid[target, index].rstrip()} {text}"
                message = (JOINED_DOUBT if join else HEADING_DOUBT).format(
                    text=text, cell=f"{column_letter(index)}{at + 1}", header=headers.get(index, ""),
                    above=target + 1, joined=joined_text, above_cell=f"{column_letter(index)}{target + 1}")
                issues.warning(at + 1, column_letter(index), None, text, message)
        return join

    _walk(grid, table, spilling, key, number, rules, decide, joined)
    return joined


def _walk(grid: np.ndarray, table: Table, spilling: set[int], key: int, number: int | None, rules: RowRules,
          decide, joined: set[int] | None = None) -> int:
    """Walk the body joining spills (none when `decide` is None: a dry run); a spill whose text reads as a heading
    too joins when `decide(at, target, filled)` says so. Returns the number of plain spills found."""
    plain = 0
    target = None  # the row a spill joins: the last person row above
    for at in range(table.body_start, min(table.body_end, grid.shape[0])):
        row = grid[at]
        filled = [index for index, cell in enumerate(row) if not is_blank(cell)]
        if not filled:
            target = None
            continue
        numbered = number is not None and not is_blank(row[number])
        found = _spills(grid, target, at, filled, spilling, key, number, rules) \
            if not numbered and target is not None else None
        if found == "plain":
            plain += 1
        if decide is not None and (found == "plain" or (found == "doubt" and decide(at, target, filled))):
            for index in filled:
                grid[target, index] = f"{grid[target, index].rstrip()} {row[index].strip()}"
                grid[at, index] = None
            joined.add(at + 1)
            continue
        if found == "plain":
            continue
        target = at if not is_blank(row[key]) else None
    return plain


def heading_columns(grid: np.ndarray, table: Table, key: int, number: int | None, rules: RowRules) -> set[int]:
    """Columns where the table writes its headings: the number and name columns, the first column (a heading
    merged across the table keeps its text there), and any column holding a lone heading text that is no person's
    wrapped cell (not right under a person row whose same cell is filled)."""
    found = {0, key} | ({number} if number is not None else set())
    above = None
    for at in range(table.body_start, min(table.body_end, grid.shape[0])):
        row = grid[at]
        filled = [index for index, cell in enumerate(row) if not is_blank(cell)]
        if len(filled) == 1 and heading_like(row[filled[0]], rules):
            index = filled[0]
            if above is None or is_blank(above[key]) or is_blank(above[index]):
                found.add(index)
        above = row if filled else None
    return found


def _spills(grid, target: int, at: int, filled: list[int], spilling: set[int], key: int, number: int | None,
            rules: RowRules) -> str | None:
    """'plain' for a spill, 'doubt' for one whose text (in a column other than the name) reads as a heading too,
    else None."""
    row, above = grid[at], grid[target]
    if not set(filled) <= spilling:
        return None
    if any(not isinstance(row[index], str) or not isinstance(above[index], str) or is_blank(above[index])
           for index in filled):
        return None
    if key in filled:  # a name goes on only in a numbered list, below a numbered person
        ok = all(plain_text(row[index], rules) for index in filled) and number is not None \
            and not is_blank(above[number]) and _name_part(row[key])
        return "plain" if ok else None
    if all(plain_text(row[index], rules) for index in filled):
        return "plain"
    if all(plain_text(row[index], rules) or heading_like(row[index], rules) for index in filled):
        return "doubt"
    return None


def account_spilled(body, joined: set[int]) -> None:
    """Give the emptied rows their reason in the row list."""
    for outcome in body.outcomes:
        if outcome["row"] in joined:
            outcome["reason"] = REASON
