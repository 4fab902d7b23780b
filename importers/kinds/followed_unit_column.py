"""The unit column of a roster named by the place its member is sent to and how ('Chi bộ được phân công dự sinh
hoạt', 'Dự sinh hoạt tại', 'Cơ sở được giao phụ trách': ``importers.followed_units``), when no column is named
the unit's usual way. It is named before the body is read, so that its ditto marks ('nt') and the checks read it
as any unit column. A wording that may name the member's own cell instead is read with a warning; a column of
numbers (a count of cells) names no unit."""

from ..followed_units import UNSURE, followed_unit_wording
from ..normalising import is_blank

UNSURE_READ = ("cột {letter} «{header}» được đọc là chi bộ mà đồng chí được phân công theo dõi; nếu đây là chi bộ "
               "đồng chí đang sinh hoạt, hãy bỏ ghép cột này với đơn vị phụ trách")


def _holds_names(grid, table, index: int) -> bool:
    """Whether the column's body holds some text that is not a number."""
    end = min(table.body_end, grid.shape[0])
    cells = [grid[row, index] for row in range(table.body_start, end) if not is_blank(grid[row, index])]
    return any(isinstance(cell, str) and not cell.strip().replace(".", "").isdigit() for cell in cells)


def name_followed_unit(grid, table, columns, issues) -> None:
    """Name the first unmapped column whose header says where its member is sent as the unit column."""
    if any(column.field == "unit" for column in columns) or any(column.confirmed for column in columns):
        return
    for column in columns:
        if column.field is not None or column.month or not column.header or column.index >= grid.shape[1]:
            continue
        wording = followed_unit_wording(column.header)
        if wording is None or not _holds_names(grid, table, column.index):
            continue
        column.field = "unit"
        if wording == UNSURE:
            issues.warning(None, column.letter, "unit", None,
                           UNSURE_READ.format(letter=column.letter, header=column.header))
        return
