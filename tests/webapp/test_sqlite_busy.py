"""A write while another connection holds SQLite's write lock (a long import commit): it waits up to
SQLITE_BUSY_TIMEOUT_SECONDS, then is refused with the Vietnamese BUSY message — never a 500."""
import sqlite3
import threading
from contextlib import contextmanager

import pyotp
import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from tests.factories import PASSWORD
from webapp import create_app
from webapp.auth.services import create_user
from webapp.extensions import db
from webapp.models import LoginAttempt, Role, User

BUSY_WORDS = "Cơ sở dữ liệu đang bận ghi việc khác"


@pytest.fixture
def sqlite_app(tmp_path):
    """An app on its own SQLite file with a short busy timeout (the suite's database may be PostgreSQL)."""
    apps = []

    def make(busy_seconds: float):
        path = tmp_path / f"busy-{len(apps)}.sqlite"
        app = create_app({
            "TESTING": True, "SECRET_KEY": "test-secret", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}",
            "UPLOAD_FOLDER": str(tmp_path / "uploads"), "WTF_CSRF_ENABLED": False,
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000", "SESSION_IDLE_MINUTES": 0, "UNUSED_ACCOUNT_DAYS": 0,
            "TOTP_REQUIRED_ROLES": (), "SQLITE_BUSY_TIMEOUT_SECONDS": busy_seconds,
        })

        @app.post("/_raw-write")
        def raw_write():  # a write outside run_service, committed by the view itself
            db.session.add(LoginAttempt(username="raw", remote_addr="127.0.0.1"))
            db.session.commit()
            return "written"

        with app.app_context():
            db.create_all()
            create_user("canbo", PASSWORD, Role.ADMIN)
            db.session.commit()
        apps.append(app)
        return app, path

    yield make
    for app in apps:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


@contextmanager
def write_lock_held(path, release_after: float | None = None):
    """Another connection's open write transaction for the block, as the import commit's BEGIN IMMEDIATE holds
    it; with `release_after`, given up that many seconds into the block (the block's write waits for it)."""
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(release_after, holder.rollback) if release_after is not None else None
    if release:
        release.start()
    try:
        yield
    finally:
        if release:
            release.join()
        holder.rollback()
        holder.close()


def test_connections_wait_the_configured_busy_timeout(sqlite_app):
    app, _ = sqlite_app(0.25)
    with app.app_context():
        assert db.session.execute(text("PRAGMA busy_timeout")).scalar() == 250
        assert db.session.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_a_login_while_the_database_is_busy_is_told_so_not_a_wrong_password(sqlite_app):
    app, path = sqlite_app(0.2)
    with write_lock_held(path):
        response = app.test_client().post("/auth/login", data={"username": "canbo", "password": PASSWORD})
    body = response.get_data(as_text=True)
    assert response.status_code == 503
    assert BUSY_WORDS in body
    assert "mật khẩu không đúng" not in body


@pytest.mark.parametrize("htmx", [False, True])
def test_a_write_outside_run_service_is_refused_with_the_busy_message(sqlite_app, htmx):
    app, path = sqlite_app(0.2)
    client = app.test_client()
    with write_lock_held(path):
        response = client.post("/_raw-write", headers={"HX-Request": "true"} if htmx else {})
    assert response.status_code == 503
    assert response.headers["Retry-After"]
    assert BUSY_WORDS in response.get_data(as_text=True)
    assert client.post("/_raw-write").get_data(as_text=True) == "written"  # nothing left half-open


def test_a_write_waits_for_a_short_lock_and_succeeds(sqlite_app):
    app, path = sqlite_app(30)
    client = app.test_client()
    assert client.post("/auth/login", data={"username": "canbo", "password": PASSWORD}).status_code == 302
    with write_lock_held(path, release_after=0.5):
        response = client.post("/_raw-write")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "written"


def test_a_second_factor_while_the_database_is_busy_is_told_so_not_a_wrong_code(sqlite_app):
    app, path = sqlite_app(0.2)
    secret = pyotp.random_base32()
    with app.app_context():
        db.session.scalar(select(User).where(User.username == "canbo")).totp_secret = secret
        db.session.commit()
    client = app.test_client()
    assert client.post("/auth/login", data={"username": "canbo", "password": PASSWORD}).status_code == 302
    with write_lock_held(path):
        response = client.post("/auth/two-factor", data={"code": pyotp.TOTP(secret).now()})
    body = response.get_data(as_text=True)
    assert response.status_code == 503
    assert BUSY_WORDS in body
    assert "Mã xác thực không đúng" not in body


def test_another_database_error_is_still_the_500_page(sqlite_app):
    app, _ = sqlite_app(0.2)
    app.config["PROPAGATE_EXCEPTIONS"] = False  # served like production: the 500 page, not the traceback

    @app.get("/_broken")
    def broken():
        raise OperationalError("SELECT 1", {}, Exception("disk I/O error"))

    response = app.test_client().get("/_broken")
    assert response.status_code == 500
    assert BUSY_WORDS not in response.get_data(as_text=True)


def test_an_ordinary_write_while_the_database_is_busy_is_refused_with_the_message(sqlite_app):
    app, path = sqlite_app(0.2)
    client = app.test_client()
    assert client.post("/auth/login", data={"username": "canbo", "password": PASSWORD}).status_code == 302
    with write_lock_held(path):
        response = client.post("/auth/locale/en", data={"next": "/auth/password"})  # a setting of the account
    assert response.status_code == 302
    # this session already shows English (the cookie changed); the account's choice was not saved
    assert "The database is busy with another write" in client.get("/auth/password").get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(User.locale).where(User.username == "canbo")) != "en"
