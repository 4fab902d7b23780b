"""Self-declared attendance: a member declares they attended a meeting of a unit they follow; an officer of the
unit confirms it (which writes the attendance mark through the meetings service) or rejects it with a reason."""
from flask import Blueprint

from ..i18n import N_
from ..models import ClaimStatus
from ..template_helpers import register_labels

bp = Blueprint("attendance_claims", __name__, url_prefix="/attendance-claims")

register_labels(ClaimStatus, {ClaimStatus.PENDING: N_("Chờ xác nhận"), ClaimStatus.CONFIRMED: N_("Đã xác nhận"),
                              ClaimStatus.REJECTED: N_("Không xác nhận")})

from . import views  # noqa: E402,F401
