"""Self-declared attendance: a member declares they attended a meeting of a unit they follow; an officer of the
unit confirms it (which writes the attendance mark through the meetings service) or rejects it with a reason."""
from flask import Blueprint

bp = Blueprint("attendance_claims", __name__, url_prefix="/attendance-claims")

from . import views  # noqa: E402,F401
