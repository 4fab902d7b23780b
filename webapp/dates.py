"""Dates as the office types and counts them, in one place for forms, filters and the importer alike: the same
text is accepted or refused everywhere (dd/mm/yyyy, d/m/yy, with '/', '.' or '-', and ISO yyyy-mm-dd)."""
from datetime import date

from dateutil.relativedelta import relativedelta

from importers.normalising import parse_date_text


def parse_day(text: str | None) -> date | None:
    """A typed date, or None when the text is not one (an impossible date such as 31/02 included)."""
    return parse_date_text(text) if text and text.strip() else None


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, clamped to the last day of the month it lands in (31/01 + 1 = 28/02)."""
    return day + relativedelta(months=months)


def month_start(year: int, month: int, months: int = 0) -> date:
    """The first day of the month `months` after (or before) year-month."""
    return add_months(date(year, month, 1), months)
