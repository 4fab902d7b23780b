"""Named state changes of terms, working groups, memberships and assignments.

Effective-dated rows are never overwritten or deleted: a change ends the old row and opens a new one.
Each function checks its rules (raising `RuleViolation` for the form field at fault), changes the rows
and flushes; the caller commits.
"""
from datetime import date

from flask_babel import LazyString
from flask_babel import lazy_gettext as _
from sqlalchemy import exists, func, select, update

from ..extensions import db
from ..models import Assignment, MemberRole, Membership, Person, Term, Unit, WorkingGroup
from ..permissions import within
from ..services import RuleViolation, take_turns
from ..template_helpers import vn_date
from . import queries, rules


def _refuse(field: str, message) -> None:
    """Raise a rule's message (None means the rule holds) against the form field at fault."""
    if message is not None:
        raise RuleViolation(field, message)


def _check_order(start: date, end: date | None, field: str = "end_date") -> None:
    _refuse(field, rules.end_before_start(start, end))


def _check_in_term(term: Term, day: date | None, field: str) -> None:
    _refuse(field, rules.outside_term(day, term.name, term.start_date, term.end_date))


def _check_in_scope(unit: Unit, scope: str, field: str) -> None:
    if not within(unit.path, scope):
        raise RuleViolation(field, _("Đơn vị này nằm ngoài phạm vi quản lý của bạn."))


def create_term(name: str, start_date: date, end_date: date, is_current: bool = False) -> Term:
    """Open a new term; marking it current unmarks the others."""
    _check_order(start_date, end_date)
    if db.session.scalar(select(exists().where(func.lower(Term.name) == name.strip().lower()))):
        raise RuleViolation("name", _("Đã có nhiệm kỳ với tên này."))
    if is_current:
        db.session.execute(update(Term).values(is_current=False))
    term = Term(name=name.strip(), start_date=start_date, end_date=end_date, is_current=is_current)
    db.session.add(term)
    db.session.flush()
    return term


def _check_group_number(number: int, term: Term, owner: Unit, group_id: int | None) -> None:
    clash = select(WorkingGroup.id).where(WorkingGroup.number == number, WorkingGroup.term_id == term.id,
                                          WorkingGroup.owner_unit_id == owner.id, WorkingGroup.id != (group_id or 0))
    _refuse("number", rules.number_taken(number, db.session.scalar(clash) is not None))


def _check_works_with(group_id: int | None, owner_unit: Unit, works_with: WorkingGroup | None, scope: str) -> None:
    if works_with is not None:
        higher = within(owner_unit.path, works_with.owner_unit.path) and owner_unit.id != works_with.owner_unit_id
        _refuse("works_with_group_id", rules.works_with_problem(
            same=works_with.id == group_id, in_scope=within(works_with.owner_unit.path, scope), higher=higher))


def create_group(number: int, name: str, term: Term, owner_unit: Unit, notes: str | None = None,
                 scope: str = "/", works_with: WorkingGroup | None = None) -> WorkingGroup:
    """Create a working group of `owner_unit` for `term`, linked to the higher-level group it works with."""
    _check_in_scope(owner_unit, scope, "owner_unit_id")
    _check_group_number(number, term, owner_unit, None)
    _check_works_with(None, owner_unit, works_with, scope)
    group = WorkingGroup(number=number, name=name.strip(), term=term, owner_unit=owner_unit, notes=notes or None,
                         works_with=works_with)
    db.session.add(group)
    db.session.flush()
    return group


def update_group(group: WorkingGroup, number: int, name: str, term: Term, owner_unit: Unit,
                 notes: str | None = None, scope: str = "/", works_with: WorkingGroup | None = None) -> WorkingGroup:
    """Change a group's number, name, term, owning committee, notes or the higher-level group it works with."""
    _check_in_scope(owner_unit, scope, "owner_unit_id")
    _check_group_number(number, term, owner_unit, group.id)
    _check_works_with(group.id, owner_unit, works_with, scope)
    if term.id != group.term_id:
        _check_members_fit_term(group, term)
    group.number, group.name, group.term, group.owner_unit, group.notes = (
        number,
        name.strip(),
        term,
        owner_unit,
        notes or None,
    )
    group.works_with = works_with
    db.session.flush()
    return group


def _check_members_fit_term(group: WorkingGroup, term: Term) -> None:
    outside = select(Membership.id).where(Membership.group_id == group.id, Membership.start_date < term.start_date)
    if db.session.scalar(outside.limit(1)) is not None:
        raise RuleViolation("term_id", _("Có thành viên bắt đầu trước nhiệm kỳ được chọn."))


def _overlapping_membership(group: WorkingGroup, person: Person, start: date) -> Membership | None:
    return db.session.scalar(select(Membership).where(
        Membership.group_id == group.id, Membership.person_id == person.id,
        (Membership.end_date.is_(None)) | (Membership.end_date >= start)).limit(1))


def _check_single_head(group: WorkingGroup, role: MemberRole, start: date, except_id: int | None = None) -> None:
    if role != MemberRole.HEAD:
        return
    head = queries.heads_in_force([group.id], start, Membership.id).where(Membership.id != (except_id or 0))
    _refuse("role", rules.second_head(role, int(db.session.scalar(head.limit(1)) is not None)))


def add_member(group: WorkingGroup, person: Person, role: MemberRole, start_date: date,
               responsibilities: str | None = None) -> Membership:
    """Make `person` a head, deputy or member of `group` from `start_date`."""
    take_turns(group)
    _check_in_term(group.term, start_date, "start_date")
    if _overlapping_membership(group, person, start_date):
        raise RuleViolation("person_id", _("%(name)s đang là thành viên của đoàn này.", name=person.full_name))
    _check_single_head(group, role, start_date)
    membership = Membership(group=group, person=person, role=role, start_date=start_date,
                            responsibilities=(responsibilities or "").strip() or None)
    db.session.add(membership)
    db.session.flush()
    return membership


def _check_active(row, day: date, field: str) -> None:
    if row.end_date is not None:
        raise RuleViolation(field, _("Bản ghi này đã kết thúc ngày %(d)s.", d=vn_date(row.end_date)))
    if day <= row.start_date:
        raise RuleViolation(field, _("Ngày thay đổi phải sau ngày bắt đầu (%(d)s).", d=vn_date(row.start_date)))


def change_role(membership: Membership, role: MemberRole, on_date: date,
                responsibilities: str | None = None) -> Membership:
    """From `on_date`, hold `role` instead: the old membership ends the day before and a new one opens,
    carrying over the units still followed."""
    if role == membership.role:
        raise RuleViolation("role", _("Vai trò mới trùng với vai trò hiện tại."))
    _check_active(membership, on_date, "on_date")
    _check_in_term(membership.group.term, on_date, "on_date")
    _check_single_head(membership.group, role, on_date, except_id=membership.id)
    successor = Membership(group=membership.group, person=membership.person, role=role, start_date=on_date,
                           responsibilities=(responsibilities or "").strip() or membership.responsibilities)
    db.session.add(successor)
    still_open = [a for a in membership.assignments if a.end_date is None]
    moves = rules.carried_over([(a.unit_id, a.start_date) for a in still_open], on_date)
    for assignment, (_unit, old_end, new_start) in zip(still_open, moves):
        assignment.end_date = old_end
        db.session.add(Assignment(membership=successor, person=assignment.person, unit=assignment.unit,
                                  start_date=new_start, notes=assignment.notes))
    membership.end_date = rules.handover_end(on_date, membership.start_date)
    db.session.flush()
    return successor


def update_responsibilities(membership: Membership, responsibilities: str | None) -> Membership:
    """Reword what the member is responsible for (a description, not an effective-dated fact)."""
    membership.responsibilities = (responsibilities or "").strip() or None
    db.session.flush()
    return membership


def _check_may_end(row: Membership | Assignment, end_date: date, term: Term, ended) -> None:
    """A membership or an assignment may end on `end_date`: it is still open (else `ended`, a lazy message taking
    the day it ended as %(d)s, translated when shown), the day is not before its start and lies in the group's
    term."""
    if row.end_date is not None:
        day = vn_date(row.end_date)
        raise RuleViolation("end_date", LazyString(lambda: ended % {"d": day}))
    _check_order(row.start_date, end_date)
    _check_in_term(term, end_date, "end_date")


def end_membership(membership: Membership, end_date: date) -> Membership:
    """End a membership on `end_date` (inclusive), with every unit assignment it still holds."""
    _check_may_end(membership, end_date, membership.group.term, _("Thành viên này đã kết thúc ngày %(d)s."))
    for assignment in [a for a in membership.assignments if a.end_date is None]:
        assignment.end_date = max(end_date, assignment.start_date)
    membership.end_date = end_date
    db.session.flush()
    return membership


def _last_day_before(row, on_date: date, what) -> date:
    """The last day of a row that stops from `on_date`: the day before, which must not precede its start."""
    if row.end_date is not None:
        raise RuleViolation("on_date", _("Bản ghi này đã kết thúc ngày %(d)s.", d=vn_date(row.end_date)))
    if on_date <= row.start_date:
        raise RuleViolation("on_date", _("Ngày thôi phải sau ngày bắt đầu %(what)s (%(d)s).", what=what,
                                         d=vn_date(row.start_date)))
    return rules.handover_end(on_date, row.start_date)


def leave_group(membership: Membership, on_date: date) -> Membership:
    """The member is no longer in the group from `on_date` (what an officer means by "ended today": not listed
    as current from today); the membership's last day is the day before, as when a role changes."""
    last = _last_day_before(membership, on_date, _("tham gia đoàn"))
    _check_in_term(membership.group.term, last, "on_date")
    return end_membership(membership, last)


def stop_following(assignment: Assignment, on_date: date) -> Assignment:
    """The member no longer follows the unit from `on_date`; the assignment's last day is the day before."""
    last = _last_day_before(assignment, on_date, _("phân công"))
    _check_in_term(assignment.membership.group.term, last, "on_date")
    return end_assignment(assignment, last)


def assign_unit(membership: Membership, unit: Unit, start_date: date, scope: str = "/",
                notes: str | None = None) -> Assignment:
    """Have a current member follow `unit` from `start_date`."""
    take_turns(membership)
    _check_in_scope(unit, scope, "unit_id")
    if membership.end_date is not None:
        raise RuleViolation("unit_id", _("Thành viên đã kết thúc, không thể phân công thêm."))
    if start_date < membership.start_date:
        raise RuleViolation("start_date", _("Ngày phân công không được trước ngày vào đoàn (%(d)s).",
                                            d=vn_date(membership.start_date)))
    _check_in_term(membership.group.term, start_date, "start_date")
    if any(a.unit_id == unit.id and a.end_date is None for a in membership.assignments):
        raise RuleViolation("unit_id", _("Thành viên đã được phân công theo dõi %(u)s.", u=unit.name))
    assignment = Assignment(membership=membership, person=membership.person, unit=unit, start_date=start_date,
                            notes=(notes or "").strip() or None)
    db.session.add(assignment)
    db.session.flush()
    return assignment


def change_assignment_unit(assignment: Assignment, unit: Unit, on_date: date, scope: str = "/") -> Assignment:
    """From `on_date`, follow `unit` instead: the old assignment ends the day before and a new one opens."""
    _check_in_scope(unit, scope, "unit_id")
    if unit.id == assignment.unit_id:
        raise RuleViolation("unit_id", _("Đơn vị mới trùng với đơn vị đang theo dõi."))
    _check_active(assignment, on_date, "on_date")
    _check_in_term(assignment.membership.group.term, on_date, "on_date")
    assignment.end_date = rules.handover_end(on_date, assignment.start_date)
    successor = Assignment(membership=assignment.membership, person=assignment.person, unit=unit,
                           start_date=on_date, notes=assignment.notes)
    db.session.add(successor)
    db.session.flush()
    return successor


def end_assignment(assignment: Assignment, end_date: date) -> Assignment:
    """Stop following a unit on `end_date` (inclusive)."""
    _check_may_end(assignment, end_date, assignment.membership.group.term, _("Phân công này đã kết thúc ngày %(d)s."))
    assignment.end_date = end_date
    db.session.flush()
    return assignment
