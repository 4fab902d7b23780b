"""Route × role → status for the paperwork area: the board reads the register and its files, only the office
issues; .odt/.pdf without a converter send the reader back with a message."""
from datetime import date

import pytest

from webapp.clock import local_today
from webapp.extensions import db
from webapp.meetings.services import create_meeting
from webapp.models import MeetingKind, Role
from webapp.paperwork.document import DocSection, OfficialDocument
from webapp.paperwork.services import issue_document

A, L, H, U, M = Role.ADMIN, Role.LEADERSHIP, Role.GROUP_HEAD, Role.UNIT_OFFICER, Role.MEMBER
ALL = (A, L, H, U, M)
READERS = {A: 200, L: 200, H: 403, U: 403, M: 403}
ISSUERS = {A: 302, L: 403, H: 403, U: 403, M: 403}

MATRIX = [
    ("GET", "/paperwork/", READERS),
    ("GET", "/paperwork/{doc}", READERS),
    ("GET", "/paperwork/{doc}.docx", READERS),
    ("GET", "/paperwork/{doc}.xlsx", READERS),
    ("GET", "/paperwork/{doc}.pdf", {A: 302, L: 302, H: 403, U: 403, M: 403}),
    ("GET", "/paperwork/{doc}.odt", {A: 302, L: 302, H: 403, U: 403, M: 403}),
    ("GET", "/paperwork/{doc}.exe", {A: 404, L: 404, H: 403, U: 403, M: 403}),
    ("POST", "/dashboard/report/issue", ISSUERS),
    ("POST", "/paperwork/issue/conclusion/{meeting}", ISSUERS),
    ("POST", "/paperwork/issue/invitation/{meeting}", ISSUERS),
    ("POST", "/paperwork/issue/assignment/{group}", ISSUERS),
]
CASES = [(method, url, role, expected[role]) for method, url, expected in MATRIX for role in ALL]


@pytest.fixture
def ids(town, make_user, app, monkeypatch):
    monkeypatch.setitem(app.config, "OFFICE_CONVERTER", "/nonexistent/soffice")
    office = make_user(Role.ADMIN, username="van-thu")
    doc = OfficialDocument(["ĐẢNG ỦY"], "Bắc Hồng, ngày 01 tháng 01 năm 2026", "BÁO CÁO", "tháng",
                           [DocSection("", paragraphs=["Nội dung"])], ["T/M BAN THƯỜNG VỤ"])
    row = issue_document(office, town.root, "BC", doc, local_today())
    meeting = create_meeting({"kind": MeetingKind.BRIEFING, "held_on": date(2026, 1, 5), "title": "Giao ban"}, [])
    db.session.commit()
    return {"doc": row.id, "meeting": meeting.id, "group": town.group.id}


@pytest.mark.parametrize("method,url,role,expected", CASES, ids=[f"{m} {u} {r.value}" for m, u, r, _ in CASES])
def test_route_by_role(client, ids, login_as, method, url, role, expected):
    login_as(role)
    assert client.open(url.format(**ids), method=method, data={"_": ""}).status_code == expected
