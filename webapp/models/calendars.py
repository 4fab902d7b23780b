"""A user's private calendar feed: only a hash of its secret link is stored, so the link cannot be read back."""
from datetime import datetime
from typing import Optional

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clock import utcnow
from ..extensions import db
from .accounts import User


class CalendarFeed(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), unique=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # A digest of the user's password hash when the link was issued: a new password ends the link (so do
    # deactivation and "log out everywhere", which deletes it; an ordinary logout keeps the phone's calendar).
    password_stamp: Mapped[Optional[str]] = mapped_column(String(64))

    user: Mapped[User] = relationship()
