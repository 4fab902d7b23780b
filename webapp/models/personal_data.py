"""A person's requests about the data the app holds on them (to see it, correct it or erase it), with the
deadline the law gives for an answer and the answer itself."""
import enum
from datetime import date, datetime
from typing import Optional

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clock import utcnow
from ..extensions import db
from ._types import str_enum
from .accounts import User
from .people import Person


class DataRequestKind(str, enum.Enum):
    ACCESS = "access"          # to see / receive a copy of the data
    CORRECTION = "correction"  # to correct it
    ERASURE = "erasure"        # to erase it


class PersonalDataRequest(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    kind: Mapped[DataRequestKind] = mapped_column(str_enum(DataRequestKind, "data_request_kind"))
    received_on: Mapped[date]
    due_on: Mapped[date]
    requested_by: Mapped[str] = mapped_column(String(160))
    details: Mapped[Optional[str]] = mapped_column(Text)
    answered_on: Mapped[Optional[date]]
    answer: Mapped[Optional[str]] = mapped_column(Text)
    recorded_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)

    person: Mapped[Person] = relationship()
    recorded_by: Mapped[Optional[User]] = relationship()
