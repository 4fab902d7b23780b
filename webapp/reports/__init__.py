"""The reporting regime: schedules, submissions and the ledger of on-time, late and missing reports."""
from flask import Blueprint

from ..i18n import N_
from ..models import ReportFrequency
from ..template_helpers import register_labels
from .periods import Standing, period_label

bp = Blueprint("reports", __name__, url_prefix="/reports")
bp.add_app_template_filter(lambda key, frequency: period_label(frequency, key), "period")

register_labels(ReportFrequency, {
    ReportFrequency.MONTHLY: N_("Hằng tháng"),
    ReportFrequency.QUARTERLY: N_("Hằng quý"),
    ReportFrequency.HALF_YEARLY: N_("6 tháng"),
    ReportFrequency.YEARLY: N_("Hằng năm"),
})
register_labels(Standing, {
    Standing.ON_TIME: N_("Đúng hạn"),
    Standing.LATE: N_("Trễ hạn"),
    Standing.MISSING: N_("Chưa nộp (quá hạn)"),
    Standing.NOT_YET_DUE: N_("Chưa đến hạn"),
})

from . import views  # noqa: E402,F401
