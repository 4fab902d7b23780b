"""Months written as bare numbers on a header row of their own, under a header cell merged over them that says what
they count: 'Tháng' or a quarter, 'Quý I' (the year stated in the title or the tab, or by the quarter itself:
'Quý I/2025'), or a year, 'Năm 2025' (in a CSV
export the merged text stands in the first cell only, the cells after it blank). Under a year each column is dated the
1st of its month in that year, the attendance convention for a month.

A number is '1'…'12' typed as a number or as text ('01'), or 'I'…'XII' in Roman numerals. Under a year the numbers
must rise, three or more of them, and stand under that header only: a row of rising numbers under the whole header
is the column numbering official forms print ('(1) (2) (3)…', ``locating.is_column_numbering_row``), no months.
Under 'Tháng' they may turn over the new year (T9…T12, T1…T5 in a school year: ``importers.month_years``); under a
half-year ('6 tháng cuối năm') they must be its months. A subtotal column among them ('Cộng', 'Tổng') is no month
and is passed over; a quarter row between the label and the numbers is seen through (``importers.quarter_rows``)."""

import datetime as dt
import re
from typing import Any

from .normalising import clean_text, fold, is_blank
from .period_labels import counts_months, is_subtotal_label, period_months, period_year, roman_month

MIN_UNDER_YEAR = 3
FIRST_YEAR, LAST_YEAR = 1990, 2099  # a year typed as a number in a header cell
MONTHS = range(1, 13)
_YEAR_LABEL = re.compile(r"^(?:.* )?nam ((?:19|20)\d{2})$|^((?:19|20)\d{2})$")  # 'Năm 2025', 'Sinh hoạt năm 2025'
_TEXT_NUMBER = re.compile(r"^\d{1,2}$")


def month_number(cell: Any) -> int | None:
    """1..12 of a header cell holding a bare month number: 3, 3.0, '3', '03' or in Roman numerals 'III'."""
    if roman_month(cell):
        return roman_month(cell)
    if isinstance(cell, str) and _TEXT_NUMBER.match(cell.strip()):
        cell = int(cell.strip())
    if isinstance(cell, bool) or not isinstance(cell, (int, float)) or not float(cell).is_integer():
        return None
    return int(cell) if 1 <= cell <= 12 else None


def header_text(cell: Any) -> str:
    """A header cell's text, cleaned; a year typed as a number over the months (2026) reads as '2026'."""
    if isinstance(cell, str):
        return clean_text(cell) or ""
    if isinstance(cell, (int, float)) and not isinstance(cell, bool) and float(cell).is_integer() \
            and FIRST_YEAR <= cell <= LAST_YEAR:
        return str(int(cell))
    return ""


def year_of_label(label: str) -> int | None:
    """The year a header cell over month numbers names ('Năm 2025', '2025'), else None."""
    match = _YEAR_LABEL.match(fold(label)) if label else None
    return int(match.group(1) or match.group(2)) if match else None


def names_months(label: str) -> bool:
    """A header label numbers under it may be months of: 'Tháng …' or a year ('Năm 2025')."""
    return counts_months(label) or year_of_label(label) is not None


def months_under(row: list[Any], upper: list[Any], carried: list[str]) -> dict[int, tuple[int, int | None]]:
    """Column -> (month, year or None) of a row of month numbers under `upper` (`carried`: its labels carried right
    over their merges); {} unless every own cell of the row (labels merged down from `upper` aside) is such a
    number under a 'Tháng' or year label, two or more, those under each year rising and three or more (subtotal
    columns aside). A quarter with its year ('Quý I/2025') gives that year; its own months are check enough."""
    own = [(index, cell) for index, cell in enumerate(row) if not is_blank(cell)
           and not (index < len(upper) and cell == upper[index]) and not is_subtotal_label(cell)]
    found: dict[int, tuple[int, int | None]] = {}
    by_year: dict[str, list[int]] = {}
    for index, cell in own:
        label = carried[index] if index < len(carried) else ""
        year = period_year(label) if counts_months(label) else year_of_label(label)
        number = month_number(cell)
        if number is None or not (year or counts_months(label)) or number not in (period_months(label) or MONTHS):
            return {}
        found[index] = (number, year)
        if year and not counts_months(label):
            by_year.setdefault(label, []).append(number)
    if len(found) < 2 or any(len(numbers) < MIN_UNDER_YEAR or numbers != sorted(set(numbers))
                             for numbers in by_year.values()):
        return {}
    return found


def month_number_columns(header: list[list[Any]], carried_rows: list[list[str]], labels: list[str],
                         parents: list[str]) -> dict[int, str]:
    """Label each month number's column with its number and, as parent, the header over it: a number typed under
    'Tháng' then reads as the same number typed as text would ('Tháng' over 1 | 2 | 3); return the ISO date (the 1st
    of the month) of each column of a row of month numbers under a year. Under a quarter only a whole row that fits
    its quarters reads as months ('Quý II' over 1 | 2 | 3 numbers the quarter's own months). `header` is the header as
    the month numbers see it (a quarter row between them and their label left out), so a number typed as text under
    'Tháng' takes that label as its parent too."""
    dated = {}
    for upper, row, carried in zip(header, header[1:], carried_rows):
        found = months_under(row, upper, carried)
        for col, cell in enumerate(row[:min(len(labels), len(carried))]):
            number = month_number(cell)
            if number and not isinstance(cell, str) and "thang" in fold(carried[col]):
                labels[col], parents[col] = str(number), carried[col]
            elif col in found:
                labels[col], parents[col] = str(cell).strip() if isinstance(cell, str) else str(number), carried[col]
                if found[col][1]:
                    dated[col] = dt.date(found[col][1], number, 1).isoformat()
    return dated
