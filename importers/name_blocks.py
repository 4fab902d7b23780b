"""A register kept one block per person (a row per meeting: date, mark) whose name, merged down over the block in
the workbook, reached this file on the block's first row only (a copy-paste or CSV export drops merges). The name
is carried down onto the rows below it only when that is the sheet's layout and nothing says the blank names are
missing data: every blank-name row has its own date and another cell, no row number of its own, and no meeting repeats
within a block. Otherwise the rows stay unread (each named as missing its name) and one warning says why the name
above was not taken. Either way the officer is told.

A totals line under a meeting ("Cộng" where the date goes, "Có mặt 8/9 đ/c" under the marks) is no one's row: it
ends the block, and the table skips it as a totals line."""

from .kinds.subtotals import is_subtotal_name
from .mapping import column_letter
from .normalising import is_blank

SHOWN = 12
FILLED = ("{where}{count} dòng để trống họ và tên ngay dưới một dòng có tên (mỗi người một khối các buổi "
          "sinh hoạt, tên chỉ ghi ở dòng đầu khối) đã lấy tên của dòng đầu khối: {cells} — xin kiểm tra")
NOT_FILLED = ("{where}{count} dòng để trống họ và tên ngay dưới một dòng có tên, như bảng ghi mỗi người "
              "một khối các buổi; chưa lấy tên phía trên vì {reason} — xin ghi họ và tên cho các dòng đó")
NUMBERED = "dòng {cell} có số thứ tự riêng (có thể là người khác bị thiếu tên)"
REPEATED = "buổi {value} ghi hai lần trong khối của «{name}» (dòng {cell}, có thể là người khác)"


def _where(sheet) -> str:
    return f"Trang «{sheet}»: " if sheet else ""


def _column(columns, field):
    return next((column for column in columns if column.field == field and not column.month and not column.day), None)


def _totals_line(row) -> bool:
    """A row whose first text opens with «Cộng» or «Tổng» ('Cộng', 'Tổng số: 9 đ/c')."""
    first = next((cell for cell in row if isinstance(cell, str) and cell.strip()), None)
    return is_subtotal_name(first)


def _blocks(grid, table, name, date, others):
    """(name row, [continuation rows]) for each named row followed by blank-name rows with a date and another
    cell (a mark, a unit: the mark column may be known only from its values, later)."""
    blocks, current = [], None
    for row in range(table.body_start, min(table.body_end, grid.shape[0])):
        if _totals_line(grid[row]):
            current = None
        elif not is_blank(grid[row, name]):
            current = (row, [])
            blocks.append(current)
        elif current is not None and not is_blank(grid[row, date]) \
                and any(not is_blank(grid[row, other]) for other in others):
            current[1].append(row)
        else:
            current = None
    return [block for block in blocks if block[1]]


def _doubt(grid, blocks, name, date, index) -> str | None:
    for first, rest in blocks:
        if index is not None:
            numbered = next((row for row in rest if not is_blank(grid[row, index])), None)
            if numbered is not None:
                return NUMBERED.format(cell=numbered + 1)
        seen = set()
        for row in [first, *rest]:
            value = str(grid[row, date]).strip()
            if value in seen:
                return REPEATED.format(value=value, name=grid[first, name], cell=row + 1)
            seen.add(value)
    return None


def fill_block_names(grid, table, columns, issues, sheet, merges) -> None:
    """Carry a person's name down their block of meeting rows (see the module docstring)."""
    name, date, index = _column(columns, "full_name"), _column(columns, "date"), _column(columns, "index")
    if name is None or date is None:
        return
    skipped = {name.index, date.index} | ({index.index} if index else set())
    others = [column.index for column in columns if column.index not in skipped and column.index < grid.shape[1]]
    if any(left <= name.index <= right for (_, left), (_, right) in merges):
        return  # the workbook merges names: a blank left after filling merges is a name missing
    blocks = _blocks(grid, table, name.index, date.index, others)
    blank = [row for _, rest in blocks for row in rest]
    if len(blocks) < 2 or len(blank) < len(blocks):
        return  # a stray blank name or two is missing data, told row by row
    letter = column_letter(name.index)
    doubt = _doubt(grid, blocks, name.index, date.index, index.index if index else None)
    if doubt:
        issues.warnings.append({"sheet": sheet, "row": None, "column": letter, "field": "full_name", "value": None,
                                "message": NOT_FILLED.format(where=_where(sheet), count=len(blank), reason=doubt)})
        return
    for first, rest in blocks:
        for row in rest:
            grid[row, name.index] = grid[first, name.index]
    cells = [f"{letter}{row + 1}" for row in blank]
    shown = ", ".join(cells[:SHOWN]) + (", …" if len(cells) > SHOWN else "")
    issues.warnings.append({"sheet": sheet, "row": None, "column": letter, "field": "full_name", "value": None,
                            "message": FILLED.format(where=_where(sheet), count=len(cells), cells=shown)})
