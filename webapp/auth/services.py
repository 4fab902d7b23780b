"""Authentication with throttling of failed attempts per user name and per address; password changes; accounts
disabled when unused."""
from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from sqlalchemy import delete, func, select

from ..clock import utcnow
from ..extensions import db
from ..models import CalendarFeed, LoginAttempt, Unit, User
from ..models.accounts import hash_method
from ..passwords import check_password_hash, generate_password_hash
from ..services import RuleViolation
from . import rules
from .policy import policy_violation


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
    method = hash_method()
    if method not in cache:
        cache[method] = generate_password_hash("not-a-password", method=method)
    return cache[method]


@dataclass(frozen=True)
class LoginOutcome:
    """A login's answer: the user let in, else maybe a message more helpful than "wrong credentials" (shown
    only to whoever gave the right password)."""
    user: User | None = None
    refusal: str | None = None

    def __bool__(self) -> bool:
        return self.user is not None


def is_unused(user: User) -> bool:
    """Nobody logged in to this account for UNUSED_ACCOUNT_DAYS since its last login, creation or reactivation."""
    days = current_app.config["UNUSED_ACCOUNT_DAYS"]
    last = user.last_active_at or user.created_at
    return bool(days) and last is not None and last < utcnow() - timedelta(days=days)


def authenticate(username: str, password: str) -> LoginOutcome:
    """The active user with these credentials (their attempts then forgotten), else a refusal; the attempt
    itself was counted by `record_attempt`. The password is hashed whether the name is unknown, the account
    deactivated or not, so the answer takes as long in every case. An account unused for too long is disabled
    here (the scheduled `disable-unused-accounts` may not have run yet). A hash made by an older method is
    replaced by one made with the current method."""
    user = db.session.scalar(select(User).where(func.lower(User.username) == username.lower()))
    if user is None:
        check_password_hash(_dummy_hash(), password)
        return LoginOutcome()
    password_ok = user.check_password(password)
    if not password_ok:
        return LoginOutcome()
    if user.active and is_unused(user):
        user.active = False
        db.session.flush()
        return LoginOutcome(refusal=str(rules.account_unused(current_app.config["UNUSED_ACCOUNT_DAYS"])))
    if not user.active:
        return LoginOutcome()
    db.session.execute(delete(LoginAttempt).where(LoginAttempt.username == username.lower()))
    if user.rehash_password_if_outdated(password):
        _restamp_calendar(user)
    user.last_active_at = utcnow()
    db.session.flush()
    return LoginOutcome(user=user)


def _restamp_calendar(user: User) -> None:
    """A rehash keeps the password, so the calendar link (stamped with the hash) must keep working."""
    from ..notifications.calendar import password_stamp

    feed = db.session.scalar(select(CalendarFeed).where(CalendarFeed.user_id == user.id))
    if feed is not None:
        feed.password_stamp = password_stamp(user)


def change_password(user: User, current: str, new: str) -> bool:
    """Replace the user's password after checking the current one and the policy; every session of the user
    ends (the caller logs the current one in again) and so does the calendar link. True when done."""
    for field, message in (("current_password", rules.wrong_current_password(user.check_password(current))),
                           ("new_password", rules.new_password_unchanged(current == new)),
                           ("new_password", policy_violation(new, user.username))):
        if message is not None:
            raise RuleViolation(field, message)
    user.set_password(new)
    db.session.execute(delete(LoginAttempt).where(LoginAttempt.username == user.username.lower()))
    db.session.flush()
    return True


def disable_unused_accounts() -> list[User]:
    """Disable every active account unused for UNUSED_ACCOUNT_DAYS (0: none); return them (the caller commits)."""
    if not current_app.config["UNUSED_ACCOUNT_DAYS"]:
        return []
    since = utcnow() - timedelta(days=current_app.config["UNUSED_ACCOUNT_DAYS"])
    last = func.coalesce(User.last_active_at, User.created_at)
    users = list(db.session.scalars(select(User).where(User.active.is_(True), last < since).order_by(User.username)))
    for user in users:
        user.active = False
    db.session.flush()
    return users


def reactivate(user: User) -> None:
    """Open a disabled account again; its unused-days count starts afresh."""
    user.active = True
    user.last_active_at = utcnow()
    db.session.flush()


def create_user(username: str, password: str, role, display_name: str | None = None,
                scope_unit_id: int | None = None, person_id: int | None = None) -> User:
    """Create an account after checking its rules; flushes, the caller commits."""
    taken = db.session.scalar(select(User.id).where(func.lower(User.username) == username.lower()).limit(1))
    known_scope = bool(scope_unit_id) and db.session.get(Unit, scope_unit_id) is not None
    for field, message in (("username", rules.username_taken(username, taken is not None)),
                           ("password", rules.password_too_short(password)),
                           ("scope_unit_id", rules.unknown_scope_unit(scope_unit_id, known_scope))):
        if message is not None:
            raise RuleViolation(field, message)
    user = User(
        username=username,
        display_name=display_name or username,
        role=role,
        scope_unit_id=scope_unit_id,
        person_id=person_id,
    )
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
