"""Dates written out in words, as Vietnamese forms print them: "ngày 7 tháng 3 năm 1975", "7 tháng 3 năm 1975",
"sinh ngày 07 tháng 03 năm 1975"."""

import datetime as dt
import re
from typing import Any

from .normalising import fold

_WORDED = re.compile(r"^(?:sinh\s+)?(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*(?:nam\s*)?(\d{4})$")


def worded_date(value: Any) -> dt.date | None:
    """The date a worded text names; None for any other value or a day that does not exist."""
    if not isinstance(value, str) or "th" not in value.lower():  # every worded date says "tháng"
        return None
    match = _WORDED.match(fold(value))
    if match is None:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
