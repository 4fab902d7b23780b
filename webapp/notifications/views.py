"""The reminder list, the nav badge fragment (computed on read) and the private calendar feed."""

from flask import Response, abort, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..clock import local_today
from ..formfields import bounded_int
from ..permissions import requires
from ..rendering import render
from ..services import run_service
from . import bp
from .calendar import build_feed, has_feed, issue_feed_token, user_for_token
from .digest import digest_parts
from .invitations import notices

DEFAULT_DAYS = 3


def _days() -> int:
    return min(max(request.args.get("days", DEFAULT_DAYS, type=bounded_int) or 0, 0), 60)


@bp.get("/")
@requires()
def index():
    """The digest in the app: work due, the invitations to meetings ahead (new and moved ones marked) and the member
    reports owed."""
    days = _days()
    items, meetings, reports = digest_parts(current_user, days, local_today())
    return render("notifications/index.html", items=items, meetings=meetings, reports=reports, days=days,
                  marks=notices(meetings))


@bp.get("/badge")
@requires()
def badge():
    """Work due soon plus the meetings the user is invited to in the same days (a moved meeting among them like any
    other)."""
    items, meetings, _reports = digest_parts(current_user, DEFAULT_DAYS, local_today())
    return render("notifications/_badge.html", "notifications/_badge.html", count=len(items) + len(meetings))


@bp.get("/calendar")
@requires()
def calendar():
    return render("notifications/calendar.html", has_link=has_feed(current_user), link=None)


@bp.post("/calendar")
@requires()
def issue_calendar_link():
    """Make a new secret link (the old one stops working) and show it this once."""
    token = run_service(None, issue_feed_token, current_user)
    return render("notifications/calendar.html", has_link=True,
                  link=url_for("notifications.calendar_feed", token=token, _external=True))


@bp.get("/calendar/<token>.ics")
def calendar_feed(token: str):
    """The feed itself: no login (calendar apps cannot log in); the secret link is the key."""
    user = user_for_token(token)
    if user is None:
        abort(404)
    body = build_feed(user, local_today(), request.host_url, _("Lịch công tác — %(name)s", name=user.display_name))
    return Response(body, mimetype="text/calendar", headers={"Cache-Control": "private, max-age=300"})
