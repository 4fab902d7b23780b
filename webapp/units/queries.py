"""Reads of the units area."""
from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from .. import data_cache
from ..extensions import db
from ..models import Assignment, Membership, Person, Unit, WorkingGroup
from ..models.groups import active_on
from ..names import clean_name, fold
from ..permissions import path_under, scope_path
from ..unit_labels import unit_label


def namesake_under(parent_id: int | None, name: str, other_than: int | None = None) -> Unit | None:
    """An active unit directly under `parent_id` (the top of the tree for None) whose name reads as `name` (same
    letters once folded), other than the unit `other_than`: two such siblings could not be told apart anywhere."""
    statement = select(Unit).where(Unit.search_key == fold(clean_name(name)), Unit.active.is_(True),
                                   Unit.parent_id.is_(None) if parent_id is None else Unit.parent_id == parent_id)
    if other_than is not None:
        statement = statement.where(Unit.id != other_than)
    return db.session.scalars(statement.order_by(Unit.id).limit(1)).first()


def tree_order(unit: Unit) -> list[int]:
    """Sort key placing every unit right after its parent (numeric path, portable across collations)."""
    return [int(part) for part in unit.path.strip("/").split("/") if part]


def units_under(path: str, among=None) -> list[Unit]:
    """Active units under the unit path `path` ('/' = all), optionally only those whose id is in the sub-select
    `among`, in tree order: the one list behind every unit select of the app."""
    statement = select(Unit).where(path_under(Unit.path, path), Unit.active.is_(True))
    if among is not None:
        statement = statement.where(Unit.id.in_(among))
    return sorted(db.session.scalars(statement), key=tree_order)


def units_in_scope(user) -> list[Unit]:
    """Active units the user may choose (assign, own, place persons under), in tree order."""
    return units_under(scope_path(user))


def indented(units: list[Unit], marker: str = "\u00a0\u00a0") -> list[tuple[int, str]]:
    """(id, label indented by depth below the shallowest unit listed) for select options; a name several units
    bear carries its ward (a closed select shows one option, without the tree around it)."""
    base = min((u.depth for u in units), default=0)
    return [(u.id, marker * (u.depth - base) + unit_label(u)) for u in units]


def scope_choices(user, marker: str = "\u00a0\u00a0") -> list[tuple[int, str]]:
    """(id, indented label) of the active units in the user's scope, in tree order: the options of most unit
    selects. Kept until the data changes (`data_cache`): every list page's filter shows them, and they change only
    when a unit does."""
    path = scope_path(user)
    return list(data_cache.cached(("unit_choices", path, marker), lambda: indented(units_under(path), marker)))


def unit_choices(user) -> list[tuple]:
    """Select options of the units in the user's scope, indented by depth."""
    return [("", _("— Chọn đơn vị —"))] + scope_choices(user)


@dataclass
class Node:
    """A unit with its child nodes, for drawing the tree."""
    unit: Unit
    children: list["Node"] = field(default_factory=list)


def unit_tree() -> list[Node]:
    """Every unit as a forest of nodes, siblings by name, loaded in one statement."""
    units = db.session.scalars(select(Unit).order_by(Unit.name)).all()
    nodes = {u.id: Node(u) for u in units}
    roots = []
    for unit in units:
        parent = nodes.get(unit.parent_id)
        (parent.children if parent else roots).append(nodes[unit.id])
    return roots


def followers(unit: Unit, day) -> list[Assignment]:
    """Current assignments to the unit, with their persons and groups, in name order."""
    rows = db.session.scalars(
        select(Assignment).join(Assignment.person)
        .options(joinedload(Assignment.person), joinedload(Assignment.membership).joinedload(Membership.group))
        .where(Assignment.unit_id == unit.id, active_on(Assignment, day)).order_by(Person.sort_key))
    return list(rows)


def children(unit: Unit) -> list[Unit]:
    """The unit's direct sub-units by name."""
    return list(db.session.scalars(select(Unit).where(Unit.parent_id == unit.id).order_by(Unit.name)))


def groups_following(assignments: list[Assignment]) -> list[WorkingGroup]:
    """Distinct groups among the assignments, by number."""
    groups = {a.membership.group.id: a.membership.group for a in assignments}
    return sorted(groups.values(), key=lambda g: g.number)


def followed_assignments(person_id: int | None, day: date) -> list[Assignment]:
    """The person's assignments in force on `day`, with their units and groups."""
    if person_id is None:
        return []
    statement = (select(Assignment).join(Assignment.membership).join(Unit, Assignment.unit_id == Unit.id)
                 .where(Assignment.person_id == person_id, active_on(Assignment, day), active_on(Membership, day))
                 .order_by(Unit.path))
    return list(db.session.scalars(statement))


def followed_unit_ids(person_id: int | None, day: date) -> set[int]:
    return {assignment.unit_id for assignment in followed_assignments(person_id, day)}
