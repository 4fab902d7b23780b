"""The second factor: enabling TOTP, checking a code or a recovery code, turning it off; which roles need it."""
from flask import current_app
from flask_babel import lazy_gettext as _

from ..extensions import db
from ..models import User
from ..services import RuleViolation
from . import totp


def required_for(user: User) -> bool:
    """Administrators (TOTP_REQUIRED_ROLES) may not work without a second factor."""
    return user.role.value in current_app.config["TOTP_REQUIRED_ROLES"]


def enable(user: User, secret: str, code: str) -> list[str]:
    """Turn TOTP on with `secret` once the user proved their app shows its codes; returns the recovery codes
    (shown once, stored hashed)."""
    step = totp.matching_step(secret, code)
    if step is None:
        raise RuleViolation("code", _("Mã xác thực không đúng; hãy nhập mã 6 số đang hiện trong ứng dụng."))
    codes = totp.new_recovery_codes()
    user.totp_secret, user.totp_last_step = secret, step
    user.totp_recovery = [totp.recovery_hash(c) for c in codes]
    db.session.flush()
    return codes


def check(user: User, code: str) -> bool:
    """A fresh TOTP code (each time step once) or an unused recovery code (then spent)."""
    step = totp.matching_step(user.totp_secret, code)
    if step is not None and step > (user.totp_last_step or 0):
        user.totp_last_step = step
        db.session.flush()
        return True
    hashed = totp.recovery_hash(code)
    remaining = list(user.totp_recovery or [])
    if hashed in remaining:
        remaining.remove(hashed)
        user.totp_recovery = remaining
        db.session.flush()
        return True
    return False


def disable(user: User, password: str) -> None:
    """Turn the second factor off (not for roles that require it), after the current password."""
    if required_for(user):
        raise RuleViolation("password", _("Tài khoản quản trị bắt buộc dùng xác thực hai bước."))
    if not user.check_password(password):
        raise RuleViolation("password", _("Mật khẩu hiện tại không đúng."))
    user.totp_secret, user.totp_last_step, user.totp_recovery = None, None, None
    db.session.flush()
