"""Terms, working groups, memberships and assignments (all effective-dated, never overwritten)."""
import enum
from datetime import date
from typing import Optional

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint, and_, or_
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ._types import str_enum
from .people import Person
from .units import Unit


class Term(db.Model):
    """A party term (nhiệm kỳ), e.g. 2020–2025."""

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    start_date: Mapped[date]
    end_date: Mapped[date]
    is_current: Mapped[bool] = mapped_column(default=False)

    def contains(self, day: date) -> bool:
        return self.start_date <= day <= self.end_date


class MemberRole(str, enum.Enum):
    HEAD = "head"
    DEPUTY = "deputy"
    MEMBER = "member"


ROLE_ORDER = {MemberRole.HEAD: 0, MemberRole.DEPUTY: 1, MemberRole.MEMBER: 2}


class WorkingGroup(db.Model):
    """A working group (Đoàn công tác) of a committee for one term."""

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int]
    name: Mapped[str] = mapped_column(String(200))
    term_id: Mapped[int] = mapped_column(ForeignKey("term.id"), index=True)
    owner_unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    notes: Mapped[Optional[str]] = mapped_column(Text)
    # A ward-level group names the higher-level group it works with; their members coordinate on shared units.
    works_with_group_id: Mapped[Optional[int]] = mapped_column(ForeignKey("working_group.id"), index=True)

    term: Mapped[Term] = relationship()
    owner_unit: Mapped[Unit] = relationship()
    works_with: Mapped[Optional["WorkingGroup"]] = relationship(remote_side=[id], foreign_keys=[works_with_group_id],
                                                                back_populates="partners")
    partners: Mapped[list["WorkingGroup"]] = relationship(
        foreign_keys=[works_with_group_id], back_populates="works_with", order_by="WorkingGroup.number"
    )
    memberships: Mapped[list["Membership"]] = relationship(back_populates="group")

    __table_args__ = (UniqueConstraint("owner_unit_id", "term_id", "number", name="uq_group_number"),)


def active_on(model, day: date):
    """SQL condition: the effective-dated row covers `day` (end date inclusive, open end allowed)."""
    return and_(model.start_date <= day, or_(model.end_date.is_(None), model.end_date >= day))


def overlaps(model, start: date, end: date):
    """SQL condition: the effective-dated row is in force on at least one day of [start, end]."""
    return and_(model.start_date <= end, or_(model.end_date.is_(None), model.end_date >= start))


class Membership(db.Model):
    """A person's role in a working group over a period."""

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("working_group.id"), index=True)
    role: Mapped[MemberRole] = mapped_column(str_enum(MemberRole, "member_role"))
    start_date: Mapped[date]
    end_date: Mapped[Optional[date]]
    responsibilities: Mapped[Optional[str]] = mapped_column(Text)
    import_batch_id: Mapped[Optional[int]] = mapped_column(index=True)

    person: Mapped[Person] = relationship()
    group: Mapped[WorkingGroup] = relationship(back_populates="memberships")
    assignments: Mapped[list["Assignment"]] = relationship(back_populates="membership")

    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="membership_dates"),
        Index("ix_membership_group_dates", "group_id", "start_date", "end_date"),
    )

    def is_active(self, day: date) -> bool:
        return self.start_date <= day and (self.end_date is None or self.end_date >= day)


class Assignment(db.Model):
    """Which group member follows which unit, over a period; changes close a row and open another."""

    id: Mapped[int] = mapped_column(primary_key=True)
    membership_id: Mapped[int] = mapped_column(ForeignKey("membership.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    start_date: Mapped[date]
    end_date: Mapped[Optional[date]]
    notes: Mapped[Optional[str]] = mapped_column(Text)
    import_batch_id: Mapped[Optional[int]] = mapped_column(index=True)

    membership: Mapped[Membership] = relationship(back_populates="assignments")
    person: Mapped[Person] = relationship()
    unit: Mapped[Unit] = relationship()

    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="assignment_dates"),
        Index("ix_assignment_unit_dates", "unit_id", "start_date", "end_date"),
    )

    def is_active(self, day: date) -> bool:
        return self.start_date <= day and (self.end_date is None or self.end_date >= day)
