"""Reporting periods, due dates and on-time classification: pure functions over dates."""
import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..dates import add_months, month_start
from ..models.reporting import ReportFrequency as F
from ..models.reporting import Standing

MONTHS_PER_PERIOD = {F.MONTHLY: 1, F.QUARTERLY: 3, F.HALF_YEARLY: 6, F.YEARLY: 12}
KEY_PATTERNS = {
    F.MONTHLY: re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$"),
    F.QUARTERLY: re.compile(r"^(\d{4})-Q([1-4])$"),
    F.HALF_YEARLY: re.compile(r"^(\d{4})-H([12])$"),
    F.YEARLY: re.compile(r"^(\d{4})$"),
}


@dataclass(frozen=True)
class Classification:
    """Where one (group, period) stands; `days_late` is set for LATE only."""

    standing: Standing
    days_late: int = 0


def period_key(frequency: F, day: date) -> str:
    """The key of the period containing `day`: 2025-10, 2025-Q4, 2025-H2 or 2025."""
    if frequency == F.MONTHLY:
        return f"{day.year}-{day.month:02d}"
    if frequency == F.QUARTERLY:
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if frequency == F.HALF_YEARLY:
        return f"{day.year}-H{1 if day.month <= 6 else 2}"
    return f"{day.year}"


def parse_period_key(frequency: F, key: str) -> tuple[int, int]:
    """(year, first month) of a period key; ValueError when the key does not fit the frequency."""
    match = KEY_PATTERNS[frequency].match(key or "")
    if not match:
        raise ValueError(key)
    year = int(match.group(1))
    if frequency == F.YEARLY:
        return year, 1
    index = int(match.group(2))
    return year, (index - 1) * MONTHS_PER_PERIOD[frequency] + 1


ROMAN = ("I", "II", "III", "IV")


def period_label(frequency: F, key: str) -> str:
    """A period as an office writes it: 'tháng 11/2026', 'quý IV/2026', '6 tháng cuối năm 2026', 'năm 2026'
    (the key itself when it does not fit the frequency)."""
    try:
        year, month = parse_period_key(frequency, key)
    except ValueError:
        return key
    if frequency == F.MONTHLY:
        return f"tháng {month:02d}/{year}"
    if frequency == F.QUARTERLY:
        return f"quý {ROMAN[(month - 1) // 3]}/{year}"
    if frequency == F.HALF_YEARLY:
        return f"6 tháng {'đầu' if month == 1 else 'cuối'} năm {year}"
    return f"năm {year}"


def period_bounds(frequency: F, key: str) -> tuple[date, date]:
    """First and last day of the period."""
    year, month = parse_period_key(frequency, key)
    first = date(year, month, 1)
    return first, add_months(first, MONTHS_PER_PERIOD[frequency]) - timedelta(days=1)


def due_date(frequency: F, key: str, due_day: int, months_after: int = 1) -> date:
    """`due_day` of the month `months_after` the period ends (clamped to the month's last day)."""
    _, end = period_bounds(frequency, key)
    month = month_start(end.year, end.month, months_after)
    return month.replace(day=min(due_day, calendar.monthrange(month.year, month.month)[1]))


def periods_between(frequency: F, start: date, end: date) -> list[str]:
    """Keys of every period that overlaps [start, end], oldest first."""
    keys, day = [], date(start.year, start.month, 1)
    while day <= end:
        key = period_key(frequency, day)
        if key not in keys:
            keys.append(key)
        day = add_months(day, 1)
    return keys


def classify(due_on: date, submitted_on: date | None, today: date) -> Classification:
    """On time / late by N days / missing (past due, nothing in) / not yet due."""
    if submitted_on is not None:
        late = (submitted_on - due_on).days
        return Classification(Standing.LATE, late) if late > 0 else Classification(Standing.ON_TIME)
    return Classification(Standing.MISSING) if today > due_on else Classification(Standing.NOT_YET_DUE)


def on_time_rate(classifications) -> float | None:
    """Share of due reports that came in on time (None when nothing was due yet)."""
    due = [c for c in classifications if c.standing != Standing.NOT_YET_DUE]
    if not due:
        return None
    return sum(1 for c in due if c.standing == Standing.ON_TIME) / len(due)
