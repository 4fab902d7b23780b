"""Factory fixtures: each returns a callable with sensible defaults, so a test names only what matters."""
import itertools
from datetime import date

import pytest

from webapp.auth.services import create_user
from webapp.extensions import db
from webapp.models import Assignment, MemberRole, Membership, Person, Role, Sector, Term, Unit, UnitKind, WorkingGroup

PASSWORD = "mat-khau-thu"
_counter = itertools.count(1)


@pytest.fixture
def make_unit(app):
    def make(name=None, kind=UnitKind.CELL, sector=Sector.WARD, parent=None) -> Unit:
        unit = Unit(kind=kind, sector=sector)
        unit.set_name(name or f"Chi bộ Tổ dân phố {next(_counter)}")
        unit.place_under(parent)
        db.session.add(unit)
        db.session.flush()
        unit.refresh_path()
        db.session.commit()
        return unit

    return make


@pytest.fixture
def root_unit(make_unit):
    return make_unit("Đảng bộ thị xã Hồng Sơn", UnitKind.ROOT, Sector.TOWN)


@pytest.fixture
def make_person(app):
    def make(name=None, **fields) -> Person:
        person = Person(**fields)
        person.set_name(name or f"Nguyễn Văn Thử {next(_counter)}")
        db.session.add(person)
        db.session.commit()
        return person

    return make


@pytest.fixture
def term(app):
    term = Term(name="2025 - 2030", start_date=date(2025, 10, 1), end_date=date(2030, 9, 30), is_current=True)
    db.session.add(term)
    db.session.commit()
    return term


@pytest.fixture
def make_group(term, root_unit):
    def make(number=None, name=None, owner=None) -> WorkingGroup:
        number = number or next(_counter)
        group = WorkingGroup(number=number, name=name or f"Đoàn công tác số {number}", term=term,
                             owner_unit=owner or root_unit)
        db.session.add(group)
        db.session.commit()
        return group

    return make


@pytest.fixture
def make_membership(app):
    def make(person, group, role=MemberRole.MEMBER, start=date(2025, 10, 15), end=None, responsibilities=None):
        membership = Membership(person=person, group=group, role=role, start_date=start, end_date=end,
                                responsibilities=responsibilities)
        db.session.add(membership)
        db.session.commit()
        return membership

    return make


@pytest.fixture
def make_assignment(app):
    def make(membership, unit, start=date(2025, 10, 15), end=None) -> Assignment:
        assignment = Assignment(membership=membership, person=membership.person, unit=unit,
                                start_date=start, end_date=end)
        db.session.add(assignment)
        db.session.commit()
        return assignment

    return make


@pytest.fixture
def make_user(app):
    def make(role=Role.ADMIN, username=None, scope_unit=None, person=None):
        user = create_user(username or f"user{next(_counter)}", PASSWORD, role,
                           scope_unit_id=scope_unit.id if scope_unit else None,
                           person_id=person.id if person else None)
        db.session.commit()
        return user

    return make


@pytest.fixture
def login(client):
    """Log the test client in as `user` (through the real login form)."""
    def do_login(user):
        response = client.post("/auth/login", data={"username": user.username, "password": PASSWORD})
        assert response.status_code == 302, response.get_data(as_text=True)
        return user

    return do_login


@pytest.fixture
def as_role(make_user, login):
    """Log in as a fresh user of the given role."""
    def as_(role, **kwargs):
        return login(make_user(role, **kwargs))

    return as_
