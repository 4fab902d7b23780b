"""Tasks from briefings, opinions and feedback, their owners, deadlines and progress; and each user's work list."""
from flask import Blueprint

from ..i18n import N_
from ..models import TaskStatus
from ..template_helpers import register_labels

bp = Blueprint("tasks", __name__, url_prefix="/tasks")

register_labels(TaskStatus, {
    TaskStatus.OPEN: N_("Chưa thực hiện"),
    TaskStatus.IN_PROGRESS: N_("Đang thực hiện"),
    TaskStatus.DONE: N_("Hoàn thành"),
    TaskStatus.CANCELLED: N_("Hủy bỏ"),
})

from . import views  # noqa: E402,F401
