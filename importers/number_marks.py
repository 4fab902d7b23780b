"""Marks carrying a number. Offices write the minutes late after the late mark ("M15", "M30'", "M 20'") or the day
of the month's meeting before a mark ("12P" = excused at the meeting on the 12th; a day alone, "21", present on
the 21st). Which of the two a file writes its legend or note lines say ("M kèm số phút", "ghi ngày (số ngày trong
tháng) của buổi sinh hoạt"): `number_rules` reads that from a line, `minutes_mark` and `day_mark` split a cell."""

import re
from typing import Any

from .normalising import fold, is_blank, mark_key

# a letter code, then minutes with or without a unit ("M15", "m 20'", "ĐM10p", "M30 phút")
_MINUTES = re.compile(r"^(?P<code>[^\W\d_]{1,3})\s*(?P<minutes>\d{1,3})\s*(?:'|’|′|p|ph|phút)?\.?$")
# a day of the month, then a letter code or nothing ("12P", "8 K", "21")
_DAY = re.compile(r"^(?P<day>\d{1,2})\s*(?P<code>[^\W\d_]{1,3})?$")
# line wordings (folded) saying the cells hold the meeting's day or the minutes late
_DAY_WORDING = re.compile(r"\bghi (?:so |lai )?ngay\b|\bso ngay (?:trong thang|cua buoi|sinh hoat|hop)\b")
_MINUTES_WORDING = re.compile(r"\bso phut\b|\bphut\b.*\b(?:muon|tre)\b|\b(?:muon|tre)\b.*\bphut\b")


def minutes_mark(value: Any) -> tuple[str, int] | None:
    """(letter code, minutes) of a cell written as a mark followed by a number ('M15' -> ('m', 15))."""
    if is_blank(value) or not isinstance(value, str):
        return None
    match = _MINUTES.match(mark_key(value))
    return (match.group("code"), int(match.group("minutes"))) if match else None


def day_mark(value: Any) -> tuple[int, str | None] | None:
    """(day, letter code or None) of a cell written as a day followed by a mark or alone ('12P' -> (12, 'p'),
    21 -> (21, None)); None for anything else, a day 0 or over 31 included."""
    if is_blank(value) or isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    match = _DAY.match(mark_key(value))
    if not match or not 1 <= int(match.group("day")) <= 31:
        return None
    return int(match.group("day")), match.group("code")


def number_rules(text: Any) -> dict[str, str]:
    """{'day': 'present'} when a line says the cells hold the day of the meeting (a day alone being presence),
    {'minutes': 'late'} when it says the late mark carries the minutes late; {} otherwise."""
    if not isinstance(text, str):
        return {}
    folded = " ".join(fold(text).split())
    rules = {}
    if _DAY_WORDING.search(folded):
        rules["day"] = "present"
    if _MINUTES_WORDING.search(folded):
        rules["minutes"] = "late"
    return rules
