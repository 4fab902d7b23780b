"""Oversight dashboard, official reports, exports and scorecards for leadership and the party office."""
from functools import lru_cache
from urllib.parse import quote_plus, urlencode

from flask import Blueprint, g, url_for
from markupsafe import Markup, escape

from ..i18n import N_

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
    return {
        "label": _status_label("FeedbackStatus")(status),
        "data": [by_month.get(m, {}).get(status, 0) for m in months],
    }


@lru_cache(maxsize=4096)
def _quoted(value: str) -> str:
    return quote_plus(value)


def _encode(value) -> str:
    """A query-string value: ids as they are, text percent-encoded (memoised: months and statuses repeat)."""
    return str(value) if type(value) is int else _quoted(str(value))


def _drill_base(f, kind: str, keys: tuple) -> str:
    """The route and the filters' query string minus `keys`, built once per request, kind and set of keys."""
    cache = g.setdefault("_drill_cache", {})
    key = (id(f), kind, keys)
    base = cache.get(key)
    if base is None:
        args = {k: v for k, v in f.args().items() if k not in keys}
        base = cache[key] = f"{url_for('dashboard.records', kind=kind)}?{urlencode(args)}"
    return base


def drill_href(f, kind: str, **changes) -> str:
    """URL of the records behind a figure. The route and the filters' query string are built once per request
    and kind; only the figure's own arguments are encoded per link, since a dashboard holds thousands of them."""
    changes = {k: v for k, v in changes.items() if v is not None and v != ""}
    href = _drill_base(f, kind, tuple(changes))
    own = "&".join(f"{k}={_encode(v)}" for k, v in changes.items())
    return f"{href}&{own}" if own and not href.endswith("?") else href + own


def drill(text, f, kind: str, css: str = "", **changes):
    """A figure that opens the records behind it: a plain link (works without JavaScript), which dashboard.js
    turns into an HTMX request into #drilldown. A Python function, not a macro: it is called thousands of times.
    Percent-encoded values and ints need no HTML escaping; only '&' between arguments does."""
    href = drill_href(f, kind, **changes).replace("&", "&amp;")
    label = str(text) if type(text) is int else escape(text)
    return Markup(f'<a href="{href}" class="drill {escape(css) if css else ""}">{label}</a>')


FLAG_LABELS = {"low_attendance": N_("Dự họp dưới ngưỡng"), "no_activity": N_("Không có hoạt động")}


def flag_badges(flags) -> Markup:
    """The badges saying why a member is flagged (see `figures.member_flags`). Translated once per request for
    each combination of flags, since the ranking and the flagged list show one per member."""
    cache = g.setdefault("_flag_badges", {})
    key = tuple(flags)
    html = cache.get(key)
    if html is None:
        from flask_babel import gettext

        html = cache[key] = Markup("".join(f'<span class="badge badge-flag">{escape(gettext(FLAG_LABELS[flag]))}</span>'
                                           for flag in key))
    return html


def _register_helpers(state) -> None:
    from ..meetings.scorecard import RULES
    from .figures.members import heat_level

    state.app.jinja_env.globals["CELL_RULES"] = RULES
    state.app.jinja_env.globals["heat_level"] = heat_level
    state.app.jinja_env.globals["drill"] = drill
    state.app.jinja_env.globals["flag_badges"] = flag_badges
    state.app.jinja_env.filters["feedback_dataset"] = _feedback_dataset
    state.app.jinja_env.filters["feedback_status_label"] = _status_label("FeedbackStatus")
    state.app.jinja_env.filters["task_status_label"] = _status_label("TaskStatus")


bp.record_once(_register_helpers)
