"""The year a header cell over a column names: 'Năm 2024' merged over the autumn meetings of a school year and
'Năm 2025' over the spring ones, on the row right above the days ('12/9' | … | '9/1') or higher up (over 'Lần 1'
over its date, over 'Tháng 7' over its bare days). The year written over a column is that column's, before the one
year a title states or a school-year rule: a register running across the new year dates each meeting in its own
year.

The merged text stands in the merge's first cell only (in a CSV export too), so each header cell is carried right
across the blank cells after it; the nearest header row naming a year wins."""

from typing import Any

from .month_numbers import year_of_label
from .normalising import clean_text
from .results import Table


def carried_cells(row: list[Any]) -> list[str]:
    """Each text cell of a row carried right across the blank cells after it (a header merged over several)."""
    out, carried = [], ""
    for cell in row:
        carried = (clean_text(cell) or "") if isinstance(cell, str) and cell.strip() else carried
        out.append(carried)
    return out


def header_year(rows: list[list[Any]], header_rows: list[int], col: int) -> int | None:
    """The year a header cell above the column names ('Năm 2024' merged over its meetings), nearest row first."""
    for row in reversed(header_rows):
        carried = carried_cells(rows[row]) if row < len(rows) else []
        year = year_of_label(carried[col]) if col < len(carried) else None
        if year:
            return year
    return None


def column_years(table: Table, rows: list[list[Any]]) -> list[int | None]:
    """Per column of the table, the year its header rows name over it (None where none does)."""
    carried = [carried_cells(rows[row]) for row in reversed(table.header_rows) if row < len(rows)]
    years: list[int | None] = []
    for col in range(len(table.labels)):
        found = (year_of_label(cells[col]) for cells in carried if col < len(cells))
        years.append(next((year for year in found if year), None))
    return years
