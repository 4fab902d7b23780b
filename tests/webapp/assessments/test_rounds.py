"""An assessment round per 366-QĐ/TW: figures pre-filled from the records, the level they suggest by the round's
criteria, then self-assessment, the head's proposal and the board's decision, each dated and in order."""
from datetime import date, datetime, timezone

from sqlalchemy import func, select

from webapp.assessments.rules import DEFAULT_CRITERIA, suggest_level
from webapp.extensions import db
from webapp.models import (
    Assessment,
    AssessmentLevel,
    AssessmentRound,
    AuditLog,
    FieldVisit,
    MemberRole,
    Role,
    Sector,
    UnitKind,
)

START = date(2025, 10, 15)


def test_suggested_level_follows_the_criteria():
    good = {"attendance_rate": 80.0, "visits": 3, "reports_on_time_rate": None}
    assert suggest_level(good, DEFAULT_CRITERIA) == AssessmentLevel.GOOD
    assert suggest_level({**good, "visits": 0}, DEFAULT_CRITERIA) == AssessmentLevel.INCOMPLETE
    assert suggest_level({"attendance_rate": None, "visits": 9, "reports_on_time_rate": 100.0},
                         DEFAULT_CRITERIA) == AssessmentLevel.EXCELLENT


def _group(make_unit, root_unit, make_person, make_group, make_membership, make_assignment, make_user):
    cell = make_unit("Chi bộ Tổ dân phố 1", UnitKind.CELL, Sector.RESIDENTIAL, root_unit)
    group = make_group(1)
    head_p, member_p = make_person("Lê Văn Trưởng"), make_person("Phạm Thị Thành")
    make_membership(head_p, group, MemberRole.HEAD, start=START)
    make_assignment(make_membership(member_p, group, MemberRole.MEMBER, start=START), cell, start=START)
    for day in (date(2026, 2, 3), date(2026, 5, 6), date(2026, 8, 9)):
        db.session.add(FieldVisit(person_id=member_p.id, unit_id=cell.id, group_id=group.id, visited_on=day,
                                  findings="Nắm tình hình"))
    head = make_user(Role.GROUP_HEAD, username="truong", person=head_p)
    member = make_user(Role.MEMBER, username="thanh", person=member_p)
    leader = make_user(Role.LEADERSHIP, username="lanhdao")
    admin = make_user(Role.ADMIN, username="vanphong")
    db.session.commit()
    return head, member, leader, admin, member_p


def test_a_round_from_figures_to_decision(client, login, clock, make_unit, root_unit, make_person, make_group,
                                          make_membership, make_assignment, make_user):
    clock(datetime(2026, 12, 10, 3, 0, tzinfo=timezone.utc))
    head, member, leader, admin, person = _group(make_unit, root_unit, make_person, make_group, make_membership,
                                                 make_assignment, make_user)
    login(admin)
    opened = client.post("/assessments/rounds", data={"name": "Đánh giá năm 2026", "start_date": "2026-01-01",
                                                      "end_date": "2026-12-31"})
    assert opened.status_code == 302
    mine = db.session.scalar(select(Assessment).where(Assessment.person_id == person.id))
    assert client.get(opened.headers["Location"]).status_code == 200
    assert mine.figures["visits"] == 3 and mine.suggested_level == AssessmentLevel.GOOD
    criteria = {f"{level}__{key}": value for level, keys in DEFAULT_CRITERIA.items() for key, value in keys.items()}
    criteria["good__visits"] = 5
    assert client.post(f"/assessments/rounds/{mine.round_id}/criteria", data=criteria).status_code == 302
    db.session.expire_all()
    assert db.session.get(Assessment, mine.id).suggested_level == AssessmentLevel.COMPLETE

    client.post("/auth/logout")
    login(head)
    early = client.post(f"/assessments/{mine.id}/propose", data={"level": "good", "text": "Tích cực"})
    assert early.status_code == 422 and "chưa tự đánh giá" in early.get_data(as_text=True)
    client.post("/auth/logout")
    login(member)
    page = client.get(f"/assessments/{mine.id}").get_data(as_text=True)
    assert 'id="assessment-figures"' in page and 'id="step-self"' in page and 'id="step-decide"' not in page
    assert (
        client.post(f"/assessments/{mine.id}/self", data={"level": "good", "text": "Đi cơ sở 3 lần"}).status_code == 302
    )
    assert client.post(f"/assessments/{mine.id}/decide", data={"level": "excellent"}).status_code == 403
    client.post("/auth/logout")
    login(head)
    assert client.post(f"/assessments/{mine.id}/propose", data={"level": "good", "text": "Tích cực"}).status_code == 302
    client.post("/auth/logout")
    login(leader)
    assert client.post(f"/assessments/{mine.id}/decide", data={"level": "good", "text": "Đồng ý"}).status_code == 302
    db.session.expire_all()
    done = db.session.get(Assessment, mine.id)
    assert (done.self_level, done.proposed_level, done.decided_level) == (AssessmentLevel.GOOD,) * 3
    assert done.decided_on == date(2026, 12, 10) and done.decided_by_id == leader.id
    assert db.session.scalar(select(AuditLog.id).where(AuditLog.table_name == "assessment")) is not None
    printed = client.get(f"/assessments/rounds/{mine.round_id}/print").get_data(as_text=True)
    assert "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI" in printed and "Hoàn thành tốt nhiệm vụ" in printed
    assert client.get(f"/assessments/rounds/{mine.round_id}/results.xlsx").status_code == 200


def test_members_see_only_their_own_assessment(client, login, make_unit, root_unit, make_person, make_group,
                                               make_membership, make_assignment, make_user, clock):
    clock(datetime(2026, 12, 10, 3, 0, tzinfo=timezone.utc))
    head, member, leader, admin, person = _group(make_unit, root_unit, make_person, make_group, make_membership,
                                                 make_assignment, make_user)
    login(admin)
    client.post("/assessments/rounds", data={"name": "Năm 2026", "start_date": "2026-01-01", "end_date": "2026-12-31"})
    heads_own = db.session.scalar(select(Assessment).where(Assessment.person_id == head.person_id))
    client.post("/auth/logout")
    login(member)
    assert client.get(f"/assessments/{heads_own.id}").status_code == 403
    page = client.get(f"/assessments/rounds/{heads_own.round_id}").get_data(as_text=True)
    assert "Phạm Thị Thành" in page and "Lê Văn Trưởng" not in page
    assert client.get(f"/assessments/rounds/{heads_own.round_id}/results.xlsx").status_code == 403


def test_a_second_round_of_the_same_name_in_the_scope_is_refused(client, login, clock, make_unit, root_unit,
                                                                 make_person, make_group, make_membership,
                                                                 make_assignment, make_user):
    clock(datetime(2026, 12, 10, 3, 0, tzinfo=timezone.utc))
    *_others, admin, _person = _group(make_unit, root_unit, make_person, make_group, make_membership,
                                      make_assignment, make_user)
    login(admin)
    form = {"name": "Đánh giá năm 2026", "start_date": "2026-01-01", "end_date": "2026-12-31"}
    assert client.post("/assessments/rounds", data=form).status_code == 302
    again = client.post("/assessments/rounds", data={**form, "name": " Đánh giá năm 2026 "})
    assert again.status_code == 422 and "Đã có đợt đánh giá" in again.get_data(as_text=True)
    assert client.post("/assessments/rounds", data={**form, "name": "Đánh giá bổ sung 2026"}).status_code == 302
    assert db.session.scalar(select(func.count()).select_from(AssessmentRound)) == 2
