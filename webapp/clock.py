"""Today's date where the office is (Vietnam), whatever the server's own time zone."""
from datetime import date, datetime
from zoneinfo import ZoneInfo

OFFICE_TIMEZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def local_today() -> date:
    """The calendar date in Vietnam now; deadlines and 'active today' are judged by it."""
    return datetime.now(OFFICE_TIMEZONE).date()
