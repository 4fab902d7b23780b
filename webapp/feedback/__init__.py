"""The feedback register: citizens' concerns reported up, their workflow, deadlines and restricted access."""
from flask import Blueprint

from ..i18n import N_
from ..models import FeedbackStatus
from ..template_helpers import register_labels

bp = Blueprint("feedback", __name__, url_prefix="/feedback")

register_labels(FeedbackStatus, {
    FeedbackStatus.NEW: N_("Mới tiếp nhận"),
    FeedbackStatus.FORWARDED: N_("Đã chuyển xử lý"),
    FeedbackStatus.IN_PROGRESS: N_("Đang xử lý"),
    FeedbackStatus.ANSWERED: N_("Đã trả lời"),
    FeedbackStatus.CLOSED: N_("Đã đóng"),
    FeedbackStatus.ESCALATED: N_("Chuyển cấp trên"),
})

from . import views  # noqa: E402,F401
