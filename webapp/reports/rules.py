"""Rules of the reporting regime as pure predicates over plain values: None when allowed, else the message."""
from flask_babel import lazy_gettext as _


def schedule_taken(taken: bool):
    """A group owes at most one report schedule per frequency."""
    return _("Đoàn này đã có chế độ báo cáo kỳ này.") if taken else None
