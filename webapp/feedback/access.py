"""Who may do what in the feedback area: its object-level checks, on top of `webapp.permissions`."""
from ..clock import local_today
from ..extensions import db
from ..models import FeedbackItem, Role, Unit
from ..permissions import READ_DIRECTORY, unit_in_scope
from ..restricted import can_see_content
from .visibility import RECORDING_ROLES, SCOPED_RECORDERS, creditable_person_ids, recordable_unit_ids

ACTING_ROLES = {Role.ADMIN, Role.UNIT_OFFICER}


def can_read(user, item: FeedbackItem) -> bool:
    """Readers of the directory within their scope, the handler, and members for items they brought in."""
    if item.handler_id == user.id or item.created_by_id == user.id:
        return True
    if user.role in READ_DIRECTORY:
        return unit_in_scope(user, item.unit)
    return user.person_id is not None and item.source_person_id == user.person_id


def can_act(user, item: FeedbackItem) -> bool:
    """Moving an item along: its handler, or admins and unit officers in scope, if they may see its content."""
    if not can_see_content(user, item):
        return False
    return item.handler_id == user.id or (user.role in ACTING_ROLES and unit_in_scope(user, item.unit))


def can_record(user, unit: Unit | None) -> bool:
    """Recording a new item for `unit` (None: whether the user records feedback at all)."""
    if user.role not in RECORDING_ROLES:
        return False
    if unit is None:
        return True
    if user.role in SCOPED_RECORDERS:
        return unit_in_scope(user, unit)
    return unit.id in set(db.session.scalars(recordable_unit_ids(user, local_today())))


def can_credit(user, person_id: int | None) -> bool:
    """Whether the item may name `person_id` as the member who brought it in (None: nobody, always allowed)."""
    if person_id is None:
        return True
    return person_id in set(db.session.scalars(creditable_person_ids(user, local_today())))
