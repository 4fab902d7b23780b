"""Assessment per Quy định 366-QĐ/TW: rounds; each member's self-assessment pre-filled with their figures from the
records; the head's proposal; the standing board's decision; results printable and exportable."""
from flask import Blueprint

bp = Blueprint("assessments", __name__, url_prefix="/assessments")

from . import views  # noqa: E402,F401
