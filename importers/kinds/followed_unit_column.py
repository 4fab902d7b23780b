"""The unit column of a roster named by the place its member is sent to and how ('Chi bộ được phân công dự sinh
hoạt', 'Dự sinh hoạt tại', 'Cơ sở được giao phụ trách': ``importers.followed_units``), when no column is named
the unit's usual way. It is named before the body is read, so that its ditto marks ('nt') and the checks read it
as any unit column. A wording that may name the member's own cell instead is read with a warning; a column of
numbers (a count of cells) names no unit.

'CB' opening a header is 'chi bộ' or 'cán bộ' ('CB phụ trách' is the cell followed or the cadre in charge): it is
read as the cell only when the column's cells name party organisations or the places cells are named after."""

import re

from ..followed_units import UNSURE, followed_unit_wording
from ..normalising import fold, is_blank
from ..plausibility.units import ORGANISATION

_SHORT_CELL = re.compile(r"^c b\b|^cb\b")  # 'CB', 'C.B', 'C/B' (folded)
_CELL_PLACE = re.compile(r"^(?:to dan pho|tdp|khu pho|khu dan cu|thon)\b")
CELL_SHARE = 0.8

UNSURE_READ = ("cột {letter} «{header}» được đọc là chi bộ mà đồng chí được phân công theo dõi; nếu đây là chi bộ "
               "đồng chí đang sinh hoạt, hãy bỏ ghép cột này với đơn vị phụ trách")


def _body_cells(grid, table, index: int) -> list:
    end = min(table.body_end, grid.shape[0])
    return [grid[row, index] for row in range(table.body_start, end) if not is_blank(grid[row, index])]


def _holds_names(grid, table, index: int) -> bool:
    """Whether the column's body holds some text that is not a number."""
    return any(isinstance(cell, str) and not cell.strip().replace(".", "").isdigit()
               for cell in _body_cells(grid, table, index))


def _names_cells(grid, table, index: int) -> bool:
    """Whether most of the column's cells name a party organisation or a cell's place ('Chi bộ Tổ dân phố 3',
    'TDP 14'), never a person."""
    cells = [fold(cell) for cell in _body_cells(grid, table, index)]
    named = sum(1 for cell in cells if ORGANISATION.match(cell) or _CELL_PLACE.match(cell))
    return bool(cells) and named >= CELL_SHARE * len(cells)


def _wording(grid, table, column) -> str | None:
    """How the header names a followed unit; a header opening on 'CB' only when its cells name cells."""
    wording = followed_unit_wording(column.header)
    folded = fold(column.header)
    if wording is None and _SHORT_CELL.match(folded) and _names_cells(grid, table, column.index):
        wording = followed_unit_wording(_SHORT_CELL.sub("chi bo", folded))
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
