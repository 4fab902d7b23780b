"""Route × role → status for the targets area (the unit officer's scope is the ward)."""
import pytest

from webapp.models import Role

A, L, H, U, M = Role.ADMIN, Role.LEADERSHIP, Role.GROUP_HEAD, Role.UNIT_OFFICER, Role.MEMBER
ALL = (A, L, H, U, M)

MATRIX = [
    ("GET", "/targets/", {A: 200, L: 200, H: 200, U: 200, M: 403}),
    ("GET", "/targets/unit/{ward}", {A: 200, L: 200, H: 200, U: 200, M: 403}),
    ("GET", "/targets/unit/{other_ward}", {A: 200, L: 200, H: 200, U: 403, M: 403}),
    ("POST", "/targets/unit/{ward}/indicators", {A: 422, L: 403, H: 403, U: 422, M: 403}),
    ("POST", "/targets/unit/{other_ward}/indicators", {A: 422, L: 403, H: 403, U: 403, M: 403}),
    ("GET", "/targets/indicator/{indicator}/edit", {A: 200, L: 403, H: 403, U: 200, M: 403}),
    ("POST", "/targets/indicator/{indicator}/edit", {A: 422, L: 403, H: 403, U: 422, M: 403}),
    ("POST", "/targets/indicator/{indicator}/measurements", {A: 422, L: 403, H: 403, U: 422, M: 403}),
    ("POST", "/targets/measurement/{measurement}/delete", {A: 200, L: 403, H: 403, U: 200, M: 403}),
    ("POST", "/targets/indicator/{indicator}/delete", {A: 200, L: 403, H: 403, U: 200, M: 403}),
]
CASES = [(method, url, role, expected[role]) for method, url, expected in MATRIX for role in ALL]


@pytest.mark.parametrize("method,url,role,expected", CASES, ids=[f"{m} {u} {r.value}" for m, u, r, _ in CASES])
def test_route_by_role(client, town, indicator, login_as, method, url, role, expected):
    login_as(role)
    url = url.format(ward=town.ward.id, other_ward=town.other_ward.id, indicator=indicator.id,
                     measurement=indicator.measurements[0].id)
    assert client.open(url, method=method, data={"_": ""}).status_code == expected


def test_missing_records_are_404(client, town, login_as):
    login_as(Role.ADMIN)
    assert client.get("/targets/unit/99999").status_code == 404
    assert client.post("/targets/indicator/99999/delete").status_code == 404
    assert client.post("/targets/measurement/99999/delete").status_code == 404
