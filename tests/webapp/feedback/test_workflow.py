"""The transition table and the deadline arithmetic (calendar days, across month ends and leap years)."""
from datetime import date

import pytest

from webapp.feedback.workflow import (
    TRANSITIONS,
    TransitionError,
    check_transition,
    elapsed_days,
    is_overdue,
    response_deadline,
)
from webapp.models import FeedbackStatus as S


@pytest.mark.parametrize("received, sla, due", [
    (date(2027, 1, 31), 30, date(2027, 3, 2)),
    (date(2028, 1, 31), 30, date(2028, 3, 1)),
    (date(2028, 2, 28), 1, date(2028, 2, 29)),
    (date(2027, 2, 28), 1, date(2027, 3, 1)),
    (date(2026, 12, 20), 15, date(2027, 1, 4)),
    (date(2026, 4, 30), 1, date(2026, 5, 1)),
])
def test_deadline_counts_calendar_days(received, sla, due):
    assert response_deadline(received, sla) == due


@pytest.mark.parametrize("status, today, expected", [
    (S.NEW, date(2027, 3, 2), False),
    (S.NEW, date(2027, 3, 3), True),
    (S.FORWARDED, date(2027, 3, 3), True),
    (S.ESCALATED, date(2027, 4, 1), True),
    (S.ANSWERED, date(2027, 4, 1), False),
    (S.CLOSED, date(2027, 4, 1), False),
])
def test_overdue_only_when_unanswered_after_deadline(status, today, expected):
    assert is_overdue(status, date(2027, 3, 2), today) is expected


def test_elapsed_days_across_leap_february():
    assert elapsed_days(date(2028, 2, 1), date(2028, 3, 1)) == 29
    assert elapsed_days(date(2028, 2, 1), None) is None


def test_every_status_has_a_row_and_closed_is_final():
    assert set(TRANSITIONS) == set(S)
    assert TRANSITIONS[S.CLOSED] == ()


@pytest.mark.parametrize("current, target", [(S.NEW, S.CLOSED), (S.NEW, S.ANSWERED), (S.FORWARDED, S.NEW),
                                             (S.IN_PROGRESS, S.CLOSED), (S.CLOSED, S.IN_PROGRESS)])
def test_illegal_transitions_refused_with_vietnamese_message(app, current, target):
    with app.test_request_context():
        with pytest.raises(TransitionError) as error:
            check_transition(current, target)
        assert "Không thể chuyển" in str(error.value.message) or "đã đóng" in str(error.value.message)


def test_the_main_path_is_allowed():
    path = [S.NEW, S.FORWARDED, S.IN_PROGRESS, S.ANSWERED, S.CLOSED]
    for current, target in zip(path, path[1:]):
        check_transition(current, target)
