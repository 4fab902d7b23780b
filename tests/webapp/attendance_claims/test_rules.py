"""The pure rules of a self-declared attendance."""
from datetime import date

import pytest

from webapp.attendance_claims.rules import claim_problem, decision_problem

TODAY = date(2026, 3, 10)
OK = dict(person_id=1, held_on=TODAY, today=TODAY, follows_a_unit=True, attended=False, open_claim=False)


def test_a_member_following_the_unit_declares_a_meeting_of_today():
    assert claim_problem(**OK) is None


@pytest.mark.parametrize("change, words", [
    ({"person_id": None}, "chưa gắn với một cá nhân"),
    ({"held_on": date(2026, 3, 11)}, "đã diễn ra"),
    ({"follows_a_unit": False}, "không được phân công theo dõi"),
    ({"attended": True}, "đã được ghi nhận có mặt"),
    ({"open_claim": True}, "đã khai báo"),
])
def test_each_refusal_says_why(change, words):
    field, message = claim_problem(**{**OK, **change})
    assert field == "note" and words in message


def test_only_a_pending_declaration_is_decided_and_a_rejection_says_why():
    assert decision_problem(pending=True, rejecting=False, reason=None) is None
    assert decision_problem(pending=True, rejecting=True, reason="Không có mặt") is None
    assert "lý do" in decision_problem(pending=True, rejecting=True, reason="  ")[1]
    assert "đã được xử lý" in decision_problem(pending=False, rejecting=False, reason=None)[1]
