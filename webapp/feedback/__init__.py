"""The feedback register: citizens' concerns reported up, their workflow, deadlines and restricted access."""
from flask import Blueprint

bp = Blueprint("feedback", __name__, url_prefix="/feedback")

from . import views  # noqa: E402,F401
