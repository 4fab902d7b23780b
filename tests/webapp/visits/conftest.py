"""A small town for the field-visit tests: two wards with a cell each, a group whose head and two members
follow cells, and a member of another group."""
from dataclasses import dataclass
from datetime import date

import pytest

from webapp.extensions import db
from webapp.models import MemberRole, Role, Sector, UnitKind

START = date(2025, 10, 15)


@dataclass
class VisitTown:
    ward: object
    other_ward: object
    cell: object
    other_cell: object
    group: object
    other_group: object
    head: object
    member: object
    partner: object
    outsider: object


@pytest.fixture
def visit_town(make_unit, root_unit, make_person, make_group, make_membership, make_assignment, make_user):
    ward = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    other_ward = make_unit("Đảng bộ phường Nam Sơn", UnitKind.PARTY_COMMITTEE, Sector.WARD, root_unit)
    cell = make_unit("Chi bộ Tổ dân phố 1", UnitKind.CELL, Sector.WARD, ward)
    other_cell = make_unit("Chi bộ Tổ dân phố 9", UnitKind.CELL, Sector.WARD, other_ward)
    group, other_group = make_group(1), make_group(2)
    users = {}
    for key, name, grp, role, unit, user_role in (
            ("head", "Lê Văn Trưởng", group, MemberRole.HEAD, cell, Role.GROUP_HEAD),
            ("member", "Phạm Thị Thành", group, MemberRole.MEMBER, cell, Role.MEMBER),
            ("partner", "Đỗ Văn Phối", other_group, MemberRole.MEMBER, cell, Role.MEMBER),
            ("outsider", "Ngô Thị Ngoài", other_group, MemberRole.MEMBER, other_cell, Role.MEMBER)):
        person = make_person(name)
        make_assignment(make_membership(person, grp, role, start=START), unit, start=START)
        users[key] = make_user(user_role, username=key, person=person)
    db.session.commit()
    return VisitTown(ward, other_ward, cell, other_cell, group, other_group, **users)
