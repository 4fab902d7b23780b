"""Who is expected at a meeting, derived from memberships and assignments in force on its date."""
from datetime import date

from sqlalchemy import select

from ..extensions import db
from ..models import Assignment, Meeting, MeetingKind, MemberRole, Membership, Role, Term, User, WorkingGroup
from ..models.groups import active_on

LEADING_ROLES = (MemberRole.HEAD, MemberRole.DEPUTY)


def cell_roster(unit_ids: list[int], day: date) -> set[int]:
    """Every member assigned to follow one of these units on that day."""
    if not unit_ids:
        return set()
    rows = db.session.scalars(
        select(Assignment.person_id).join(Membership, Membership.id == Assignment.membership_id)
        .where(Assignment.unit_id.in_(unit_ids), active_on(Assignment, day), active_on(Membership, day))
    )
    return set(rows)


def conference_roster(unit_ids: list[int], day: date) -> set[int]:
    """Heads and deputies of the groups that follow these units on that day."""
    if not unit_ids:
        return set()
    groups = (select(Membership.group_id).join(Assignment, Assignment.membership_id == Membership.id)
              .where(Assignment.unit_id.in_(unit_ids), active_on(Assignment, day)))
    rows = db.session.scalars(
        select(Membership.person_id).where(Membership.group_id.in_(groups), Membership.role.in_(LEADING_ROLES),
                                           active_on(Membership, day))
    )
    return set(rows)


def standing_board() -> set[int]:
    """Persons linked to active leadership accounts (the standing board)."""
    rows = db.session.scalars(
        select(User.person_id).where(User.role == Role.LEADERSHIP, User.active.is_(True), User.person_id.is_not(None))
    )
    return set(rows)


def term_on(day: date) -> Term | None:
    """The term whose dates contain `day`."""
    return db.session.scalar(select(Term).where(Term.start_date <= day, Term.end_date >= day).limit(1))


def briefing_roster(day: date, group_id: int | None = None) -> set[int]:
    """Active heads and deputies of the term's groups (or of one group), plus the standing board."""
    term = term_on(day)
    if term is None:
        return standing_board()
    groups = select(WorkingGroup.id).where(WorkingGroup.term_id == term.id)
    if group_id:
        groups = groups.where(WorkingGroup.id == group_id)
    rows = db.session.scalars(
        select(Membership.person_id).where(Membership.group_id.in_(groups), Membership.role.in_(LEADING_ROLES),
                                           active_on(Membership, day))
    )
    return set(rows) | standing_board()


def group_roster(group_id: int | None, day: date) -> set[int]:
    """Every member of the group on that day."""
    if not group_id:
        return set()
    rows = db.session.scalars(
        select(Membership.person_id).where(Membership.group_id == group_id, active_on(Membership, day))
    )
    return set(rows)


def expected_person_ids(meeting: Meeting) -> set[int]:
    """The roster of a meeting as it stood on the meeting date."""
    unit_ids = [unit.id for unit in meeting.units]
    if meeting.kind == MeetingKind.CELL:
        return cell_roster(unit_ids, meeting.held_on)
    if meeting.kind == MeetingKind.CONFERENCE:
        return conference_roster(unit_ids, meeting.held_on)
    if meeting.kind == MeetingKind.BRIEFING:
        return briefing_roster(meeting.held_on, meeting.group_id)
    return group_roster(meeting.group_id, meeting.held_on)
