"""Attendance as an obligation: each group's rule (every meeting, or N times per period at each followed unit),
members' declared absences (leave, illness, training), and the compliance the dashboard measures against them."""
from flask import Blueprint

from ..i18n import N_
from ..models import AbsenceReason, ObligationMode
from ..template_helpers import register_labels

bp = Blueprint("obligations", __name__, url_prefix="/obligations")

register_labels(ObligationMode, {ObligationMode.EVERY_MEETING: N_("Dự mọi buổi sinh hoạt của đơn vị được phân công"),
                                 ObligationMode.TIMES_PER_PERIOD: N_("Mỗi đơn vị được phân công ít nhất N lần mỗi kỳ")})
register_labels(AbsenceReason, {AbsenceReason.LEAVE: N_("Nghỉ phép"), AbsenceReason.ILLNESS: N_("Ốm đau"),
                                AbsenceReason.TRAINING: N_("Đi học, tập huấn"), AbsenceReason.OTHER: N_("Lý do khác")})

from . import views  # noqa: E402,F401
