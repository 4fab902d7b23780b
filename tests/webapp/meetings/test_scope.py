"""Officers of another ward never see the marks of meetings whose own pages answer 403 to them."""
from datetime import date

import pytest

from webapp.extensions import db
from webapp.meetings import queries
from webapp.models import AttendanceStatus, MeetingKind, Role, UnitKind

TITLE = "Sinh hoạt chi bộ tháng 3 phường Bắc Hồng"


@pytest.fixture
def marked_meeting(ward, make_meeting):
    meeting = make_meeting(MeetingKind.CELL, date(2026, 3, 5), units=[ward.cell], title=TITLE)
    for row in meeting.attendances:
        row.status = AttendanceStatus.ABSENT
    db.session.commit()
    return meeting


@pytest.fixture
def other_officer(root_unit, make_unit, as_role):
    other_ward = make_unit("Đảng bộ phường Nam Hồng", UnitKind.PARTY_COMMITTEE, parent=root_unit)
    return as_role(Role.UNIT_OFFICER, scope_unit=other_ward)


def test_the_meeting_itself_is_forbidden(client, marked_meeting, other_officer):
    assert client.get(f"/meetings/{marked_meeting.id}").status_code == 403


@pytest.mark.parametrize("url", ["/meetings/matrix/group/{group}?year=2026", "/meetings/person/{person}/record"])
def test_registers_leave_out_other_wards_meetings(client, ward, marked_meeting, other_officer, url):
    response = client.get(url.format(group=ward.group.id, person=ward.members[0].id))
    assert response.status_code == 200
    assert TITLE not in response.get_data(as_text=True)


def test_group_record_counts_only_meetings_in_scope(client, ward, marked_meeting, other_officer):
    assert client.get(f"/meetings/group/{ward.group.id}/record").status_code == 200
    records = queries.group_record(ward.group.id, 2026, other_officer)
    assert {r.rate.expected for r in records} == {0}
    assert {r.streaks.longest for r in records} == {0}


def test_officer_of_the_ward_still_sees_the_marks(client, ward, marked_meeting, as_role):
    officer = as_role(Role.UNIT_OFFICER, scope_unit=ward.committee)
    page = client.get(f"/meetings/person/{ward.members[0].id}/record").get_data(as_text=True)
    assert TITLE in page
    assert {r.rate.absent for r in queries.group_record(ward.group.id, 2026, officer)} >= {1}
