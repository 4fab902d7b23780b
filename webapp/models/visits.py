"""Field visits (đi cơ sở): a member's visit to a unit they follow, what they found and what was raised."""
from datetime import date, datetime
from typing import Optional

from sqlalchemy import ForeignKey, Index, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clock import utcnow
from ..extensions import db
from .accounts import User
from .groups import WorkingGroup
from .people import Person
from .units import Unit


class FieldVisit(db.Model):
    """One visit by a member to a unit, for the working group that assigned the unit to them."""

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    group_id: Mapped[Optional[int]] = mapped_column(ForeignKey("working_group.id"), index=True)
    visited_on: Mapped[date] = mapped_column(index=True)
    met_with: Mapped[Optional[str]] = mapped_column(String(300))
    findings: Mapped[str] = mapped_column(Text)
    difficulties: Mapped[Optional[str]] = mapped_column(Text)
    # Raised as a restricted complaint (e.g. "Tố cáo"): the visit's own text is restricted at its source, so no
    # list, export, timeline or task made from it shows it to readers of the complaint's category.
    restricted: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    person: Mapped[Person] = relationship()
    unit: Mapped[Unit] = relationship()
    group: Mapped[Optional[WorkingGroup]] = relationship()
    created_by: Mapped[Optional[User]] = relationship()

    __table_args__ = (Index("ix_field_visit_person_unit_day", "person_id", "unit_id", "visited_on"),)

    @property
    def number(self) -> str:
        return f"CS-{self.id:05d}"
