"""The chi bộ a whole sheet belongs to, stated on a line of its own ("Đơn vị: Chi bộ Khu phố 1" above the table,
"Chi bộ: Chi bộ Khu phố 3" below it): a register kept one sheet per chi bộ has no unit column. A chi bộ named with
its superior after it ("Chi bộ thôn Háo Đức - Đảng bộ xã Nhơn An", "Chi bộ 3 thuộc Đảng bộ Khối cơ quan", "Chi bộ
Trường A (trực thuộc Đảng bộ phường B)") is the chi bộ alone: the đảng bộ is above it, not part of its name. A cut
never leaves a bracket open: the remark the bracket opens goes with the superior. A bracket at the end saying
where the chi bộ is ("(khu vực chùa Sóc Chùa)") is a remark too."""

import re
from typing import Any

from .normalising import fold, normalise_unit_name
from .unit_ends import closed

UNIT_LABELS = ("chi bo", "don vi", "don vi sinh hoat", "chi bo sinh hoat", "noi sinh hoat", "to chuc dang")
UNIT_WORDS = ("chi bo ", "dang bo ", "to chuc co so dang ")
SCAN_ROWS = 60
# the separator before a chi bộ's superior: a dash, comma, bar or slash, "thuộc", or a bracket (with "thuộc" in it)
_SUPERIOR = re.compile(r"(?:\s*[-–—,|/]\s*|\s+(?:trực\s+)?thuộc\s+|\s*[(\[]\s*(?:(?:trực\s+)?thuộc\s+)?)"
                       r"(?=(?:đảng bộ|đảng ủy|đảng uỷ|đb)(?:\s|$))", re.IGNORECASE)
# a remark in brackets at the end saying where the chi bộ is ("Chi bộ Ấp A (khu vực chùa A)"): not its name
_PLACE_REMARK = re.compile(r"\s*[(\[]\s*(?:khu vực|địa bàn|gồm|tại|trụ sở|vùng)\s[^()\[\]]*[)\]]\s*$", re.IGNORECASE)
_LINE = re.compile(r"^\s*(?P<label>[^:]{2,30}):\s*(?P<value>[^:;]{3,120}?)\s*\.?\s*$")


def without_superior(unit: str) -> str:
    """A chi bộ's name without the đảng bộ named after it ("Chi bộ thôn A - Đảng bộ xã B" -> "Chi bộ thôn A") and
    without a closing remark on where it is ("Chi bộ Ấp A (khu vực chùa A)" -> "Chi bộ Ấp A")."""
    unit = _PLACE_REMARK.sub("", unit) or unit
    match = _SUPERIOR.search(unit) if fold(unit).startswith("chi bo ") else None
    return closed(unit[:match.start()]) if match and match.start() > len("chi bộ") else unit


def _unit(cell: Any) -> str | None:
    match = _LINE.match(cell) if isinstance(cell, str) else None
    if match is None or fold(match.group("label")) not in UNIT_LABELS:
        return None
    value = normalise_unit_name(without_superior(match.group("value")))
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
