"""Route × role: who may read and who may record (unit officers only for their own units)."""
from datetime import date

import pytest

from webapp.models import MeetingKind, Role, UnitKind

ROLES = ["admin", "leadership", "group_head", "officer", "officer_elsewhere", "member", "anonymous"]

# (method, url pattern, expected statuses in ROLES order)
MATRIX = [
    ("GET", "/meetings/", [200, 200, 200, 200, 200, 403, 302]),
    ("GET", "/meetings/export.xlsx", [200, 200, 200, 200, 200, 403, 302]),
    ("GET", "/meetings/new", [200, 403, 403, 200, 200, 403, 302]),
    ("GET", "/meetings/schedule", [200, 403, 403, 200, 200, 403, 302]),
    ("GET", "/meetings/{cell}", [200, 200, 200, 200, 403, 403, 302]),
    ("GET", "/meetings/{cell}/edit", [200, 403, 403, 200, 403, 403, 302]),
    ("GET", "/meetings/{cell}/attendance", [200, 200, 200, 200, 403, 403, 302]),
    ("GET", "/meetings/{cell}/minutes", [200, 200, 200, 200, 403, 403, 302]),
    ("POST", "/meetings/{cell}/attendance/{row}", [302, 403, 403, 302, 403, 403, 302]),
    ("POST", "/meetings/{cell}/attendance/all-present", [302, 403, 403, 302, 403, 403, 302]),
    ("POST", "/meetings/{cell}/attendance/recompute", [302, 403, 403, 302, 403, 403, 302]),
    ("POST", "/meetings/attendance/{row}/cycle", [302, 403, 403, 302, 403, 403, 302]),
    ("POST", "/meetings/{cell}/delete", [302, 403, 403, 302, 403, 403, 302]),
    ("GET", "/meetings/{briefing}", [200, 200, 200, 200, 200, 403, 302]),
    ("POST", "/meetings/{briefing}/opinions", [302, 403, 403, 403, 403, 403, 302]),
    ("POST", "/meetings/{briefing}/conclusion/points", [302, 403, 403, 403, 403, 403, 302]),
    ("GET", "/meetings/matrix/unit/{cell_unit}", [200, 200, 200, 200, 403, 403, 302]),
    ("GET", "/meetings/matrix/group/{group}", [200, 200, 200, 200, 200, 403, 302]),
    ("GET", "/meetings/person/{person}/record", [200, 200, 200, 200, 200, 403, 302]),
    ("GET", "/meetings/group/{group}/record", [200, 200, 200, 200, 200, 403, 302]),
    ("GET", "/meetings/cells/scorecard", [200, 200, 200, 200, 200, 200, 302]),
    ("GET", "/meetings/cells/scorecard?year=2026&quarter=1&missing=any", [200, 200, 200, 200, 200, 200, 302]),
]
POST_DATA = {"status": "present", "speaker_name": "Khách", "kind": "results", "text": "Ý kiến"}


@pytest.fixture
def world(ward, make_meeting, make_unit, root_unit):
    elsewhere = make_unit("Đảng bộ xã Xuân Lam", UnitKind.PARTY_COMMITTEE, parent=root_unit)
    cell = make_meeting(MeetingKind.CELL, date(2026, 3, 5), units=[ward.cell])
    briefing = make_meeting(MeetingKind.BRIEFING, date(2026, 9, 7))
    ids = {"cell": cell.id, "row": cell.attendances[0].id, "briefing": briefing.id, "cell_unit": ward.cell.id,
           "group": ward.group.id, "person": ward.members[0].id}
    return ward, elsewhere, ids


def _log_in(role, as_role, ward, elsewhere, make_person):
    if role == "anonymous":
        return
    if role == "officer":
        as_role(Role.UNIT_OFFICER, scope_unit=ward.committee)
    elif role == "officer_elsewhere":
        as_role(Role.UNIT_OFFICER, scope_unit=elsewhere)
    elif role == "member":
        as_role(Role.MEMBER, person=make_person("Thành viên khác"))
    elif role == "group_head":
        as_role(Role.GROUP_HEAD, person=ward.head)
    else:
        as_role(Role(role))


@pytest.mark.parametrize("role_index, role", list(enumerate(ROLES)))
@pytest.mark.parametrize("method, pattern, expected", MATRIX, ids=[f"{m} {p}" for m, p, _ in MATRIX])
def test_route_role_matrix(client, as_role, make_person, world, method, pattern, expected, role_index, role):
    ward, elsewhere, ids = world
    _log_in(role, as_role, ward, elsewhere, make_person)
    url = pattern.format(**ids)
    response = client.get(url) if method == "GET" else client.post(url, data=POST_DATA)
    assert response.status_code == expected[role_index], (role, url)
