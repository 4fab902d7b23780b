"""The one reader of restricted text. A complaint of a restricted category, a field visit raised as one, and a task
made from either carry the same text: each asks here whether a user may read it, so every copy (lists, pages,
exports, timelines, work lists, calendar feeds, the audit log) is withheld from the same readers. Each rule has
its SQL twin, for lists and searches that must neither show nor match text the reader may not see."""
from sqlalchemy import and_, exists, or_, select, true

from .extensions import db
from .models import FeedbackCategory, FeedbackItem, FieldVisit, Role, Task

CONTENT_ROLES = frozenset({Role.ADMIN, Role.LEADERSHIP})  # read every restricted text


def can_see_content(user, item: FeedbackItem) -> bool:
    """Restricted categories: only admins, leadership and the assigned handler see the content."""
    return (not item.category.restricted) or user.role in CONTENT_ROLES or item.handler_id == user.id


def content_visible_clause(user):
    """SQL twin of `can_see_content` (needs FeedbackCategory joined on the item's category)."""
    if user.role in CONTENT_ROLES:
        return true()
    return or_(FeedbackCategory.restricted.is_(False), FeedbackItem.handler_id == user.id)


def can_see_visit_text(user, visit: FieldVisit) -> bool:
    """A restricted visit's text: its author, admins and leadership, and the handler of the complaint raised
    from it; the caller has already checked that the user may read the visit at all."""
    if not visit.restricted or user.role in CONTENT_ROLES:
        return True
    if (user.person_id is not None and user.person_id == visit.person_id) or visit.created_by_id == user.id:
        return True
    return db.session.scalar(select(FeedbackItem.id).where(FeedbackItem.field_visit_id == visit.id,
                                                           FeedbackItem.handler_id == user.id).limit(1)) is not None


def can_see_task_text(user, task: Task) -> bool:
    """A task made from a complaint or a visit copies its text (the visit's page fills the title in from it): its
    title and description are read by those who may read the source's text."""
    if task.source_kind == "feedback" and task.source_id:
        item = db.session.get(FeedbackItem, task.source_id)
        return item is None or can_see_content(user, item)
    if task.source_kind == "field_visit" and task.source_id:
        visit = db.session.get(FieldVisit, task.source_id)
        return visit is None or can_see_visit_text(user, visit)
    return True


def _not_by(column, value):
    """The column does not hold `value` (NULL included, which `!=` would leave unknown)."""
    return or_(column.is_(None), column != value) if value is not None else true()


def task_text_visible_clause(user):
    """SQL twin of `can_see_task_text`, over Task."""
    if user.role in CONTENT_ROLES:
        return true()
    hidden_item = (select(FeedbackItem.id).join(FeedbackCategory, FeedbackCategory.id == FeedbackItem.category_id)
                   .where(FeedbackItem.id == Task.source_id, FeedbackCategory.restricted.is_(True),
                          _not_by(FeedbackItem.handler_id, user.id)))
    handled = exists().where(FeedbackItem.field_visit_id == FieldVisit.id, FeedbackItem.handler_id == user.id)
    hidden_visit = select(FieldVisit.id).where(
        FieldVisit.id == Task.source_id, FieldVisit.restricted.is_(True), _not_by(FieldVisit.person_id, user.person_id),
        _not_by(FieldVisit.created_by_id, user.id), ~handled)
    return ~or_(and_(Task.source_kind == "feedback", hidden_item.exists()),
                and_(Task.source_kind == "field_visit", hidden_visit.exists()))
