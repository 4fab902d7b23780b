"""The attendance obligation as pure functions."""
import pytest

from webapp.models import ObligationMode
from webapp.obligations.rules import Compliance, compliance, period_key

HELD = {(1, "2026-01"): (1, 1), (1, "2026-02"): (1, 0), (1, "2026-03"): (1, 1),   # cell 1: 3 held, 2 attended
        (2, "2026-01"): (1, 0), (2, "2026-02"): (1, 0), (2, "2026-03"): (1, 0),   # cell 2: 3 held, none
        (2, "2026-04"): (1, 1)}                                                    # cell 2, next quarter


@pytest.mark.parametrize("month, months, expected", [("2026-01", 3, "2026-0"), ("2026-03", 3, "2026-0"),
                                                      ("2026-04", 3, "2026-1"), ("2026-12", 12, "2026-0"),
                                                      ("2026-07", 6, "2026-1"), ("2026-07", 1, "2026-6")])
def test_period_key(month, months, expected):
    assert period_key(month, months) == expected


def test_every_meeting_counts_every_meeting():
    assert compliance(ObligationMode.EVERY_MEETING, 1, 3, HELD) == Compliance(7, 3)


def test_n_times_per_period_owes_at_most_n_per_unit_and_period_and_extra_attendance_earns_nothing():
    assert compliance(ObligationMode.TIMES_PER_PERIOD, 1, 3, HELD) == Compliance(3, 2)
    assert compliance(ObligationMode.TIMES_PER_PERIOD, 2, 3, HELD) == Compliance(5, 3)
    assert compliance(ObligationMode.TIMES_PER_PERIOD, 5, 1, HELD) == Compliance(7, 3)


def test_rate_is_none_when_nothing_was_owed():
    assert Compliance().rate is None and Compliance(4, 3).rate == 75.0
