"""Shared fixtures: one database per test run (SQLite file, or a fresh PostgreSQL database when
TEST_DATABASE_URL is set), emptied after every test so tests never see each other's rows."""
import os
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask import g, has_app_context
from flask.testing import FlaskClient
from hypothesis import settings
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from webapp import clock as app_clock
from webapp import create_app, data_cache
from webapp.extensions import db

pytest_plugins = ["tests.factories"]

# Property tests draw the same examples on every run (the suite is deterministic; a failing example found while
# exploring locally is added as an @example), with no per-example deadline on a loaded machine
settings.register_profile("suite", derandomize=True, deadline=None)
settings.load_profile("suite")

SHARED_DIR = Path(__file__).resolve().parents[1].parent / "shared"


def _postgres_database(base_url: str):
    """Create a uniquely named database next to TEST_DATABASE_URL; return its URL and a dropper."""
    url = make_url(base_url).set(drivername="postgresql+psycopg")
    name = f"dct_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop():
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url.set(database=name).render_as_string(hide_password=False), drop


@contextmanager
def own_database_url(tmp_dir: Path):
    """A database of its own for the run: a fresh PostgreSQL database next to TEST_DATABASE_URL (dropped after),
    else a SQLite file in `tmp_dir`."""
    base = os.environ.get("TEST_DATABASE_URL")
    if base:
        url, drop = _postgres_database(base)
        try:
            yield url
        finally:
            drop()
    else:
        yield f"sqlite:///{tmp_dir / 'test.sqlite'}"


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    with own_database_url(tmp_path_factory.mktemp("db")) as url:
        yield url


@contextmanager
def app_for_tests(database_url: str, instance: Path):
    """An app configured for tests on `database_url`, its tables created (and dropped afterwards)."""
    os.environ["INSTANCE_PATH"] = str(instance)
    application = create_app({
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "UPLOAD_FOLDER": str(instance / "uploads"),
        "LOGIN_MAX_FAILURES": 5,
        "WTF_CSRF_ENABLED": False,
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
        # Tests jump the clock by days between requests: the idle timeout and the disabling of unused accounts
        # are off here, and on (at their defaults) in tests/webapp/auth/test_sessions.py.
        "SESSION_IDLE_MINUTES": 0,
        "UNUSED_ACCOUNT_DAYS": 0,
        "TOTP_REQUIRED_ROLES": (),   # on for administrators in tests/webapp/auth/test_two_factor.py
    })
    with application.app_context():
        db.create_all()
    try:
        yield application
    finally:
        with application.app_context():
            db.session.remove()
            db.drop_all()
            db.engine.dispose()


@pytest.fixture(scope="session")
def app(database_url, tmp_path_factory):
    with app_for_tests(database_url, tmp_path_factory.mktemp("instance")) as application:
        yield application


def _empty_all_tables():
    db.session.rollback()
    tables = db.metadata.sorted_tables
    if db.engine.dialect.name == "postgresql":
        names = ", ".join(f'"{t.name}"' for t in tables)
        db.session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    else:
        for table in reversed(tables):
            db.session.execute(table.delete())
    db.session.commit()


@pytest.fixture(autouse=True)
def _clean_database(request):
    """Every test that uses the app starts from empty tables."""
    if "app" not in request.fixturenames:
        yield
        return
    app = request.getfixturevalue("app")
    with app.app_context():
        yield
        _empty_all_tables()
        db.session.remove()
        data_cache.clear()  # the next test's data may reach the same data version


class RequestClient(FlaskClient):
    """A test client whose every request starts with an empty `g`, as in production. Tests hold one app context
    (for the database), and Flask reuses it for requests, so the user Flask-Login and the locale Flask-Babel
    remember on `g` would otherwise outlive the request that set them."""

    def open(self, *args, **kwargs):
        if has_app_context():
            for name in list(vars(g)):
                delattr(g, name)
        return super().open(*args, **kwargs)


@pytest.fixture
def client(app):
    app.test_client_class = RequestClient
    return app.test_client()


@pytest.fixture
def csrf_on(app):
    """CSRF checks on, as in production (the suite turns them off elsewhere to keep posts short)."""
    app.config["WTF_CSRF_ENABLED"] = True
    yield app
    app.config["WTF_CSRF_ENABLED"] = False


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture(autouse=True)
def clock():
    """The app's clock: `clock(datetime(..., tzinfo=...))` moves it for this test; it is put back afterwards."""
    yield app_clock.set_now
    app_clock.set_now(None)
