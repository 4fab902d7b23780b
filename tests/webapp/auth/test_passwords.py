"""Level-2 password controls (#21 item 8): argon2 hashes, older hashes rehashed at login, and a change-password
page with a policy whose change ends the other sessions and the calendar link."""
import pytest
from sqlalchemy import select

from tests.factories import PASSWORD
from webapp.extensions import db
from webapp.models import CalendarFeed, Role
from webapp.notifications.calendar import issue_feed_token as issue_token
from webapp.passwords import check_password_hash, generate_password_hash

NEW = "Hoa-sen-no-2026"


@pytest.fixture
def argon2_on(app):
    """The production method for one test (the suite uses a cheap one to stay fast)."""
    previous = app.config["PASSWORD_HASH_METHOD"]
    app.config["PASSWORD_HASH_METHOD"] = "argon2"
    yield
    app.config["PASSWORD_HASH_METHOD"] = previous


def test_the_default_method_is_argon2(tmp_path, monkeypatch):
    from webapp.config import build_config

    monkeypatch.delenv("PASSWORD_HASH_METHOD", raising=False)
    monkeypatch.setenv("SECRET_KEY", "x")
    assert build_config(str(tmp_path))["PASSWORD_HASH_METHOD"] == "argon2"


@pytest.mark.parametrize("method", ["pbkdf2:sha256:1000", "scrypt:1024:8:1"])
def test_an_old_hash_verifies_and_is_rehashed_with_argon2_at_login(client, make_user, argon2_on, method):
    user = make_user(Role.MEMBER, username="an")
    user.password_hash = generate_password_hash(PASSWORD, method=method)
    db.session.commit()
    response = client.post("/auth/login", data={"username": "an", "password": PASSWORD})
    assert response.status_code == 302
    db.session.refresh(user)
    assert user.password_hash.startswith("$argon2id$")
    assert check_password_hash(user.password_hash, PASSWORD)
    assert client.get("/").status_code == 200   # the rehash keeps this session


def test_a_rehash_keeps_the_calendar_link(client, make_user, argon2_on):
    user = make_user(Role.MEMBER, username="an")
    token = issue_token(user)
    db.session.commit()
    client.post("/auth/login", data={"username": "an", "password": PASSWORD})
    assert client.get(f"/notifications/calendar/{token}.ics").status_code == 200


def test_argon2_hashes_refuse_a_wrong_password():
    stored = generate_password_hash("dung-mat-khau", method="argon2")
    assert check_password_hash(stored, "dung-mat-khau") and not check_password_hash(stored, "sai-mat-khau")


def _change(client, current=PASSWORD, new=NEW, confirm=None):
    return client.post("/auth/password", data={"current_password": current, "new_password": new,
                                               "confirm_password": new if confirm is None else confirm})


def test_the_user_menu_links_the_page(client, as_role):
    as_role(Role.MEMBER)
    assert 'href="/auth/password"' in client.get("/").get_data(as_text=True)
    assert "Đổi mật khẩu" in client.get("/auth/password").get_data(as_text=True)


@pytest.mark.parametrize("role", list(Role))
def test_every_role_changes_its_password(app, client, make_user, role):
    user = make_user(role, username="doi")
    client.post("/auth/login", data={"username": "doi", "password": PASSWORD})
    other_device = app.test_client()
    other_device.post("/auth/login", data={"username": "doi", "password": PASSWORD})
    response = _change(client)
    assert response.status_code == 302
    db.session.refresh(user)
    assert user.check_password(NEW) and not user.check_password(PASSWORD)
    assert client.get("/").status_code == 200            # this session goes on
    assert other_device.get("/").status_code == 302      # the others end


@pytest.mark.parametrize("new, confirm, message", [
    ("ngan", None, "ít nhất 10 ký tự"),
    ("123456789", None, "ít nhất 10 ký tự"),
    ("doancongtac", None, "quá phổ biến"),
    ("matkhau123", None, "quá phổ biến"),
    ("Password123", None, "quá phổ biến"),
    ("tranvanbinh-2026", None, "tên đăng nhập"),
    (NEW, "Hoa-sen-khac-2026", "không khớp"),
])
def test_the_policy_refuses_weak_passwords(client, make_user, new, confirm, message):
    user = make_user(Role.MEMBER, username="tranvanbinh")
    client.post("/auth/login", data={"username": "tranvanbinh", "password": PASSWORD})
    response = _change(client, new=new, confirm=confirm)
    assert response.status_code == 422 and message in response.get_data(as_text=True)
    db.session.refresh(user)
    assert user.check_password(PASSWORD)


def test_the_current_password_is_required(client, make_user):
    user = make_user(Role.MEMBER, username="an")
    client.post("/auth/login", data={"username": "an", "password": PASSWORD})
    response = _change(client, current="khong-dung-2026")
    assert response.status_code == 422 and "Mật khẩu hiện tại không đúng" in response.get_data(as_text=True)
    db.session.refresh(user)
    assert user.check_password(PASSWORD)


def test_guessing_the_current_password_is_throttled(app, client, make_user):
    make_user(Role.MEMBER, username="an")
    client.post("/auth/login", data={"username": "an", "password": PASSWORD})
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        _change(client, current="doan-sai-mat-khau")
    assert _change(client).status_code == 429


def test_a_changed_password_ends_the_calendar_link(client, make_user):
    user = make_user(Role.MEMBER, username="an")
    token = issue_token(user)
    db.session.commit()
    client.post("/auth/login", data={"username": "an", "password": PASSWORD})
    assert _change(client).status_code == 302
    assert db.session.scalar(select(CalendarFeed).where(CalendarFeed.user_id == user.id)) is not None
    assert client.get(f"/notifications/calendar/{token}.ics").status_code == 404


def test_the_page_needs_a_login(client):
    assert client.get("/auth/password").status_code == 302
