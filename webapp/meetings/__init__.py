"""Meetings, attendance and briefings: who came, who spoke, what was concluded."""
from flask import Blueprint

bp = Blueprint("meetings", __name__, url_prefix="/meetings")

from . import labels, views  # noqa: E402,F401
