"""Meeting columns grouped by chi bộ: a merged "Chi bộ Tổ dân phố 1" header over its own "dd/mm" dates, as a
working group keeps its members' attendance at the several chi bộ they follow.

Each mark then belongs to the chi bộ named over its column, not to a unit of the row. The blocks are read only when
every meeting column stands under a header naming a party organisation and at least two differ (one such header
over all the dates is the register's title, left to the usual unit rules)."""

from ..normalising import clean_text, fold
from ..unit_remarks import without_remark

UNIT_STARTS = ("chi bo ", "dang bo ", "to chuc co so dang ")
MIN_BLOCKS = 2


def block_units(parents: list[str], months: list) -> list[str] | None:
    """The unit of each meeting column from the header over it, or None when the columns are not unit blocks."""
    units = []
    for column in months:
        parent = clean_text(parents[column.index]) if column.index < len(parents) and parents[column.index] else ""
        if not parent or not fold(parent).startswith(UNIT_STARTS) or fold(parent) == fold(column.header or ""):
            return None
        units.append(without_remark(parent))  # "Chi bộ Tổ dân phố 1 (12 đảng viên)": ``unit_remarks``
    return units if len(set(units)) >= MIN_BLOCKS else None
