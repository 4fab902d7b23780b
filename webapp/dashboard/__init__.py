"""Oversight dashboard, official reports, exports and scorecards for leadership and the party office."""
from flask import Blueprint

bp = Blueprint("dashboard", __name__, url_prefix="/dashboard")

from . import views  # noqa: E402,F401


def _status_label(enum_name: str):
    def label_of(value: str) -> str:
        from .. import models
        from ..template_helpers import label

        return label(getattr(models, enum_name)(value))

    return label_of


def _feedback_dataset(status: str, by_month: dict, months: list) -> dict:
    """One stacked series of the feedback chart: the count of `status` in each month."""
    return {"label": _status_label("FeedbackStatus")(status), "data": [by_month.get(m, {}).get(status, 0) for m in months]}


def _register_helpers(state) -> None:
    from .figures import heat_level

    state.app.jinja_env.globals["heat_level"] = heat_level
    state.app.jinja_env.filters["feedback_dataset"] = _feedback_dataset
    state.app.jinja_env.filters["feedback_status_label"] = _status_label("FeedbackStatus")
    state.app.jinja_env.filters["task_status_label"] = _status_label("TaskStatus")


bp.record_once(_register_helpers)
