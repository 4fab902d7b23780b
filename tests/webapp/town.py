"""A small town for the directory areas' tests: two wards, two groups, a head, a member and outsiders.

Imported into each directory area's conftest (groups, people, units, documents)."""
from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from webapp.clock import local_today
from webapp.extensions import db
from webapp.models import Document, MemberRole, Role, Sector, UnitKind

START = date(2025, 10, 15)


def yesterday() -> date:
    return local_today() - timedelta(days=1)


@dataclass
class Town:
    root: object
    ward: object
    other_ward: object
    cell: object
    group: object
    other_group: object
    head: object
    member: object
    outsider: object
    town_person: object
    head_membership: object
    member_membership: object
    assignment: object
    document: object


@pytest.fixture
def town(root_unit, make_unit, make_person, make_group, make_membership, make_assignment):
    ward = make_unit("Đảng bộ phường Bắc Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, parent=root_unit)
    other_ward = make_unit("Đảng bộ phường Nam Hồng", UnitKind.PARTY_COMMITTEE, Sector.WARD, parent=root_unit)
    cell = make_unit("Chi bộ Tổ dân phố 3", UnitKind.CELL, Sector.RESIDENTIAL, parent=ward)
    group, other_group = make_group(1), make_group(2)
    head = make_person("Nguyễn Thăng Long", position="Phó Bí thư thường trực Thị ủy", home_unit=root_unit)
    member = make_person("Đặng Ngọc Vệ", position="Bí thư Đảng ủy phường Bắc Hồng", home_unit=ward)
    outsider = make_person("Trần Thị Hoa", home_unit=ward)
    town_person = make_person("Lê Thành Đông", home_unit=root_unit)
    head_membership = make_membership(head, group, MemberRole.HEAD, start=START, responsibilities="Phụ trách chung")
    member_membership = make_membership(member, group, MemberRole.MEMBER, start=START)
    assignment = make_assignment(member_membership, cell, start=START)
    document = Document(number="46-QĐ/ThU", title="Quy chế hoạt động Đoàn công tác", issued_on=date(2022, 9, 28))
    db.session.add(document)
    db.session.commit()
    return Town(root_unit, ward, other_ward, cell, group, other_group, head, member, outsider, town_person,
                head_membership, member_membership, assignment, document)


@pytest.fixture
def login_as(as_role, town):
    """Log in as a user of `role` wired to the town: the head's account, the member's, a ward officer."""
    def login(role: Role):
        if role == Role.GROUP_HEAD:
            return as_role(role, person=town.head)
        if role == Role.MEMBER:
            return as_role(role, person=town.member)
        if role == Role.UNIT_OFFICER:
            return as_role(role, scope_unit=town.ward)
        return as_role(role)

    return login


@pytest.fixture
def login_in_ward(as_role, town):
    """Log in as an admin or leader scoped to the town's first ward (the other ward lies outside)."""
    def login(role: Role):
        return as_role(role, scope_unit=town.ward)

    return login
