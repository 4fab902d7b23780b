"""Who may do what. Every view declares its rule with `@requires(...)`; objects are checked by scope.

Roles:
- admin: the party office; everything within its scope subtree.
- leadership: the standing board; reads everything within its scope, changes nothing.
- group_head: manages the groups it heads (memberships, assignments); reads the directory.
- unit_officer: ward/commune officer; reads everything in its unit subtree and records for it.
- member: sees own data only.

The directory (people, units, groups, documents) is read town-wide by READ_DIRECTORY; every record and
every change is scoped through `in_scope` / `path_in_scope` below, the one scope rule.
"""
from functools import wraps

from flask import abort
from flask_login import current_user, login_required
from sqlalchemy import select, true

from .clock import local_today
from .extensions import db
from .models import Assignment, MemberRole, Membership, Role, Unit, User, WorkingGroup
from .models.groups import active_on

READ_DIRECTORY = {Role.ADMIN, Role.LEADERSHIP, Role.GROUP_HEAD, Role.UNIT_OFFICER}
ADMIN_ONLY = {Role.ADMIN}


def requires(*roles: Role):
    """Allow the view to logged-in users whose role is among `roles` (all roles when empty)."""
    allowed = set(roles)

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if allowed and current_user.role not in allowed:
                abort(403)
            return view(*args, **kwargs)

        wrapped.allowed_roles = allowed or set(Role)
        return wrapped

    return decorator


def scope_path(user) -> str:
    """Materialised path of the subtree the user's permissions cover ('/' = everything)."""
    return user.scope_unit.path if user.scope_unit_id else "/"


def within(path: str | None, scope: str) -> bool:
    """The one subtree rule, per record: the unit path `path` lies under the unit path `scope` ('/' = all)."""
    return path is not None and path.startswith(scope)


def path_in_scope(user, path: str | None) -> bool:
    """The one scope rule, per record: a unit path lies in the user's subtree."""
    return within(path, scope_path(user))


def path_under(path_column, path: str):
    """The one subtree rule as a query clause: `path_column` lies under the unit path `path` ('/' = everything);
    LIKE wildcards in the path are escaped."""
    return true() if path == "/" else path_column.startswith(path, autoescape=True)


def in_scope(user, path_column=Unit.path):
    """The one scope rule, as a query clause: `path_column` lies in the user's subtree."""
    return path_under(path_column, scope_path(user))


def scope_unit_ids(user):
    """Sub-select of the ids of every unit in the user's scope."""
    return select(Unit.id).where(in_scope(user))


def unit_in_scope(user, unit: Unit | None) -> bool:
    """Unit-less (town-wide) records count as in scope; use `is_town_admin` to change them."""
    return unit is None or path_in_scope(user, unit.path)


def at_root(user) -> bool:
    """Scoped to the whole town: no scope unit, or the root unit itself."""
    return user.scope_unit_id is None or user.scope_unit.parent_id is None


def is_town_admin(user) -> bool:
    """Town-wide objects (feedback categories, terms) are changed only by an admin scoped to the root."""
    return user.role == Role.ADMIN and at_root(user)


def user_in_scope(user, other) -> bool:
    """Records that carry their author's scope (import batches, audit entries): the author's scope lies in
    the user's; records of town-wide authors (and of no author) only for users at the root."""
    if other is None or other.scope_unit_id is None:
        return at_root(user)
    return path_in_scope(user, other.scope_unit.path)


def users_in_scope(user):
    """Sub-select of the ids of users `user_in_scope` accepts (authorless records: test `at_root` apart)."""
    scoped = select(User.id).join(Unit, Unit.id == User.scope_unit_id).where(in_scope(user))
    if at_root(user):
        return scoped.union(select(User.id).where(User.scope_unit_id.is_(None)))
    return scoped


def headed_group_ids(user) -> set[int]:
    """Groups whose head (or deputy) is this user's person today."""
    if not user.person_id:
        return set()
    today = local_today()
    rows = db.session.scalars(
        select(Membership.group_id).where(
            Membership.person_id == user.person_id,
            Membership.role.in_([MemberRole.HEAD, MemberRole.DEPUTY]),
            active_on(Membership, today),
        )
    )
    return set(rows)


def can_manage_group(user, group: WorkingGroup) -> bool:
    """Admins in scope, and the group's own head or deputy, may change its members and assignments."""
    if user.role == Role.ADMIN:
        return unit_in_scope(user, group.owner_unit)
    if user.role == Role.GROUP_HEAD:
        return group.id in headed_group_ids(user)
    return False


def managed_groups(user):
    """`can_manage_group` as a sub-select of group ids: an admin's groups owned within their scope, a head's
    groups they lead today."""
    if user.role == Role.ADMIN:
        return select(WorkingGroup.id).join(Unit, Unit.id == WorkingGroup.owner_unit_id).where(in_scope(user))
    return select(WorkingGroup.id).where(WorkingGroup.id.in_(headed_group_ids(user) if user.role == Role.GROUP_HEAD
                                                             else set()))


def groups_in_scope(user):
    """Sub-select of the ids of the groups working in the user's scope: owned by a unit of it, or with a member
    assigned to one of its units (a town group following a ward); every group for users at the root. A record
    made within a scope (feedback, a meeting, a task) names only these groups."""
    owned = select(WorkingGroup.id).join(Unit, Unit.id == WorkingGroup.owner_unit_id).where(in_scope(user))
    following = (select(Membership.group_id).join(Assignment, Assignment.membership_id == Membership.id)
                 .join(Unit, Unit.id == Assignment.unit_id).where(in_scope(user)))
    return owned.union(following)


def group_in_scope(user, group: WorkingGroup | None) -> bool:
    """`groups_in_scope`, asked of one group (None: no group, always allowed)."""
    return group is None or db.session.scalar(
        select(WorkingGroup.id).where(WorkingGroup.id == group.id, WorkingGroup.id.in_(groups_in_scope(user)))
    ) is not None


def can_record_for_unit(user, unit: Unit) -> bool:
    """Admins and unit officers record meetings and attendance for units in their subtree."""
    return user.role in (Role.ADMIN, Role.UNIT_OFFICER) and unit_in_scope(user, unit)


def can_read_person(user, person_id: int) -> bool:
    return user.role in READ_DIRECTORY or user.person_id == person_id


def ensure(condition: bool) -> None:
    """Abort with 403 unless `condition` holds."""
    if not condition:
        abort(403)
