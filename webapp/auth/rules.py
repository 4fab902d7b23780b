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
