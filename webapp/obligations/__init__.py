"""Attendance as an obligation: each group's rule (every meeting, or N times per period at each followed unit),
members' declared absences (leave, illness, training), and the compliance the dashboard measures against them."""
from flask import Blueprint

bp = Blueprint("obligations", __name__, url_prefix="/obligations")

from . import views  # noqa: E402,F401
