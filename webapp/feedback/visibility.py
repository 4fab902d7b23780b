"""The one place that decides who reads which feedback item and who sees restricted content.

Lists, detail pages, search, exports, HTMX fragments and reminders all go through `feedback_select`
(rows a user may know about, with search limited to content they may see) and `present` (the serialiser
that blanks restricted content). Templates and exports only ever receive `FeedbackView` objects."""
import re
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import and_, false, or_, select
from sqlalchemy.orm import contains_eager, joinedload

from ..clock import local_today
from ..formfields import bounded_int
from ..models import Assignment, FeedbackItem, FeedbackStatus, Membership, Person, Role, Unit
from ..models.feedback import SETTLED_STATUSES
from ..models.groups import active_on
from ..permissions import READ_DIRECTORY, at_root, headed_group_ids, in_scope
from ..restricted import can_see_content, content_visible_clause  # noqa: F401  (the area's readers)
from ..unit_labels import group_label, unit_label
from .workflow import elapsed_days, is_overdue

RECORDING_ROLES = {Role.ADMIN, Role.UNIT_OFFICER, Role.GROUP_HEAD, Role.MEMBER}
NUMBER_PATTERN = re.compile(r"^(?:pa-?)?0*(\d{1,9})$", re.IGNORECASE)


SCOPED_RECORDERS = {Role.ADMIN, Role.UNIT_OFFICER}


def recordable_unit_ids(user, today: date):
    """Sub-select of the units a user may record feedback for: admins and unit officers, their scope; heads and
    members, the units they (or, for heads, the members of the groups they lead) follow today."""
    if user.role in SCOPED_RECORDERS:
        return select(Unit.id).where(in_scope(user))
    if user.role not in RECORDING_ROLES or user.person_id is None:
        return select(Unit.id).where(false())
    followers = [Assignment.person_id == user.person_id]
    headed = headed_group_ids(user)
    if headed:
        followers.append(Membership.group_id.in_(headed))
    return (select(Assignment.unit_id).join(Assignment.membership)
            .where(or_(*followers), active_on(Assignment, today), active_on(Membership, today)))


def creditable_person_ids(user, today: date):
    """Sub-select of the persons an item may be credited to ("Thành viên nắm bắt"): members only themselves;
    heads themselves and the members of the groups they lead; admins and officers the persons in their scope
    (by home unit, or anyone for town-wide users)."""
    if user.role in SCOPED_RECORDERS:
        if at_root(user):
            return select(Person.id)
        return select(Person.id).join(Unit, Unit.id == Person.home_unit_id).where(in_scope(user))
    own = select(Person.id).where(Person.id == (user.person_id or 0))
    headed = headed_group_ids(user)
    if not headed:
        return own
    return own.union(select(Membership.person_id).where(Membership.group_id.in_(headed),
                                                        active_on(Membership, today)))


def readable_clause(user):
    """SQL twin of `can_read` (needs `Unit` joined on the item's unit)."""
    own = or_(FeedbackItem.handler_id == user.id, FeedbackItem.created_by_id == user.id)
    if user.role in READ_DIRECTORY:
        return or_(own, in_scope(user))
    if user.person_id:
        return or_(own, FeedbackItem.source_person_id == user.person_id)
    return own


@dataclass
class FeedbackFilters:
    """The register's filters, read from GET arguments so a filtered view can be bookmarked."""

    status: FeedbackStatus | None = None
    category_id: int | None = None
    unit_id: int | None = None
    group_id: int | None = None
    overdue: bool = False
    q: str = ""

    @classmethod
    def from_args(cls, args) -> "FeedbackFilters":
        status = args.get("status")
        return cls(
            status=FeedbackStatus(status) if status in {s.value for s in FeedbackStatus} else None,
            category_id=args.get("category", type=bounded_int), unit_id=args.get("unit", type=bounded_int),
            group_id=args.get("group", type=bounded_int), overdue=args.get("overdue") == "1",
            q=(args.get("q") or "").strip()[:200],
        )


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _search_clause(user, q: str):
    pattern = f"%{_escape_like(q)}%"
    matches = [and_(content_visible_clause(user), FeedbackItem.content.ilike(pattern, escape="\\"))]
    number = NUMBER_PATTERN.match(q)
    if number:
        matches.append(FeedbackItem.id == int(number.group(1)))
    return or_(*matches)


def _filter_clauses(user, filters: FeedbackFilters, today: date) -> list:
    clauses = []
    if filters.status:
        clauses.append(FeedbackItem.status == filters.status)
    if filters.category_id:
        clauses.append(FeedbackItem.category_id == filters.category_id)
    if filters.unit_id:
        clauses.append(FeedbackItem.unit_id == filters.unit_id)
    if filters.group_id:
        clauses.append(FeedbackItem.group_id == filters.group_id)
    if filters.overdue:
        clauses.append(and_(FeedbackItem.status.not_in(SETTLED_STATUSES), FeedbackItem.due_on < today))
    if filters.q:
        clauses.append(_search_clause(user, filters.q))
    return clauses


def feedback_select(user, filters: FeedbackFilters | None = None, today: date | None = None):
    """Items this user may know about, filtered, newest first, with what `present` needs loaded."""
    today = today or local_today()
    statement = (
        select(FeedbackItem).join(FeedbackItem.category).join(FeedbackItem.unit)
        .where(readable_clause(user))
        # each is one row at most, loaded in the same query: the joins above fill category and unit
        .options(contains_eager(FeedbackItem.category), contains_eager(FeedbackItem.unit),
                 joinedload(FeedbackItem.group), joinedload(FeedbackItem.handler),
                 joinedload(FeedbackItem.source_person), joinedload(FeedbackItem.forwarded_group))
        .order_by(FeedbackItem.received_on.desc(), FeedbackItem.id.desc())
    )
    clauses = _filter_clauses(user, filters, today) if filters else []
    return statement.where(*clauses) if clauses else statement


def handled_by_select(user):
    """Items assigned to this user as handler and not yet answered or closed (their deadline still runs; their own
    content is always visible to them)."""
    if user.id is None:
        return select(FeedbackItem).where(false())
    return (select(FeedbackItem).where(FeedbackItem.handler_id == user.id,
                                       FeedbackItem.status.not_in(SETTLED_STATUSES))
            .options(joinedload(FeedbackItem.category), joinedload(FeedbackItem.unit)))


@dataclass
class EventView:
    from_status: FeedbackStatus | None
    to_status: FeedbackStatus
    by_name: str
    at: object
    note: str | None


@dataclass
class FeedbackView:
    """What a user may be shown of one item; restricted fields are None when `hidden`."""

    id: int
    number: str
    received_on: date
    due_on: date
    category_name: str
    restricted: bool
    status: FeedbackStatus
    overdue: bool
    unit_name: str
    group_name: str | None
    hidden: bool
    content: str | None = None
    citizen_ref: str | None = None
    source_name: str | None = None
    forwarded_to: str | None = None
    handler_name: str | None = None
    answer: str | None = None
    answered_on: date | None = None
    closed_on: date | None = None
    elapsed_days: int | None = None
    events: list[EventView] = field(default_factory=list)
    attachments: list = field(default_factory=list)


def _forwarded_to(item: FeedbackItem) -> str | None:
    parts = [p for p in (item.forwarded_to, item.forwarded_group.name if item.forwarded_group else None) if p]
    return "; ".join(parts) or None


def present(user, item: FeedbackItem, today: date | None = None, with_history: bool = False) -> FeedbackView:
    """Serialise `item` for `user`, leaving out restricted content they may not see."""
    today = today or local_today()
    hidden = not can_see_content(user, item)
    view = FeedbackView(
        id=item.id, number=item.number, received_on=item.received_on, due_on=item.due_on,
        category_name=item.category.name, restricted=item.category.restricted, status=item.status,
        overdue=is_overdue(item.status, item.due_on, today), unit_name=unit_label(item.unit),
        group_name=group_label(item.group) if item.group else None, hidden=hidden,
        answered_on=item.answered_on, closed_on=item.closed_on,
        elapsed_days=elapsed_days(item.received_on, item.closed_on),
    )
    if not hidden:
        view.content, view.citizen_ref, view.answer = item.content, item.citizen_ref, item.answer
        view.source_name = item.source_person.full_name if item.source_person else None
        view.forwarded_to = _forwarded_to(item)
        view.handler_name = item.handler.display_name if item.handler else None
    if with_history:
        view.events = [EventView(e.from_status, e.to_status, e.by.display_name if e.by else "",
                                 e.at, None if hidden else e.note) for e in item.events]
        view.attachments = [] if hidden else list(item.attachments)
    return view


def present_many(user, items, today: date | None = None) -> list[FeedbackView]:
    """`present` for a list of items."""
    today = today or local_today()
    return [present(user, item, today) for item in items]
