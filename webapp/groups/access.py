"""Object-level rules of the groups area, on top of `webapp.permissions`."""
from sqlalchemy import exists, select

from ..extensions import db
from ..models import Membership, Role, WorkingGroup
from ..permissions import READ_DIRECTORY, unit_in_scope


def is_member_of(user, group: WorkingGroup) -> bool:
    """The user's person has (or had) a membership in the group."""
    if not user.person_id:
        return False
    return bool(db.session.scalar(select(exists().where(
        Membership.group_id == group.id, Membership.person_id == user.person_id))))


def can_read_group(user, group: WorkingGroup) -> bool:
    """Directory readers see every group; a plain member sees only the groups they belong to."""
    return user.role in READ_DIRECTORY or is_member_of(user, group)


def can_edit_group(user, group: WorkingGroup) -> bool:
    """Only admins change a group's own details, and only for groups owned within their scope."""
    return user.role == Role.ADMIN and unit_in_scope(user, group.owner_unit)
