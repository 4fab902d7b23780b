"""Per-member figures: who is in view, what each did over the period, the flags, the ranking and the heatmap."""
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import case, select

from ...extensions import db
from ...meetings.rates import Counts
from ...models import Assignment, MemberRole, Membership, Person, Unit, WorkingGroup
from ...models.groups import overlaps
from ...permissions import path_under
from ...unit_labels import unit_label
from ..filters import Filters
from .activity import feedback_cube, opinion_cube, task_counts
from .attendance import attendance_cube, group_meeting_cube
from .common import group_ids

HEAT_LEVELS = 4


@dataclass(frozen=True)
class Member:
    """A person's membership of a group within the period (the latest role when it changed)."""

    group_id: int
    group_number: int
    group_name: str
    person_id: int
    name: str
    position: str | None
    phone: str | None
    role: MemberRole

    @property
    def key(self) -> tuple[int, int]:
        return self.group_id, self.person_id


@dataclass
class MemberFigure:
    """Everything counted for one member over the period."""

    member: Member
    attendance: Counts = field(default_factory=Counts)
    group_meetings: int = 0
    opinions: int = 0
    feedback: int = 0
    tasks_on_time: int = 0
    tasks_overdue: int = 0
    months: dict[str, int] = field(default_factory=dict)  # 'YYYY-MM' → counted meetings attended (the heatmap)
    flags: list[str] = field(default_factory=list)

    @property
    def meetings_attended(self) -> int:
        """Meetings attended: at assigned units plus the group's own meetings and briefings."""
        return self.attendance.attended + self.group_meetings

    @property
    def activity(self) -> int:
        """Everything the member did: meetings attended, opinions raised, feedback reported, tasks done."""
        return self.meetings_attended + self.opinions + self.feedback + self.tasks_on_time

    @property
    def flagged(self) -> bool:
        return bool(self.flags)


def members_in_view(f: Filters) -> list[Member]:
    """Members of the groups in view whose membership overlaps the period (and who follow a unit in the
    chosen subtree), ordered by group, role (head, deputy, member) and Vietnamese name order."""
    role_order = case((Membership.role == MemberRole.HEAD, 0), (Membership.role == MemberRole.DEPUTY, 1), else_=2)
    stmt = (select(Membership.group_id, WorkingGroup.number, WorkingGroup.name, Person.id, Person.full_name,
                   Person.position, Person.phone, Membership.role)
            .join(Person, Person.id == Membership.person_id).join(WorkingGroup, WorkingGroup.id == Membership.group_id)
            .where(Membership.group_id.in_(group_ids(f)), overlaps(Membership, f.start, f.end))
            .order_by(WorkingGroup.number, role_order, Person.sort_key, Membership.start_date.desc()))
    if f.unit_path != "/":
        follows = (select(Assignment.membership_id).join(Unit, Unit.id == Assignment.unit_id)
                   .where(path_under(Unit.path, f.unit_path), overlaps(Assignment, f.start, f.end)))
        stmt = stmt.where(Membership.id.in_(follows))
    seen, members = set(), []
    for row in db.session.execute(stmt):
        member = Member(*row)
        if member.key not in seen:
            seen.add(member.key)
            members.append(member)
    return members


def assigned_units(f: Filters) -> dict[tuple[int, int], list[str]]:
    """(group id, person id) → names of the units the member followed during the period (with their ward
    when the name alone is ambiguous)."""
    stmt = (select(Membership.group_id, Assignment.person_id, Unit.id, Unit.path)
            .join(Membership, Membership.id == Assignment.membership_id).join(Unit, Unit.id == Assignment.unit_id)
            .where(Membership.group_id.in_(group_ids(f)), overlaps(Assignment, f.start, f.end),
                   path_under(Unit.path, f.unit_path))
            .order_by(Unit.path).distinct())
    units: dict[tuple[int, int], list[str]] = {}
    for group_id, person_id, unit_id, _path in db.session.execute(stmt):
        units.setdefault((group_id, person_id), []).append(unit_label(unit_id))
    return units


def member_figures(f: Filters, members: list[Member], cube: dict, group_cube: dict,
                   opinions: dict | None = None, feedback: dict | None = None,
                   tasks: dict | None = None) -> list[MemberFigure]:
    """Per member: attendance at assigned units (and per month, for the heatmap: the meetings its drill-down
    lists), meetings attended, opinions raised, and the flags (below the attendance threshold, or no activity)."""
    empty_months = dict.fromkeys(f.months, 0)
    figures = {m.key: MemberFigure(m, months=empty_months.copy()) for m in members}
    for (group_id, person_id, month), rate in cube.items():
        figure = figures.get((group_id, person_id))
        if figure:
            figure.attendance.add(rate)
            figure.months[month] = figure.months.get(month, 0) + rate.attended
    for (group_id, person_id, _month), count in group_cube.items():
        figure = figures.get((group_id, person_id))
        if figure:
            figure.group_meetings += count
    by_person: dict[int, list[MemberFigure]] = {}
    for figure in figures.values():
        by_person.setdefault(figure.member.person_id, []).append(figure)
    for attribute, cube_by_person in (("opinions", opinions), ("feedback", feedback)):
        for (person_id, group_id, _month), count in (cube_by_person or {}).items():
            credited = by_person.get(person_id, []) if group_id is None else [
                figure for figure in [figures.get((group_id, person_id))] if figure]
            for figure in credited:
                setattr(figure, attribute, getattr(figure, attribute) + count)
    for person_id, (on_time, overdue) in (tasks or {}).items():
        for figure in by_person.get(person_id, []):
            figure.tasks_on_time, figure.tasks_overdue = on_time, overdue
    for figure in figures.values():
        figure.flags = member_flags(figure, f.threshold)
    return list(figures.values())


def member_flags(figure: MemberFigure, threshold: int) -> list[str]:
    """Why a member counts as inactive: 'low_attendance' below the threshold, 'no_activity' when nothing."""
    flags = []
    rate = figure.attendance.rate
    if rate is not None and rate < threshold:
        flags.append("low_attendance")
    if figure.activity == 0:
        flags.append("no_activity")
    return flags


def ranking(figures: list[MemberFigure]) -> list[MemberFigure]:
    """Members from the least to the most active: flagged first, then by attendance rate and activity."""
    return sorted(figures, key=lambda fig: (not fig.flagged, fig.attendance.rate if fig.attendance.rate is not None
                                            else -1, fig.activity, fig.member.name))


def heat_level(value: int, peak: int) -> int:
    """Shade 0..HEAT_LEVELS of a heatmap cell relative to the busiest cell."""
    if value <= 0 or peak <= 0:
        return 0
    return max(1, min(HEAT_LEVELS, -(-value * HEAT_LEVELS // peak)))


def heatmap_peak(figures: list[MemberFigure]) -> int:
    return max((v for fig in figures for v in fig.months.values()), default=0)


def totals(figures: list[MemberFigure]) -> Counts:
    """Attendance over every member in view."""
    total = Counts()
    for figure in figures:
        total.add(figure.attendance)
    return total


@dataclass
class MemberBoard:
    """The members in view and their figures: all the ranking and the heatmap show, and what the dashboard's
    other per-member figures (obligations, visits) build on."""

    people: list[Member]
    cube: dict[tuple[int, int, str], Counts]
    members: list[MemberFigure]
    ranking: list[MemberFigure]
    heat_peak: int


def member_board(f: Filters, today: date) -> MemberBoard:
    """Every member in view with their figures, ranked (a fixed number of queries, none beyond the members')."""
    people = members_in_view(f)
    cube = attendance_cube(f)
    figures = member_figures(f, people, cube, group_meeting_cube(f), opinion_cube(f), feedback_cube(f),
                             task_counts(f, today))
    return MemberBoard(people, cube, figures, ranking(figures), heatmap_peak(figures))
