"""Route × role → status for the documents area."""
import pytest

from webapp.models import Role

A, L, H, U, M = Role.ADMIN, Role.LEADERSHIP, Role.GROUP_HEAD, Role.UNIT_OFFICER, Role.MEMBER
ALL = (A, L, H, U, M)

MATRIX = [
    ("GET", "/documents/", {A: 200, L: 200, H: 200, U: 200, M: 403}),
    ("GET", "/documents/new", {A: 200, L: 403, H: 403, U: 403, M: 403}),
    ("POST", "/documents/new", {A: 422, L: 403, H: 403, U: 403, M: 403}),
    ("GET", "/documents/{document}/download", {A: 404, L: 404, H: 404, U: 404, M: 403}),
    ("GET", "/documents/{document}", {A: 200, L: 200, H: 200, U: 200, M: 403}),
    ("POST", "/documents/{document}/cell-rules", {A: 422, L: 403, H: 403, U: 403, M: 403}),
]
CASES = [(method, url, role, expected[role]) for method, url, expected in MATRIX for role in ALL]


@pytest.mark.parametrize("method,url,role,expected", CASES, ids=[f"{m} {u} {r.value}" for m, u, r, _ in CASES])
def test_route_by_role(client, town, login_as, method, url, role, expected):
    login_as(role)
    url = url.format(document=town.document.id)
    assert client.open(url, method=method, data={"_": ""}).status_code == expected
