"""The reminder list and the nav badge fragment (computed on read)."""
from flask import request
from flask_login import current_user

from ..formfields import bounded_int
from ..permissions import requires
from ..rendering import render
from ..tasks.queries import due_soon
from . import bp

DEFAULT_DAYS = 3


def _days() -> int:
    return min(max(request.args.get("days", DEFAULT_DAYS, type=bounded_int) or 0, 0), 60)


@bp.get("/")
@requires()
def index():
    days = _days()
    return render("notifications/index.html", items=due_soon(current_user, days), days=days)


@bp.get("/badge")
@requires()
def badge():
    return render("notifications/_badge.html", "notifications/_badge.html",
                  count=len(due_soon(current_user, DEFAULT_DAYS)))
