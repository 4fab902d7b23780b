"""A round's figures taken again from the records: what is not yet decided gets today's figures, who joined the
scope since the round was opened gets an assessment, a decided assessment keeps the figures it was decided on;
a closed round takes neither a refresh nor a step until it is opened again."""
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import func, select

from tests.webapp.assessments.test_rounds import _group
from webapp.extensions import db
from webapp.models import (
    Assessment,
    AssessmentLevel,
    AssessmentRound,
    FieldVisit,
    GroupAssessment,
    MemberRole,
    Sector,
    UnitKind,
)


@pytest.fixture
def opened(client, login, clock, make_unit, root_unit, make_person, make_group, make_membership, make_assignment,
           make_user):
    """A group of a head and a member with three visits, and the year's round opened by the office (logged in)."""
    clock(datetime(2026, 12, 10, 3, 0, tzinfo=timezone.utc))
    head, member, leader, admin, person = _group(make_unit, root_unit, make_person, make_group, make_membership,
                                                 make_assignment, make_user)
    login(admin)
    assert client.post("/assessments/rounds", data={"name": "Đánh giá năm 2026", "start_date": "2026-01-01",
                                                    "end_date": "2026-12-31"}).status_code == 302
    round_ = db.session.scalar(select(AssessmentRound))
    mine = db.session.scalar(select(Assessment).where(Assessment.person_id == person.id))
    return head, member, leader, admin, person, round_, mine


def test_refresh_takes_new_records_and_new_members_but_keeps_decisions(
        client, login, opened, make_unit, root_unit, make_person, make_membership, make_assignment):
    head, member, leader, admin, person, round_, mine = opened
    group = db.session.scalar(select(GroupAssessment))
    assert mine.figures["visits"] == 3
    page = client.get(f"/assessments/rounds/{round_.id}").get_data(as_text=True)
    assert 'id="refresh-round"' in page

    cell = db.session.scalar(select(FieldVisit.unit_id))
    db.session.add(FieldVisit(person_id=person.id, unit_id=cell, group_id=group.group_id, visited_on=date(2026, 11, 2),
                              findings="Đi muộn, ghi sau"))
    newcomer = make_person("Trần Văn Mới")
    second_cell = make_unit("Chi bộ Tổ dân phố 2", UnitKind.CELL, Sector.RESIDENTIAL, root_unit)
    make_assignment(make_membership(newcomer, group.group, MemberRole.MEMBER, start=date(2026, 11, 1)), second_cell,
                    start=date(2026, 11, 1))
    db.session.commit()

    answer = client.post(f"/assessments/rounds/{round_.id}/refresh", follow_redirects=True)
    text = answer.get_data(as_text=True)
    assert answer.status_code == 200 and "1 phiếu thêm vào đợt" in text
    db.session.expire_all()
    assert db.session.get(Assessment, mine.id).figures["visits"] == 4
    assert db.session.scalar(select(Assessment).where(Assessment.person_id == newcomer.id)) is not None
    assert db.session.get(GroupAssessment, group.id).figures["visits"] == 4

    client.post("/auth/logout")
    login(member)
    client.post(f"/assessments/{mine.id}/self", data={"level": "good", "text": "Đi cơ sở 4 lần"})
    client.post("/auth/logout")
    login(head)
    client.post(f"/assessments/{mine.id}/propose", data={"level": "good", "text": ""})
    client.post("/auth/logout")
    login(leader)
    assert client.post(f"/assessments/{mine.id}/decide", data={"level": "good", "text": ""}).status_code == 302
    client.post("/auth/logout")
    db.session.add(FieldVisit(person_id=person.id, unit_id=cell, group_id=group.group_id, visited_on=date(2026, 11, 20),
                              findings="Sau quyết định"))
    db.session.commit()
    login(admin)
    client.post(f"/assessments/rounds/{round_.id}/refresh")
    db.session.expire_all()
    decided = db.session.get(Assessment, mine.id)
    assert decided.figures["visits"] == 4 and decided.decided_level == AssessmentLevel.GOOD
    assert db.session.get(GroupAssessment, group.id).figures["visits"] == 5
    assert db.session.scalar(select(func.count(Assessment.id))) == 3  # no second copy of anyone


def test_a_closed_round_takes_no_step_and_no_refresh_until_reopened(client, login, opened):
    head, member, leader, admin, person, round_, mine = opened
    client.post(f"/assessments/rounds/{round_.id}/close")
    page = client.get(f"/assessments/rounds/{round_.id}").get_data(as_text=True)
    assert 'id="round-closed"' in page and 'id="refresh-round"' not in page
    refused = client.post(f"/assessments/rounds/{round_.id}/refresh", follow_redirects=True)
    assert "Đợt đánh giá đã khóa." in refused.get_data(as_text=True)
    client.post("/auth/logout")
    login(member)
    locked = client.post(f"/assessments/{mine.id}/self", data={"level": "good", "text": ""})
    assert locked.status_code == 422 and "Đợt đánh giá đã khóa." in locked.get_data(as_text=True)
    client.post("/auth/logout")
    login(admin)
    client.post(f"/assessments/rounds/{round_.id}/reopen")
    client.post("/auth/logout")
    login(member)
    assert client.post(f"/assessments/{mine.id}/self", data={"level": "good", "text": ""}).status_code == 302
