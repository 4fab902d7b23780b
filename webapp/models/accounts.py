"""User accounts, roles and login throttling."""
import enum
from datetime import datetime
from typing import Optional

from flask import current_app, has_app_context
from flask_login import UserMixin
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db
from ..clock import utcnow
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
        """Hash with the configured method (scrypt by default; tests use a cheap one for speed)."""
        method = current_app.config.get("PASSWORD_HASH_METHOD", "scrypt") if has_app_context() else "scrypt"
        self.password_hash = generate_password_hash(password, method=method)
        if self.id is not None:
            self.end_sessions()

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)


class LoginAttempt(db.Model):
    """A failed login, kept to throttle guessing per user name and per address."""

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), index=True)
    remote_addr: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
