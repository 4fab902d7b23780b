"""Reads of the meetings area: lists, counters, matrices and members' attendance records.

Every function runs a fixed number of SQL statements, whatever the number of members.
"""
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import and_, bindparam, exists, extract, func, or_, select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..models import Attendance, AttendanceStatus, Meeting, MeetingKind, Membership, Person, Unit, WorkingGroup
from ..models.groups import active_on, overlaps
from ..models.meetings import meeting_unit
from ..people.queries import name_search
from ..permissions import groups_in_scope, scope_path, scope_unit_ids
from ..unit_labels import unit_label
from ..units.queries import scope_choices, units_in_scope
from .rates import MISSED, Counts, attendance_counts, counted_rows


@dataclass
class Streaks:
    longest: int = 0
    current: int = 0


@dataclass
class MemberRecord:
    person: Person
    rate: Counts
    streaks: Streaks


@dataclass
class Matrix:
    """Persons × months of a year; each cell holds that person's marks in that month."""

    year: int
    persons: list = field(default_factory=list)
    cells: dict = field(default_factory=lambda: defaultdict(list))

    def marks(self, person_id: int, month: int) -> list:
        return self.cells.get((person_id, month), [])


def year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def in_year(year: int | None):
    """SQL condition on Meeting.held_on for the year (true when no year is given)."""
    if year is None:
        return Meeting.held_on.is_not(None)
    start, end = year_bounds(year)
    return Meeting.held_on.between(start, end)


def visible_meetings_condition(user):
    """Meetings whose units are in the user's scope, plus those without units (briefings)."""
    if user is None or scope_path(user) == "/":
        return Meeting.id.is_not(None)
    # Its own meeting_unit, even inside a query that joins meeting_unit already (the attendance rate's).
    linked = select(meeting_unit.c.meeting_id).where(meeting_unit.c.meeting_id == Meeting.id).correlate_except(
        meeting_unit)
    scoped = linked.where(meeting_unit.c.unit_id.in_(scope_unit_ids(user)))
    return or_(~exists(linked), exists(scoped))


def _list_conditions(user, kind=None, unit_id: int | None = None, month: date | None = None) -> list:
    """The list's filters as SQL conditions: meetings the user may see, of a kind, a unit and a month."""
    conditions = [visible_meetings_condition(user)]
    if kind:
        conditions.append(Meeting.kind == kind)
    if unit_id:
        conditions.append(Meeting.units.any(Unit.id == unit_id))
    if month:
        conditions += [extract("year", Meeting.held_on) == month.year, extract("month", Meeting.held_on) == month.month]
    return conditions


def meeting_list(user, kind=None, unit_id: int | None = None, month: date | None = None):
    """The select of meetings a user may see, filtered by kind, unit and month, newest first."""
    return (select(Meeting).where(*_list_conditions(user, kind, unit_id, month))
            .options(selectinload(Meeting.units)).order_by(Meeting.held_on.desc(), Meeting.id.desc()))


@dataclass(frozen=True)
class _Named:
    """A unit's id and name: what `unit_label` reads of a unit."""
    id: int
    name: str


def meeting_rows(user, kind=None, unit_id: int | None = None, month: date | None = None):
    """The list page's select: of the meetings `meeting_list` selects, in its order, the columns a row shows. Plain
    rows: loading a page of ORM meetings, each with its collection of units, cost more than drawing the rows."""
    return (select(Meeting.id, Meeting.held_on, Meeting.kind, Meeting.organiser, Meeting.title, Meeting.place)
            .where(*_list_conditions(user, kind, unit_id, month)).order_by(Meeting.held_on.desc(), Meeting.id.desc()))


# Built once, the ids bound at each run: building and keying a statement anew cost more than running it.
_UNITS_OF_MEETINGS = (
    select(meeting_unit.c.meeting_id, Unit.id, Unit.name).join(Unit, Unit.id == meeting_unit.c.unit_id)
    .where(meeting_unit.c.meeting_id.in_(bindparam("meeting_ids", expanding=True)))
    .order_by(meeting_unit.c.meeting_id, Unit.id))


def unit_labels_of(meeting_ids: list[int]) -> dict[int, str]:
    """Each meeting's units as the list names them (`unit_label`, joined by '; ', by unit id), one statement for
    the page; a meeting without units is left out."""
    labels: dict[int, list[str]] = defaultdict(list)
    for meeting_id, *unit in db.session.execute(_UNITS_OF_MEETINGS, {"meeting_ids": meeting_ids}):
        labels[meeting_id].append(unit_label(_Named(*unit)))
    return {meeting_id: "; ".join(names) for meeting_id, names in labels.items()}


def listed_attendance(user, kind=None, unit_id: int | None = None, month: date | None = None) -> list[Attendance]:
    """The attendance lists of the meetings `meeting_list` selects, in its order, each list as a meeting's page
    shows it (expected people first, by name), with the persons loaded."""
    listed = select(Meeting.id).where(*_list_conditions(user, kind, unit_id, month))
    return list(db.session.scalars(
        select(Attendance).join(Meeting, Meeting.id == Attendance.meeting_id)
        .join(Person, Person.id == Attendance.person_id).where(Attendance.meeting_id.in_(listed))
        .options(selectinload(Attendance.person))
        .order_by(Meeting.held_on.desc(), Meeting.id.desc(), Attendance.expected.desc(), Person.sort_key, Person.id)
    ))


def _soonest(statement, today: date, days: int, limit: int) -> list[Meeting]:
    """The meetings of `statement` from today to `days` days ahead, soonest first, with their units."""
    return db.session.scalars(
        statement.where(Meeting.held_on.between(today, today + timedelta(days))).options(selectinload(Meeting.units))
        .order_by(Meeting.held_on, Meeting.starts_at, Meeting.id).limit(limit)
    ).all()


def upcoming(user, today: date, days: int, limit: int = 10) -> list[Meeting]:
    """Meetings the user may see from today to `days` days ahead, soonest first."""
    return _soonest(select(Meeting).where(visible_meetings_condition(user)), today, days, limit)


def _expected_of(person_id: int):
    return (select(Meeting).join(Attendance, Attendance.meeting_id == Meeting.id)
            .where(Attendance.person_id == person_id, Attendance.expected.is_(True)))


def upcoming_for_person(person_id: int, today: date, days: int, limit: int = 10) -> list[Meeting]:
    """Meetings a person is expected at from today to `days` days ahead, soonest first."""
    return _soonest(_expected_of(person_id), today, days, limit)


def meetings_for_person(person_id: int, start: date, end: date) -> list[Meeting]:
    """Every meeting a person is expected at between two days, in date order, with their units."""
    return db.session.scalars(
        _expected_of(person_id).where(Meeting.held_on.between(start, end)).options(selectinload(Meeting.units))
        .order_by(Meeting.held_on, Meeting.starts_at, Meeting.id)).all()


_COUNTERS = (select(Attendance.status, func.count()).where(Attendance.meeting_id == bindparam("meeting_id"))
             .group_by(Attendance.status))


def counters(meeting_id: int) -> dict:
    """How many people on the list are present, late, excused, absent and not yet marked."""
    rows = db.session.execute(_COUNTERS, {"meeting_id": meeting_id})
    result = {status.value: 0 for status in AttendanceStatus} | {"unmarked": 0}
    for status, count in rows:
        result[status.value if status else "unmarked"] = count
    result["total"] = sum(result.values())
    return result


def attendance_rows(meeting_id: int) -> list[Attendance]:
    """The meeting's list: expected people first, each part in Vietnamese name order."""
    return list(db.session.scalars(
        select(Attendance).join(Person, Person.id == Attendance.person_id)
        .where(Attendance.meeting_id == meeting_id)
        .options(selectinload(Attendance.person))
        .order_by(Attendance.expected.desc(), Person.sort_key, Person.id)
    ))


def person_meetings(person_id: int, year: int | None = None, viewer=None) -> list[tuple[Meeting, Attendance]]:
    """Every meeting the person was expected at that the viewer may read, oldest first, with the attendance row."""
    rows = db.session.execute(
        select(Meeting, Attendance).join(Attendance, Attendance.meeting_id == Meeting.id)
        .where(Attendance.person_id == person_id, Attendance.expected.is_(True), in_year(year),
               visible_meetings_condition(viewer))
        .order_by(Meeting.held_on, Meeting.id)
    )
    return [tuple(row) for row in rows]


def _narrow(year: int | None, viewer):
    return and_(in_year(year), visible_meetings_condition(viewer))


def _rates(person_ids, year: int | None, viewer=None, group_id: int | None = None) -> dict[int, Counts]:
    counts = attendance_counts(None, None, ("person",), persons=person_ids, narrow=_narrow(year, viewer),
                               groups=None if group_id is None else [group_id])
    return {person_id: figures for (person_id,), figures in counts.items()}


def attendance_rate(person_id: int, year: int | None = None, viewer=None) -> Counts:
    """The person's attendance figures (`rates`: the meetings of the units they followed, present + late over
    marked, declared absences left out) over the meetings the viewer may read (all when no viewer)."""
    return _rates([person_id], year, viewer).get(person_id, Counts())


def counted_attendance_ids(person_id: int, year: int | None = None, viewer=None) -> set[int]:
    """The person's attendance rows that the rate counts (so their record can tell them from the others)."""
    rows = counted_rows(None, None, persons=[person_id], narrow=_narrow(year, viewer)).subquery()
    return set(db.session.scalars(select(rows.c.attendance_id)))


def longest_and_current(statuses: list[AttendanceStatus]) -> Streaks:
    """Longest run of missed meetings (excused or absent) and the run still going at the end."""
    longest = current = 0
    for status in statuses:
        current = current + 1 if status in MISSED else 0
        longest = max(longest, current)
    return Streaks(longest=longest, current=current)


def _streaks(person_ids, year: int | None, viewer=None, group_id: int | None = None) -> dict[int, Streaks]:
    """Runs over the meetings the rate counts (a meeting missed within a declared absence is not a miss)."""
    rows = counted_rows(None, None, per_group=False, persons=person_ids, narrow=_narrow(year, viewer),
                        groups=None if group_id is None else [group_id]).subquery()
    statuses: dict[int, list] = defaultdict(list)
    for person_id, status in db.session.execute(select(rows.c.person_id, rows.c.status)
                                                .order_by(rows.c.person_id, rows.c.held_on, rows.c.meeting_id)):
        statuses[person_id].append(status)
    return {person_id: longest_and_current(marks) for person_id, marks in statuses.items()}


def absence_streaks(person_id: int, year: int | None = None, viewer=None) -> Streaks:
    """Longest and current streak of missed counted meetings (that the viewer may read) for one person."""
    return _streaks([person_id], year, viewer).get(person_id, Streaks())


def group_members(group_id: int, year: int | None = None) -> list[Person]:
    """Persons who were members of the group at some point of the year (all time when no year)."""
    condition = Membership.group_id == group_id
    if year is not None:
        start, end = year_bounds(year)
        condition = and_(condition, overlaps(Membership, start, end))
    members = select(Membership.person_id).where(condition)
    return list(db.session.scalars(select(Person).where(Person.id.in_(members)).order_by(Person.sort_key, Person.id)))


def group_record(group_id: int, year: int | None = None, viewer=None) -> list[MemberRecord]:
    """Each member's figures side by side over the meetings the viewer may read, in three statements: the units
    each followed as a member of this group, as the dashboard counts them for the group."""
    members = group_members(group_id, year)
    ids = [person.id for person in members]
    rates, streaks = _rates(ids, year, viewer, group_id), _streaks(ids, year, viewer, group_id)
    return [MemberRecord(person=p, rate=rates.get(p.id, Counts()), streaks=streaks.get(p.id, Streaks()))
            for p in members]


def _matrix(year: int, condition, viewer=None) -> Matrix:
    rows = db.session.execute(
        select(Attendance.id, Attendance.person_id, Attendance.status, Attendance.expected,
               Meeting.id.label("meeting_id"), Meeting.held_on, Meeting.title, Person.full_name, Person.sort_key)
        .join(Meeting, Meeting.id == Attendance.meeting_id).join(Person, Person.id == Attendance.person_id)
        .where(condition, in_year(year), visible_meetings_condition(viewer))
        .order_by(Meeting.held_on, Meeting.id)
    ).all()
    matrix = Matrix(year=year)
    names = {}
    for row in rows:
        names[row.person_id] = (row.sort_key, row.full_name)
        matrix.cells[(row.person_id, row.held_on.month)].append(row)
    matrix.persons = sorted(((pid, name) for pid, (key, name) in names.items()),
                            key=lambda item: (names[item[0]][0], item[0]))
    return matrix


def unit_matrix(unit_id: int, year: int, viewer=None) -> Matrix:
    """The paper register of a unit: everyone on its meetings' lists × months of the year."""
    linked = select(meeting_unit.c.meeting_id).where(meeting_unit.c.unit_id == unit_id)
    return _matrix(year, Attendance.meeting_id.in_(linked), viewer)


def group_matrix(group_id: int, year: int, viewer=None) -> Matrix:
    """The group's register: its members × months, with their marks at every expected meeting the viewer reads."""
    start, end = year_bounds(year)
    members = select(Membership.person_id).where(Membership.group_id == group_id, overlaps(Membership, start, end))
    return _matrix(year, and_(Attendance.person_id.in_(members), Attendance.expected.is_(True)), viewer)


def units_for_choice(user) -> list[Unit]:
    """Active units within the user's scope, in tree order."""
    return units_in_scope(user)


def unit_filter_choices(user) -> list[tuple[int, str]]:
    """(id, label) of the units the list can be filtered by: those of `units_for_choice`, labelled with their ward
    where the name repeats, not indented."""
    return scope_choices(user, "")


def speaking_groups(meeting: Meeting, user) -> list[tuple[WorkingGroup, set[int]]]:
    """The groups working in the recorder's scope with members on the meeting's day, each with those members'
    person ids, by number."""
    rows = db.session.execute(
        select(WorkingGroup, Membership.person_id).join(Membership, Membership.group_id == WorkingGroup.id)
        .where(active_on(Membership, meeting.held_on), WorkingGroup.id.in_(groups_in_scope(user)))
        .order_by(WorkingGroup.number, WorkingGroup.id)).all()
    groups: dict[int, tuple[WorkingGroup, set[int]]] = {}
    for group, person_id in rows:
        groups.setdefault(group.id, (group, set()))[1].add(person_id)
    return list(groups.values())


def groups_for_choice(user) -> list[WorkingGroup]:
    """The groups a meeting recorded by `user` may name: those working in their scope."""
    return list(db.session.scalars(
        select(WorkingGroup).options(selectinload(WorkingGroup.term)).where(WorkingGroup.id.in_(groups_in_scope(user)))
        .order_by(WorkingGroup.term_id.desc(), WorkingGroup.number)
    ))


_MEETING_WITH_UNITS = select(Meeting).options(selectinload(Meeting.units)).where(Meeting.id == bindparam("meeting_id"))


def meeting_with_units(meeting_id: int) -> Meeting | None:
    """One meeting with its units loaded (None when there is no such meeting). A statement built once: `Session.get`
    with a loader option builds and keys its statement anew each time, which cost more than running it."""
    return db.session.scalars(_MEETING_WITH_UNITS, {"meeting_id": meeting_id}).first()


def units_by_ids(unit_ids) -> list[Unit]:
    """The units with these ids (those that exist)."""
    return list(db.session.scalars(select(Unit).where(Unit.id.in_(list(unit_ids or [])))))


def top_unit() -> Unit | None:
    """The root of the unit tree (the town's committee), named on printed minutes."""
    return db.session.scalar(select(Unit).where(Unit.parent_id.is_(None)).order_by(Unit.id).limit(1))


def guest_candidates(meeting_id: int, query: str, limit: int = 20) -> list[Person]:
    """People matching `query` who are not yet on the meeting's list, in name order."""
    listed = select(Attendance.person_id).where(Attendance.meeting_id == meeting_id)
    statement = select(Person).where(Person.id.not_in(listed)).order_by(Person.sort_key).limit(limit)
    return list(db.session.scalars(name_search(statement, query)))


def months_with_cell_meeting(unit_ids: list[int], year: int) -> set[tuple[int, int]]:
    """(unit id, month) pairs that already have a cell meeting in `year`."""
    rows = db.session.execute(
        select(meeting_unit.c.unit_id, extract("month", Meeting.held_on))
        .join(Meeting, Meeting.id == meeting_unit.c.meeting_id)
        .where(meeting_unit.c.unit_id.in_(unit_ids), Meeting.kind == MeetingKind.CELL,
               extract("year", Meeting.held_on) == year)
    )
    return {(unit_id, int(month)) for unit_id, month in rows}
