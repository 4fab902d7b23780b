"""Rules of the feedback register as pure predicates over plain values: None when allowed, else the message."""
from flask_babel import lazy_gettext as _


def category_name_taken(taken: bool):
    """A category is known by its name: two categories may not share one."""
    return _("Đã có lĩnh vực mang tên này.") if taken else None
