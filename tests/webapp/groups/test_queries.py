"""The group page and the persons list run the same number of SQL statements for 3 or 30 members."""
import pytest

from tests.query_count import counted_statements
from webapp.extensions import db
from webapp.models import MemberRole, Role


@pytest.fixture
def grow(make_person, make_membership, make_assignment, make_unit, root_unit):
    """Add members to a group until it has `size` current ones; every fifth also leaves a past member."""
    def add(group, size: int):
        cell = make_unit(parent=root_unit)
        for index in range(sum(m.end_date is None for m in group.memberships), size):
            role = MemberRole.HEAD if index == 0 else MemberRole.MEMBER
            membership = make_membership(make_person(position="Chuyên viên", home_unit=cell), group, role)
            make_assignment(membership, cell)
            if index % 5 == 0:
                make_membership(make_person(), group, end=membership.start_date.replace(month=12))
            db.session.refresh(group)
        db.session.expire_all()

    return add


def _statements(client, url) -> int:
    """The fewer of two counts, after a warm-up: a one-off statement (a connection's first, a kept figure refreshed)
    is not the page's, while a query per row shows in every count."""
    client.get(url)
    counts = []
    for _ in range(2):
        with counted_statements() as statements:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(statements))
    return min(counts)


@pytest.mark.parametrize("url", ["/groups/{id}", "/people/", "/groups/"])
def test_statement_count_does_not_grow_with_members(client, as_role, make_group, grow, url):
    as_role(Role.ADMIN)
    group = make_group()
    grow(group, 3)
    few = _statements(client, url.format(id=group.id))
    grow(group, 30)
    many = _statements(client, url.format(id=group.id))
    assert many == few, f"{url}: {few} statements for 3 members, {many} for 30"
