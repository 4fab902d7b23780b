"""Header labels of a part of the year, over the month columns it groups: a quarter ('Quý I' … 'Quý IV', 'Quý 1',
'QUÝ I', 'Q2') or a half-year ('6 tháng đầu năm', 'Sáu tháng cuối năm'), which counts the months numbered
under it as 'Tháng' does, and may carry its year ('Quý I/2025', 'Quý I năm 2025', 'QUÝ I - 2025', '6 tháng đầu năm
2025'), the year of those months; and the subtotal column a register adds after each part ('Cộng', 'Tổng', 'Cộng
quý I'), which is no month."""

import re
import unicodedata
from typing import Any

from .normalising import fold

ROMAN_MONTHS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
                "xi": 11, "xii": 12}
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR = r"(?: (?:nam )?((?:19|20)\d{2}))?"  # folded: ' 2025', ' nam 2025'
_QUARTER = re.compile(rf"^(?:quy|q) ?(i{{1,3}}|iv|[1-4]){_YEAR}$")  # folded
_HALF = re.compile(rf"^(?:6|sau) thang (dau|cuoi) nam{_YEAR}$")  # folded
_SUBTOTAL = re.compile(r"^(?:cộng|tổng)(?:[\s:.,]|$)")  # with its tones: "Công", "Tống" open other words
_SUBTOTAL_PLAIN = {"cong", "tong", "tong cong", "tong so"}  # typed without tone marks, the whole label


def period_months(label: Any) -> range | None:
    """The months a quarter or half-year label covers ('Quý II' -> 4..6, '6 tháng cuối năm' -> 7..12), else None."""
    if not isinstance(label, str):
        return None
    folded = fold(label)
    if match := _QUARTER.match(folded):
        first = 3 * (_QUARTERS[match.group(1)] - 1) + 1
        return range(first, first + 3)
    if match := _HALF.match(folded):
        return range(1, 7) if match.group(1) == "dau" else range(7, 13)
    return None


def roman_month(cell: Any) -> int | None:
    """1..12 of a month written in Roman numerals, 'I' … 'XII' (any case), else None. Alone it is a month only
    under a header counting months ('Tháng (năm 2025)' over I | II | III): the caller checks that."""
    return ROMAN_MONTHS.get(cell.strip().casefold()) if isinstance(cell, str) else None


def period_year(label: Any) -> int | None:
    """The year a quarter or half-year label carries ('Quý I/2025' -> 2025), else None ('Quý I')."""
    if not isinstance(label, str):
        return None
    match = _QUARTER.match(fold(label)) or _HALF.match(fold(label))
    return int(match.group(2)) if match and match.group(2) else None


def counts_months(label: Any) -> bool:
    """A header label bare numbers under it may be months of: one that says 'Tháng', or a quarter or half-year
    ('Quý I' over 1 | 2 | 3, with no 'Tháng' line above: the quarter names the months it holds)."""
    return isinstance(label, str) and ("thang" in fold(label) or period_months(label) is not None)


def is_subtotal_label(cell: Any) -> bool:
    """A header cell of a subtotal column ('Cộng', 'Tổng', 'Cộng quý I', 'Tổng số')."""
    if not isinstance(cell, str):
        return False
    text = unicodedata.normalize("NFC", cell).strip().casefold()
    return _SUBTOTAL.match(text) is not None or (text.isascii() and fold(text) in _SUBTOTAL_PLAIN)
