"""The app's clock: the one place "now" and "today" come from.

The office's day is Vietnam's (Asia/Ho_Chi_Minh), whatever the server's own time zone, so deadlines and
"active today" are judged by it. Tests move the clock with `set_now` (the `clock` fixture); the moved clock
keeps ticking, so code that measures elapsed time still sees time pass.
"""
from datetime import date, datetime, timedelta, timezone

from importers.office_zone import OFFICE_TIMEZONE

_offset = timedelta(0)


def set_now(moment: datetime | None) -> None:
    """Move the clock so that it reads `moment` (an aware datetime) now; None puts it back on the system clock."""
    global _offset
    if moment is None:
        _offset = timedelta(0)
        return
    if moment.tzinfo is None:
        raise ValueError("set_now needs an aware datetime")
    _offset = moment - datetime.now(timezone.utc)


def now() -> datetime:
    """Now, aware, in the office's time zone."""
    return (datetime.now(timezone.utc) + _offset).astimezone(OFFICE_TIMEZONE)


def utcnow() -> datetime:
    """Now in UTC without a time zone, as timestamps are stored."""
    return (datetime.now(timezone.utc) + _offset).replace(tzinfo=None)


def local_today() -> date:
    """The calendar date in Vietnam now."""
    return now().date()


def in_office_zone(moment: datetime) -> datetime:
    """A stored timestamp (naive means UTC, as `utcnow` writes them) as the office's wall-clock time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(OFFICE_TIMEZONE)


def stored_moment(day: date, hour: int, minute: int = 0) -> datetime:
    """The office's wall-clock time `hour:minute` on `day` as a timestamp is stored (naive UTC)."""
    local = datetime(day.year, day.month, day.day, hour, minute, tzinfo=OFFICE_TIMEZONE)
    return local.astimezone(timezone.utc).replace(tzinfo=None)
