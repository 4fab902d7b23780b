"""The one place that decides whether a response is a whole page or an HTMX fragment."""
from flask import render_template, request


def wants_fragment() -> bool:
    """True for an HTMX request that is not a boosted navigation (those want whole pages)."""
    return request.headers.get("HX-Request") == "true" and request.headers.get("HX-Boosted") != "true"


def render(page: str, fragment: str | None = None, /, *, http_status: int = 200, **context):
    """Render `fragment` for HTMX requests when given, else the full `page` (context names are free)."""
    template = fragment if fragment and wants_fragment() else page
    return render_template(template, **context), http_status
