"""A small town for self-declared attendance: a ward with a cell followed by a member of the town group, another
ward with its own cell, an officer of each ward, and a cell meeting held a few days ago."""
from dataclasses import dataclass
from datetime import date, datetime, timezone

import pytest

from webapp.extensions import db
from webapp.meetings.services import create_meeting
from webapp.models import MeetingKind, MemberRole, Role, Sector, UnitKind

START = date(2025, 10, 15)
TODAY = date(2026, 3, 10)
MORNING = datetime(2026, 3, 10, 3, 0, tzinfo=timezone.utc)


@dataclass
class ClaimTown:
    ward: object
    cell: object
    other_cell: object
    group: object
    member: object
    outsider: object
    officer: object
    other_officer: object
    meeting: object
    future: object


@pytest.fixture
def claim_town(clock, make_unit, root_unit, make_person, make_group, make_membership, make_assignment, make_user):
    clock(MORNING)
    ward = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    other_ward = make_unit("Đảng bộ phường Nam Sơn", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    cell = make_unit("Chi bộ Tổ dân phố 1", UnitKind.CELL, Sector.WARD, ward)
    other_cell = make_unit("Chi bộ Tổ dân phố 9", UnitKind.CELL, Sector.WARD, other_ward)
    group = make_group(1)
    users = {}
    for key, name, unit in (("member", "Phạm Thị Thành", cell), ("outsider", "Ngô Thị Ngoài", other_cell)):
        person = make_person(name)
        make_assignment(make_membership(person, group, MemberRole.MEMBER, start=START), unit, start=START)
        users[key] = make_user(Role.MEMBER, username=key, person=person)
    officer = make_user(Role.UNIT_OFFICER, username="officer", scope_unit=ward)
    other_officer = make_user(Role.UNIT_OFFICER, username="other_officer", scope_unit=other_ward)
    meeting = create_meeting(
        {
            "kind": MeetingKind.CELL,
            "held_on": date(2026, 3, 5),
            "title": "Sinh hoạt chi bộ tháng 3",
            "place": "Nhà văn hóa tổ 1",
            "starts_at": "19:30",
            "agenda": "Triển khai nghị quyết",
        },
        [cell],
    )
    future = create_meeting({"kind": MeetingKind.CELL, "held_on": date(2026, 3, 20), "title": "Sinh hoạt chuyên đề",
                             "place": "Hội trường phường", "agenda": "Chuyển đổi số"}, [cell])
    db.session.commit()
    return ClaimTown(ward, cell, other_cell, group, users["member"], users["outsider"], officer, other_officer,
                     meeting, future)


@pytest.fixture
def in_request(app):
    """Services raise their rules' messages in the user's language: give them a request to read it from."""
    with app.test_request_context():
        yield
