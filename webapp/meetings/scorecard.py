"""The quarterly cell scorecard: per cell (chi bộ) and quarter, each rule of the rule set in force met, missed or
unknown, with the meetings behind each verdict (`cell_rules` holds the predicates), and the members excused more
times in a row than the rules allow. Attendance at a meeting is the one rate (`rates.meeting_counts`), not a
second one. A fixed number of statements, whatever the number of cells."""
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..clock import in_office_zone
from ..dates import add_months
from ..documents.services import cell_rule_versions, cell_rules_on
from ..extensions import db
from ..models import Assignment, Attendance, CellMeetingRules, Meeting, MeetingKind, Membership, Person, Role, Unit
from ..models.groups import active_on, overlaps
from ..models.meetings import meeting_unit
from ..permissions import headed_group_ids, in_scope, path_under, scope_path
from . import cell_rules
from .cell_rules import MET, MISSED, UNKNOWN
from .rates import counted_rows, meeting_counts

RULES = {  # key → what the scorecard calls the rule
    "members_notice": _l("Thông báo cho đảng viên đúng hạn"),
    "committee_notice": _l("Cấp ủy viên được phân công biết kịp thời"),
    "documents": _l("Gửi tài liệu trước"),
    "thematic": _l("Sinh hoạt chuyên đề trong quý"),
    "duration": _l("Đủ thời gian sinh hoạt"),
    "attendance": _l("Tỷ lệ dự sinh hoạt đạt"),
    "unexcused": _l("Không có đảng viên vắng không phép"),
}
FLAG_MONTHS = 9  # the run of excused absences is read over the quarter and the nine months before it


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    start = date(year, 3 * quarter - 2, 1)
    return start, add_months(start, 3) - timedelta(days=1)


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


@dataclass
class MeetingVerdict:
    meeting: Meeting
    verdict: str
    detail: str = ""


@dataclass
class RuleVerdict:
    key: str
    verdict: str
    meetings: list[MeetingVerdict] = field(default_factory=list)

    @property
    def label(self):
        return RULES[self.key]


@dataclass
class CellCard:
    unit: Unit
    rules: CellMeetingRules | None
    verdicts: list[RuleVerdict]

    def misses(self, key: str | None = None) -> bool:
        return any(v.verdict == MISSED and (key is None or v.key == key) for v in self.verdicts)


@dataclass
class Flag:
    person: Person
    run: int
    allowed: int


def visible_cells(user, start: date, end: date, under: str = "/") -> list[Unit]:
    """The cells the viewer sees for the quarter: in their scope (and under the unit path `under`), followed by
    someone or holding a cell meeting in it; a member sees only the cells they were assigned to follow in it."""
    followed = select(Assignment.unit_id).where(overlaps(Assignment, start, end))
    if user.role == Role.MEMBER:
        followed = followed.where(Assignment.person_id == (user.person_id or -1))
        chosen = Unit.id.in_(followed)
    else:
        met = (select(meeting_unit.c.unit_id).join(Meeting, Meeting.id == meeting_unit.c.meeting_id)
               .where(Meeting.kind == MeetingKind.CELL, Meeting.held_on.between(start, end)))
        chosen = Unit.id.in_(followed) | Unit.id.in_(met)
    return list(db.session.scalars(select(Unit).where(chosen, in_scope(user), path_under(Unit.path, under),
                                                      Unit.kind == "cell")
                                   .order_by(Unit.path)))


def _meetings_by_unit(unit_ids: list[int], start: date, end: date) -> dict[int, list[Meeting]]:
    rows = db.session.execute(
        select(meeting_unit.c.unit_id, Meeting).join(Meeting, Meeting.id == meeting_unit.c.meeting_id)
        .where(meeting_unit.c.unit_id.in_(unit_ids), Meeting.kind == MeetingKind.CELL,
               Meeting.held_on.between(start, end))
        .order_by(Meeting.held_on, Meeting.starts_at, Meeting.id)).all()
    by_unit: dict[int, list[Meeting]] = defaultdict(list)
    for unit_id, meeting in rows:
        by_unit[unit_id].append(meeting)
    return by_unit


def _informed(unit_ids: list[int], start: date, end: date) -> dict[tuple[int, int], list]:
    """(meeting, unit) → the day each member assigned to the unit on the meeting's day was informed (None: not
    known), from their attendance rows."""
    rows = db.session.execute(
        select(Meeting.id, Assignment.unit_id, Attendance.informed_at)
        .select_from(Assignment)
        .join(Membership, Membership.id == Assignment.membership_id)
        .join(meeting_unit, meeting_unit.c.unit_id == Assignment.unit_id)
        .join(Meeting, Meeting.id == meeting_unit.c.meeting_id)
        .outerjoin(Attendance, (Attendance.meeting_id == Meeting.id) & (Attendance.person_id == Assignment.person_id))
        .where(Assignment.unit_id.in_(unit_ids), Meeting.kind == MeetingKind.CELL, Meeting.held_on.between(start, end),
               active_on(Assignment, Meeting.held_on), active_on(Membership, Meeting.held_on)))
    informed: dict[tuple[int, int], list] = defaultdict(list)
    for meeting_id, unit_id, stamp in rows:
        informed[(meeting_id, unit_id)].append(in_office_zone(stamp).date() if stamp else None)
    return informed


def _day(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "—"


def _meeting_verdicts(meeting: Meeting, rules: CellMeetingRules | None, informed: list, counts) -> dict:
    """Each per-meeting rule's verdict for one meeting, with what it read (`counts`: its marks, the one rate's)."""
    rate = counts.rate
    if rules is None:
        return {key: MeetingVerdict(meeting, UNKNOWN, str(_l("không có quy tắc đang có hiệu lực")))
                for key in RULES if key != "thematic"}
    notices = [cell_rules.ahead(day, meeting.held_on, rules.committee_notice_days) for day in informed]
    minutes = cell_rules.minutes_between(meeting.starts_at, meeting.ends_at)
    return {
        "members_notice": MeetingVerdict(meeting, cell_rules.ahead(meeting.members_invited_on, meeting.held_on,
                                                                    rules.member_notice_days),
                                         _day(meeting.members_invited_on)),
        "committee_notice": MeetingVerdict(meeting, cell_rules.overall(notices),
                                           ", ".join(_day(day) for day in informed) or "—"),
        "documents": MeetingVerdict(meeting, cell_rules.ahead(meeting.documents_sent_on, meeting.held_on,
                                                               rules.documents_days), _day(meeting.documents_sent_on)),
        "duration": MeetingVerdict(meeting, cell_rules.long_enough(meeting.starts_at, meeting.ends_at,
                                                                    rules.min_minutes),
                                   str(_l("%(n)s phút", n=minutes)) if minutes else "—"),
        "attendance": MeetingVerdict(meeting, cell_rules.attendance_reached(rate, rules.attendance_percent),
                                     f"{rate:.1f}%" if rate is not None else "—"),
        "unexcused": MeetingVerdict(meeting, cell_rules.no_unexcused(counts.absent, rate),
                                    str(_l("%(n)s vắng không phép", n=counts.absent)) if rate is not None else "—"),
    }


def cell_cards(units: list[Unit], start: date, end: date) -> list[CellCard]:
    """One card per cell: the quarter's verdicts under the rule set in force on each meeting's day (the quarter's
    thematic count under the set in force on its last day, else its last meeting's)."""
    unit_ids = [unit.id for unit in units]
    by_unit = _meetings_by_unit(unit_ids, start, end) if unit_ids else {}
    informed = _informed(unit_ids, start, end) if unit_ids else {}
    counts = meeting_counts({meeting.id for meetings in by_unit.values() for meeting in meetings})
    versions = cell_rule_versions()
    cards = []
    for unit in units:
        meetings = by_unit.get(unit.id, [])
        per_rule: dict[str, list[MeetingVerdict]] = defaultdict(list)
        for meeting in meetings:
            rules = cell_rules_on(meeting.held_on, versions)
            verdicts = _meeting_verdicts(meeting, rules, informed.get((meeting.id, unit.id), []),
                                         counts[meeting.id])
            for key, verdict in verdicts.items():
                per_rule[key].append(verdict)
        quarter_rules = cell_rules_on(end, versions) or (cell_rules_on(meetings[-1].held_on, versions)
                                                          if meetings else None)
        thematic = (cell_rules.thematic_held([m.thematic for m in meetings], quarter_rules.thematic_per_quarter)
                    if quarter_rules else UNKNOWN)
        per_rule["thematic"] = [MeetingVerdict(m, MET if m.thematic else (UNKNOWN if m.thematic is None else MISSED),
                                               str(_l("Chuyên đề") if m.thematic else _l("Thường kỳ")
                                                   if m.thematic is False else _l("Chưa ghi")))
                                for m in meetings]
        verdicts = [RuleVerdict(key, thematic if key == "thematic" else
                                cell_rules.overall([v.verdict for v in per_rule[key]]), per_rule[key])
                    for key in RULES]
        cards.append(CellCard(unit, quarter_rules, verdicts))
    return cards


def excused_flags(user, units: list[Unit], start: date, end: date, under: str = "/") -> list[Flag]:
    """Members excused at their followed cells more times in a row than the rules in force at the quarter's end
    allow, over the quarter and the FLAG_MONTHS before it, with an excused mark in the quarter: a group head sees
    their groups' members, leadership, officers and admins those following cells in their scope; members none.
    `under` (a unit path inside the viewer's scope) narrows the followed cells read."""
    rules = cell_rules_on(end)
    if rules is None or user.role == Role.MEMBER or not units:
        return []
    who: dict = {"narrow": Meeting.kind == MeetingKind.CELL}
    if user.role == Role.GROUP_HEAD:
        who["groups"] = list(headed_group_ids(user)) or [-1]
        who["unit_path"] = under
    else:
        who["unit_path"] = under if under != "/" else scope_path(user)
    rows = counted_rows(add_months(start, -FLAG_MONTHS), end, per_group=False, **who).subquery()
    marks: dict[int, list] = defaultdict(list)
    excused_in_quarter: set[int] = set()
    for person_id, status, held_on in db.session.execute(
            select(rows.c.person_id, rows.c.status, rows.c.held_on)
            .order_by(rows.c.person_id, rows.c.held_on, rows.c.meeting_id)):
        value = getattr(status, "value", status)
        marks[person_id].append(value)
        if value == "excused" and held_on >= start:
            excused_in_quarter.add(person_id)
    flagged = {person_id: cell_rules.longest_excused_run(statuses) for person_id, statuses in marks.items()
               if person_id in excused_in_quarter and cell_rules.excused_too_often(statuses, rules.max_excused_in_row)}
    people = {p.id: p for p in db.session.scalars(select(Person).where(Person.id.in_(list(flagged or [-1]))))}
    return sorted((Flag(people[pid], run, rules.max_excused_in_row) for pid, run in flagged.items()),
                  key=lambda flag: (flag.person.sort_key, flag.person.id))


def quarters_between(start: date, end: date, most: int = 4) -> list[tuple[int, int]]:
    """The quarters (year, quarter) a period touches, the latest `most` of them."""
    quarters, (year, quarter) = [], quarter_of(start)
    while quarter_bounds(year, quarter)[0] <= end:
        quarters.append((year, quarter))
        year, quarter = (year, quarter + 1) if quarter < 4 else (year + 1, 1)
    return quarters[-most:]


@dataclass
class QuarterSummary:
    year: int
    quarter: int
    cells: int
    missing: int  # cells that miss at least one rule


def summaries(user, start: date, end: date) -> list[QuarterSummary]:
    """For evidence on another page (the quarterly assessment): per quarter of the period, how many of the viewer's
    cells the scorecard judges and how many miss a rule."""
    result = []
    for year, quarter in quarters_between(start, end):
        first, last = quarter_bounds(year, quarter)
        cards = cell_cards(visible_cells(user, first, last), first, last)
        result.append(QuarterSummary(year, quarter, len(cards), sum(1 for card in cards if card.misses())))
    return result


@dataclass(frozen=True)
class QuarterEvidence:
    """One quarter of the scorecard as plain values, for another page to show as evidence (kept across requests by
    the dashboard's cache): the cells judged, the cells missing each rule, each such cell with the rules it
    misses, and how many members are flagged for too many excused absences in a row."""

    year: int
    quarter: int
    cells: int
    missing_by_rule: tuple[tuple[str, int], ...]  # (rule key, cells missing it), in the order of RULES
    missing_cells: tuple[tuple[int, tuple[str, ...]], ...]  # (unit id, the rule keys it misses), by unit path
    flagged: int


def quarter_evidence(user, start: date, end: date, under: str = "/", most: int = 4) -> list[QuarterEvidence]:
    """Per quarter of the period (the latest `most`), the scorecard's own verdicts (`cell_cards`, `excused_flags`)
    over the viewer's cells under the unit path `under`, counted: never a second judgement."""
    result = []
    for year, quarter in quarters_between(start, end, most):
        first, last = quarter_bounds(year, quarter)
        units = visible_cells(user, first, last, under)
        cards = cell_cards(units, first, last)
        missed = tuple((card.unit.id, tuple(v.key for v in card.verdicts if v.verdict == MISSED))
                       for card in cards if card.misses())
        by_rule = tuple((key, sum(1 for card in cards if card.misses(key))) for key in RULES)
        result.append(QuarterEvidence(year, quarter, len(cards), by_rule, missed,
                                      len(excused_flags(user, units, first, last, under))))
    return result
