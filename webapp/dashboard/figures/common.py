"""The building blocks every figure shares: subtrees, the groups and persons in view (month keys are the
rate's: `meetings.rates.month_key`)."""
from sqlalchemy import or_, select

from ...models import Assignment, Membership, Unit, WorkingGroup
from ...models.groups import overlaps
from ...permissions import path_under
from ..filters import Filters


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
