"""Reads of the groups area, each a fixed number of statements whatever the number of members."""
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager, joinedload, selectinload

from ..extensions import db
from ..models import Assignment, MemberRole, Membership, Person, Term, Unit, WorkingGroup
from ..models.groups import ROLE_ORDER, active_on
from ..permissions import in_scope


def groups_statement(search: str = ""):
    """Groups newest term first, then by number; optionally filtered by name."""
    statement = (select(WorkingGroup).join(WorkingGroup.term)
                 .options(contains_eager(WorkingGroup.term), joinedload(WorkingGroup.owner_unit))
                 .order_by(Term.start_date.desc(), WorkingGroup.number))
    if search:
        statement = statement.where(WorkingGroup.name.icontains(search.strip(), autoescape=True))
    return statement


def group_summaries(groups: list[WorkingGroup], day) -> dict[int, dict]:
    """For each group: its current head's name and the number of current members."""
    ids = [g.id for g in groups]
    summary = {gid: {"head": None, "count": 0} for gid in ids}
    counts = db.session.execute(select(Membership.group_id, func.count()).where(
        Membership.group_id.in_(ids or [0]), active_on(Membership, day)).group_by(Membership.group_id))
    for gid, count in counts:
        summary[gid]["count"] = count
    heads = db.session.scalars(select(Membership).options(joinedload(Membership.person)).where(
        Membership.group_id.in_(ids or [0]), Membership.role == MemberRole.HEAD, active_on(Membership, day)))
    for head in heads:
        summary[head.group_id]["head"] = head.person
    return summary


@dataclass
class Roster:
    """A group's members today by role, and its history of ended memberships and assignments."""

    current: dict[MemberRole, list[Membership]] = field(default_factory=lambda: {r: [] for r in MemberRole})
    ended: list[Membership] = field(default_factory=list)
    ended_assignments: list[Assignment] = field(default_factory=list)


def heads_in_force(group_ids, day, *columns):
    """Select `columns` of the head memberships of `group_ids` not ended before `day`: the one-head rule's query,
    asked by the group form (`services.add_member`, `change_role`) and by the roster import."""
    return select(*columns).where(
        Membership.group_id.in_(group_ids), Membership.role == MemberRole.HEAD,
        (Membership.end_date.is_(None)) | (Membership.end_date >= day))


def roster(group: WorkingGroup, day) -> Roster:
    """All memberships of the group with persons and units loaded in three statements."""
    memberships = db.session.scalars(
        select(Membership).where(Membership.group_id == group.id)
        .options(joinedload(Membership.person).joinedload(Person.home_unit),
                 selectinload(Membership.assignments).joinedload(Assignment.unit))
    ).unique().all()
    result = Roster()
    for m in sorted(memberships, key=lambda m: (ROLE_ORDER[m.role], m.person.sort_key, m.start_date)):
        if m.end_date is None or m.end_date >= day:
            result.current[m.role].append(m)
        else:
            result.ended.append(m)
        result.ended_assignments.extend(a for a in m.assignments if a.end_date is not None and a.end_date < day)
    result.ended.sort(key=lambda m: m.end_date, reverse=True)
    result.ended_assignments.sort(key=lambda a: a.end_date, reverse=True)
    return result


def current_assignments(membership: Membership, day) -> list[Assignment]:
    """The membership's assignments in force on `day` (from already loaded rows), by unit name."""
    return sorted((a for a in membership.assignments if a.end_date is None or a.end_date >= day),
                  key=lambda a: a.unit.name)


def terms() -> list[Term]:
    """All terms, newest first."""
    return list(db.session.scalars(select(Term).order_by(Term.start_date.desc())))


def link_choices(user) -> list[tuple[int, str]]:
    """Groups an admin may name as the higher-level group a group works with: those owned within their scope."""
    statement = (select(WorkingGroup).join(Unit, Unit.id == WorkingGroup.owner_unit_id).where(in_scope(user))
                 .options(joinedload(WorkingGroup.owner_unit)).order_by(Unit.path, WorkingGroup.number))
    return [(g.id, f"{g.name} — {g.owner_unit.name}") for g in db.session.scalars(statement)]


def linked_group_ids(person_id: int | None, day) -> set[int]:
    """The person's groups on `day`, with the groups linked to them either way (works with / worked with)."""
    if person_id is None:
        return set()
    own = set(db.session.scalars(select(Membership.group_id).where(Membership.person_id == person_id,
                                                                   active_on(Membership, day))))
    if not own:
        return set()
    linked = db.session.execute(select(WorkingGroup.id, WorkingGroup.works_with_group_id).where(
        WorkingGroup.id.in_(own) | WorkingGroup.works_with_group_id.in_(own))).all()
    return own | {gid for gid, _ in linked} | {other for _, other in linked if other is not None}


def groups_in_scope(user, search: str = "") -> list[WorkingGroup]:
    """The groups of the list (same order and search) whose owner unit lies in the user's scope."""
    return list(db.session.scalars(groups_statement(search).join(Unit, Unit.id == WorkingGroup.owner_unit_id)
                                   .where(in_scope(user))).unique())


def memberships_of(groups: list[WorkingGroup]) -> list[Membership]:
    """Every membership (current and ended) of the groups, with persons and assignments' units, grouped as the
    groups are listed, then by role, name and start."""
    order = {g.id: index for index, g in enumerate(groups)}
    rows = db.session.scalars(
        select(Membership).where(Membership.group_id.in_(list(order) or [0]))
        .options(joinedload(Membership.person), selectinload(Membership.assignments).joinedload(Assignment.unit))
    ).unique().all()
    return sorted(rows, key=lambda m: (order[m.group_id], ROLE_ORDER[m.role], m.person.sort_key, m.start_date, m.id))


def group_with_heading(group_id: int) -> WorkingGroup | None:
    """The group with what its page's heading shows (term, unit, linked groups) loaded with it, not one by one."""
    return db.session.get(WorkingGroup, group_id, options=[
        joinedload(WorkingGroup.term), joinedload(WorkingGroup.owner_unit),
        joinedload(WorkingGroup.works_with), selectinload(WorkingGroup.partners)])
