"""Authentication with throttling of failed attempts per user name and per address."""
from datetime import timedelta

from flask import current_app
from sqlalchemy import delete, func, select

from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db
from ..formfields import RuleViolation
from ..models import CalendarFeed, LoginAttempt, Unit, User
from . import rules
from ..clock import utcnow


def record_attempt(username: str, remote_addr: str) -> None:
    """Count this attempt before its password is checked (the caller commits at once): concurrent attempts then
    each see every attempt committed before their own, so no more than the limit are ever checked."""
    db.session.add(LoginAttempt(username=username.lower()[:80], remote_addr=remote_addr[:64]))
    db.session.flush()


def is_throttled(username: str, remote_addr: str) -> bool:
    """More recent attempts (this one included) for this user name from this address than the limit allows.
    Counted per pair, not per address: behind the office's reverse proxy every officer shares one address, and
    one officer's typos must not lock the rest."""
    limit = current_app.config["LOGIN_MAX_FAILURES"]
    since = utcnow() - timedelta(minutes=current_app.config["LOGIN_LOCK_MINUTES"])
    recent = select(func.count()).select_from(LoginAttempt).where(
        LoginAttempt.at >= since, LoginAttempt.username == username.lower()[:80],
        LoginAttempt.remote_addr == remote_addr[:64])
    return db.session.scalar(recent) > limit


def _dummy_hash() -> str:
    """A hash made like the real ones, checked when the user name is unknown so the answer takes as long."""
    cache = current_app.extensions.setdefault("dummy_password_hash", {})
    method = current_app.config.get("PASSWORD_HASH_METHOD", "scrypt")
    if method not in cache:
        cache[method] = generate_password_hash("not-a-password", method=method)
    return cache[method]


def authenticate(username: str, password: str) -> User | None:
    """The active user with these credentials (their attempts then forgotten), else None; the attempt itself was
    counted by `record_attempt`. The password is hashed whether the name is unknown, the account deactivated or
    not, so the answer takes as long in every case."""
    user = db.session.scalar(select(User).where(func.lower(User.username) == username.lower()))
    if user is None:
        check_password_hash(_dummy_hash(), password)
        return None
    password_ok = user.check_password(password)
    if not (password_ok and user.active):
        return None
    db.session.execute(delete(LoginAttempt).where(LoginAttempt.username == username.lower()))
    return user


def create_user(username: str, password: str, role, display_name: str | None = None,
                scope_unit_id: int | None = None, person_id: int | None = None) -> User:
    """Create an account after checking its rules; flushes, the caller commits."""
    taken = db.session.scalar(select(User.id).where(func.lower(User.username) == username.lower()).limit(1))
    for field, message in (("username", rules.username_taken(username, taken is not None)),
                           ("password", rules.password_too_short(password)),
                           ("scope_unit_id", rules.unknown_scope_unit(
                               scope_unit_id, bool(scope_unit_id) and db.session.get(Unit, scope_unit_id) is not None))):
        if message is not None:
            raise RuleViolation(field, message)
    user = User(username=username, display_name=display_name or username, role=role,
                scope_unit_id=scope_unit_id, person_id=person_id)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def end_sessions(user: User) -> None:
    """Every copy of the user's session cookie stops working (logout, password change), and so does their
    calendar link (`notifications.calendar.user_for_token` compares session versions)."""
    user.end_sessions()
    db.session.flush()


def logout_everywhere(user: User) -> None:
    """Every session of the user ends and their calendar link stops working (a lost phone, a shared PC)."""
    end_sessions(user)
    db.session.execute(delete(CalendarFeed).where(CalendarFeed.user_id == user.id))
    db.session.flush()


def choose_locale(user: User, code: str) -> None:
    """The user's interface language, kept for their next login."""
    user.locale = code
    db.session.flush()
