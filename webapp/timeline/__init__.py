"""The unit timeline: one list of what every level recorded about a unit (visits, meetings, opinions, feedback,
tasks, member reports). It gathers from many areas, so it sits above them, beside the dashboard."""
from flask import Blueprint

bp = Blueprint("timeline", __name__, url_prefix="/units")

from . import views  # noqa: E402,F401
