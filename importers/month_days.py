"""Meeting days written under month labels: 'Tháng 7' merged over 3 | 18 (two meetings a month), 'T7' | 'T8' over
5 | 3 (one), the days typed as numbers or as text ('03', 'ngày 05', 'SH ngày 03', '(5)', '5/1':
``importers.day_texts``). The month label may state its year ('Tháng 01/2026'); else a year label above it ('Năm
2024' merged over the months), else the year the title or the tab states. Each column is dated that day of that
month.

Never a guess: with no year anywhere, a day the month does not have (31 under 'Tháng 9'), a day/month naming
another month than the column's ('5/1' under 'Tháng 2'), numbers that count a month's meetings rather than date
them (1 | 2 under every month), or a month left without its day on the row of days while its column holds marks,
the file is refused with the cells named."""

import datetime as dt
from typing import Any

from . import errors as msg
from .date_words import month_and_year
from .day_texts import day_text
from .errors import ImportFileError
from .header_years import header_year
from .mapping import column_letter
from .month_day_rows import MISSING_DAY, OTHER_MONTH_DAY
from .normalising import fold, is_blank
from .results import Table
from .validating import cell_ref


def day_columns(table: Table) -> dict[int, tuple[int, int | None, int]]:
    """Column -> (month, year the month label states or None, day) of each day under a month label (one will do: a
    quarter whose first month alone has met)."""
    found = {}
    for index, (label, parent) in enumerate(zip(table.labels, table.parents or [])):
        day = day_text(label)
        month = month_and_year(parent) if day and parent and fold(parent) != fold(label) else None
        if month:
            found[index] = (month[0], month[1], day[0])
    return found


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
    _refuse_other_months(table, rows, sheet, found)
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


def _refuse_other_months(table: Table, rows: list[list[Any]], sheet: str | None,
                         found: dict[int, tuple[int, int | None, int]]) -> None:
    """Refuse a day/month under a month label naming another month ('5/1' under 'Tháng 2')."""
    for col, (month, _, _) in found.items():
        stated = day_text(table.labels[col])[1]
        if stated is not None and stated != month:
            raise ImportFileError(OTHER_MONTH_DAY.format(
                sheet=sheet, cell=_day_cell(rows, table, None, col), text=table.labels[col], stated=stated,
                month=month))


def refuse_blank_days(table: Table, rows: list[list[Any]], sheet: str | None) -> None:
    """Refuse a register whose row of days under the month labels ('Tháng 1 | Tháng 2 | Tháng 3' over 'ngày 05 |
    | ngày 03') leaves a month's day blank while that month's column holds marks: the month met on a day the sheet
    does not say, and the 1st would be a guess. A blank day over a blank column is a month not met yet."""
    found = day_columns(table)
    if not found or len(table.header_rows) < 2:
        return
    day_row = table.header_rows[-1]
    if not all(day_text(_cell(rows, day_row, col)) for col in found):
        return  # the days are not on the header's last row
    upper = table.header_rows[-2]
    body = rows[table.body_start:table.body_end]
    missing = [col for col, label in enumerate(table.labels)
               if col not in found and is_blank(_cell(rows, day_row, col)) and month_and_year(_cell(rows, upper, col))
               and fold(label) == fold(_cell(rows, upper, col))
               and any(not is_blank(_cell(body, index, col)) for index in range(len(body)))]
    if missing:
        raise ImportFileError(MISSING_DAY.format(
            sheet=sheet, cells=", ".join(cell_ref(None, day_row + 1, column_letter(col)) for col in missing),
            months=", ".join(str(month_and_year(_cell(rows, upper, col))[0]) for col in missing)))


def _cell(rows: list[list[Any]], row: int, col: int) -> Any:
    return rows[row][col] if row < len(rows) and col < len(rows[row]) else None
