"""A meeting's day as offices write it in the row of days under a register's months ('Tháng 1 | Tháng 2' over
'ngày 05 | ngày 03'): a number (5, read as 5.0), a number typed as text ('05'), in brackets ('(5)'), after the
word for day ('ngày 05', 'Ngày 5', 'ng. 05'), after the meeting's word ('SH ngày 03', 'Sinh hoạt ngày 3',
'Họp ngày 3'), or as day/month ('5/1', 'ngày 05/01'), a remark in brackets after it aside ('ngày 5 (CĐ)').

The row of days is part of the header, never a person's row: ``importers.locating`` takes a row under month
labels into the header when every own cell of it is such a day or a date cell in its column's month
(``is_day_row``), a label naming the row left of the months aside ('Ngày sinh hoạt →', 'Ngày họp:' in the name
column: a label, never a name, so no person's row), ``importers.month_days`` dates
each column that day of its month and refuses a day/month whose month is not the column's, a day the month does
not have, or a blank day under a month whose column holds marks (which day is unknown: never the 1st)."""

import datetime as dt
import re
from typing import Any

from .date_words import MEETING_DATE_LABELS, without_remark
from .header_words import meeting_written_out
from .normalising import fold, is_blank

# folded: 'ngày 05', 'ng. 05', 'SH ngày 03', '(5)', '5/1', 'ngày 05/01'
_DAY_TEXT = re.compile(r"^(?:(?:sh|sinh hoat|hop)(?: chi bo)? )?(?:(ngay|ng) )?(\d{1,2})(?: (\d{1,2}))?$")
_BRACKETED = re.compile(r"^\(\s*\d{1,2}\s*\)$")
# what may follow a row label pointing at the days beside it: 'Ngày sinh hoạt →', 'Ngày họp:', 'Ngày SH ->'
_POINTER = re.compile(r"[\s:>\-=.→⇒►▶»]+$")


def day_text(cell: Any) -> tuple[int, int | None] | None:
    """(day, month the cell states or None) of a day-row cell; None for anything else (a mark, a label, a date
    with its year: those are read elsewhere)."""
    if isinstance(cell, bool):
        return None
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, int):
        return (cell, None) if 1 <= cell <= 31 else None
    if not isinstance(cell, str) or len(cell.strip()) > 24:
        return None
    match = _DAY_TEXT.match(fold(without_remark(cell.strip())))
    if match is None:
        return None
    day, month = int(match.group(2)), int(match.group(3)) if match.group(3) else None
    if not 1 <= day <= 31 or (month is not None and not 1 <= month <= 12):
        return None
    return day, month


def is_day_row_label(cell: Any) -> bool:
    """Whether a cell beside a row of days names the row ('Ngày sinh hoạt →', 'Ngày họp:', 'Ngày SH'): a
    meeting-date label, an arrow or colon after it aside. A person's name never is one."""
    if not isinstance(cell, str):
        return False
    return meeting_written_out(_POINTER.sub("", fold(cell.strip()))) in MEETING_DATE_LABELS


def _own_cells(row: list[Any], merged_down: list[Any] | None) -> list[int]:
    """The filled cells of `row` that are its own, not a header label merged down from the row above."""
    merged_down = merged_down or []
    return [index for index, cell in enumerate(row) if not is_blank(cell)
            and not (index < len(merged_down) and cell == merged_down[index])]


def day_row_label(row: list[Any], month_columns: list[int], merged_down: list[Any] | None = None) -> int | None:
    """The column of the label naming a row of days ('Ngày sinh hoạt →' in the name column), left of every month
    column (`month_columns`); None when the row has none."""
    first_month = min(month_columns, default=len(row))
    return next((index for index in _own_cells(row, merged_down)
                 if index < first_month and is_day_row_label(row[index])), None)


def is_day_row(row: list[Any], upper_months: list[int | None], merged_down: list[Any] | None = None) -> bool:
    """Whether `row` is the row of meeting days under month columns (`upper_months`: column -> the month its header
    label above names, carried over a merge, or None): every own cell (a label merged down from `merged_down`
    aside, and a label naming the row left of the months, 'Ngày sinh hoạt →') a day under a month, or a date
    cell in that month. One day will
    do (a quarter whose first month alone has met): a person's row has a name, which is no day."""
    label = day_row_label(row, [index for index, month in enumerate(upper_months) if month], merged_down)
    days = [index for index in _own_cells(row, merged_down) if index != label]
    return bool(days) and all(index < len(upper_months) and upper_months[index]
                              and (day_text(row[index]) or _date_in_month(row[index], upper_months[index]))
                              for index in days)


def _date_in_month(cell: Any, month: int) -> bool:
    """A date cell in the month of the label above it (the meeting's full date, read as the column's date by
    ``importers.locating``); a date of another month is no day of this row, which then reads as a person's."""
    return isinstance(cell, (dt.date, dt.datetime)) and cell.month == month
