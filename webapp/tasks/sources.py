"""Tasks born from a briefing (conclusion points, opinions), feedback or a field visit (source_kind/source_id)."""
from collections import defaultdict

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, bindparam, or_, select

from ..extensions import db
from ..feedback.access import can_read
from ..models import ConclusionPoint, FeedbackItem, FieldVisit, Opinion, Role, Task
from ..permissions import unit_in_scope
from ..template_helpers import vn_date

TASK_CREATORS = {Role.ADMIN, Role.GROUP_HEAD, Role.UNIT_OFFICER}
SOURCE_LABELS = {"conclusion_point": _l("Điểm kết luận giao ban"), "opinion": _l("Ý kiến phát biểu"),
                 "feedback": _l("Phản ánh, kiến nghị"), "field_visit": _l("Chuyến đi cơ sở")}
_SOURCE_MODELS = {"conclusion_point": ConclusionPoint, "opinion": Opinion, "feedback": FeedbackItem,
                  "field_visit": FieldVisit}


def tasks_by_source(kind: str, ids: list[int]) -> dict[int, list[Task]]:
    """Tasks created from each of the given source records, in one query."""
    return tasks_by_sources({kind: ids})[kind]


def tasks_by_sources(ids_by_kind: dict[str, list[int]]) -> dict[str, dict[int, list[Task]]]:
    """Tasks created from each of the given source records of several kinds (a briefing's points and opinions),
    by kind and record, in one query (none when there is no record)."""
    found: dict[str, dict[int, list[Task]]] = {kind: defaultdict(list) for kind in ids_by_kind}
    kinds = tuple(kind for kind, ids in ids_by_kind.items() if ids)
    if kinds:
        params = {f"ids_{n}": list(ids_by_kind[kind]) for n, kind in enumerate(kinds)}
        for task in db.session.scalars(_tasks_of_sources(kinds), params):
            found[task.source_kind][task.source_id].append(task)
    return found


_SOURCES_STATEMENTS: dict[tuple[str, ...], object] = {}


def _tasks_of_sources(kinds: tuple[str, ...]):
    """The select of tasks from records of these kinds, their ids bound as `ids_0`, `ids_1`…: built once per set of
    kinds (a briefing's page asks for the same two every time; building and keying it anew cost more than running
    it)."""
    statement = _SOURCES_STATEMENTS.get(kinds)
    if statement is None:
        asked = [and_(Task.source_kind == kind, Task.source_id.in_(bindparam(f"ids_{n}", expanding=True)))
                 for n, kind in enumerate(kinds)]
        statement = _SOURCES_STATEMENTS[kinds] = select(Task).where(or_(*asked)).order_by(Task.id)
    return statement


def source_exists(kind: str | None, source_id: int | None) -> bool:
    """True when the task's source is empty or names an existing record."""
    if not kind:
        return True
    model = _SOURCE_MODELS.get(kind)
    return bool(model and source_id and db.session.get(model, source_id))


def source_in_scope(user, kind: str | None, source_id: int | None) -> bool:
    """A task may be born only from a record of its creator's scope: feedback their register shows, a visit of
    a unit in scope, a point or opinion of a meeting of a unit in scope or of none (the town's briefings, which
    every task creator reads), and no source at all. (Meetings and visits lean on tasks: their units are asked
    of `permissions` here.)"""
    record = _record(kind, source_id)
    if record is None:
        return True
    if isinstance(record, FeedbackItem):
        return can_read(user, record)
    if isinstance(record, FieldVisit):
        return unit_in_scope(user, record.unit)
    units = record.meeting.units
    return not units or any(unit_in_scope(user, unit) for unit in units)


def _record(kind: str | None, source_id: int | None):
    model = _SOURCE_MODELS.get(kind or "")
    return db.session.get(model, source_id) if model and source_id else None


def source_url(task: Task) -> str | None:
    """Where the record a task came from can be seen (the briefing, at the point or opinion)."""
    return source_url_for(task.source_kind, task.source_id)


def source_url_for(kind: str | None, source_id: int | None) -> str | None:
    record = _record(kind, source_id)
    if record is None:
        return None
    if isinstance(record, FeedbackItem):
        return url_for("feedback.detail", item_id=record.id)
    if isinstance(record, FieldVisit):
        return url_for("visits.detail", visit_id=record.id)
    anchor = "point" if isinstance(record, ConclusionPoint) else "opinion"
    return url_for("meetings.detail", meeting_id=record.meeting_id) + f"#{anchor}-{record.id}"


def source_description(kind: str | None, source_id: int | None) -> str | None:
    """The source as a person names it: a conclusion point by its number in the briefing's conclusion, an opinion
    by its speaker and meeting; other sources by their kind and number."""
    if not kind:
        return None
    record = _record(kind, source_id)
    if isinstance(record, ConclusionPoint):
        return _("Điểm %(n)s trong kết luận %(meeting)s ngày %(d)s", n=record.number, meeting=record.meeting.title,
                 d=vn_date(record.meeting.held_on))
    if isinstance(record, Opinion):
        return _("Ý kiến của %(speaker)s tại %(meeting)s ngày %(d)s", speaker=record.speaker,
                 meeting=record.meeting.title, d=vn_date(record.meeting.held_on))
    label = str(SOURCE_LABELS.get(kind, kind))
    return f"{label} #{source_id}" if source_id else label
