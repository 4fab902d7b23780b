"""Entries the office crossed out with the strikethrough font instead of deleting them, in a list re-issued with
corrections: a member who left the working group (the name, or the whole row, struck through, often beside a note
'Rút khỏi đoàn từ 01/9/2025'), a person entered twice, a wrong mark in a register struck through with the right one
typed beside it. A careful reader does not record what is struck through, and neither does this:

- a row whose person-name cell (or every filled cell) is struck through is emptied before the body is split; one
  warning lists those rows and the row list says why;
- a struck mark cell is not read (emptied) and warned naming its cell; when the same meeting's cells of the row
  hold another mark, that is a layout of its own (the old mark kept beside the new one): only warned;
- a struck value of another read field (an old phone, an old position) is not used, the row is read, and the
  officer is told; a struck cell in a column nothing reads changes nothing.

The strikethrough is the file's (``importers.cell_fonts``: .xlsx, .xls and .ods cell fonts); a cell is judged by its
own format only where the file still holds the value the grid holds there (a rewritten sheet is warned, not
guessed)."""

from dataclasses import dataclass, field

import numpy as np

from ..mapping import column_letter
from ..normalising import is_blank
from ..results import Column, Table
from . import RowRules
from .format_meanings import same_value

SUB_COLUMNS = 4  # the most sub-columns a meeting's header spans ('Có mặt | Muộn | Vắng có phép | Vắng không phép')
UNREAD_FIELDS = {"index"}  # the row number: no record keeps it
MARK_REASON = "ký hiệu điểm danh bị gạch ngang (đã bỏ) — không nhập"
ROW_REASON = "dòng bị gạch ngang (đã bỏ) — không nhập"
LISTED = 10


@dataclass
class StruckCells:
    """What the crossed-out cells of a sheet changed: the emptied rows (1-based → reason) and the warnings to give."""

    rows: dict[int, str] = field(default_factory=dict)
    warnings: list[tuple] = field(default_factory=list)  # (row, letter, field, value, text) for Issues.warning
    marks: set[int] = field(default_factory=set)  # rows (1-based) a struck mark was emptied in

    def report(self, issues) -> None:
        for row, letter, name, value, text in self.warnings:
            issues.warning(row, letter, name, value, text)

    def account(self, row_frame) -> None:
        """Name the emptied rows in the row list (``parsing._row_frame``), in place of 'dòng trống', and the rows
        left without a record once their only mark was struck."""
        if row_frame is None or not (self.rows or self.marks):
            return
        for at, row in zip(row_frame.index, row_frame["row"]):
            if int(row) in self.rows:
                row_frame.at[at, "reason"] = self.rows[int(row)]
            elif int(row) in self.marks and row_frame.at[at, "record_count"] == 0 \
                    and row_frame.at[at, "outcome"] == "skipped":
                row_frame.at[at, "reason"] = MARK_REASON


def take_struck_cells(grid: np.ndarray, rows: list[list], table: Table, columns: list[Column], rules: RowRules,
                      read_struck, labels: dict[str, str]) -> StruckCells:
    """Empty the crossed-out rows and mark cells of the body in `grid` (built from the sheet's `rows`, which the
    formats are compared with) in place; `read_struck` gives the sheet's cell formats when the file strikes any
    text through ({} otherwise), `labels` each field's Vietnamese label."""
    found = StruckCells()
    formats = read_struck() if read_struck is not None else None
    if not formats:
        return found
    key = next((column.index for column in columns if column.field == rules.key and not column.month), None)
    start, end, width = table.body_start, min(table.body_end, grid.shape[0]), grid.shape[1]
    struck: dict[int, list[int]] = {}
    parts = []
    for (row, col), shown in formats.items():
        if start <= row < end and col < width and not is_blank(_cell(rows, row, col)):
            if shown.struck:
                struck.setdefault(row, []).append(col)
            elif shown.struck_part:
                parts.append((row, col, shown.struck_part))
    if key is None or not (struck or parts):
        return found
    by_index = {column.index: column for column in columns}
    dropped, moved = [], []
    for row in sorted(struck):
        cells = sorted(struck[row])
        if not _as_read(rows, formats, row, width):
            moved += [(row, col) for col in cells]
            continue
        filled = [col for col in range(width) if not is_blank(_cell(rows, row, col))]
        if key in cells or set(filled) <= set(cells):
            dropped.append((row, _who(grid, row, key, by_index)))
            grid[row, :] = None
            continue
        for col in cells:
            _struck_value(found, grid, rows, table, by_index, (row, col), set(cells), labels)
    gone = {row for row, _ in dropped}
    for row, col, part in sorted(parts):
        column = by_index.get(col)
        if row in gone or column is None or (column.field is None and not _is_mark(table, column)) \
                or not _as_read(rows, formats, row, width):
            continue
        value = _shown(_cell(rows, row, col))
        found.warnings.append((row + 1, column_letter(col), column.field, value,
                               f"«{part}» trong ô {column_letter(col)}{row + 1} («{value}») bị gạch ngang — giá trị "
                               "được đọc cả phần bị gạch; hãy sửa ô cho chỉ còn giá trị đúng"))
    if dropped:
        found.rows = {row + 1: f"{ROW_REASON}: {who}" for row, who in dropped}
        listed = ", ".join(str(row + 1) for row, _ in dropped[:LISTED]) + ("…" if len(dropped) > LISTED else "")
        who = "; ".join(f"dòng {row + 1}: {text}" for row, text in dropped[:LISTED])
        found.warnings.insert(0, (dropped[0][0] + 1, column_letter(key), rules.key, None,
                                  f"dòng {listed} bị gạch ngang (đã bỏ): không nhập — {who}"))
    if moved:
        cells = ", ".join(f"{column_letter(col)}{row + 1}" for row, col in moved[:LISTED])
        found.warnings.append((moved[0][0] + 1, column_letter(moved[0][1]), None, None,
                               f"ô {cells} bị gạch ngang trong tệp, nhưng bảng đã được sắp xếp lại khi đọc — không "
                               "biết ô gạch ngang nằm ở dòng nào của bảng đã đọc; hãy kiểm tra và xoá các dòng, "
                               "ô đã bỏ"))
    return found


def _cell(rows: list[list], row: int, col: int):
    return rows[row][col] if row < len(rows) and col < len(rows[row]) else None


def _as_read(rows: list[list], formats: dict, row: int, width: int) -> bool:
    """Whether the sheet's row holds the values the file holds there (a rebuilt sheet holds others)."""
    for col in range(width):
        shown = formats.get((row, col))
        if shown is not None and shown.value is not None and not same_value(shown.value, _cell(rows, row, col)):
            return False
    return True


def _who(grid: np.ndarray, row: int, key: int, by_index: dict[int, Column]) -> str:
    """The struck person's name and the row's note ('Nguyễn Văn An (Rút khỏi đoàn từ 01/9/2025)')."""
    name = _shown(grid[row, key]) if not is_blank(grid[row, key]) else "(không có tên)"
    notes = [_shown(grid[row, column.index]) for column in by_index.values()
             if column.field == "note" and column.index < grid.shape[1] and not is_blank(grid[row, column.index])]
    return name + (f" ({'; '.join(notes)})" if notes else "")


def _notes(rows: list[list], row: int, by_index: dict[int, Column], struck: set[int]) -> str:
    """The row's notes not struck through ('T8: có mặt'), where the right mark is often written."""
    return "; ".join(_shown(_cell(rows, row, column.index)) for column in by_index.values()
                     if column.field == "note" and column.index not in struck
                     and not is_blank(_cell(rows, row, column.index)))


def _shown(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _is_mark(table: Table, column: Column) -> bool:
    return column.month is not None or column.day is not None or column.field == "status" \
        or (column.index < len(table.dates) and table.dates[column.index] is not None)


def _meeting(table: Table, column: Column) -> tuple:
    """What names the meeting a mark column belongs to: its date, month and day, and the header above it."""
    date = table.dates[column.index] if column.index < len(table.dates) else None
    parent = table.parents[column.index] if column.index < len(table.parents) else None
    label = table.labels[column.index] if column.index < len(table.labels) else None
    return date, column.month, column.day, parent if parent and parent != label else None


def _same_meeting(table: Table, by_index: dict[int, Column], col: int) -> set[int]:
    """The other columns of the meeting `col` holds a mark of: the same date or month and day, the same header
    above, or the day column paired with its month column."""
    own = _meeting(table, by_index[col])
    found = set()
    for index, column in by_index.items():
        if index == col:
            continue
        other = _meeting(table, column)
        if other[:3] == own[:3] and any(own[:3]) and _is_mark(table, column):
            found.add(index)  # 'Tháng 7' read twice over (a mark column and its 'Ngày' or 'Ghi chú')
        elif own[3] is not None and other[3] == own[3] and abs(index - col) <= SUB_COLUMNS \
                and not (any(own[:3]) and any(other[:3])):
            found.add(index)  # 'Có mặt | Vắng' under the meeting's header ('Quý III' over months: months apart)
    pairs = table.day_pairs
    found |= {pairs[col]} if col in pairs else set()
    found |= {month for month, day in pairs.items() if day == col}
    return found


def _struck_value(found: StruckCells, grid: np.ndarray, rows: list[list], table: Table,
                  by_index: dict[int, Column], at: tuple[int, int], struck: set[int], labels: dict[str, str]) -> None:
    """A struck cell of a row that is read: a mark not read (or only warned beside its replacement, or where a
    stage already read it with the meeting's other cells), another field's value not used; a cell of a column
    nothing reads is left as it is."""
    row, col = at
    column = by_index.get(col)
    if column is None:
        return
    value, ref = _cell(rows, row, col), f"{column_letter(col)}{row + 1}"
    shown = _shown(value)
    if _is_mark(table, column):
        beside = [index for index in sorted(_same_meeting(table, by_index, col))
                  if index not in struck and not is_blank(_cell(rows, row, index))]
        if beside:
            other = f"{column_letter(beside[0])}{row + 1}"
            found.warnings.append((row + 1, column_letter(col), column.field, value,
                                   f"ký hiệu «{shown}» ở ô {ref} bị gạch ngang, cùng buổi có "
                                   f"«{_cell(rows, row, beside[0])}» ở ô {other} — đọc như bảng ghi, hãy kiểm tra "
                                   "điểm danh buổi này"))
            return
        if col in table.consumed or not same_value(value, grid[row, col]):
            found.warnings.append((row + 1, column_letter(col), column.field, value,
                                   f"ký hiệu «{shown}» ở ô {ref} bị gạch ngang, nhưng đã được đọc cùng các ô khác của "
                                   "buổi này — hãy kiểm tra điểm danh buổi này"))
            return
        grid[row, col] = None
        found.marks.add(row + 1)
        notes = _notes(rows, row, by_index, struck)
        found.warnings.append((row + 1, column_letter(col), column.field, value,
                               f"ký hiệu «{shown}» ở ô {ref} bị gạch ngang (đã bỏ) — không nhập ô này; hãy kiểm tra "
                               "điểm danh buổi này (ký hiệu đúng có thể ghi ở ô bên cạnh hoặc ghi chú"
                               + (f": «{notes}»)" if notes else ")")))
        return
    if column.field is None or column.field in UNREAD_FIELDS or col in table.consumed:
        return
    grid[row, col] = None
    label = labels.get(column.field) or column.header or column.field
    found.warnings.append((row + 1, column_letter(col), column.field, value,
                           f"{label} «{shown}» ở ô {ref} bị gạch ngang (đã bỏ) — không dùng giá trị này, "
                           "dòng vẫn được nhập"))
