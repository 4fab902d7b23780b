"""The reporting regime: schedules, submissions and the ledger of on-time, late and missing reports."""
from flask import Blueprint

from .periods import period_label

bp = Blueprint("reports", __name__, url_prefix="/reports")
bp.add_app_template_filter(lambda key, frequency: period_label(frequency, key), "period")

from . import views  # noqa: E402,F401
