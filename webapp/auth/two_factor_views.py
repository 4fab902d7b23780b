"""The second step of login, setting up TOTP (required for administrators) and turning it off."""
from flask import Flask, Response, current_app, flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user

from ..clock import utcnow
from ..extensions import db
from ..models import User
from ..permissions import requires
from ..rendering import render
from ..services import REFUSED, run_service
from . import bp, totp, two_factor
from .forms import DisableTwoFactorForm, TwoFactorForm
from .idle import mark_active
from .services import is_throttled, record_attempt

PENDING = "two_factor_pending"
SETUP = "two_factor_setup_secret"
PENDING_SECONDS = 300
EXEMPT = {"static", "auth.two_factor_setup", "auth.logout", "auth.set_locale", "auth.password", "auth.login"}


def start_second_step(user: User, next_url: str):
    """The password was right; the session waits for the code (never logged in before it)."""
    session.clear()
    session[PENDING] = {"id": user.id, "v": user.session_version, "at": utcnow().timestamp(), "next": next_url}
    return redirect(url_for("auth.two_factor_login"))


def complete_login(user: User, next_url: str):
    """The user is logged in on a fresh session (nothing of the anonymous one kept), counted active from now, and
    sent on: the one ending of a login, with or without the second step."""
    session.clear()
    login_user(user)
    mark_active()
    return redirect(next_url)


def _pending_user() -> User | None:
    pending = session.get(PENDING)
    if not isinstance(pending, dict) or utcnow().timestamp() - pending.get("at", 0) > PENDING_SECONDS:
        return None
    user = db.session.get(User, pending.get("id"))
    if user is None or not user.active or user.session_version != pending.get("v") or not user.totp_secret:
        return None
    return user


@bp.route("/two-factor", methods=["GET", "POST"])
def two_factor_login():
    user = _pending_user()
    if user is None:
        session.pop(PENDING, None)
        flash(_("Bước xác thực hai bước đã hết hạn; hãy đăng nhập lại."), "error")
        return redirect(url_for("auth.login"))
    form = TwoFactorForm()
    status = 200
    if form.validate_on_submit():
        addr = request.remote_addr or "?"
        run_service(None, record_attempt, user.username, addr)
        if is_throttled(user.username, addr):
            form.code.errors.append(_("Nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút."))
            status = 429
        elif (checked := run_service(None, two_factor.check, user, form.code.data)):
            return complete_login(user, session[PENDING].get("next") or url_for("core.index"))
        elif checked is REFUSED:  # the database was busy (a long import on SQLite): its message is flashed
            status = 503
        else:
            form.code.errors.append(_("Mã xác thực không đúng hoặc đã được dùng."))
            status = 401
    elif request.method == "POST":
        status = 400
    return render("auth/two_factor.html", form=form, http_status=status)


@bp.route("/two-factor/setup", methods=["GET", "POST"])
@requires()
def two_factor_setup():
    """Scan the QR code, prove it with a code, receive the recovery codes; or see the state and turn it off."""
    user = current_user._get_current_object()
    if user.totp_secret:
        return render("auth/two_factor_setup.html", enabled=True, required=two_factor.required_for(user),
                      remaining=len(user.totp_recovery or []), disable_form=DisableTwoFactorForm())
    secret = session.get(SETUP) or totp.new_secret()
    session[SETUP] = secret
    form = TwoFactorForm()
    status = 200
    if form.validate_on_submit():
        codes = run_service(form, two_factor.enable, user, secret, form.code.data)
        if codes:
            session.pop(SETUP, None)
            return render("auth/two_factor_setup.html", enabled=True, codes=codes,
                          required=two_factor.required_for(user), remaining=len(codes),
                          disable_form=DisableTwoFactorForm())
        status = 422
    elif request.method == "POST":
        status = 422
    uri = totp.provisioning_uri(secret, user.username, current_app.config["TOTP_ISSUER"])
    return render("auth/two_factor_setup.html", enabled=False, form=form, secret=secret, qr=totp.qr_data_uri(uri),
                  required=two_factor.required_for(user), http_status=status)


@bp.post("/two-factor/disable")
@requires()
def two_factor_disable():
    form = DisableTwoFactorForm()
    if form.validate_on_submit() and run_service(None, _disable, current_user._get_current_object(),
                                                 form.password.data):
        flash(_("Đã tắt xác thực hai bước."))
    return redirect(url_for("auth.two_factor_setup"))


def _disable(user: User, password: str) -> bool:
    two_factor.disable(user, password)
    return True


def _require_second_factor():
    """Administrators without a second factor can do nothing but set one up (or log out)."""
    if request.endpoint in EXEMPT or not current_user.is_authenticated:
        return None
    if two_factor.required_for(current_user) and not current_user.totp_secret:
        if request.headers.get("HX-Request"):
            return Response(status=204)   # a fragment of the set-up page itself (badge, menus): nothing to show
        flash(_("Tài khoản quản trị phải bật xác thực hai bước trước khi làm việc."), "error")
        return redirect(url_for("auth.two_factor_setup"))
    return None


def install(app: Flask) -> None:
    app.before_request(_require_second_factor)
