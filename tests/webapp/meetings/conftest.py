"""Fixtures of the meetings area: a ward with a cell, a group following it, and a meeting factory."""
from dataclasses import dataclass
from datetime import date

import pytest

from webapp.extensions import db
from webapp.meetings import services
from webapp.models import MeetingKind, MemberRole, Person, Unit, UnitKind, WorkingGroup


@dataclass
class Ward:
    committee: Unit
    cell: Unit
    other_cell: Unit
    group: WorkingGroup
    head: Person
    deputy: Person
    members: list[Person]


@pytest.fixture
def ward(root_unit, make_unit, make_group, make_person, make_membership, make_assignment) -> Ward:
    """Đảng bộ phường Bắc Hồng with two cells; group 1 follows it: head and deputy on the committee,
    three members on the cell (from 15/10/2025, open-ended)."""
    committee = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, parent=root_unit)
    cell = make_unit("Chi bộ Tổ dân phố 3", UnitKind.CELL, parent=committee)
    other_cell = make_unit("Chi bộ Tổ dân phố 4", UnitKind.CELL, parent=committee)
    group = make_group(number=1)
    head, deputy = make_person("Lê Thành Đông"), make_person("Nguyễn Thăng Long")
    for person, role in [(head, MemberRole.HEAD), (deputy, MemberRole.DEPUTY)]:
        make_assignment(make_membership(person, group, role), committee)
    members = [make_person(name) for name in ("Đặng Ngọc Vệ", "Nguyễn Quang Vinh", "Đinh Văn Hồng")]
    for person in members:
        make_assignment(make_membership(person, group), cell)
    return Ward(committee, cell, other_cell, group, head, deputy, members)


@pytest.fixture
def make_meeting(app):
    """Create a meeting through the service (so the roster is materialised)."""
    def make(kind=MeetingKind.CELL, held_on=date(2026, 3, 5), units=(), group=None, title=None, **fields):
        data = {"kind": kind, "held_on": held_on, "title": title or f"Cuộc họp {held_on:%m/%Y}",
                "group_id": group.id if group else None, **fields}
        meeting = services.create_meeting(data, list(units))
        db.session.commit()  # the caller commits, as run_service does for a view
        return meeting

    return make


@pytest.fixture
def cell_meeting(ward, make_meeting):
    return make_meeting(MeetingKind.CELL, date(2026, 3, 5), units=[ward.cell])


def rows_by_person(meeting) -> dict[int, object]:
    return {row.person_id: row for row in meeting.attendances}
