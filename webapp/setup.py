"""The configure_*/register_* steps that `create_app` lists."""
from pathlib import Path

from flask import Flask, has_request_context, session
from flask_login import current_user
from sqlalchemy import bindparam, event, select
from sqlalchemy.orm import joinedload
from werkzeug.routing import IntegerConverter

from .extensions import babel, csrf, db, htmx, login_manager, migrate
from .formfields import DB_INT_MAX
from .i18n import LOCALES
from .imports import locks


def _sqlite_file_pool(app: Flask) -> None:
    """A SQLite file: no cap on pooled connections, so requests waiting for the one writer's lock (a long import)
    never also time out waiting for a connection; each waits SQLITE_BUSY_TIMEOUT_SECONDS at most for the lock."""
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    if url.startswith("sqlite:///") and ":memory:" not in url:
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {**app.config.get("SQLALCHEMY_ENGINE_OPTIONS", {}),
                                                   "max_overflow": -1}


def configure_extensions(app: Flask) -> None:
    _sqlite_file_pool(app)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(__file__).parent / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    htmx.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = None
    login_manager.session_protection = "strong"
    from . import audit  # noqa: F401  (registers the audit listeners)


def configure_wire(app: Flask) -> None:
    """Compression and static caching; registered before any other after-request step, so it runs last."""
    from . import wire

    wire.install(app)


_user_statement = []  # built at the first request: the models are imported late


def _user_by_id():
    """The select of a user by id (`:user_id`) with their scope unit joined. Built once: a statement built anew
    (as `Session.get` with options does) is traversed for its cache key at every request, which cost more than
    running it; this one's key is computed once and kept on it."""
    if not _user_statement:
        from .models import User

        _user_statement.append(select(User).options(joinedload(User.scope_unit))
                               .where(User.id == bindparam("user_id")))
    return _user_statement[0]


@login_manager.user_loader
def _load_user(user_id: str):
    """The user of a session whose version is still the account's (logout and password changes bump it), with
    their scope unit in the same statement: nearly every page asks for the unit's path (`permissions.scope_path`)."""
    raw_id, _, version = user_id.partition(":")
    if not raw_id.isdigit() or not version.isdigit():
        return None
    user = db.session.scalars(_user_by_id(), {"user_id": int(raw_id)}).first()  # every scoped query reads the unit
    return user if user is not None and user.session_version == int(version) else None


def _sqlite_pragmas(busy_ms: int):
    def set_pragmas(dbapi_connection, connection_record):
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={busy_ms}")  # first: switching to WAL may itself wait for the lock
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return set_pragmas


def configure_database(app: Flask) -> None:
    """SQLite gets WAL, foreign keys and a busy timeout on every connection: a write waits that long for the lock
    a long import holds, then is refused with the BUSY message (`run_service`, `errors`), never a 500. A connection
    an import checked foreign keys on at its end gets them back on its way into the pool (`locks`)."""
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return
    busy_ms = int(1000 * app.config.get("SQLITE_BUSY_TIMEOUT_SECONDS", 10))
    with app.app_context():
        event.listen(db.engine, "connect", _sqlite_pragmas(busy_ms))
        event.listen(db.engine, "checkin", locks.restore_references)


def select_locale() -> str:
    """The user's chosen language, else the session's, else Vietnamese (also outside a request: the CLI)."""
    if not has_request_context():
        return "vi"
    if current_user and getattr(current_user, "is_authenticated", False) and current_user.locale in LOCALES:
        return current_user.locale
    return session.get("locale") if session.get("locale") in LOCALES else "vi"


def configure_i18n(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale,
                   default_translation_directories=str(Path(__file__).parent / "translations"))
    from . import template_i18n

    template_i18n.install(app)


def configure_security(app: Flask) -> None:
    from .auth import idle, two_factor_views

    idle.install(app)
    two_factor_views.install(app)

    @app.after_request
    def _security_headers(response):
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            "script-src 'self'; object-src 'none'; frame-ancestors 'self'",
        )
        return response


class DatabaseIdConverter(IntegerConverter):
    """`<int:…>` in URLs: ids are database INTEGERs, so a longer number is a 404, not a query that overflows."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", DB_INT_MAX)
        super().__init__(map, *args, **kwargs)


def register_blueprints(app: Flask) -> None:
    from .blueprints import BLUEPRINTS

    app.url_map.converters["int"] = DatabaseIdConverter
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)


def register_error_handlers(app: Flask) -> None:
    from .errors import register

    register(app)


def register_template_helpers(app: Flask) -> None:
    from . import template_helpers

    template_helpers.register(app)


def register_commands(app: Flask) -> None:
    from .cli import COMMANDS

    for command in COMMANDS:
        app.cli.add_command(command)
