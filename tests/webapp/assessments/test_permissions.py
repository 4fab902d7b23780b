"""Route × role → status for the assessment area: the board sees the round, a member their own assessment, a head
their group's members and the group itself; only the office opens rounds and sets thresholds."""
from datetime import date

import pytest
from sqlalchemy import select

from webapp.assessments.services import open_round
from webapp.clock import local_today
from webapp.extensions import db
from webapp.models import Assessment, GroupAssessment, Role

A, L, H, U, M = Role.ADMIN, Role.LEADERSHIP, Role.GROUP_HEAD, Role.UNIT_OFFICER, Role.MEMBER
ALL = (A, L, H, U, M)
BOARD_ONLY = {A: 200, L: 200, H: 403, U: 403, M: 403}

MATRIX = [
    ("GET", "/assessments/", {A: 200, L: 200, H: 200, U: 200, M: 200}),
    ("POST", "/assessments/rounds", {A: 422, L: 403, H: 403, U: 403, M: 403}),
    ("GET", "/assessments/rounds/{round}", {A: 200, L: 200, H: 200, U: 403, M: 200}),
    ("POST", "/assessments/rounds/{round}/criteria", {A: 422, L: 403, H: 403, U: 403, M: 403}),
    ("POST", "/assessments/rounds/{round}/group-criteria", {A: 422, L: 403, H: 403, U: 403, M: 403}),
    ("POST", "/assessments/rounds/{round}/refresh", {A: 302, L: 403, H: 403, U: 403, M: 403}),
    ("POST", "/assessments/rounds/{round}/close", {A: 302, L: 403, H: 403, U: 403, M: 403}),
    ("POST", "/assessments/rounds/{round}/reopen", {A: 302, L: 403, H: 403, U: 403, M: 403}),
    ("POST", "/assessments/rounds/{round}/lock", {A: 404, L: 404, H: 404, U: 404, M: 404}),
    ("GET", "/assessments/rounds/{round}/print", BOARD_ONLY),
    ("GET", "/assessments/rounds/{round}/results.xlsx", BOARD_ONLY),
    ("GET", "/assessments/rounds/{round}/results.docx", BOARD_ONLY),
    ("GET", "/assessments/{member}", {A: 200, L: 200, H: 200, U: 403, M: 200}),
    ("POST", "/assessments/{member}/self", {A: 403, L: 403, H: 403, U: 403, M: 422}),
    ("POST", "/assessments/{member}/propose", {A: 422, L: 403, H: 422, U: 403, M: 403}),
    ("POST", "/assessments/{member}/decide", {A: 422, L: 422, H: 403, U: 403, M: 403}),
    ("GET", "/assessments/groups/{group}", {A: 200, L: 200, H: 200, U: 403, M: 403}),
    ("POST", "/assessments/groups/{group}/self", {A: 403, L: 403, H: 422, U: 403, M: 403}),
    ("POST", "/assessments/groups/{group}/decide", {A: 422, L: 422, H: 403, U: 403, M: 403}),
    ("POST", "/assessments/groups/{group}/propose", {A: 404, L: 404, H: 404, U: 404, M: 404}),
]
CASES = [(method, url, role, expected[role]) for method, url, expected in MATRIX for role in ALL]


@pytest.fixture
def round_ids(app, town, make_user):
    office = make_user(Role.ADMIN, username="mo-dot")
    with app.test_request_context():
        round_ = open_round(office, "Năm nay", date(2025, 10, 1), local_today(), "/", local_today())
        db.session.commit()
    member = db.session.scalar(select(Assessment).where(Assessment.person_id == town.member.id))
    group = db.session.scalar(select(GroupAssessment).where(GroupAssessment.group_id == town.group.id))
    return {"round": round_.id, "member": member.id, "group": group.id}


@pytest.mark.parametrize("method,url,role,expected", CASES, ids=[f"{m} {u} {r.value}" for m, u, r, _ in CASES])
def test_route_by_role(client, round_ids, login_as, method, url, role, expected):
    login_as(role)
    assert client.open(url.format(**round_ids), method=method, data={"_": ""}).status_code == expected
