"""Level-2 second factor (#21 item 8): TOTP required for administrators and optional for others, with
single-use recovery codes; a code is accepted once."""
import re
from datetime import timedelta

import pyotp
import pytest

from tests.factories import PASSWORD
from webapp import clock as app_clock
from webapp.extensions import db
from webapp.models import AuditLog, Role


@pytest.fixture(autouse=True)
def admins_need_it(app):
    saved = app.config["TOTP_REQUIRED_ROLES"]
    app.config["TOTP_REQUIRED_ROLES"] = ("admin",)
    yield
    app.config["TOTP_REQUIRED_ROLES"] = saved


def _login(client, username):
    return client.post("/auth/login", data={"username": username, "password": PASSWORD})


def _enrol(client):
    """Set up TOTP through the pages; returns (secret, recovery codes)."""
    page = client.get("/auth/two-factor/setup").get_data(as_text=True)
    assert 'src="data:image/svg+xml' in page
    secret = re.search(r"nhập khóa: ([A-Z2-7]{16,})", page).group(1)
    response = client.post("/auth/two-factor/setup", data={"code": pyotp.TOTP(secret).at(app_clock.now())})
    assert response.status_code == 200
    codes = re.findall(r"<code>([a-z0-9]{4}-[a-z0-9]{4})</code>", response.get_data(as_text=True))
    assert len(codes) == 10
    return secret, codes


def _next_step(clock):
    clock(app_clock.now() + timedelta(seconds=30))


def test_an_admin_without_a_second_factor_can_only_set_one_up(client, make_user):
    make_user(Role.ADMIN, username="quantri")
    assert _login(client, "quantri").status_code == 302
    response = client.get("/people/")
    assert response.status_code == 302 and response.headers["Location"].endswith("/auth/two-factor/setup")
    _enrol(client)
    assert client.get("/people/").status_code == 200


def test_an_enrolled_admin_needs_the_code_at_login(app, make_user, clock):
    user = make_user(Role.ADMIN, username="quantri")
    first = app.test_client()
    _login(first, "quantri")
    secret, _codes = _enrol(first)
    client = app.test_client()
    response = _login(client, "quantri")
    assert response.headers["Location"].endswith("/auth/two-factor")
    assert client.get("/").status_code == 302      # not logged in before the code
    assert client.post("/auth/two-factor", data={"code": "000000"}).status_code == 401
    _next_step(clock)
    assert client.post("/auth/two-factor", data={"code": pyotp.TOTP(secret).at(app_clock.now())}).status_code == 302
    assert client.get("/").status_code == 200
    db.session.refresh(user)
    assert user.totp_secret == secret


def test_a_code_is_accepted_once(app, make_user, clock):
    make_user(Role.ADMIN, username="quantri")
    first = app.test_client()
    _login(first, "quantri")
    secret, _codes = _enrol(first)
    _next_step(clock)
    code = pyotp.TOTP(secret).at(app_clock.now())
    one, two = app.test_client(), app.test_client()
    _login(one, "quantri")
    _login(two, "quantri")
    assert one.post("/auth/two-factor", data={"code": code}).status_code == 302
    assert two.post("/auth/two-factor", data={"code": code}).status_code == 401


def test_a_recovery_code_works_once(app, make_user):
    make_user(Role.ADMIN, username="quantri")
    first = app.test_client()
    _login(first, "quantri")
    _secret, codes = _enrol(first)
    one, two = app.test_client(), app.test_client()
    _login(one, "quantri")
    assert one.post("/auth/two-factor", data={"code": codes[3].upper()}).status_code == 302
    _login(two, "quantri")
    assert two.post("/auth/two-factor", data={"code": codes[3]}).status_code == 401


def test_guessing_codes_is_throttled(app, client, make_user):
    make_user(Role.MEMBER, username="an")
    _login(client, "an")
    _enrol(client)
    other = app.test_client()
    _login(other, "an")
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        other.post("/auth/two-factor", data={"code": "123456"})
    assert other.post("/auth/two-factor", data={"code": "654321"}).status_code == 429


def test_the_pending_step_expires(app, make_user, clock):
    make_user(Role.MEMBER, username="an")
    first = app.test_client()
    _login(first, "an")
    secret, _codes = _enrol(first)
    client = app.test_client()
    _login(client, "an")
    clock(app_clock.now() + timedelta(minutes=6))
    response = client.post("/auth/two-factor", data={"code": pyotp.TOTP(secret).at(app_clock.now())})
    assert response.status_code == 302 and response.headers["Location"].endswith("/auth/login")


def test_a_member_may_work_without_it_and_turn_it_off(client, make_user):
    user = make_user(Role.MEMBER, username="an")
    _login(client, "an")
    assert client.get("/").status_code == 200
    _enrol(client)
    client.post("/auth/two-factor/disable", data={"password": PASSWORD})
    db.session.refresh(user)
    assert user.totp_secret is None


def test_an_admin_cannot_turn_it_off(client, make_user):
    user = make_user(Role.ADMIN, username="quantri")
    _login(client, "quantri")
    _enrol(client)
    client.post("/auth/two-factor/disable", data={"password": PASSWORD})
    db.session.refresh(user)
    assert user.totp_secret is not None


def test_the_secret_never_reaches_the_audit_log(client, make_user):
    user = make_user(Role.MEMBER, username="an")
    _login(client, "an")
    secret, codes = _enrol(client)
    logged = " ".join(str(e.before) + str(e.after) for e in db.session.query(AuditLog).all())
    assert user.id and "totp_last_step" in logged   # the user's row was audited
    assert secret not in logged and "totp_secret" not in logged and "totp_recovery" not in logged
    assert not any(code in logged for code in codes)


def test_fragments_are_not_answered_with_the_set_up_page(client, make_user):
    """The set-up page's own htmx fragments (the badge) get nothing rather than a whole page inside a menu."""
    make_user(Role.ADMIN, username="quantri")
    _login(client, "quantri")
    response = client.get("/notifications/badge", headers={"HX-Request": "true"})
    assert response.status_code == 204 and response.get_data() == b""
