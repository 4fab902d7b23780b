"""Status-flag columns ('Có mặt' | 'Vắng') holding the file's legend marks besides ticks: 'M' (đến muộn) in
'Có mặt', 'P' (vắng có phép) or 'K' (vắng không phép) in 'Vắng'. Such a mark decides the status through the
legend, whichever column it sits in; a column's own wording applies to a tick ('x', '✓') only, or to a mark the
legend does not explain. A tick the legend explains as present ('x - có mặt') is still a tick: under 'Vắng' it
means absent. A column naming its status closely ('Vắng có phép', 'Đi muộn') rather than a side only keeps its
meaning for a mark of its side ('v - vắng' in 'Vắng có phép' is excused)."""

from typing import Any

from .legends import is_plain_meaning, meaning_to_status
from .mark_doubts import MarkDoubt
from .normalising import fold, is_blank, mark_key
from .ticks import is_tick

PRESENT_SIDE = {"present", "late"}


def legend_status(value: Any, legend: dict[str, str], wording: str) -> str | None:
    """The status the file's legend gives a cell of the flag column headed `wording`, when the legend rather than
    the column decides."""
    if is_blank(value) or not legend:
        return None
    status = legend.get(mark_key(value))
    if status is None or isinstance(status, MarkDoubt) or (status == "present" and is_tick(value)):
        return None
    column = meaning_to_status(wording)
    if column is not None and not is_plain_meaning(wording) and not disagrees(status, column):
        return None
    return status


def disagrees(status: str, column_status: str | None) -> bool:
    """A legend's status on the other side of the column's ('P' in 'Có mặt', 'M' in 'Vắng'): a late mark in the
    present column, or an excused one in the absent column, agrees."""
    return column_status is not None and (status in PRESENT_SIDE) != (column_status in PRESENT_SIDE)


def flag_wording(parent: str, header: str) -> str:
    """The status wording of a flag column: its header, when that alone says the status the header over it and
    the header together say ('Có mặt' | 'Vắng' under 'Tình hình tham dự', which only names the field), else both
    ('Vắng mặt' over 'P': the parent says which status, 'P' alone nothing). The wording is what the status cells
    are given, so it must read as a status cell would."""
    if fold(parent) == fold(header) or not parent:
        return header
    joined = f"{parent} {header}"
    return header if meaning_to_status(header) == meaning_to_status(joined) else joined
