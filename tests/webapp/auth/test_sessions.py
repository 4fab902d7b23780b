"""Level-2 session and account controls (#21 item 8): an idle session is logged out; accounts unused for
UNUSED_ACCOUNT_DAYS are disabled at login and by the scheduled command."""
from datetime import timedelta

import pytest

from tests.factories import PASSWORD
from webapp import clock as app_clock
from webapp.config import build_config
from webapp.extensions import db
from webapp.models import Role


@pytest.fixture(autouse=True)
def controls_on(app, tmp_path, monkeypatch):
    """The production defaults (the rest of the suite turns both controls off, its clock jumping days)."""
    monkeypatch.setenv("SECRET_KEY", "x")
    defaults = build_config(str(tmp_path))
    saved = {name: app.config[name] for name in ("SESSION_IDLE_MINUTES", "UNUSED_ACCOUNT_DAYS")}
    app.config.update({name: defaults[name] for name in saved})
    yield
    app.config.update(saved)


def test_the_defaults_are_15_minutes_and_90_days(app):
    assert app.config["SESSION_IDLE_MINUTES"] == 15 and app.config["UNUSED_ACCOUNT_DAYS"] == 90


def _later(clock, **delta):
    clock(app_clock.now() + timedelta(**delta))


def test_a_session_idle_past_the_limit_is_logged_out_with_a_message(app, client, as_role, clock):
    as_role(Role.MEMBER)
    _later(clock, minutes=16)
    response = client.get("/")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "không hoạt động quá 15 phút" in page
    assert client.get("/").status_code == 302   # the session stays ended


def test_requests_keep_a_session_alive(client, as_role, clock):
    as_role(Role.MEMBER)
    for _ in range(4):
        _later(clock, minutes=10)
        assert client.get("/").status_code == 200


def test_the_session_cookie_is_rewritten_at_most_once_a_minute(client, as_role, clock):
    """A request within a minute of the last mark leaves the cookie as it is (no Set-Cookie); a later one marks."""
    as_role(Role.MEMBER)
    _later(clock, minutes=2)
    assert "Set-Cookie" in client.get("/").headers
    _later(clock, seconds=30)
    assert "Set-Cookie" not in client.get("/").headers
    _later(clock, seconds=40)
    assert "Set-Cookie" in client.get("/").headers


def test_the_idle_limit_is_a_setting(app, client, as_role, clock):
    app.config["SESSION_IDLE_MINUTES"] = 60
    as_role(Role.MEMBER)
    _later(clock, minutes=45)
    assert client.get("/").status_code == 200
    _later(clock, minutes=61)
    assert client.get("/").status_code == 302


def test_a_copied_cookie_dies_when_idle_too(app, client, as_role, clock):
    as_role(Role.ADMIN)
    copied = client.get_cookie("session").value
    _later(clock, minutes=20)
    thief = app.test_client()
    thief.set_cookie("session", copied)
    assert thief.get("/").status_code == 302


def _login(client, username):
    return client.post("/auth/login", data={"username": username, "password": PASSWORD})


def test_an_account_unused_for_90_days_is_refused_and_disabled_at_login(client, make_user, clock):
    user = make_user(Role.MEMBER, username="lau")
    _later(clock, days=91)
    response = _login(client, "lau")
    assert response.status_code == 403
    assert "liên hệ văn phòng" in response.get_data(as_text=True)
    db.session.refresh(user)
    assert not user.active
    _later(clock, days=1)
    assert _login(client, "lau").status_code == 401   # and it stays disabled


def test_a_wrong_password_does_not_tell_an_unused_account_apart(client, make_user, clock):
    user = make_user(Role.MEMBER, username="lau")
    _later(clock, days=91)
    response = client.post("/auth/login", data={"username": "lau", "password": "sai-mat-khau"})
    assert response.status_code == 401 and "liên hệ văn phòng" not in response.get_data(as_text=True)
    db.session.refresh(user)
    assert user.active


def test_each_login_restarts_the_count(client, make_user, clock):
    make_user(Role.MEMBER, username="deu")
    for _ in range(3):
        _later(clock, days=60)
        assert _login(client, "deu").status_code == 302
        client.post("/auth/logout")


def test_the_scheduled_command_disables_unused_accounts_only(runner, make_user, clock):
    old = make_user(Role.MEMBER, username="cu")
    _later(clock, days=50)
    recent = make_user(Role.MEMBER, username="moi")
    _later(clock, days=45)
    result = runner.invoke(args=["disable-unused-accounts"])
    assert result.exit_code == 0 and "cu" in result.output and "moi" not in result.output
    db.session.refresh(old)
    db.session.refresh(recent)
    assert not old.active and recent.active


def test_an_enabled_account_starts_its_count_afresh(runner, client, make_user, clock):
    make_user(Role.MEMBER, username="cu")
    _later(clock, days=100)
    runner.invoke(args=["disable-unused-accounts"])
    assert _login(client, "cu").status_code == 401
    result = runner.invoke(args=["enable-account", "cu"])
    assert result.exit_code == 0
    assert _login(client, "cu").status_code == 302


def test_the_unused_days_are_a_setting(app, client, make_user, clock):
    app.config["UNUSED_ACCOUNT_DAYS"] = 30
    make_user(Role.MEMBER, username="lau")
    _later(clock, days=31)
    assert _login(client, "lau").status_code == 403
