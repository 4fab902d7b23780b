"""User accounts, roles and login throttling."""
import enum
from datetime import datetime
from typing import Optional

from flask import current_app, has_app_context
from flask_login import UserMixin
from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clock import utcnow
from ..extensions import db
from ..passwords import ARGON2, check_password_hash, generate_password_hash, needs_rehash
from ._types import str_enum
from .people import Person
from .units import Unit


class Role(str, enum.Enum):
    ADMIN = "admin"
    LEADERSHIP = "leadership"
    GROUP_HEAD = "group_head"
    UNIT_OFFICER = "unit_officer"
    MEMBER = "member"


class User(UserMixin, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(160))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(str_enum(Role, "user_role"))
    scope_unit_id: Mapped[Optional[int]] = mapped_column(ForeignKey("unit.id"))
    person_id: Mapped[Optional[int]] = mapped_column(ForeignKey("person.id"))
    email: Mapped[Optional[str]] = mapped_column(String(160))
    locale: Mapped[Optional[str]] = mapped_column(String(8))
    active: Mapped[bool] = mapped_column(default=True)
    session_version: Mapped[int] = mapped_column(default=1, server_default="1")  # bumped to end every session
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Last login, creation or reactivation: accounts unused for UNUSED_ACCOUNT_DAYS after it are disabled.
    last_active_at: Mapped[Optional[datetime]] = mapped_column(default=utcnow)
    # TOTP second factor (webapp/auth/two_factor.py): the shared secret, the last time step accepted (a code is
    # used once), and the SHA-256 of each unused recovery code. Never written to the audit log.
    totp_secret: Mapped[Optional[str]] = mapped_column(String(64))
    totp_last_step: Mapped[Optional[int]]
    totp_recovery: Mapped[Optional[list]] = mapped_column(JSON)

    scope_unit: Mapped[Optional[Unit]] = relationship()
    person: Mapped[Optional[Person]] = relationship()

    @property
    def is_active(self) -> bool:
        return self.active

    def get_id(self) -> str:
        """The session carries the version too: logging out or a new password ends every copy of old cookies."""
        return f"{self.id}:{self.session_version}"

    def end_sessions(self) -> None:
        """Every session signed before now stops working."""
        self.session_version = (self.session_version or 1) + 1

    def set_password(self, password: str) -> None:
        """Hash with the configured method (argon2 by default; tests use a cheap one for speed); a new password
        ends every session of an existing account."""
        self.password_hash = generate_password_hash(password, method=hash_method())
        if self.id is not None:
            self.end_sessions()

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def rehash_password_if_outdated(self, password: str) -> bool:
        """After a successful check: store the same password hashed with the current method, if it was not.
        The password is unchanged, so sessions live on. Returns whether the hash changed."""
        if not needs_rehash(self.password_hash, hash_method()):
            return False
        self.password_hash = generate_password_hash(password, method=hash_method())
        return True


def hash_method() -> str:
    """The configured hash method (PASSWORD_HASH_METHOD), argon2 outside an app."""
    return current_app.config.get("PASSWORD_HASH_METHOD", ARGON2) if has_app_context() else ARGON2


class LoginAttempt(db.Model):
    """A failed login, kept to throttle guessing per user name and per address."""

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), index=True)
    remote_addr: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
