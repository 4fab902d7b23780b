from urllib.parse import urlsplit

from flask import current_app, flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from ..i18n import LOCALES
from ..permissions import requires
from ..rendering import render
from ..services import REFUSED, run_service
from . import bp
from .forms import ChangePasswordForm, LoginForm
from .idle import mark_active
from .services import (
    authenticate,
    change_password,
    choose_locale,
    end_sessions,
    is_throttled,
    logout_everywhere,
    record_attempt,
)
from .two_factor_views import complete_login, start_second_step


def _safe_next(target: str | None) -> str:
    if target and not urlsplit(target).netloc and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("core.index")


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("core.index"))
    form = LoginForm()
    status = 200
    if form.validate_on_submit():
        addr = request.remote_addr or "?"
        run_service(None, record_attempt, form.username.data, addr)
        if is_throttled(form.username.data, addr):
            form.username.errors.append(_("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút."))
            status = 429
        else:
            outcome = run_service(None, authenticate, form.username.data, form.password.data)
            if outcome and outcome.user.totp_secret:
                return start_second_step(outcome.user, _safe_next(request.args.get("next")))
            if outcome:
                return complete_login(outcome.user, _safe_next(request.args.get("next")))
            if outcome is REFUSED:  # the database was busy (a long import on SQLite): its message is flashed
                status = 503
            elif getattr(outcome, "refusal", None):
                form.username.errors.append(outcome.refusal)
                status = 403
            else:
                form.password.errors.append(_("Tên đăng nhập hoặc mật khẩu không đúng."))
                status = 401
    elif request.method == "POST":
        status = 400
    return render("auth/login.html", form=form, http_status=status)


@bp.post("/logout")
@login_required
def logout():
    run_service(None, end_sessions, current_user)  # a copy of this session's cookie must not outlive the logout
    logout_user()
    session.clear()
    return redirect(url_for("auth.login"))


@bp.route("/password", methods=["GET", "POST"])
@requires()
def password():
    """Change one's own password; every other session of the account ends, this one goes on."""
    form = ChangePasswordForm()
    status = 200
    if form.validate_on_submit():
        addr = request.remote_addr or "?"
        run_service(None, record_attempt, current_user.username, addr)  # guessing the current password is throttled
        if is_throttled(current_user.username, addr):
            form.current_password.errors.append(_("Nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút."))
            status = 429
        elif run_service(form, change_password, current_user, form.current_password.data, form.new_password.data):
            login_user(current_user._get_current_object())  # the new session version: this session goes on
            mark_active()
            flash(_("Đã đổi mật khẩu; các phiên đăng nhập khác và đường dẫn lịch cũ không còn dùng được."))
            return redirect(url_for("core.index"))
        else:
            status = 422
    elif request.method == "POST":
        status = 422
    return render("auth/password.html", form=form, http_status=status,
                  min_length=current_app.config["PASSWORD_MIN_LENGTH"])


@bp.post("/logout-everywhere")
@login_required
def logout_everywhere_view():
    """Log out on every device and end the calendar link too."""
    run_service(None, logout_everywhere, current_user)
    logout_user()
    session.clear()
    flash(_("Đã đăng xuất trên mọi thiết bị; đường dẫn lịch cũ không còn dùng được."))
    return redirect(url_for("auth.login"))


@bp.post("/locale/<code>")
def set_locale(code: str):
    if code in LOCALES:
        session["locale"] = code
        if current_user.is_authenticated:
            run_service(None, choose_locale, current_user, code)
    return redirect(_safe_next(request.form.get("next") or request.referrer and urlsplit(request.referrer).path))
