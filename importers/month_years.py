"""The year of each month column of a register that spans two calendar years: a year header merged over its
months ("Năm 2024" over T9…T12, "Năm 2025" over T1…T5; a quarter with its year, "Quý I/2025" over T1…T3, too),
or a school year in the title ("NĂM HỌC 2024 - 2025") over months running T9…T12, T1…T5, where the months after
the turn of the year belong to the second year.

Each such column is given the first day of its month as its date (the attendance convention for a month), so the
one year a title states does not overwrite it."""

import datetime as dt
import re

from .date_words import month_and_year
from .normalising import fold
from .period_labels import period_year

_PARENT_YEAR = re.compile(r"^(?:nam\s+)?((?:19|20)\d{2})$")
_SPAN = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-–/]\s*((?:19|20)\d{2})(?!\d)")


def school_year(titles: list[str]) -> tuple[int, int] | None:
    """The two consecutive years a title line spans ('NĂM HỌC 2024 - 2025', 'Nhiệm kỳ 2024-2025'), if one."""
    found = set()
    for text in titles:
        for match in _SPAN.finditer(text or ""):
            first, second = int(match.group(1)), int(match.group(2))
            if second == first + 1:
                found.add((first, second))
    return found.pop() if len(found) == 1 else None


def _turn(months: list[int]) -> int | None:
    """Where a run of months turns over the new year (T11, T12, T1, T2 -> 2), when it does so exactly once."""
    turns = [position for position in range(1, len(months)) if months[position] < months[position - 1]]
    return turns[0] if len(turns) == 1 else None


def month_years(labels: list[str], parents: list[str], dates: list, titles: list[str],
                over: list[int | None] | None = None) -> list[str | None]:
    """The ISO date per column, with month columns dated in the year their upper header or the title's school year
    gives them; other columns keep what `dates` has. `over` is the year written nearest over each column on any
    header row above its label (``importers.header_periods``: 'Năm 2026' over 'Quý I' over 'T1'), before the row
    right above it."""
    out = [dates[index] if index < len(dates) else None for index in range(len(labels))]
    parents = parents or [""] * len(labels)
    months = {}
    for index, (label, parent) in enumerate(zip(labels, parents)):
        found = month_and_year(label, parent) if label and not out[index] else None
        if found and found[1] is None:
            months[index] = found[0]
    years = {}
    for index in months:
        if over and index < len(over) and over[index]:
            years[index] = over[index]
            continue
        match = _PARENT_YEAR.match(fold(parents[index]))
        year = int(match.group(1)) if match else period_year(parents[index])
        if year and fold(parents[index]) != fold(labels[index]):
            years[index] = year
    rest = [index for index in months if index not in years]
    span, turn = school_year(titles), _turn([months[index] for index in rest])
    if span and turn is not None and not years:
        years.update({index: span[0] if position < turn else span[1] for position, index in enumerate(rest)})
    for index, year in years.items():
        out[index] = dt.date(year, months[index], 1).isoformat()
    return out
