"""Route × role matrix for self-declared attendance."""
import pytest

from webapp.models import Role

OPEN_PAGES = ("/attendance-claims/", "/attendance-claims/home", "/attendance-claims/badge")


@pytest.mark.parametrize("role", list(Role))
def test_lists_and_counters_are_open_to_every_role(client, as_role, role):
    as_role(role)
    for url in OPEN_PAGES:
        assert client.get(url).status_code == 200, (url, role)


@pytest.mark.parametrize("role", list(Role))
def test_declaring_needs_a_person_following_the_unit(client, as_role, claim_town, role):
    as_role(role)
    assert client.get(f"/attendance-claims/meeting/{claim_town.meeting.id}/declare").status_code == 403


@pytest.mark.parametrize("role, status", [(Role.ADMIN, 200), (Role.LEADERSHIP, 200), (Role.GROUP_HEAD, 200),
                                          (Role.UNIT_OFFICER, 200), (Role.MEMBER, 403)])
def test_the_meeting_box_follows_who_reads_the_meeting(client, as_role, claim_town, role, status):
    as_role(role)
    assert client.get(f"/attendance-claims/meeting/{claim_town.meeting.id}/box").status_code == status


@pytest.mark.parametrize("role", list(Role))
def test_deciding_needs_an_officer_of_the_unit(client, login, as_role, claim_town, role):
    login(claim_town.member)
    client.post(f"/attendance-claims/meeting/{claim_town.meeting.id}/declare", data={})
    client.post("/auth/logout")
    as_role(role, scope_unit=claim_town.other_cell)
    assert client.post("/attendance-claims/1/confirm").status_code == 403
    assert client.post("/attendance-claims/1/reject", data={"reason": "x"}).status_code == 403


def test_missing_claims_and_meetings_answer_404(client, as_role):
    as_role(Role.ADMIN)
    assert client.post("/attendance-claims/99/confirm").status_code == 404
    assert client.get("/attendance-claims/meeting/99/declare").status_code == 404


def test_anonymous_users_are_sent_to_login(client):
    for url in (*OPEN_PAGES, "/attendance-claims/meeting/1/declare", "/attendance-claims/meeting/1/box"):
        assert client.get(url).status_code == 302


def test_posts_require_csrf(client, app, monkeypatch, login, claim_town):
    login(claim_town.member)
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)
    assert client.post(f"/attendance-claims/meeting/{claim_town.meeting.id}/declare", data={}).status_code == 400
    assert client.post("/attendance-claims/1/confirm", data={}).status_code == 400
    assert client.post("/attendance-claims/1/reject", data={}).status_code == 400
