"""The one place that decides whether a response is a whole page, an HTMX fragment or a redirect.

HTMX requests are recognised by htmx-flask (`request.htmx`, set up in `setup.configure_extensions`); a boosted
navigation is an HTMX request too, but it wants a whole page."""
from flask import Response, flash, redirect, render_template
from htmx_flask import make_response, request


def wants_fragment() -> bool:
    """True for an HTMX request that is not a boosted navigation nor a history restore (after a miss in htmx's
    history cache, the back button asks for the pushed URL and swaps the answer in as the whole page)."""
    return bool(request.htmx) and not request.htmx.boosted and not request.htmx.history_restore_request


def render(page: str, fragment: str | None = None, /, *, http_status: int = 200, **context):
    """Render `fragment` for HTMX requests when given, else the full `page` (context names are free)."""
    template = fragment if fragment and wants_fragment() else page
    return render_template(template, **context), http_status


def render_or_redirect(url: str, fragment: str, /, *, flashed: str | None = None, http_status: int = 200,
                       **context):
    """After a change: HTMX swaps in `fragment`, a whole-page request is redirected to `url` (where `flashed`,
    when given, is shown as a success message)."""
    if wants_fragment():
        return render_template(fragment, **context), http_status
    if flashed:
        flash(flashed, "success")
    return redirect(url)


def hx_redirect(url: str) -> Response:
    """Send the browser to `url`: an empty answer with HX-Redirect to HTMX (which would otherwise swap the
    redirected page into its target), a plain redirect to a whole-page request."""
    if wants_fragment():
        return make_response("", 204, redirect=url)
    return redirect(url)
