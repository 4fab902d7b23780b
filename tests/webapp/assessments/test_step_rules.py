"""366-QĐ/TW steps (#21.7, #21.8): nobody proposes or decides on their own assessment; each step closes the one
before it; reopening is the board's explicit, audited action."""
from datetime import datetime, timezone

from sqlalchemy import select

from webapp.extensions import db
from webapp.models import Assessment, AssessmentLevel, AuditLog

from .test_rounds import _group


def _opened(client, login, admin):
    login(admin)
    client.post("/assessments/rounds", data={"name": "Năm 2026", "start_date": "2026-01-01", "end_date": "2026-12-31"})
    client.post("/auth/logout")


def _assessment(person_id):
    db.session.expire_all()
    return db.session.scalar(select(Assessment).where(Assessment.person_id == person_id))


def test_a_board_member_never_decides_their_own_assessment(client, login, clock, make_unit, root_unit, make_person,
                                                          make_group, make_membership, make_assignment, make_user):
    clock(datetime(2026, 12, 10, 3, 0, tzinfo=timezone.utc))
    head, member, leader, admin, person = _group(make_unit, root_unit, make_person, make_group, make_membership,
                                                 make_assignment, make_user)
    leader.person_id = person.id  # the assessed member also sits on the board
    db.session.commit()
    _opened(client, login, admin)
    mine = _assessment(person.id)
    login(member)
    client.post(f"/assessments/{mine.id}/self", data={"level": "excellent", "text": "Tốt"})
    client.post("/auth/logout")
    login(head)
    client.post(f"/assessments/{mine.id}/propose", data={"level": "good", "text": "Khá"})
    client.post("/auth/logout")
    login(leader)
    page = client.get(f"/assessments/{mine.id}").get_data(as_text=True)
    assert 'id="step-decide"' not in page
    assert client.post(f"/assessments/{mine.id}/decide", data={"level": "excellent"}).status_code == 403
    assert _assessment(person.id).decided_level is None


def test_each_step_closes_the_one_before_and_only_the_board_reopens(client, login, clock, make_unit, root_unit,
                                                                    make_person, make_group, make_membership,
                                                                    make_assignment, make_user):
    clock(datetime(2026, 12, 10, 3, 0, tzinfo=timezone.utc))
    head, member, leader, admin, person = _group(make_unit, root_unit, make_person, make_group, make_membership,
                                                 make_assignment, make_user)
    _opened(client, login, admin)
    mine = _assessment(person.id)
    login(member)
    assert client.post(f"/assessments/{mine.id}/self", data={"level": "good", "text": "Tốt"}).status_code == 302
    client.post("/auth/logout")
    login(head)
    assert client.post(f"/assessments/{mine.id}/propose", data={"level": "good", "text": "Khá"}).status_code == 302
    client.post("/auth/logout")
    login(member)
    late_self = client.post(f"/assessments/{mine.id}/self", data={"level": "excellent", "text": "Sửa lại"})
    assert late_self.status_code == 422 and "đã đề xuất" in late_self.get_data(as_text=True)
    assert 'id="step-self"' not in client.get(f"/assessments/{mine.id}").get_data(as_text=True)
    client.post("/auth/logout")
    login(leader)
    assert client.post(f"/assessments/{mine.id}/decide", data={"level": "good", "text": "Đồng ý"}).status_code == 302
    again = client.post(f"/assessments/{mine.id}/decide", data={"level": "excellent", "text": "Đổi"})
    assert again.status_code == 422
    client.post("/auth/logout")
    login(head)
    re_propose = client.post(f"/assessments/{mine.id}/propose", data={"level": "excellent", "text": "Đổi"})
    assert re_propose.status_code == 422 and "mở lại" in re_propose.get_data(as_text=True)
    assert client.post(f"/assessments/{mine.id}/reopen").status_code == 403
    client.post("/auth/logout")
    assert _assessment(person.id).decided_level == AssessmentLevel.GOOD
    login(leader)
    assert 'id="reopen"' in client.get(f"/assessments/{mine.id}").get_data(as_text=True)
    assert client.post(f"/assessments/{mine.id}/reopen").status_code == 302
    reopened = _assessment(person.id)
    assert (reopened.self_level, reopened.proposed_level, reopened.decided_level) == (AssessmentLevel.GOOD, None, None)
    audited = db.session.scalars(select(AuditLog).where(AuditLog.table_name == "assessment",
                                                        AuditLog.row_id == mine.id)).all()
    assert any(
        entry.user_id == leader.id
        and entry.action == "update"
        and (entry.after or {}).get("decided_level", "x") is None
        for entry in audited
    )
