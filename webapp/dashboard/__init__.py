"""Oversight dashboard, official reports, exports and scorecards for leadership and the party office."""
from flask import Blueprint

bp = Blueprint("dashboard", __name__, url_prefix="/dashboard")

from . import views  # noqa: E402,F401


def _register_helpers(state) -> None:
    from .figures import heat_level

    state.app.jinja_env.globals["heat_level"] = heat_level


bp.record_once(_register_helpers)
