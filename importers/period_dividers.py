"""Period divider lines inside a long register: a row holding nothing but a period ("Tháng 7/2025", "THÁNG 8",
"- Tháng 9 năm 2025 -", "Quý III", "II. QUÝ IV/2025", "6 tháng đầu năm") splits the rows into the meetings of each
month or quarter. Such a row is no header row (the month under 'STT' is no month column) and no person: it is a
context row giving the period of the rows below it, down to the next divider.

What the period says to those rows: a register with no date column dates each row on the 1st of its month (the
attendance convention for a monthly meeting, as a sheet's month does); in a register with a date column, a date
outside its divider's period is warned about (a meeting of July held early in August is common, a typo too), and a
ditto mark ("-nt-") never carries a date across a divider."""

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from .date_words import month_and_year
from .normalising import clean_text, fold, is_blank
from .period_labels import counts_months, period_months, period_year

REASON = "dòng tiêu đề thời gian (tháng, quý), không phải người"
OUTSIDE = ("ngày sinh hoạt {date:%d/%m/%Y} không thuộc «{label}» ghi ở dòng {row} phía trên: đã ghi theo ngày trong "
           "ô, xin kiểm tra lại ngày hoặc dòng tháng")
NO_YEAR = ("dòng «{label}» là tháng sinh hoạt của các dòng dưới nhưng không biết năm (cần năm trong dòng đó hoặc "
           "«năm YYYY» trong tiêu đề)")
# folded: a list number or a lead-in before the period ("I. ", "1) ", "Sinh hoạt chi bộ ", "Kỳ ")
_LEAD = re.compile(r"^(?:(?:[ivxlc]{1,6}|\d{1,2}|[a-e]) )?(?:(?:sinh hoat(?: chi bo)?|ky(?: sinh hoat| hop)?) )?")
MAX_LENGTH = 40


@dataclass(frozen=True)
class Period:
    """The months a divider names, with the year when it states one."""

    label: str
    months: tuple[int, ...]
    year: int | None
    row: int | None = None  # the divider's row number (1-based), once the body is split

    def first_day(self, year: int | None) -> dt.date | None:
        """The 1st of its month, for a divider naming one month (`year` the sheet's when it states none)."""
        year = self.year or year
        return dt.date(year, self.months[0], 1) if len(self.months) == 1 and year else None

    def holds(self, day: dt.date) -> bool:
        return day.month in self.months and (self.year is None or day.year == self.year)


def period_of(text: Any) -> Period | None:
    """The period a divider's text names: a month worded with «tháng» (a bare "07/2025" or "T7" is left alone), a
    quarter or a half-year."""
    label = clean_text(text) if isinstance(text, str) else None
    if not label or len(label) > MAX_LENGTH:
        return None
    folded = fold(label)
    return _period(label, folded) or _period(label, _LEAD.sub("", folded, count=1))


def _period(label: str, folded: str) -> Period | None:
    if folded.startswith("thang"):
        found = month_and_year(folded)
        return Period(label, (found[0],), found[1]) if found else None
    months = period_months(folded)
    return Period(label, tuple(months), period_year(folded)) if months else None


def divider_period(row, upper=None) -> Period | None:
    """The period of a row whose only text (one value, repeated across a merge perhaps) is a period; with `upper`,
    the header row above, not when that text sits under a header counting months ('Tháng' over one month column:
    a sub-header)."""
    filled = [(index, cell) for index, cell in enumerate(row) if not is_blank(cell)]
    if not filled or len({clean_text(cell) for _, cell in filled}) != 1:
        return None
    index, cell = filled[0]
    period = period_of(cell)
    if period is None or (upper is not None and counts_months(_carried_label(upper, index))):
        return None
    return period


def _carried_label(row, index: int) -> str | None:
    """The label over column `index`, carried right across blank cells as a merged header spans them."""
    for cell in reversed(list(row[:index + 1])):
        if not is_blank(cell):
            return cell if isinstance(cell, str) else None
    return None


def divider_rows(grid, start: int, end: int, key_col: int) -> dict[int, Period]:
    """Grid rows between `start` and `end` that are dividers, with their periods. Only rows whose key cell is blank
    or itself a period are looked at, then only those with one filled cell: a person's row has several."""
    import numpy as np
    import pandas as pd

    from .kinds.carried import blank_cells  # numpy and pandas load only once a table was found

    body = grid[start:min(end, grid.shape[0])]
    if not body.size or key_col >= body.shape[1]:
        return {}
    keys = body[:, key_col]
    codes, uniques = pd.factorize(pd.Series(keys, dtype=object), use_na_sentinel=True)
    named = np.array([period_of(value) is not None for value in uniques] + [False], dtype=bool)[codes]
    candidates = np.flatnonzero(blank_cells(keys) | named)
    lone = candidates[(~blank_cells(body[candidates])).sum(axis=1) == 1] if len(candidates) else candidates
    found = {}
    for position in lone:
        period = divider_period(list(body[position]))
        if period is not None:
            found[start + int(position)] = period
    return found


def dated_by_dividers(body, columns, year: int | None, issues):
    """The facts carried onto the rows (``kinds.carried``) with each row's meeting date from its month divider, in a
    register with no date column (nor month columns); a month without a year known is an error at its line."""
    periods = getattr(body, "periods", None)
    if periods is None or any(column.field == "date" or column.month or column.day for column in columns):
        return body.context
    import pandas as pd

    days = {}
    for period in {period for period in periods if isinstance(period, Period)}:
        day = period.first_day(year)
        if day is None and len(period.months) == 1:
            issues.error(period.row, None, "date", period.label, NO_YEAR.format(label=period.label))
        days[period] = day.isoformat() if day else None
    dates = pd.Series([days.get(period) if isinstance(period, Period) else None for period in periods],
                      index=body.frame.index, dtype=object)
    carried = body.context.copy() if body.context is not None else pd.DataFrame(index=body.frame.index, dtype=object)
    carried["date"] = dates.where(dates.notna(), carried["date"]) if "date" in carried.columns else dates
    return carried


def warn_outside(dates, periods, letter: str, issues) -> None:
    """One warning per row whose meeting date lies outside the period of the divider line above it."""
    if periods is None:
        return
    for row, day, period in zip(dates.index, dates, periods.reindex(dates.index)):
        if isinstance(period, Period) and isinstance(day, dt.date) and not period.holds(day):
            issues.warning(int(row), letter, "date", day.isoformat(),
                           OUTSIDE.format(date=day, label=period.label, row=period.row))
