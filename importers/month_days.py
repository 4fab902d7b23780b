"""Meeting days written as bare numbers under month labels: 'Tháng 7' merged over 3 | 18 (two meetings a month),
'T7' | 'T8' over 5 | 3 (one), the days typed as numbers or as text ('03'). The month label may state its year
('Tháng 01/2026'); else a year label above it ('Năm 2024' merged over the months), else the year the title or the
tab states. Each column is dated that day of that month.

Never a guess: with no year anywhere, a day the month does not have (31 under 'Tháng 9'), or numbers that count
a month's meetings rather than date them (1 | 2 under every month), the file is refused with the cells named."""

import datetime as dt
import re
from typing import Any

from . import errors as msg
from .date_words import month_and_year
from .errors import ImportFileError
from .header_years import header_year
from .mapping import column_letter
from .normalising import fold, is_blank
from .results import Table
from .validating import cell_ref

_BARE_DAY = re.compile(r"^\d{1,2}$")
MIN_DAY_COLUMNS = 2


def _day(label: str) -> int | None:
    text = (label or "").strip()
    return int(text) if _BARE_DAY.match(text) and 1 <= int(text) <= 31 else None


def day_columns(table: Table) -> dict[int, tuple[int, int | None, int]]:
    """Column -> (month, year the month label states or None, day) of each bare day under a month label; {} unless
    two or more."""
    found = {}
    for index, (label, parent) in enumerate(zip(table.labels, table.parents or [])):
        day = _day(label)
        month = month_and_year(parent) if day and parent and fold(parent) != fold(label) else None
        if month:
            found[index] = (month[0], month[1], day)
    return found if len(found) >= MIN_DAY_COLUMNS else {}


def _day_cell(rows: list[list[Any]], table: Table, sheet: str | None, col: int) -> str:
    """The cell holding a column's day: the lowest header cell of the column with something in it."""
    for row in reversed(table.header_rows):
        if row < len(rows) and col < len(rows[row]) and not is_blank(rows[row][col]):
            return cell_ref(sheet, row + 1, column_letter(col))
    return cell_ref(sheet, table.header_rows[-1] + 1, column_letter(col))


def _counts_meetings(found: dict[int, tuple[int, int | None, int]]) -> bool:
    """Whether the numbers under every month run 1, 2, …: the month's meetings counted, their days not given."""
    by_month: dict[tuple[int, int | None], list[int]] = {}
    for month, year, day in found.values():
        by_month.setdefault((month, year), []).append(day)
    return all(len(days) >= 2 and days == list(range(1, len(days) + 1)) for days in by_month.values())


def date_month_days(table: Table, rows: list[list[Any]], sheet: str | None, year: int | None) -> int:
    """Date each bare day under a month label (year: the label's, a year label above, else `year`, the title's or
    the tab's); returns how many columns were dated. Refuses when a day column has no year, when a day does not
    exist in its month, or when the numbers count meetings."""
    found = day_columns(table)
    if not found:
        return 0
    if _counts_meetings(found):
        raise ImportFileError(msg.UNDATED_MEETINGS.format(
            sheet=sheet, labels=", ".join(f"«{table.parents[col]} / {table.labels[col]}»" for col in found)))
    if len(table.dates) < len(table.labels):
        table.dates = list(table.dates) + [None] * (len(table.labels) - len(table.dates))
    years = {col: stated or header_year(rows, table.header_rows, col) or year
             for col, (_, stated, _) in found.items()}
    missing = [col for col in found if years[col] is None]
    if missing:
        raise ImportFileError(msg.DAYS_WITHOUT_YEAR.format(
            sheet=sheet, cells=", ".join(_day_cell(rows, table, None, col) for col in missing)))
    for col, (month, _, day) in found.items():
        try:
            table.dates[col] = dt.date(years[col], month, day).isoformat()
        except ValueError:
            raise ImportFileError(msg.NO_SUCH_DAY.format(
                sheet=sheet, cell=_day_cell(rows, table, None, col), day=day, month=month,
                year=years[col])) from None
    return len(found)
