"""Route × role → status for the units area."""
import pytest

from webapp.models import Role

A, L, H, U, M = Role.ADMIN, Role.LEADERSHIP, Role.GROUP_HEAD, Role.UNIT_OFFICER, Role.MEMBER
ALL = (A, L, H, U, M)

MATRIX = [
    ("GET", "/units/", {A: 200, L: 200, H: 200, U: 200, M: 403}),
    ("GET", "/units/{ward}", {A: 200, L: 200, H: 200, U: 200, M: 403}),
    ("GET", "/units/new", {A: 200, L: 403, H: 403, U: 200, M: 403}),
    ("POST", "/units/new", {A: 422, L: 403, H: 403, U: 422, M: 403}),
    ("GET", "/units/{cell}/edit", {A: 200, L: 403, H: 403, U: 200, M: 403}),
    ("POST", "/units/{cell}/edit", {A: 422, L: 403, H: 403, U: 422, M: 403}),
    ("GET", "/units/{other_ward}/edit", {A: 200, L: 403, H: 403, U: 403, M: 403}),
    ("POST", "/units/{other_ward}/edit", {A: 422, L: 403, H: 403, U: 403, M: 403}),
]
CASES = [(method, url, role, expected[role]) for method, url, expected in MATRIX for role in ALL]


@pytest.mark.parametrize("method,url,role,expected", CASES, ids=[f"{m} {u} {r.value}" for m, u, r, _ in CASES])
def test_route_by_role(client, town, login_as, method, url, role, expected):
    login_as(role)
    url = url.format(ward=town.ward.id, cell=town.cell.id, other_ward=town.other_ward.id)
    assert client.open(url, method=method, data={"_": ""}).status_code == expected


def test_missing_unit_is_404(client, town, login_as):
    login_as(Role.ADMIN)
    assert client.get("/units/99999").status_code == 404
