"""Object-level rules of the meetings area, built on `webapp.permissions`."""
from ..models import Meeting, Role
from ..permissions import READ_DIRECTORY, can_read_person, can_record_for_unit, unit_in_scope

RECORDERS = (Role.ADMIN, Role.UNIT_OFFICER)


def can_read_meeting(user, meeting: Meeting) -> bool:
    """Readers see meetings with a unit in their scope, and meetings without units."""
    if user.role not in READ_DIRECTORY:
        return False
    return not meeting.units or any(unit_in_scope(user, unit) for unit in meeting.units)


def can_record_meeting(user, meeting: Meeting) -> bool:
    """Recording needs every unit of the meeting in the recorder's units; unit-less meetings are the office's."""
    if not meeting.units:
        return user.role == Role.ADMIN
    return all(can_record_for_unit(user, unit) for unit in meeting.units)


def can_read_record(user, person_id: int) -> bool:
    return can_read_person(user, person_id)


def can_read_scorecard(user) -> bool:
    """The cell scorecard: readers of the directory see the cells in their scope; a member with a person record
    sees the cells they are assigned to follow (`scorecard.visible_cells`)."""
    return user.role in READ_DIRECTORY or (user.role == Role.MEMBER and user.person_id is not None)
