"""Month columns whose cells hold the day of that month's meeting ("5" present at the meeting on the 5th, "12P" excused
at the meeting on the 12th, ``number_marks``): each record is dated that day. Read when a legend or note line says
so, or, with a warning, when every filled cell is a day (some with a mark after it) and several days differ. Never
when the legend explains numbers as codes ("1 - có mặt"): they stay codes. A day the month does not have, or a
cell without a day in such a sheet, is refused."""

import calendar
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..date_words import month_and_year
from ..normalising import is_blank, mark_key
from ..number_marks import day_mark
from ..results import Column

PRESENT = "có mặt"  # what a day alone stands for, read through the marks like any cell
MIN_PATTERN_DAYS = 3  # without a line saying so, the days must differ (1 | 2 | 3 … could be counted meetings)
PATTERN_READ = ("{place}: các ô ghi một số ngày (ví dụ «{example}») được hiểu là ngày của buổi sinh hoạt trong "
                "tháng đó (số kèm ký hiệu: ký hiệu ở buổi ngày đó); tệp không có ghi chú nói vậy, xin kiểm tra lại")
NO_SUCH_DAY = "tháng {month}/{year} không có ngày {day}"
NO_DAY = ("không ghi ngày: các ô của trang ghi ngày của buổi sinh hoạt (ví dụ «{example}»), ô này không cho biết "
          "buổi nào")
UNKNOWN_CODE = "ký hiệu «{code}» sau số ngày không rõ: không đọc được là vắng có phép, vắng không phép hay đến muộn"


@dataclass
class DayCells:
    """Per cell of the unpivoted month columns: the mark with its day taken off, the ISO date of the meeting, and
    the problem of a cell refused."""

    marks: np.ndarray
    dates: np.ndarray
    problems: dict


def writes_days(marks: np.ndarray, months: list[Column], context) -> bool:
    """Whether the month cells (`marks`, any shape) hold the day of each month's meeting."""
    codes, uniques = _distinct(marks)
    return _writes_days([day_mark(value) for value in uniques], codes, months, context)


def numbers_are_marks(marks: np.ndarray, months: list[Column], context) -> bool:
    """Whether numbers in the mark cells are marks, not counts: the legend explains numbers as codes, or the month
    cells hold the day of each meeting."""
    legend = getattr(context, "legend", None) or {}
    return any(key.isdigit() for key in legend) or bool(months) and writes_days(marks, months, context)


def read_days(marks: np.ndarray, months: list[Column], dates: list[str], context, place: str) -> DayCells | None:
    """The day cells of a wide register (`marks` row-major over `months`, `dates` the 1st of each month column);
    None when the sheet does not write days."""
    codes, uniques = _distinct(marks)
    split = [day_mark(value) for value in uniques]
    if not _writes_days(split, codes, months, context):
        return None
    if "day" not in (getattr(context, "cells", None) or {}):
        example = next(mark_key(value).upper() for value, found in zip(uniques, split) if found and found[1])
        context.issues.warning(None, None, "status", None, PATTERN_READ.format(place=place, example=example))
    return _dated(marks, codes, uniques, split, months, dates, context.marks)


def _distinct(marks: np.ndarray) -> tuple[np.ndarray, pd.Index]:
    """Codes of the distinct values (-1 for a blank cell: missing, '' or spaces) and the values."""
    codes, uniques = pd.factorize(pd.Series(marks.ravel(), dtype=object), use_na_sentinel=True)
    blank = [i for i, value in enumerate(uniques) if is_blank(value)]
    codes[np.isin(codes, blank)] = -1
    return codes, uniques


def _writes_days(split: list, codes: np.ndarray, months: list[Column], context) -> bool:
    legend = getattr(context, "legend", None) or {}
    if not split or any(key.isdigit() for key in legend) or not all(map(_month_only, months)):
        return False
    filled = codes[codes >= 0]
    with_day = int(np.isin(filled, [i for i, found in enumerate(split) if found]).sum())
    if "day" in (getattr(context, "cells", None) or {}):
        return with_day * 2 > filled.size
    days = {found[0] for found in split if found}
    return (with_day == filled.size and any(found[1] for found in split if found)
            and len(days) >= MIN_PATTERN_DAYS)


def _month_only(column: Column) -> bool:
    """A column for a month as a whole ('T3', 'Tháng 3', dated the 1st by a year over it), not a meeting's day."""
    return not column.day or (column.day.endswith("-01") and month_and_year(column.header) is not None)


def _dated(marks, codes, uniques, split, months, dates, table: dict) -> DayCells:
    n_months = len(months)
    kept = marks.copy()
    cell_dates = np.tile(np.array(dates, dtype=object), len(marks) // n_months if n_months else 0)
    problems = {}
    example = next(mark_key(value).upper() for value, found in zip(uniques, split) if found)
    for position in np.flatnonzero(codes >= 0):
        found = split[codes[position]]
        if found is None:
            problems[int(position)] = NO_DAY.format(example=example)
            continue
        day, code = found
        year, month = int(dates[position % n_months][:4]), months[position % n_months].month
        if day > calendar.monthrange(year, month)[1]:
            problems[int(position)] = NO_SUCH_DAY.format(month=month, year=year, day=day)
        elif code is not None and code not in table:
            problems[int(position)] = UNKNOWN_CODE.format(code=code.upper())
        else:
            kept[position] = code or PRESENT
            cell_dates[position] = f"{year:04d}-{month:02d}-{day:02d}"
    return DayCells(marks=kept, dates=cell_dates, problems=problems)
