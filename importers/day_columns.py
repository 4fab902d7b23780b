"""Meeting-day columns of a wide register: "Ngày 5" | "Ngày 20" under a merged "Tháng 1/2025" (two meetings a
month), on a sheet per month ("Tháng 3", "T3-2025") whose columns name only the day, or "5/3" | "19/3" written
without the year. Each such column gets the date it stands for, so the register is read like one whose header
cells are dates."""

import datetime as dt
import re

from .normalising import fold
from .results import Table
from .sheet_context import tab_facts

_DAY = re.compile(r"^(?:ngay|ng|sh ngay|sinh hoat ngay)\s*(\d{1,2})$")
_DAY_MONTH = re.compile(r"^(?:ngay\s*)?(\d{1,2})\s+(\d{1,2})$")  # "5/3", "Ngày 05/03" folded
_MONTH = re.compile(r"^(?:thang|th|t)\s*(\d{1,2})(?:\s+(?:nam\s+)?((?:19|20)\d{2}))?$")


def _month_of(text: str) -> tuple[int, int | None] | None:
    match = _MONTH.match(fold(text))
    if match and 1 <= int(match.group(1)) <= 12:
        return int(match.group(1)), int(match.group(2)) if match.group(2) else None
    return None


def date_day_columns(table: Table, sheet: str | None, year: int | None, years: list[int | None] | None = None) -> int:
    """Give each "Ngày N" column the date it stands for (month from its parent header, else from the tab name; year
    from there, else the year a header cell over the column names (`years`), else `year`); returns how many columns
    were dated. Impossible dates are left undated."""
    tab = tab_facts(sheet)
    tab_month = (int(tab["month"].value), int(tab["year"].value) if "year" in tab else None) if "month" in tab else None
    if len(table.dates) < len(table.labels):
        table.dates = list(table.dates) + [None] * (len(table.labels) - len(table.dates))
    years = list(years or []) + [None] * (len(table.labels) - len(years or []))
    dated = _date_day_month(table, year, years)
    for index, (label, parent) in enumerate(zip(table.labels, table.parents)):
        match = _DAY.match(fold(label))
        if table.dates[index] or not match:
            continue
        month = _month_of(parent) if parent and parent != label else None
        month = month or tab_month
        in_year = (month[1] or years[index] or year) if month else None
        if not in_year:
            continue
        try:
            table.dates[index] = dt.date(in_year, month[0], int(match.group(1))).isoformat()
        except ValueError:
            continue
        dated += 1
    return dated


def _date_day_month(table: Table, year: int | None, years: list[int | None]) -> int:
    """Date "5/3"-style columns (two or more of them, so a lone "1 2" label is left alone) in the year a header cell
    over each names, else the stated year."""
    found = [(index, match) for index, label in enumerate(table.labels)
             if not table.dates[index] and (match := _DAY_MONTH.match(fold(label)))]
    if len(found) < 2 or not all(years[index] or year for index, _ in found):
        return 0
    dated = 0
    for index, match in found:
        try:
            table.dates[index] = dt.date(years[index] or year, int(match.group(2)), int(match.group(1))).isoformat()
        except ValueError:
            continue
        dated += 1
    return dated
