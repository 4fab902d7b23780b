"""Route × role → status for the groups area (allowed POSTs with empty forms answer 422, not 200)."""
import pytest

from webapp.models import Role

A, L, H, U, M = Role.ADMIN, Role.LEADERSHIP, Role.GROUP_HEAD, Role.UNIT_OFFICER, Role.MEMBER
ALL = (A, L, H, U, M)

MATRIX = [
    ("GET", "/groups/", {A: 200, L: 200, H: 200, U: 200, M: 403}),
    ("GET", "/groups/export.xlsx", {A: 200, L: 200, H: 200, U: 200, M: 403}),
    ("GET", "/groups/new", {A: 200, L: 403, H: 403, U: 403, M: 403}),
    ("POST", "/groups/new", {A: 422, L: 403, H: 403, U: 403, M: 403}),
    ("GET", "/groups/{group}", {A: 200, L: 200, H: 200, U: 200, M: 200}),
    ("GET", "/groups/{other_group}", {A: 200, L: 200, H: 200, U: 200, M: 403}),
    ("GET", "/groups/{group}/edit", {A: 200, L: 403, H: 403, U: 403, M: 403}),
    ("POST", "/groups/{group}/edit", {A: 422, L: 403, H: 403, U: 403, M: 403}),
    ("GET", "/groups/terms", {A: 200, L: 403, H: 403, U: 403, M: 403}),
    ("POST", "/groups/terms", {A: 422, L: 403, H: 403, U: 403, M: 403}),
    ("POST", "/groups/{group}/members", {A: 422, L: 403, H: 422, U: 403, M: 403}),
    ("POST", "/groups/{other_group}/members", {A: 422, L: 403, H: 403, U: 403, M: 403}),
    ("POST", "/groups/{group}/members/{membership}/edit", {A: 422, L: 403, H: 422, U: 403, M: 403}),
    ("POST", "/groups/{group}/members/{membership}/end", {A: 422, L: 403, H: 422, U: 403, M: 403}),
    ("POST", "/groups/{group}/members/{membership}/assignments", {A: 422, L: 403, H: 422, U: 403, M: 403}),
    ("POST", "/groups/{group}/assignments/{assignment}/unit", {A: 422, L: 403, H: 422, U: 403, M: 403}),
    ("POST", "/groups/{group}/assignments/{assignment}/end", {A: 422, L: 403, H: 422, U: 403, M: 403}),
]
CASES = [(method, url, role, expected[role]) for method, url, expected in MATRIX for role in ALL]


def _url(template, town):
    return template.format(group=town.group.id, other_group=town.other_group.id,
                           membership=town.member_membership.id, assignment=town.assignment.id)


@pytest.mark.parametrize("method,url,role,expected", CASES, ids=[f"{m} {u} {r.value}" for m, u, r, _ in CASES])
def test_route_by_role(client, town, login_as, method, url, role, expected):
    login_as(role)
    response = client.open(_url(url, town), method=method, data={"_": ""})
    assert response.status_code == expected


@pytest.mark.parametrize("url", ["/groups/", "/groups/{group}", "/groups/new"])
def test_anonymous_is_sent_to_login(client, town, url):
    response = client.get(_url(url, town))
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_admin_scoped_to_a_ward_cannot_manage_town_groups(client, town, as_role):
    as_role(Role.ADMIN, scope_unit=town.ward)
    assert client.post(f"/groups/{town.group.id}/members", data={}).status_code == 403
    assert client.get(f"/groups/{town.group.id}/edit").status_code == 403


def test_missing_objects_are_404(client, town, login_as):
    login_as(Role.ADMIN)
    assert client.get("/groups/99999").status_code == 404
    url = f"/groups/{town.other_group.id}/members/{town.member_membership.id}/end"
    assert client.post(url, data={}).status_code == 404
