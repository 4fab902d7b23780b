"""Blocks of one sheet each under its own header row, in its own column order: one block per working group (or chi
bộ, or meeting) where block 2 was pasted from another file with its columns reordered and renamed ("Nhiệm vụ | Họ
và tên | Chức vụ, đơn vị | Ngày sinh | SĐT" under "STT | Họ và tên | Chức vụ | Nhiệm vụ | Ngày sinh | Điện thoại")
and block 4 typed on a phone with fewer columns ("Họ tên | Chức vụ | Nhiệm vụ | Zalo").

A row inside the table that reads as a header (the locator's test: it names the name column and another field) but
maps its columns otherwise than the table's header opens a block: the rows below it, up to the next such row, are
read by it. Their cells are moved into the columns the table's header gives the same fields (a field only blocks
have gets a column added at the right, as the officer's corrections add one), a field the block has no column for
is left blank (never another block's column), and the block's header row is written as the table's, so that it is
the repeated header the readers already know (``importers.stacked_blocks`` takes the title over it,
``importers.kinds.roster_columns`` skips a page's repeated header). Lines that are no person's (a group's or unit's
title, a totals line, a note) stay where they are; the closing block ends the search. When the first block is the
shorter one, the locator takes the fuller header below it: the table is read from the first block's header then
(``header_above``).

A header row naming one field twice (two name columns) refuses its block: its rows are failed, the message naming
the row. A labelled column of the block no field reads is named in a warning. Issues of the moved rows name the
cells as written (``own_cells``), and the preview lists each block's columns (``ParseResult.blocks``)."""

import re
from dataclasses import dataclass, field
from typing import Any

from .column_types import distinct_map
from .context import read_context
from .locating import header_score, is_stop_text
from .mapping import column_letter, match_field
from .normalising import clean_text, fold, is_blank
from .person_headers import looks_like_name
from .results import Column
from .signature_titles import is_closing_text

TWICE = ("dòng tiêu đề cột của khối ({labels}) ghi {what} ở hai cột ({cells}) — không rõ đọc cột nào, "
         "các dòng {first}–{last} của khối chưa được nhập; hãy sửa tiêu đề cột hoặc nhập riêng khối này")
UNREAD = ("cột {letter} «{label}» của khối có tiêu đề riêng ở dòng {row} không trường nào đọc ({count} ô có dữ liệu, "
          "dòng {first}–{last}) — các ô này chưa được nhập")
REFUSED = "khối có tiêu đề cột không rõ (dòng {row})"
SOURCE = "tiêu đề cột riêng của khối ở dòng {row}, đọc các dòng {first}–{last} theo tiêu đề đó"
_CELL = re.compile(r"(?<![A-Za-z0-9])([A-Z]{1,3})(\d+)(?!\d)")


@dataclass
class Block:
    """A block under its own header: its header row and body rows (0-based, end exclusive), the table's column
    of each of its own columns, the rows whose cells were moved and why it was refused (None when read)."""

    header: int
    start: int
    end: int
    labels: list[str]
    fields: dict[int, str]  # own labelled column -> its field
    target: dict[int, int] = field(default_factory=dict)  # own column -> the table's column of the same field
    people: list[int] = field(default_factory=list)  # 0-based rows holding a person's cells
    moved: set[int] = field(default_factory=set)
    refused: str | None = None
    last: int = 0  # 0-based last row that is the block's (for messages)


@dataclass
class OwnHeaders:
    """The blocks of a sheet read by their own header; `failed` maps a refused block's 0-based rows to its reason."""

    blocks: list[Block]
    failed: dict[int, str] = field(default_factory=dict)

    def account(self, outcomes: list[dict]) -> None:
        """The rows of a refused block are failed, with the reason, in place of 'dòng trống'."""
        by_row = {row + 1: reason for row, reason in self.failed.items()}
        for outcome in outcomes:
            if outcome["row"] in by_row:
                outcome.update(outcome="failed", reason=by_row[outcome["row"]])

    def own_cells(self, issues: list[dict], width: int) -> None:
        """Name the cells of moved rows as the file has them: the column letter and every cell in the message; a
        cell of a field the block has no column for is its row only ("Dòng 41"), never another column's cell."""
        letters = {}
        for block in self.blocks:
            back = {column_letter(to): column_letter(own) for own, to in block.target.items()}
            letters.update({(row + 1, column_letter(to)): back.get(column_letter(to))
                            for row in block.moved for to in range(width)})
        if not letters:
            return
        for issue in issues:
            row, letter = issue.get("row"), issue.get("column")
            if (row, letter) in letters:
                issue["column"] = letters[row, letter]
            issue["message"] = _CELL.sub(lambda m: _own(letters, m[1], int(m[2])), issue["message"])

    def columns(self) -> list[dict]:
        """Per block read by its own header, its rows and the column each field is read from there."""
        return [{"header_row": block.header + 1, "first_row": block.start + 1, "last_row": block.last + 1,
                 "columns": [{"index": own, "letter": column_letter(own), "header": block.labels[own],
                              "field": block.fields[own]} for own in sorted(block.target)]}
                for block in self.blocks if not block.refused and block.moved]

    def inferences(self, labels: list[str]) -> list[dict]:
        """What the preview lists per block read by its own header: each field's column there."""
        found = []
        for block in self.blocks:
            if block.refused or not block.moved:
                continue
            value = ", ".join(f"{labels[to] or column_letter(to)} ← {column_letter(own)} «{block.labels[own]}»"
                              for own, to in sorted(block.target.items(), key=lambda item: item[1]))
            found.append({"what": "Cột của khối", "value": value, "source": SOURCE.format(
                row=block.header + 1, first=block.start + 1, last=block.last + 1)})
        return found


def _own(letters: dict, letter: str, row: int) -> str:
    """A cell named in a message, as the file has it."""
    if (row, letter) not in letters:
        return f"{letter}{row}"
    own = letters[row, letter]
    return f"{own}{row}" if own else f"Dòng {row}"


def _labels(row) -> list[str]:
    return [clean_text(cell) or "" if isinstance(cell, str) else "" for cell in row]


def _header_rows(grid, start: int, specs) -> list[int]:
    """Rows from `start` that read as a header (the locator's test), until the document's closing block. Only rows
    holding two field names word for word are tested, each distinct cell looked at once: a register's body is long."""
    import numpy as np
    import pandas as pd

    body = grid[start:]
    if not body.size:
        return []
    synonyms = {synonym for spec in specs for synonym in spec.synonyms}
    cells = pd.Series(body.ravel(), dtype=object)
    kind = distinct_map(cells, lambda cell: 2 if is_closing_text(cell) else isinstance(cell, str) and fold(cell)
                        in synonyms).fillna(0).to_numpy(dtype=np.int8).reshape(body.shape)
    closing = np.flatnonzero((kind == 2).any(axis=1))
    end = closing[0] if len(closing) else len(body)
    named = (kind[:end] == 1).sum(axis=1)
    return [start + row for row in np.flatnonzero(named >= 2).tolist()
            if header_score(_labels(grid[start + row]), specs) > 1]


def _block_headers(grid, header: int, rows: list[int], key: int, specs) -> list[int]:
    """The header-looking rows that head a block: labels only (a person whose cells happen to be field words, 'Đảng
    viên' and 'Có mặt' beside a number and a name, is a person) with a person's row between them and the header
    above (one straight under a header is that header's second line, a two-row header read as one)."""
    kept, above = [], header
    for row in rows:
        cells = list(grid[row])
        labels_only = all(isinstance(cell, str) for cell in cells if not is_blank(cell))
        if labels_only and not looks_like_name(cells[key], specs) and any(
                _is_person_row(list(grid[between]), key, specs) for between in range(above + 1, row)):
            kept.append(row)
        above = row
    return kept


def _is_person_row(cells: list[Any], key: int, specs) -> bool:
    """Whether a row of a block holds a person's cells, not a group's or unit's title, a totals line or a note: a
    lone cell is a person's only when it is a name in the name column ("Danh sách gồm 22 đồng chí./." is none)."""
    filled = [(index, cell) for index, cell in enumerate(cells) if not is_blank(cell)]
    if not filled or any(is_stop_text(cell) for _, cell in filled if isinstance(cell, str)):
        return False
    if len(filled) <= 2 and isinstance(filled[0][1], str) and read_context(filled[0][1]):
        return False
    return len(filled) > 1 or (filled[0][0] == key and looks_like_name(filled[0][1], specs))


def header_above(rows: list[list[Any]], table, specs) -> int | None:
    """The first row above the located header that reads as a header of its own with a person's row under it: a
    block typed shorter over a fuller one (the locator takes the header naming the most fields). The table is then
    read from that header, the located one opening a block."""
    if len(table.header_rows) > 1 or any(table.dates):
        return None
    for row in range(table.header_rows[0]):
        labels = _labels(rows[row])
        if header_score(labels, specs) <= 1:
            continue
        key = next((index for index, name in _layout(labels, specs).items() if name == "full_name"), None)
        if key is not None and any(_is_person_row(list(rows[below]), key, specs)
                                   for below in range(row + 1, table.header_rows[0])):
            return row
        return None
    return None


def find_own_headers(grid, table, columns, specs, fields):
    """(grid, blocks): the blocks under a header row of their own layout inside the table (see the module
    docstring), their cells moved into the table's columns; a field only blocks have gets a column added at the right
    of the grid, `columns` and the table's labels. Blocks are None when there are none."""
    if len(table.header_rows) > 1 or any(column.month or column.day for column in columns):
        return grid, None  # a wide register's tables by period or by chi bộ: importers.period_tables
    layout = _layout(_labels(grid[table.header_rows[-1]]), fields)
    key = next((column.index for column in columns if column.field == "full_name"), 0)
    rows = _block_headers(grid, table.header_rows[-1], _header_rows(grid, table.body_start, specs), key, specs)
    blocks, same = [], []
    for number, row in enumerate(rows):
        labels = _labels(grid[row])
        own = _layout(labels, fields)
        if own == layout:
            same.append(row)  # the table's header again, in other words: a repeated header
            continue
        blocks.append(Block(row, row + 1, rows[number + 1] if number + 1 < len(rows) else grid.shape[0], labels, own))
    words = {spec.name: spec.label for spec in fields}
    for block in blocks:
        block.people = _people(grid, block, specs)
        block.last = block.people[-1] if block.people else block.header
        block.refused = _doubt(block, words)
    grid = _add_columns(grid, table, columns, [block for block in blocks if not block.refused])
    first_labels = list(grid[table.header_rows[-1]])
    for row in same:
        grid[row, :] = first_labels
    if not blocks:
        return grid, None
    found = OwnHeaders(blocks)
    table_fields = {column.field: column.index for column in columns if column.field}
    for block in blocks:
        block.target = {own: table_fields[name] for own, name in block.fields.items()} if not block.refused else {}
        _move_rows(grid, block, found)
        grid[block.header, :] = first_labels
    return grid, found


def _add_columns(grid, table, columns, blocks: list[Block]):
    """A column at the right for each field blocks have and the table's header has not, headed as the first block
    having it heads it."""
    have = {column.field for column in columns if column.field}
    added = {}
    for block in blocks:
        for own, name in block.fields.items():
            if name not in have and name not in added:
                added[name] = block.labels[own]
    if not added:
        return grid
    import numpy as np

    width = grid.shape[1]
    grid = np.hstack([grid, np.full((grid.shape[0], len(added)), None, dtype=object)])
    for offset, (name, label) in enumerate(added.items()):
        index = width + offset
        grid[table.header_rows[-1], index] = label
        columns.append(Column(index=index, letter=column_letter(index), header=label, field=name))
        table.labels.append(label)
        table.parents.append(label)
        table.dates.append(None)
    return grid


def _layout(labels: list[str], fields) -> dict[int, str]:
    """Each labelled column's field."""
    mapped = {index: match_field(label, fields) for index, label in enumerate(labels) if label}
    return {index: name for index, name in mapped.items() if name}


def _doubt(block: Block, words: dict[str, str]) -> str | None:
    """Why the block's header cannot be read: a field named in two columns (two name columns)."""
    by_field: dict[str, list[int]] = {}
    for index, name in block.fields.items():
        by_field.setdefault(name, []).append(index)
    twice = next(((name, indices) for name, indices in by_field.items() if len(indices) > 1), None)
    if twice is None:
        return None
    shown = " | ".join(f"«{label}»" for label in block.labels if label)
    return TWICE.format(labels=shown, what=words[twice[0]], cells=", ".join(map(column_letter, twice[1])),
                        first=block.start + 1, last=block.last + 1)


def _people(grid, block: Block, specs) -> list[int]:
    """The block's person rows, up to a totals line or the closing block."""
    key = next((index for index, name in block.fields.items() if name == "full_name"), 0)
    people = []
    for row in range(block.start, block.end):
        cells = list(grid[row])
        if any(isinstance(cell, str) and is_stop_text(cell) for cell in cells):
            break
        if _is_person_row(cells, key, specs):
            people.append(row)
    return people


def _move_rows(grid, block: Block, found: OwnHeaders) -> None:
    """Move the block's person rows into the table's columns (a refused block's rows are blanked and failed)."""
    if block.refused:
        for row in block.people:
            grid[row, :] = None
            found.failed[row] = REFUSED.format(row=block.header + 1)
        return
    width = grid.shape[1]
    for row in block.people:
        cells = list(grid[row])
        moved = [None] * width
        for own, to in block.target.items():
            moved[to] = cells[own] if own < len(cells) else None
        grid[row, :] = moved
        block.moved.add(row)


def report(found: OwnHeaders, rows: list[list[Any]], issues) -> None:
    """The refused blocks as errors naming their header row, the unread labelled columns of the others as
    warnings (counted in the rows as read, before their cells moved)."""
    for block in found.blocks:
        if block.refused:
            issues.error(block.header + 1, None, None, " | ".join(label for label in block.labels if label),
                         block.refused)
            continue
        for index, label in enumerate(block.labels):
            if not label or index in block.target:
                continue
            count = sum(1 for row in block.moved if index < len(rows[row]) and not is_blank(rows[row][index]))
            if count:
                issues.warning(block.header + 1, column_letter(index), None, label, UNREAD.format(
                    letter=column_letter(index), label=label, row=block.header + 1, count=count,
                    first=block.start + 1, last=block.last + 1))
