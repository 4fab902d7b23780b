"""Development targets (chỉ tiêu) per unit and year, with actual values recorded over the year."""
from flask import Blueprint

bp = Blueprint("targets", __name__, url_prefix="/targets")

from . import views  # noqa: E402,F401
