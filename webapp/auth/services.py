"""Authentication with throttling of failed attempts per user name and per address."""
from datetime import timedelta

from flask import current_app
from sqlalchemy import delete, func, select

from ..extensions import db
from ..formfields import RuleViolation
from ..models import LoginAttempt, Unit, User
from . import rules
from ..clock import utcnow


def is_throttled(username: str, remote_addr: str) -> bool:
    """Too many recent failures for this user name, or from this address (3× the per-user limit)."""
    limit = current_app.config["LOGIN_MAX_FAILURES"]
    since = utcnow() - timedelta(minutes=current_app.config["LOGIN_LOCK_MINUTES"])
    recent = select(func.count()).select_from(LoginAttempt).where(LoginAttempt.at >= since)
    by_name = db.session.scalar(recent.where(LoginAttempt.username == username.lower()))
    by_addr = db.session.scalar(recent.where(LoginAttempt.remote_addr == remote_addr))
    return by_name >= limit or by_addr >= 3 * limit


def authenticate(username: str, password: str, remote_addr: str) -> User | None:
    """The active user with these credentials, recording a failure otherwise."""
    user = db.session.scalar(select(User).where(func.lower(User.username) == username.lower()))
    if user and user.active and user.check_password(password):
        db.session.execute(delete(LoginAttempt).where(LoginAttempt.username == username.lower()))
        db.session.commit()
        return user
    db.session.add(LoginAttempt(username=username.lower()[:80], remote_addr=remote_addr[:64]))
    db.session.commit()
    return None


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
