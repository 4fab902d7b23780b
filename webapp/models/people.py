"""Persons: group members, officers and anyone who attends meetings."""
from datetime import date
from typing import Optional

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..names import clean_name, fold, sort_key
from .units import Unit


class Person(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(160))
    search_key: Mapped[str] = mapped_column(String(160), index=True)
    sort_key: Mapped[str] = mapped_column(String(255), index=True)
    birth_date: Mapped[Optional[date]]
    position: Mapped[Optional[str]] = mapped_column(String(255))
    phone: Mapped[Optional[str]] = mapped_column(String(20), index=True)
    email: Mapped[Optional[str]] = mapped_column(String(160))
    home_unit_id: Mapped[Optional[int]] = mapped_column(ForeignKey("unit.id"), index=True)
    is_council_delegate: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[Optional[str]] = mapped_column(Text)
    import_batch_id: Mapped[Optional[int]] = mapped_column(index=True)

    home_unit: Mapped[Optional[Unit]] = relationship()

    def set_name(self, name: str) -> None:
        """Store the name as NFC with whitespace collapsed, and refresh its search and sort keys."""
        self.full_name = clean_name(name)
        self.search_key = fold(self.full_name)
        self.sort_key = sort_key(self.full_name)

    def __repr__(self) -> str:
        return f"<Person {self.id} {self.full_name!r}>"
