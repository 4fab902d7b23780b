"""Rules of the membership and assignment state changes (services), checked directly."""
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from tests.webapp.town import START
from webapp.extensions import db
from webapp.groups import services
from webapp.models import Assignment, AuditLog, MemberRole, Membership, Term
from webapp.services import RuleViolation


@pytest.fixture(autouse=True)
def _request(app):
    """Messages are rendered in the request's language, as the views show them."""
    with app.test_request_context():
        yield


def _violation(call) -> RuleViolation:
    with pytest.raises(RuleViolation) as caught:
        call()
    db.session.rollback()
    caught.value.message = str(caught.value.message)
    return caught.value


def test_add_member_opens_a_membership(town):
    membership = services.add_member(town.group, town.outsider, MemberRole.DEPUTY, date(2026, 1, 5), " Dân vận ")
    db.session.commit()
    assert (membership.role, membership.start_date, membership.end_date) == (MemberRole.DEPUTY, date(2026, 1, 5), None)
    assert membership.responsibilities == "Dân vận"


def test_add_member_refuses_a_person_already_active_in_the_group(town):
    error = _violation(lambda: services.add_member(town.group, town.member, MemberRole.DEPUTY, date(2026, 1, 5)))
    assert error.field == "person_id" and "đang là thành viên" in error.message
    assert db.session.scalar(select(Membership).where(Membership.role == MemberRole.DEPUTY)) is None


def test_add_member_accepts_a_person_again_after_the_membership_ended(town):
    services.end_membership(town.member_membership, date(2026, 1, 31))
    again = services.add_member(town.group, town.member, MemberRole.MEMBER, date(2026, 2, 1))
    assert again.id != town.member_membership.id


@pytest.mark.parametrize("start", [date(2025, 9, 30), date(2030, 10, 1)])
def test_add_member_refuses_dates_outside_the_term(town, start):
    error = _violation(lambda: services.add_member(town.group, town.outsider, MemberRole.MEMBER, start))
    assert error.field == "start_date" and "nhiệm kỳ" in error.message


def test_a_group_has_one_head_at_a_time(town):
    error = _violation(lambda: services.add_member(town.group, town.outsider, MemberRole.HEAD, date(2026, 1, 5)))
    assert error.field == "role"


def test_change_role_closes_the_old_row_and_opens_a_new_one_with_the_units(town):
    new = services.change_role(town.member_membership, MemberRole.DEPUTY, date(2026, 3, 1))
    db.session.commit()
    old = db.session.get(Membership, town.member_membership.id)
    assert old.role == MemberRole.MEMBER and old.end_date == date(2026, 2, 28)
    assert new.role == MemberRole.DEPUTY and new.start_date == date(2026, 3, 1) and new.end_date is None
    assert town.assignment.end_date == date(2026, 2, 28)
    carried = db.session.scalars(select(Assignment).where(Assignment.membership_id == new.id)).one()
    assert carried.unit_id == town.cell.id and carried.start_date == date(2026, 3, 1)


@pytest.mark.parametrize("role,on,field", [
    (MemberRole.MEMBER, date(2026, 3, 1), "role"),
    (MemberRole.DEPUTY, START, "on_date"),
    (MemberRole.DEPUTY, date(2031, 1, 1), "on_date"),
    (MemberRole.HEAD, date(2026, 3, 1), "role"),
])
def test_change_role_rejects_bad_changes(town, role, on, field):
    assert _violation(lambda: services.change_role(town.member_membership, role, on)).field == field
    assert db.session.get(Membership, town.member_membership.id).end_date is None


def test_end_membership_sets_the_end_date_and_ends_its_assignments(town):
    services.end_membership(town.member_membership, date(2026, 5, 31))
    db.session.commit()
    assert town.member_membership.end_date == date(2026, 5, 31)
    assert town.assignment.end_date == date(2026, 5, 31)
    assert db.session.scalar(select(Membership).where(Membership.id == town.member_membership.id)) is not None


def test_end_membership_rejects_an_end_before_the_start_and_a_second_end(town):
    error = _violation(lambda: services.end_membership(town.member_membership, START - timedelta(days=1)))
    assert error.field == "end_date" and "không được trước" in error.message
    services.end_membership(town.member_membership, date(2026, 5, 31))
    assert _violation(lambda: services.end_membership(town.member_membership, date(2026, 6, 1))).field == "end_date"


def test_assign_unit_opens_an_assignment(town):
    assignment = services.assign_unit(town.member_membership, town.ward, date(2026, 1, 1))
    assert (assignment.person_id, assignment.unit_id) == (town.member.id, town.ward.id)


@pytest.mark.parametrize("case,field", [("duplicate", "unit_id"), ("scope", "unit_id"), ("early", "start_date")])
def test_assign_unit_rejects_bad_assignments(town, case, field):
    calls = {
        "duplicate": lambda: services.assign_unit(town.member_membership, town.cell, date(2026, 1, 1)),
        "scope": lambda: services.assign_unit(town.member_membership, town.other_ward, date(2026, 1, 1),
                                              scope=town.ward.path),
        "early": lambda: services.assign_unit(town.member_membership, town.ward, START - timedelta(days=1)),
    }
    assert _violation(calls[case]).field == field
    assert db.session.scalar(select(Assignment).where(Assignment.unit_id != town.cell.id)) is None


def test_change_assignment_unit_closes_and_opens(town):
    new = services.change_assignment_unit(town.assignment, town.ward, date(2026, 4, 1))
    db.session.commit()
    assert town.assignment.end_date == date(2026, 3, 31)
    assert (new.unit_id, new.start_date, new.membership_id) == (
        town.ward.id,
        date(2026, 4, 1),
        town.member_membership.id,
    )


def test_change_assignment_unit_rejects_the_same_unit(town):
    assert (
        _violation(lambda: services.change_assignment_unit(town.assignment, town.cell, date(2026, 4, 1))).field
        == "unit_id"
    )


def test_end_assignment(town):
    services.end_assignment(town.assignment, date(2026, 4, 1))
    assert town.assignment.end_date == date(2026, 4, 1)
    assert _violation(lambda: services.end_assignment(town.assignment, date(2026, 4, 2))).field == "end_date"


def test_create_term_marks_only_one_current(term):
    new = services.create_term("2030 - 2035", date(2030, 10, 1), date(2035, 9, 30), is_current=True)
    db.session.commit()
    assert db.session.scalars(select(Term.id).where(Term.is_current)).all() == [new.id]


@pytest.mark.parametrize("name,start,end,field", [
    ("2025 - 2030", date(2030, 10, 1), date(2035, 9, 30), "name"),
    ("2030 - 2035", date(2035, 10, 1), date(2030, 9, 30), "end_date"),
])
def test_create_term_rejects_duplicates_and_reversed_dates(term, name, start, end, field):
    assert _violation(lambda: services.create_term(name, start, end)).field == field


def test_create_group_rejects_a_number_already_used_in_the_term(town):
    error = _violation(lambda: services.create_group(1, "Đoàn trùng số", town.group.term, town.root))
    assert error.field == "number"


def test_state_changes_are_audited(town, app):
    services.end_membership(town.member_membership, date(2026, 5, 31))
    db.session.commit()
    entry = db.session.scalars(select(AuditLog).where(AuditLog.table_name == "membership",
                                                      AuditLog.action == "update")).one()
    assert entry.after == {"end_date": "2026-05-31"}
