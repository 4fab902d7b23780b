"""The chi bộ a whole sheet belongs to, stated on a line of its own ("Đơn vị: Chi bộ Khu phố 1" above the table,
"Chi bộ: Chi bộ Khu phố 3" below it): a register kept one sheet per chi bộ has no unit column."""

import re
from typing import Any

from .normalising import fold, normalise_unit_name

UNIT_LABELS = ("chi bo", "don vi", "don vi sinh hoat", "chi bo sinh hoat", "noi sinh hoat", "to chuc dang")
UNIT_WORDS = ("chi bo ", "dang bo ", "to chuc co so dang ")
SCAN_ROWS = 60
_LINE = re.compile(r"^\s*(?P<label>[^:]{2,30}):\s*(?P<value>[^:;]{3,120}?)\s*\.?\s*$")


def _unit(cell: Any) -> str | None:
    match = _LINE.match(cell) if isinstance(cell, str) else None
    if match is None or fold(match.group("label")) not in UNIT_LABELS:
        return None
    value = normalise_unit_name(match.group("value"))
    if value is None:
        return None
    if not (fold(value) + " ").startswith(UNIT_WORDS):
        if fold(match.group("label")) != "chi bo":
            return None
        value = f"Chi bộ {value}"
    return value


def unit_in_lines(rows: list[list[Any]]) -> str | None:
    """The unit named by a 'Chi bộ: …' / 'Đơn vị: …' line among a sheet's first and last rows; None when there
    is none or the lines name different units."""
    edge = rows[:SCAN_ROWS] + rows[max(SCAN_ROWS, len(rows) - SCAN_ROWS):]
    found = {unit for row in edge for unit in map(_unit, row) if unit}
    return found.pop() if len(found) == 1 else None
