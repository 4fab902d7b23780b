"""Per-group figures: the groups in view and their members' figures summed."""
from dataclasses import dataclass, field

from sqlalchemy import func, select

from ...extensions import db
from ...meetings.rates import Counts
from ...models import WorkingGroup
from ..filters import Filters
from .common import group_ids
from .members import MemberFigure


@dataclass
class GroupFigure:
    group: WorkingGroup
    members: int = 0
    attendance: Counts = field(default_factory=Counts)
    meetings_attended: int = 0
    opinions: int = 0
    feedback: int = 0
    tasks_on_time: int = 0
    tasks_overdue: int = 0
    reports: dict[str, int] = field(default_factory=dict)
    flagged: int = 0


def groups_in_view(f: Filters) -> list[WorkingGroup]:
    """The working groups the filters select, by number."""
    return list(db.session.scalars(select(WorkingGroup).where(WorkingGroup.id.in_(group_ids(f)))
                                   .order_by(WorkingGroup.number)))


def group_in_scope(f: Filters, group: WorkingGroup) -> bool:
    """Whether `group` is among the groups the user's scope and the term allow (group filter ignored)."""
    stmt = group_ids(f, all_groups=True).where(WorkingGroup.id == group.id)
    return db.session.scalar(select(func.count()).select_from(stmt.subquery())) > 0


def group_figures(groups: list[WorkingGroup], figures: list[MemberFigure],
                  reports: dict | None = None) -> list[GroupFigure]:
    """Per group: members, summed attendance and activity, reports by standing, and how many members are
    flagged."""
    by_id = {g.id: GroupFigure(g, reports=(reports or {}).get(g.id, {})) for g in groups}
    for figure in figures:
        group = by_id.get(figure.member.group_id)
        if group:
            group.members += 1
            group.attendance.add(figure.attendance)
            group.meetings_attended += figure.meetings_attended
            group.opinions += figure.opinions
            group.feedback += figure.feedback
            group.tasks_on_time += figure.tasks_on_time
            group.tasks_overdue += figure.tasks_overdue
            group.flagged += figure.flagged
    return list(by_id.values())
