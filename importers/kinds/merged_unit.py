"""A unit column named by the unit alone ("Chi bộ", "Cơ sở", "Tổ chức đảng"), its cell merged down over each
group's rows: the merge says the cell is the group's assignment, so the column is the unit column (its value,
copied into every row it covers when the sheet was read, is each member's unit).

Unit words alone do not make a unit column otherwise: a member's own cell ("Chi bộ sinh hoạt") holds unit names
too, one per person, never merged over a block."""

import re

from ..column_types import filled_count
from ..normalising import fold
from ..ticks import only_ticks
from .roster_stage import RosterStage

_UNIT_WORDS = re.compile(r"\b(?:chi bo|co so|to chuc dang|dang bo|dia ban|don vi)\b")
_OWN = re.compile(r"\b(?:sinh hoat|noi sinh hoat|cua dang vien|que quan|noi o)\b")
MIN_SPAN = 2  # body rows one merged cell covers


def _merged_down(stage: RosterStage, index: int) -> bool:
    """Whether a cell of the column is merged down over two body rows or more."""
    rows = set(stage.frame.index)
    for (top, left), (bottom, right) in stage.merges:
        if left <= index <= right and left == right and sum(row + 1 in rows for row in range(top, bottom + 1)) \
                >= MIN_SPAN:
            return True
    return False


def unit_from_merged_column(stage: RosterStage) -> None:
    """Name the unit column after a unit-worded header whose cells are merged down over blocks of rows."""
    if stage.mapped("unit") is not None or not stage.merges:
        return
    for column in stage.columns:
        if column.field is not None or column.month or column.index not in stage.frame.columns:
            continue
        folded = fold(column.header)
        values = stage.frame[column.index]
        if not _UNIT_WORDS.search(folded) or _OWN.search(folded) or not filled_count(values) \
                or only_ticks(values):
            continue
        if _merged_down(stage, column.index):
            column.field = "unit"
            return
