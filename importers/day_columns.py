"""Meeting-day columns of a wide register: "Ngày 5" | "Ngày 20" under a merged "Tháng 1/2025" (two meetings a
month), or on a sheet per month ("Tháng 3", "T3-2025") whose columns name only the day. Each such column gets the
date it stands for, so the register is read like one whose header cells are dates."""

import datetime as dt
import re

from .normalising import fold
from .results import Table
from .sheet_context import tab_facts

_DAY = re.compile(r"^(?:ngay|ng|sh ngay|sinh hoat ngay)\s*(\d{1,2})$")
_MONTH = re.compile(r"^(?:thang|th|t)\s*(\d{1,2})(?:\s+(?:nam\s+)?((?:19|20)\d{2}))?$")


def _month_of(text: str) -> tuple[int, int | None] | None:
    match = _MONTH.match(fold(text))
    if match and 1 <= int(match.group(1)) <= 12:
        return int(match.group(1)), int(match.group(2)) if match.group(2) else None
    return None


def date_day_columns(table: Table, sheet: str | None, year: int | None) -> int:
    """Give each "Ngày N" column the date it stands for (month from its parent header, else from the tab name; year
    from there, else `year`); returns how many columns were dated. Impossible dates are left undated."""
    tab = tab_facts(sheet)
    tab_month = (int(tab["month"].value), int(tab["year"].value) if "year" in tab else None) if "month" in tab else None
    if len(table.dates) < len(table.labels):
        table.dates = list(table.dates) + [None] * (len(table.labels) - len(table.dates))
    dated = 0
    for index, (label, parent) in enumerate(zip(table.labels, table.parents)):
        match = _DAY.match(fold(label))
        if table.dates[index] or not match:
            continue
        month = _month_of(parent) if parent and parent != label else None
        month = month or tab_month
        if month is None or not (month[1] or year):
            continue
        try:
            table.dates[index] = dt.date(month[1] or year, month[0], int(match.group(1))).isoformat()
        except ValueError:
            continue
        dated += 1
    return dated
