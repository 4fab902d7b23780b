"""Route × role matrix for the feedback, tasks, reports and reminder areas."""
import pytest

from webapp.models import Role

R = Role
ALL = {r: 200 for r in Role}
DIRECTORY = {R.ADMIN: 200, R.LEADERSHIP: 200, R.GROUP_HEAD: 200, R.UNIT_OFFICER: 200, R.MEMBER: 403}
ADMIN = {r: (200 if r == R.ADMIN else 403) for r in Role}
RECORDERS = {r: (403 if r == R.LEADERSHIP else 200) for r in Role}
TASK_CREATORS = {R.ADMIN: 200, R.LEADERSHIP: 403, R.GROUP_HEAD: 200, R.UNIT_OFFICER: 200, R.MEMBER: 403}
SUBMITTERS = {R.ADMIN: 200, R.LEADERSHIP: 403, R.GROUP_HEAD: 200, R.UNIT_OFFICER: 403, R.MEMBER: 403}

MATRIX = [
    ("/feedback/", ALL), ("/feedback/export.xlsx", ALL), ("/feedback/new", RECORDERS),
    ("/feedback/categories", ADMIN), ("/feedback/categories/new", ADMIN),
    ("/tasks/", ALL), ("/tasks/export.xlsx", ALL), ("/tasks/new", TASK_CREATORS), ("/tasks/mine", ALL),
    ("/reports/", DIRECTORY), ("/reports/export.xlsx", DIRECTORY), ("/reports/schedules", ADMIN),
    ("/reports/submit", SUBMITTERS), ("/notifications/", ALL), ("/notifications/badge", ALL),
]


@pytest.mark.parametrize("role", list(Role))
def test_route_role_matrix(client, as_role, role):
    as_role(role)
    for url, expected in MATRIX:
        assert client.get(url).status_code == expected[role], (url, role)


def test_anonymous_users_are_sent_to_login(client):
    for url, _expected in MATRIX:
        assert client.get(url).status_code == 302


def test_leadership_cannot_move_items(client, as_role, make_item):
    item = make_item()
    as_role(Role.LEADERSHIP)
    assert client.post(f"/feedback/{item.id}/transition", data={"target": "in_progress"}).status_code == 403


def test_member_cannot_read_others_items(client, as_role, make_item):
    item = make_item()
    as_role(Role.MEMBER)
    assert client.get(f"/feedback/{item.id}").status_code == 403
    assert item.number not in client.get("/feedback/").get_data(as_text=True)


def test_posts_require_csrf(client, app, monkeypatch, as_role, make_item):
    item = make_item()
    as_role(Role.ADMIN)
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)
    assert client.post(f"/feedback/{item.id}/transition", data={"target": "in_progress"}).status_code == 400
