"""Times of day as offices write them: '19h30', '19g30', '7h', '19 giờ 30 phút', '19:30', with the part of the day
after it ('7h30 tối' is 19:30). Meeting dates, lateness rules and arrival-time cells all read a time through here.

The patterns match folded text (see ``normalising.fold``), which turns ':' into a space; a folded '5 12' may as
well be a day and a month, so `with_h` writes '19:30' as '19h30' before folding wherever a time is only possible,
and `FOLDED_COLON_TIME` is matched only where a time is expected (after a meeting's date)."""

import datetime as dt
import re
from typing import Any

from .normalising import fold

# Three groups: the hour, the minutes, the part of the day.
WORDED_TIME = (r"(?<!\d)(\d{1,2})\s*(?:h|g|gio)(?:\s*(\d{1,2}))?(?:\s*(?:p|phut))?(?![a-z\d])"
               r"(?:\s+(sang|trua|chieu|toi))?")
FOLDED_COLON_TIME = r"(?:[01]?\d|2[0-3]) [0-5]\d(?: [0-5]\d)?"  # '19:30', '19:30:00' once folded
_WORDED = re.compile(WORDED_TIME)
_COLON = re.compile(r"(?<!\d)(\d{1,2})\s*:\s*(\d{2})(?!\d)")
_LEADING_DOT = re.compile(r"^(\d{1,2})\s*\.\s*(\d{2})(?!\d)")  # '7.05' as a whole cell


def with_h(text: str) -> str:
    """'19:30' written '19h30', so that it is still a time once folded."""
    return _COLON.sub(r"\1h\2", text)


def time_of(hour: str, minute: str | None, part: str | None) -> dt.time | None:
    """The time `WORDED_TIME`'s three groups state; None for an hour or minute past the clock."""
    hour_number, minute_number = int(hour), int(minute or 0)
    if part in ("chieu", "toi") and hour_number < 12:
        hour_number += 12
    return dt.time(hour_number, minute_number) if hour_number < 24 and minute_number < 60 else None


def clock_time(value: Any) -> dt.time | None:
    """The clock time a cell holds: a time cell, or text '19h30', '19:25', '7h05', '19g30', '7.05', '7h30 tối'."""
    if isinstance(value, dt.time):
        return value
    if not isinstance(value, str):
        return None
    match = _WORDED.fullmatch(fold(with_h(_LEADING_DOT.sub(r"\1h\2", value.strip()))))
    return time_of(*match.groups()) if match else None
