"""Ditto marks in text columns: 'nt', 'n.t', '-nt-', 'như trên', '"' or '〃' alone in a cell repeat the value
above it in the same column ('Chi bộ' filled on the first row, 'nt' below; a long register's meeting date, one
date written for each meeting's first row). The value is taken from the nearest cell above in the table's body
that holds one, within one of the tables stacked on the sheet by unit (``importers.stacked_blocks``), and for a
date within one period of a register divided by month lines ("Tháng 8/2025": ``importers.period_dividers``), said
in one warning naming the cells; a ditto with nothing above is an error. Mark columns (status, months, meeting
dates across the header) are never read so: there a legend's letters rule."""

from .mapping import column_letter
from .normalising import fold, is_blank

FIELDS = frozenset({"position", "group", "role", "unit", "note", "measure_unit", "date"})
SIGNS = frozenset({'"', "〃", "“", "”", "''", '""', "\u02ba"})
WORDS = frozenset({"nt", "n t", "nhu tren"})
SHOWN = 12  # cells named in the warning
FILLED = ("{count} ô ghi «như trên» (nt, \") đã lấy giá trị của ô phía trên cùng cột: {cells} — hãy kiểm tra")
NOTHING_ABOVE = "ô ghi «như trên» ({value}) nhưng phía trên trong cùng cột không có giá trị nào để lấy"


def is_ditto(value) -> bool:
    if not isinstance(value, str):
        return False
    text = value.strip()
    return text in SIGNS or fold(text) in WORDS


def fill_ditto(grid, table, columns, issues, sheet: str | None, starts=frozenset(), dividers=frozenset()) -> None:
    """Replace ditto marks in the body's text columns by the value above; warn once naming the cells. `starts`
    are the first rows of tables stacked below the first one (each its own unit): a ditto never reaches above
    them; nor does a date's above `dividers`, the rows of period divider lines."""
    filled = []
    for column in columns:
        if column.field not in FIELDS or column.month or column.day or column.index >= grid.shape[1]:
            continue
        above = None
        for row in range(table.body_start, min(table.body_end, grid.shape[0])):
            value = grid[row, column.index]
            if row in starts or (column.field == "date" and row in dividers):
                above = None
            if is_blank(value):
                continue
            if not is_ditto(value):
                above = value
                continue
            letter = column_letter(column.index)
            if above is None:
                issues.error(row + 1, letter, column.field, value, NOTHING_ABOVE.format(value=value.strip()))
                continue
            grid[row, column.index] = above
            filled.append((column.index, row, f"{letter}{row + 1}"))
    if filled:
        cells = [cell for *_, cell in sorted(filled)]
        shown = ", ".join(cells[:SHOWN]) + (", …" if len(cells) > SHOWN else "")
        issues.warnings.append({"sheet": sheet, "row": None, "column": None, "field": None, "value": None,
                                "message": (f"Trang «{sheet}»: " if sheet else "")
                                + FILLED.format(count=len(cells), cells=shown)})
