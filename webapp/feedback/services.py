"""Named state changes of the feedback register; callers commit."""
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..clock import local_today
from ..extensions import db
from ..i18n import N_
from ..models import FeedbackCategory, FeedbackEvent, FeedbackItem, FeedbackStatus, FieldVisit
from ..services import RuleViolation
from . import rules
from .uploads import store_attachment
from .workflow import TransitionError, check_transition, response_deadline

DEFAULT_CATEGORIES = [
    (N_("Kinh tế - xã hội"), False, 15),
    (N_("An ninh, trật tự"), False, 10),
    (N_("Xây dựng Đảng, hệ thống chính trị"), False, 30),
    (N_("Đất đai, trật tự đô thị"), False, 30),
    (N_("Y tế, dịch bệnh"), False, 7),
    (N_("Khiếu nại"), True, 30),
    (N_("Tố cáo"), True, 30),
]


def ensure_default_categories() -> int:
    """Create the standard categories that are missing; return how many were added."""
    existing = set(db.session.scalars(select(FeedbackCategory.name)))
    added = [FeedbackCategory(name=name, restricted=restricted, sla_days=sla)
             for name, restricted, sla in DEFAULT_CATEGORIES if name not in existing]
    db.session.add_all(added)
    return len(added)


def save_category(category: FeedbackCategory | None, *, name: str, restricted: bool, sla_days: int,
                  active: bool = True) -> FeedbackCategory:
    """Create or update a category; its SLA applies to items recorded from now on. Made restricted, the field
    visits its items were raised from become restricted too (their text is the same text)."""
    existing = db.session.scalar(select(FeedbackCategory).where(FeedbackCategory.name == name))
    message = rules.category_name_taken(existing is not None and existing is not category)
    if message is not None:
        raise RuleViolation("name", message)
    category = category or FeedbackCategory()
    category.name, category.restricted, category.sla_days, category.active = name, restricted, sla_days, active
    db.session.add(category)
    db.session.flush()
    if restricted:
        raised = select(FeedbackItem.field_visit_id).where(FeedbackItem.category_id == category.id)
        for visit in db.session.scalars(select(FieldVisit).where(FieldVisit.id.in_(raised),
                                                                 FieldVisit.restricted.is_(False))):
            visit.restricted = True
        db.session.flush()
    return category


def record_feedback(user, *, received_on: date, category: FeedbackCategory, unit, content: str,
                    source_person=None, group=None, citizen_ref: str | None = None, files=(),
                    field_visit=None) -> FeedbackItem:
    """Register a new item with its response deadline and its first workflow event."""
    item = FeedbackItem(received_on=received_on, due_on=response_deadline(received_on, category.sla_days),
                        category=category, unit=unit, content=content, source_person=source_person,
                        group=group, citizen_ref=citizen_ref or None, status=FeedbackStatus.NEW,
                        field_visit_id=field_visit.id if field_visit is not None else None,
                        created_by_id=user.id)
    item.events.append(FeedbackEvent(from_status=None, to_status=FeedbackStatus.NEW, by_id=user.id))
    db.session.add(item)
    db.session.flush()
    for upload in files:
        store_attachment(upload, user, feedback_item=item)
    return item


def _check_requirements(target: FeedbackStatus, note: str | None, forwarded_to, forwarded_group, handler) -> None:
    if target == FeedbackStatus.FORWARDED and not (forwarded_to or forwarded_group or handler):
        raise TransitionError(_l("Hãy ghi rõ nơi chuyển đến (cơ quan, đoàn công tác hoặc người xử lý)."),
                              "forwarded_to")
    if target in (FeedbackStatus.ANSWERED, FeedbackStatus.ESCALATED) and not (note or "").strip():
        raise TransitionError(_l("Hãy nhập nội dung trả lời hoặc lý do.") if target == FeedbackStatus.ANSWERED
                              else _l("Hãy nêu lý do chuyển cấp trên."), "note")


def transition(item: FeedbackItem, user, target: FeedbackStatus, *, note: str | None = None,
               forwarded_to: str | None = None, forwarded_group=None, handler=None,
               on: date | None = None) -> FeedbackEvent:
    """Move an item along the transition table, recording who did it, when and why; a refused step raises
    TransitionError (a RuleViolation) before anything changes. Flushes, the caller commits."""
    check_transition(item.status, target)
    _check_requirements(target, note, forwarded_to, forwarded_group, handler)
    on = on or local_today()
    if target == FeedbackStatus.FORWARDED:
        item.forwarded_to = forwarded_to or item.forwarded_to
        item.forwarded_group = forwarded_group or item.forwarded_group
    if handler is not None:
        item.handler = handler
    if target == FeedbackStatus.ANSWERED:
        item.answer, item.answered_on = note.strip(), on
    if target == FeedbackStatus.IN_PROGRESS and item.status == FeedbackStatus.ANSWERED:
        item.answered_on = None
    if target == FeedbackStatus.CLOSED:
        item.closed_on = on
    event = FeedbackEvent(from_status=item.status, to_status=target, by_id=user.id, note=(note or "").strip() or None)
    item.status = target
    item.events.append(event)
    db.session.flush()
    return event


def attach_files(item: FeedbackItem, user, files) -> int:
    """Add uploaded files to an item; return how many."""
    for upload in files:
        store_attachment(upload, user, feedback_item=item)
    return len(files)
