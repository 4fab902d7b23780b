"""Rules of accounts as pure predicates over plain values: None when allowed, else the Vietnamese message."""
from flask_babel import lazy_gettext as _

MIN_PASSWORD = 8


def username_taken(username: str, taken: bool):
    """A user name names one account."""
    return _("Tên đăng nhập '%(name)s' đã tồn tại.", name=username) if taken else None


def password_too_short(password: str):
    """A password needs at least MIN_PASSWORD characters."""
    return _("Mật khẩu cần ít nhất %(n)s ký tự.", n=MIN_PASSWORD) if len(password or "") < MIN_PASSWORD else None


def unknown_scope_unit(unit_id: int | None, found: bool):
    """A scope names an existing party organisation."""
    return _("Không có tổ chức đảng mã %(id)s.", id=unit_id) if unit_id and not found else None


def password_policy(password: str, username: str, min_length: int, common: frozenset[str]):
    """A new password is long enough, not one of the common ones and does not contain the user name."""
    password = password or ""
    if len(password) < min_length:
        return _("Mật khẩu mới cần ít nhất %(n)s ký tự.", n=min_length)
    if password.lower() in common:
        return _("Mật khẩu này quá phổ biến, dễ bị đoán; hãy chọn mật khẩu khác.")
    if username and len(username) >= 3 and username.lower() in password.lower():
        return _("Mật khẩu không được chứa tên đăng nhập.")
    return None


def wrong_current_password(ok: bool):
    """Changing a password needs the current one."""
    return None if ok else _("Mật khẩu hiện tại không đúng.")


def new_password_unchanged(same: bool):
    """A changed password differs from the current one."""
    return _("Mật khẩu mới phải khác mật khẩu hiện tại.") if same else None


def account_unused(days: int):
    """The message for an account disabled because nobody used it for `days` days."""
    return _("Tài khoản đã bị khóa vì không được sử dụng quá %(n)s ngày. Hãy liên hệ văn phòng cấp ủy để được mở lại.",
             n=days)
