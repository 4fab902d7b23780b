"""The feedback workflow as data (allowed transitions) and its date arithmetic, free of Flask and the database."""
from datetime import date, timedelta

from flask_babel import lazy_gettext as _l

from ..models.feedback import SETTLED_STATUSES
from ..models.feedback import FeedbackStatus as S
from ..services import RuleViolation

TRANSITIONS: dict[S, tuple[S, ...]] = {
    S.NEW: (S.FORWARDED, S.IN_PROGRESS, S.ESCALATED),
    S.FORWARDED: (S.IN_PROGRESS, S.ANSWERED, S.ESCALATED),
    S.IN_PROGRESS: (S.ANSWERED, S.ESCALATED),
    S.ESCALATED: (S.FORWARDED, S.IN_PROGRESS, S.ANSWERED),
    S.ANSWERED: (S.CLOSED, S.IN_PROGRESS),
    S.CLOSED: (),
}


class TransitionError(RuleViolation):
    """A workflow step that the transition table or its rules refuse; `message` is shown next to `field`."""

    def __init__(self, message, field: str = "target"):
        super().__init__(field, message)


def allowed_targets(current: S) -> tuple[S, ...]:
    """The statuses an item in `current` may move to."""
    return TRANSITIONS[current]


def check_transition(current: S, target: S) -> None:
    """Raise TransitionError with a Vietnamese explanation unless `current` → `target` is allowed."""
    from ..template_helpers import label

    if target in TRANSITIONS[current]:
        return
    if current == S.CLOSED:
        raise TransitionError(_l("Phản ánh đã đóng, không thể chuyển sang trạng thái khác."))
    raise TransitionError(_l("Không thể chuyển từ “%(current)s” sang “%(target)s”.",
                             current=label(current), target=label(target)))


def response_deadline(received_on: date, sla_days: int) -> date:
    """The answer is due `sla_days` calendar days after the item was received."""
    return received_on + timedelta(days=sla_days)


def is_overdue(status: S, due_on: date, today: date) -> bool:
    """Not yet answered or closed, and today is past the deadline."""
    return status not in SETTLED_STATUSES and today > due_on


def elapsed_days(received_on: date, closed_on: date | None) -> int | None:
    """Calendar days from receipt to closure (None while open)."""
    return None if closed_on is None else (closed_on - received_on).days
