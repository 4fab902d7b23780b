"""Assessment per Quy định 366-QĐ/TW: rounds; each member's self-assessment pre-filled with their figures from the
records; the head's proposal; the standing board's decision; results printable and exportable."""
from flask import Blueprint

from ..i18n import N_
from ..models import AssessmentLevel
from ..template_helpers import register_labels

bp = Blueprint("assessments", __name__, url_prefix="/assessments")

register_labels(AssessmentLevel, {
    AssessmentLevel.EXCELLENT: N_("Hoàn thành xuất sắc nhiệm vụ"),
    AssessmentLevel.GOOD: N_("Hoàn thành tốt nhiệm vụ"),
    AssessmentLevel.COMPLETE: N_("Hoàn thành nhiệm vụ"),
    AssessmentLevel.INCOMPLETE: N_("Không hoàn thành nhiệm vụ"),
})

from . import views  # noqa: E402,F401
