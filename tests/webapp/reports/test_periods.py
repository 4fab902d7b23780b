"""Periods, due dates and on-time classification."""
from datetime import date

import pytest

from webapp.models import ReportFrequency as F
from webapp.reports.periods import (
    Classification,
    Standing,
    classify,
    due_date,
    on_time_rate,
    parse_period_key,
    period_bounds,
    period_key,
    periods_between,
)


@pytest.mark.parametrize("frequency, day, key", [
    (F.MONTHLY, date(2025, 10, 31), "2025-10"), (F.QUARTERLY, date(2025, 10, 1), "2025-Q4"),
    (F.QUARTERLY, date(2025, 3, 31), "2025-Q1"), (F.HALF_YEARLY, date(2025, 7, 1), "2025-H2"),
    (F.HALF_YEARLY, date(2025, 6, 30), "2025-H1"), (F.YEARLY, date(2025, 12, 31), "2025"),
])
def test_period_key(frequency, day, key):
    assert period_key(frequency, day) == key


@pytest.mark.parametrize("frequency, key, bounds", [
    (F.MONTHLY, "2028-02", (date(2028, 2, 1), date(2028, 2, 29))),
    (F.QUARTERLY, "2025-Q4", (date(2025, 10, 1), date(2025, 12, 31))),
    (F.HALF_YEARLY, "2025-H1", (date(2025, 1, 1), date(2025, 6, 30))),
    (F.YEARLY, "2025", (date(2025, 1, 1), date(2025, 12, 31))),
])
def test_period_bounds(frequency, key, bounds):
    assert period_bounds(frequency, key) == bounds


@pytest.mark.parametrize("frequency, key", [(F.MONTHLY, "2025-13"), (F.MONTHLY, "2025-Q1"), (F.QUARTERLY, "2025-Q5"),
                                            (F.HALF_YEARLY, "2025-H3"), (F.YEARLY, "25"), (F.YEARLY, "")])
def test_bad_keys_are_refused(frequency, key):
    with pytest.raises(ValueError):
        parse_period_key(frequency, key)


@pytest.mark.parametrize("frequency, key, day, after, due", [
    (F.MONTHLY, "2025-10", 20, 1, date(2025, 11, 20)),
    (F.MONTHLY, "2025-12", 20, 1, date(2026, 1, 20)),
    (F.MONTHLY, "2028-01", 31, 1, date(2028, 2, 29)),
    (F.MONTHLY, "2027-01", 30, 1, date(2027, 2, 28)),
    (F.QUARTERLY, "2025-Q4", 10, 1, date(2026, 1, 10)),
    (F.HALF_YEARLY, "2025-H1", 15, 0, date(2025, 6, 15)),
    (F.YEARLY, "2025", 15, 1, date(2026, 1, 15)),
])
def test_due_date_is_day_of_month_after_period(frequency, key, day, after, due):
    assert due_date(frequency, key, day, after) == due


def test_periods_between_spans_years():
    assert periods_between(F.QUARTERLY, date(2025, 11, 1), date(2026, 4, 30)) == ["2025-Q4", "2026-Q1", "2026-Q2"]
    assert periods_between(F.MONTHLY, date(2025, 12, 15), date(2026, 1, 2)) == ["2025-12", "2026-01"]


@pytest.mark.parametrize("submitted, today, expected", [
    (date(2025, 11, 20), date(2026, 1, 1), Classification(Standing.ON_TIME)),
    (date(2025, 11, 1), date(2026, 1, 1), Classification(Standing.ON_TIME)),
    (date(2025, 11, 23), date(2026, 1, 1), Classification(Standing.LATE, 3)),
    (date(2025, 12, 1), date(2025, 12, 1), Classification(Standing.LATE, 11)),
    (None, date(2025, 11, 21), Classification(Standing.MISSING)),
    (None, date(2025, 11, 20), Classification(Standing.NOT_YET_DUE)),
])
def test_classification(submitted, today, expected):
    assert classify(date(2025, 11, 20), submitted, today) == expected


def test_on_time_rate_ignores_periods_not_yet_due():
    marks = [Classification(Standing.ON_TIME), Classification(Standing.LATE, 2), Classification(Standing.MISSING),
             Classification(Standing.ON_TIME), Classification(Standing.NOT_YET_DUE)]
    assert on_time_rate(marks) == 0.5
    assert on_time_rate([Classification(Standing.NOT_YET_DUE)]) is None
