"""Declaring, confirming (the mark goes through the meetings service) and rejecting."""
from datetime import date

import pytest
from sqlalchemy import select

from webapp.attendance_claims.services import confirm_claim, declare_attendance, reject_claim
from webapp.extensions import db
from webapp.meetings.services import create_meeting, mark_attendance
from webapp.models import Attendance, AttendanceStatus, AuditLog, ClaimStatus, MeetingKind
from webapp.services import RuleViolation

pytestmark = pytest.mark.usefixtures("in_request")


def _row(meeting, person_id):
    return db.session.scalar(select(Attendance).where(Attendance.meeting_id == meeting.id,
                                                      Attendance.person_id == person_id))


def test_confirming_marks_the_member_present_and_is_audited(claim_town):
    town = claim_town
    claim = declare_attendance(town.member, town.meeting, "Ngồi hàng cuối")
    db.session.commit()
    assert claim.status == ClaimStatus.PENDING and _row(town.meeting, town.member.person_id).status is None
    confirm_claim(town.officer, claim)
    db.session.commit()
    row = _row(town.meeting, town.member.person_id)
    assert (row.status, row.marked_by_id) == (AttendanceStatus.PRESENT, town.officer.id)
    assert (claim.status, claim.decided_by_id) == (ClaimStatus.CONFIRMED, town.officer.id)
    assert db.session.scalar(select(AuditLog.id).where(AuditLog.table_name == "attendance_claim")) is not None


@pytest.mark.parametrize("which, words", [("future", "đã diễn ra"), ("other_cell", "không được phân công")])
def test_a_future_meeting_or_one_of_an_unfollowed_unit_is_refused(claim_town, which, words):
    town = claim_town
    meeting = town.future if which == "future" else create_meeting(
        {"kind": MeetingKind.CELL, "held_on": date(2026, 3, 6), "title": "Tổ 9"}, [town.other_cell])
    with pytest.raises(RuleViolation) as refused:
        declare_attendance(town.member, meeting)
    assert words in refused.value.message


def test_a_member_already_marked_present_or_already_declared_is_refused(claim_town):
    town = claim_town
    declare_attendance(town.member, town.meeting)
    with pytest.raises(RuleViolation, match="đã khai báo"):
        declare_attendance(town.member, town.meeting)
    db.session.rollback()
    mark_attendance(_row(town.meeting, town.member.person_id),
                    AttendanceStatus.PRESENT, None, town.officer)
    with pytest.raises(RuleViolation, match="đã được ghi nhận có mặt"):
        declare_attendance(town.member, town.meeting)


def test_a_rejection_needs_a_reason_and_the_member_may_declare_again(claim_town):
    town = claim_town
    claim = declare_attendance(town.member, town.meeting)
    with pytest.raises(RuleViolation, match="lý do"):
        reject_claim(town.officer, claim, " ")
    reject_claim(town.officer, claim, "Biên bản không ghi tên đồng chí")
    db.session.commit()
    with pytest.raises(RuleViolation, match="đã được xử lý"):
        confirm_claim(town.officer, claim)
    again = declare_attendance(town.member, town.meeting, "Có ảnh chụp")
    assert again.id == claim.id and again.status == ClaimStatus.PENDING and again.reason is None


def test_confirming_a_person_not_on_the_roster_adds_them_as_present(claim_town):
    town = claim_town
    conference = create_meeting({"kind": MeetingKind.CONFERENCE, "held_on": date(2026, 3, 7),
                                 "title": "Hội nghị tổ dân phố"}, [town.cell])
    assert _row(conference, town.member.person_id) is None  # a conference expects only heads and deputies
    confirm_claim(town.officer, declare_attendance(town.member, conference))
    db.session.commit()
    row = _row(conference, town.member.person_id)
    assert (row.status, row.expected) == (AttendanceStatus.PRESENT, False)
