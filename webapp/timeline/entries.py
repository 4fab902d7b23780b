"""One record per unit: everything about a unit from every level in one timeline — field visits, meetings held
there, opinions raised at them, feedback and tasks of the unit, and the reports of the members who followed it —
newest first."""
from dataclasses import dataclass
from datetime import date

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..feedback.access import can_read
from ..feedback.visibility import present
from ..meetings.access import can_read_meeting
from ..member_reports.queries import readable_reports
from ..models import (
    Assignment,
    FeedbackItem,
    FieldVisit,
    Meeting,
    MemberReport,
    Membership,
    Opinion,
    Task,
    Unit,
    WorkingGroup,
)
from ..models.meetings import meeting_unit
from ..reports.periods import period_bounds
from ..tasks.access import can_read_task
from ..tasks.queries import task_text
from ..template_helpers import label
from ..visits.access import can_read_visit
from ..visits.queries import visit_text

LIMIT_PER_KIND = 200


@dataclass(frozen=True)
class Entry:
    day: date
    kind: str
    title: str
    detail: str
    url: str | None  # None when the reader may not open the record itself (a member reading a unit they follow)


def _level(group) -> str | None:
    """The group with the committee that owns it, so the town-level and ward-level visits read apart."""
    return f"{group.name} ({group.owner_unit.name})" if group else None


def _visits(user, unit: Unit, start: date, end: date) -> list[Entry]:
    rows = db.session.scalars(
        select(FieldVisit)
        .options(selectinload(FieldVisit.person), selectinload(FieldVisit.group).selectinload(WorkingGroup.owner_unit))
        .where(FieldVisit.unit_id == unit.id, FieldVisit.visited_on.between(start, end))
        .order_by(FieldVisit.visited_on.desc())
        .limit(LIMIT_PER_KIND)
    )
    entries = []
    for v in rows:
        readable = can_read_visit(user, v, end)
        text = visit_text(user, v) if readable else None
        shown = (text.difficulties or text.findings) if text is not None and not text.withheld else None
        entries.append(Entry(v.visited_on, "visit", _("Đi cơ sở: %(name)s", name=v.person.full_name),
                             " — ".join(filter(None, [_level(v.group), shown])),
                             url_for("visits.detail", visit_id=v.id) if readable else None))
    return entries


def _meetings(user, unit: Unit, start: date, end: date) -> tuple[list[Entry], dict[int, bool]]:
    held_here = select(meeting_unit.c.meeting_id).where(meeting_unit.c.unit_id == unit.id)
    rows = db.session.scalars(select(Meeting).where(Meeting.id.in_(held_here), Meeting.held_on.between(start, end))
                              .order_by(Meeting.held_on.desc()).limit(LIMIT_PER_KIND)).all()
    readable = {m.id: can_read_meeting(user, m) for m in rows}
    entries = [Entry(m.held_on, "meeting", m.title, label(m.kind),
                     url_for("meetings.detail", meeting_id=m.id) if readable[m.id] else None) for m in rows]
    return entries, readable


def _opinions(readable: dict[int, bool]) -> list[Entry]:
    rows = db.session.execute(select(Opinion, Meeting.held_on).options(selectinload(Opinion.person))
                              .join(Meeting, Meeting.id == Opinion.meeting_id)
                              .where(Opinion.meeting_id.in_(list(readable) or [0])).order_by(Opinion.position))
    return [Entry(day, "opinion", _("Ý kiến: %(name)s", name=opinion.speaker), opinion.text,
                  url_for("meetings.detail", meeting_id=opinion.meeting_id) + f"#opinion-{opinion.id}"
                  if readable[opinion.meeting_id] else None) for opinion, day in rows]


def _feedback(user, unit: Unit, start: date, end: date) -> list[Entry]:
    rows = db.session.scalars(select(FeedbackItem).where(FeedbackItem.unit_id == unit.id,
                                                         FeedbackItem.received_on.between(start, end))
                              .order_by(FeedbackItem.received_on.desc()).limit(LIMIT_PER_KIND))
    views = [(present(user, item), can_read(user, item)) for item in rows]
    return [
        Entry(
            v.received_on,
            "feedback",
            f"{v.number}: {v.category_name}",
            _("(nội dung hạn chế)") if v.hidden else (v.content or ""),
            url_for("feedback.detail", item_id=v.id) if readable else None,
        )
        for v, readable in views
    ]


def _tasks(user, unit: Unit, start: date, end: date) -> list[Entry]:
    rows = db.session.scalars(select(Task).where(Task.owner_unit_id == unit.id, Task.deadline.between(start, end))
                              .order_by(Task.deadline.desc()).limit(LIMIT_PER_KIND))
    return [Entry(t.deadline, "task", f"NV-{t.id:05d}: {task_text(user, t).title}", label(t.status),
                  url_for("tasks.detail", task_id=t.id) if can_read_task(user, t) else None) for t in rows]


def _followed_in_period(report: MemberReport, assignment_start: date, assignment_end: date | None) -> bool:
    period_start, period_end = period_bounds(report.rule.frequency, report.period_key)
    return assignment_start <= period_end and (assignment_end is None or assignment_end >= period_start)


def _member_reports(user, unit: Unit, start: date, end: date) -> list[Entry]:
    """Reports submitted in [start, end] by members who followed the unit, for the report's group, during its period;
    only those the user may read (the member-report rule)."""
    rows = db.session.execute(
        select(MemberReport, Assignment.start_date, Assignment.end_date)
        .join(Membership, Membership.id == Assignment.membership_id)
        .join(MemberReport, (MemberReport.person_id == Assignment.person_id)
              & (MemberReport.group_id == Membership.group_id))
        .options(selectinload(MemberReport.person), selectinload(MemberReport.rule),
                 selectinload(MemberReport.group).selectinload(WorkingGroup.owner_unit))
        .where(Assignment.unit_id == unit.id, MemberReport.submitted_on.between(start, end))
        .order_by(MemberReport.submitted_on.desc(), MemberReport.id.desc()).limit(LIMIT_PER_KIND * 4)).all()
    reports = list({report.id: report for report, first, last in rows
                    if _followed_in_period(report, first, last)}.values())[:LIMIT_PER_KIND]
    return [Entry(r.submitted_on, "member_report", _("Báo cáo thành viên: %(name)s", name=r.person.full_name),
                  " — ".join([_level(r.group), _("kỳ %(key)s", key=r.period_key), r.text]),
                  url_for("member_reports.detail", report_id=r.id)) for r in readable_reports(user, reports)]


def unit_timeline(user, unit: Unit, start: date, end: date) -> list[Entry]:
    """The unit's records between two days, newest first (at most LIMIT_PER_KIND of each kind)."""
    meetings, readable = _meetings(user, unit, start, end)
    entries = _visits(user, unit, start, end) + meetings + _opinions(readable) + _feedback(user, unit, start, end) \
        + _tasks(user, unit, start, end) + _member_reports(user, unit, start, end)
    order = {"meeting": 0, "opinion": 1, "visit": 2, "member_report": 3, "feedback": 4, "task": 5}
    return sorted(entries, key=lambda e: (-e.day.toordinal(), order[e.kind]))
