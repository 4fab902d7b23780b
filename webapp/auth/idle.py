"""Idle session timeout: a session with no request for SESSION_IDLE_MINUTES is logged out.

The time of the last request is kept in the signed session cookie, read from the app clock; a request after
the limit logs the user out and the login page says why. 0 turns the timeout off (the test suite, whose clock
jumps days between requests)."""
from flask import Flask, current_app, flash, request, session
from flask_babel import gettext as _
from flask_login import current_user, logout_user

from ..clock import utcnow

LAST_SEEN = "last_seen"
# The last request's time is written into the cookie at most once a minute: rewriting the signed session on every
# request (a new Set-Cookie each time) cost more than the check, and a limit counted in minutes loses nothing.
MARK_EVERY_SECONDS = 60


def mark_active() -> None:
    """This moment counts as the session's last request (called at login and on every request)."""
    session[LAST_SEEN] = utcnow().timestamp()


def _check_idle() -> None:
    minutes = current_app.config["SESSION_IDLE_MINUTES"]
    if not minutes or request.endpoint == "static" or not current_user.is_authenticated:
        return
    last = session.get(LAST_SEEN)
    idle = utcnow().timestamp() - last if isinstance(last, (int, float)) else None
    if idle is None or idle > minutes * 60:
        logout_user()
        session.clear()
        flash(_("Phiên làm việc đã hết hạn vì không hoạt động quá %(n)s phút; hãy đăng nhập lại.",
                n=minutes), "error")
        return
    if idle >= MARK_EVERY_SECONDS:
        mark_active()


def install(app: Flask) -> None:
    app.before_request(_check_idle)
