"""Route × role matrix for the field-visit pages."""
import pytest

from webapp.models import Role


@pytest.mark.parametrize("role", list(Role))
def test_lists_are_open_to_every_role_and_recording_needs_a_person(client, as_role, make_person, role):
    as_role(role, person=make_person())
    for url in ("/visits/", "/visits/export.xlsx", "/visits/new"):
        assert client.get(url).status_code == 200, (url, role)


@pytest.mark.parametrize("role", list(Role))
def test_a_user_without_a_person_cannot_record(client, as_role, role):
    as_role(role)
    assert client.get("/visits/new").status_code == 403


def test_anonymous_users_are_sent_to_login(client):
    for url in ("/visits/", "/visits/export.xlsx", "/visits/new", "/visits/1"):
        assert client.get(url).status_code == 302


def test_posts_require_csrf(client, app, monkeypatch, login, visit_town):
    login(visit_town.member)
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)
    assert client.post("/visits/new", data={}).status_code == 400
    assert client.post("/visits/1/feedback", data={}).status_code == 400
