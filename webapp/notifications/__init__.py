"""Reminders: each user's overdue and soon-due work, in the app and as an optional daily e-mail digest."""
from flask import Blueprint

bp = Blueprint("notifications", __name__, url_prefix="/notifications")

from . import views  # noqa: E402,F401
