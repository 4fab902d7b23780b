"""The building blocks every figure shares: month keys, subtrees, the groups and persons in view, attendance counts."""
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select

from ...extensions import db
from ...models import Assignment, Membership, Unit, WorkingGroup
from ...models.groups import overlaps
from ...permissions import path_under
from ..filters import Filters

EPOCH = date(1900, 1, 1)


def month_key(column):
    """SQL expression 'YYYY-MM' of a date column, for either database."""
    if db.engine.dialect.name == "postgresql":
        return func.to_char(column, "YYYY-MM")
    return func.strftime("%Y-%m", column)


def group_ids(f: Filters, *, all_groups: bool = False):
    """Sub-select of the groups in view: the term's groups that own or follow units in the subtree,
    narrowed to the chosen group unless `all_groups` (coverage is judged against every group)."""
    stmt = select(WorkingGroup.id)
    if f.term is not None:
        stmt = stmt.where(WorkingGroup.term_id == f.term.id)
    if f.group is not None and not all_groups:
        stmt = stmt.where(WorkingGroup.id == f.group.id)
    if f.unit_path != "/":
        follows = (select(Membership.group_id).join(Assignment, Assignment.membership_id == Membership.id)
                   .join(Unit, Unit.id == Assignment.unit_id).where(path_under(Unit.path, f.unit_path)))
        owned = select(Unit.id).where(path_under(Unit.path, f.unit_path))
        stmt = stmt.where(or_(WorkingGroup.id.in_(follows), WorkingGroup.owner_unit_id.in_(owned)))
    return stmt


def member_person_ids(f: Filters):
    """Sub-select of persons holding a membership of a group in view during the period."""
    return select(Membership.person_id).where(Membership.group_id.in_(group_ids(f)),
                                              overlaps(Membership, f.start, f.end))


@dataclass
class Rate:
    """Attendance counts at assigned units; the rate is (present + late) / expected, excused shown apart."""

    expected: int = 0
    present: int = 0
    late: int = 0
    excused: int = 0
    absent: int = 0

    @property
    def attended(self) -> int:
        return self.present + self.late

    @property
    def rate(self) -> float | None:
        """Percentage with one decimal, or None when nothing was expected."""
        return round(100 * self.attended / self.expected, 1) if self.expected else None

    def add(self, other: "Rate") -> None:
        self.expected += other.expected
        self.present += other.present
        self.late += other.late
        self.excused += other.excused
        self.absent += other.absent
