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


def drill_href(f, kind: str, **changes) -> str:
    """URL of the records behind a figure. The route and the filters' query string are built once per request
    and kind; only the figure's own arguments are encoded per link, since a dashboard holds thousands of them."""
    from urllib.parse import quote_plus, urlencode

    from flask import g, url_for

    changes = {k: v for k, v in changes.items() if v not in (None, "")}
    cache = g.setdefault("_drill_cache", {})
    key = (id(f), kind, tuple(changes))
    if key not in cache:
        base = {k: v for k, v in f.args().items() if k not in changes}
        cache[key] = f"{url_for('dashboard.records', kind=kind)}?{urlencode(base)}"
    own = "&".join(f"{k}={quote_plus(str(v))}" for k, v in changes.items())
    href = cache[key]
    return f"{href}&{own}" if own and not href.endswith("?") else href + own


def drill(text, f, kind: str, css: str = "", **changes):
    """A figure that opens the records behind it: a plain link (works without JavaScript), which dashboard.js
    turns into an HTMX request into #drilldown. A Python function, not a macro: it is called thousands of times."""
    from markupsafe import Markup, escape

    href = drill_href(f, kind, **changes).replace("&", "&amp;")
    return Markup(f'<a href="{href}" class="drill {escape(css)}">{escape(text)}</a>')


def _register_helpers(state) -> None:
    from .figures import heat_level

    state.app.jinja_env.globals["heat_level"] = heat_level
    state.app.jinja_env.globals["drill"] = drill
    state.app.jinja_env.filters["feedback_dataset"] = _feedback_dataset
    state.app.jinja_env.filters["feedback_status_label"] = _status_label("FeedbackStatus")
    state.app.jinja_env.filters["task_status_label"] = _status_label("TaskStatus")


bp.record_once(_register_helpers)
