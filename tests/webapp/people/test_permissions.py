"""Route × role → status for the people area."""
import pytest

from webapp.models import Role

A, L, H, U, M = Role.ADMIN, Role.LEADERSHIP, Role.GROUP_HEAD, Role.UNIT_OFFICER, Role.MEMBER
ALL = (A, L, H, U, M)

MATRIX = [
    ("GET", "/people/", {A: 200, L: 200, H: 200, U: 200, M: 403}),
    ("GET", "/people/picker", {A: 200, L: 200, H: 200, U: 200, M: 403}),
    ("GET", "/people/{member}", {A: 200, L: 200, H: 200, U: 200, M: 200}),
    ("GET", "/people/{outsider}", {A: 200, L: 200, H: 200, U: 200, M: 403}),
    ("GET", "/people/new", {A: 200, L: 403, H: 403, U: 200, M: 403}),
    ("POST", "/people/new", {A: 422, L: 403, H: 403, U: 422, M: 403}),
    ("GET", "/people/{outsider}/edit", {A: 200, L: 403, H: 403, U: 200, M: 403}),
    ("POST", "/people/{outsider}/edit", {A: 422, L: 403, H: 403, U: 422, M: 403}),
    ("GET", "/people/{town_person}/edit", {A: 200, L: 403, H: 403, U: 403, M: 403}),
    ("POST", "/people/{town_person}/edit", {A: 422, L: 403, H: 403, U: 403, M: 403}),
]
CASES = [(method, url, role, expected[role]) for method, url, expected in MATRIX for role in ALL]


@pytest.mark.parametrize("method,url,role,expected", CASES, ids=[f"{m} {u} {r.value}" for m, u, r, _ in CASES])
def test_route_by_role(client, town, login_as, method, url, role, expected):
    login_as(role)
    url = url.format(member=town.member.id, outsider=town.outsider.id, town_person=town.town_person.id)
    assert client.open(url, method=method, data={"full_name": ""}).status_code == expected


def test_anonymous_is_sent_to_login(client, town):
    response = client.get("/people/")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_missing_person_is_404(client, town, login_as):
    login_as(Role.ADMIN)
    assert client.get("/people/99999").status_code == 404
