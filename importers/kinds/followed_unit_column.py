"""The unit column of a roster named by the place its member is sent to and how ('Chi bộ được phân công dự sinh
hoạt', 'Dự sinh hoạt tại', 'Cơ sở được giao phụ trách': ``importers.followed_units``), when no column is named
the unit's usual way. It is named before the body is read, so that its ditto marks ('nt') and the checks read it
as any unit column. A wording that may name the member's own cell instead is read with a warning; a column of
numbers (a count of cells) names no unit.

'CB' in a header is 'chi bộ' or 'cán bộ' ('CB phụ trách' is the cell followed or the cadre in charge): it is read
as the cell only when the column's cells are no people's names (``short_unit_header``'s rule)."""

import pandas as pd

from ..followed_units import UNSURE, followed_unit_wording
from ..normalising import is_blank
from .short_unit_header import holds_units, written_out

UNSURE_READ = ("cột {letter} «{header}» được đọc là chi bộ mà đồng chí được phân công theo dõi; nếu đây là chi bộ "
               "đồng chí đang sinh hoạt, hãy bỏ ghép cột này với đơn vị phụ trách")


def _body_cells(grid, table, index: int) -> list:
    end = min(table.body_end, grid.shape[0])
    return [grid[row, index] for row in range(table.body_start, end) if not is_blank(grid[row, index])]


def _holds_names(grid, table, index: int) -> bool:
    """Whether the column's body holds some text that is not a number."""
    return any(isinstance(cell, str) and not cell.strip().replace(".", "").isdigit()
               for cell in _body_cells(grid, table, index))


def _wording(grid, table, column) -> str | None:
    """How the header names a followed unit; a header with 'CB' for chi bộ only when its cells are no people's
    names (the rule `short_unit_header` reads a 'CB' unit column by)."""
    wording = followed_unit_wording(column.header)
    label = written_out(column.header)
    if wording is None and label is not None \
            and holds_units(pd.Series(_body_cells(grid, table, column.index), dtype=object)):
        wording = followed_unit_wording(label)
    return wording


def name_followed_unit(grid, table, columns, issues) -> None:
    """Name the first unmapped column whose header says where its member is sent as the unit column."""
    if any(column.field == "unit" for column in columns) or any(column.confirmed for column in columns):
        return
    for column in columns:
        if column.field is not None or column.month or not column.header or column.index >= grid.shape[1]:
            continue
        wording = _wording(grid, table, column)
        if wording is None or not _holds_names(grid, table, column.index):
            continue
        column.field = "unit"
        if wording == UNSURE:
            issues.warning(None, column.letter, "unit", None,
                           UNSURE_READ.format(letter=column.letter, header=column.header))
        return
