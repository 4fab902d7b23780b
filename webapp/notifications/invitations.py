"""Which invitations a member should notice: an invitation sent, or a meeting moved (date, start time or place),
within the last week is marked "Mới", or "Đã đổi lịch" with the day it changed."""
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from ..clock import OFFICE_TIMEZONE, utcnow
from ..models import Meeting

NOTICE = timedelta(days=7)  # how long a new or changed invitation stays marked


@dataclass(frozen=True)
class Notice:
    changed: bool  # False: a new invitation; True: the meeting was moved
    on: date  # the office's day it was sent or moved


def _local_day(stamp: datetime) -> date:
    return stamp.replace(tzinfo=timezone.utc).astimezone(OFFICE_TIMEZONE).date()


def notice_of(meeting: Meeting, now: datetime) -> Notice | None:
    """The mark the invitation carries now: moved within NOTICE, else sent within NOTICE, else none."""
    if meeting.rescheduled_at and now - meeting.rescheduled_at < NOTICE:
        return Notice(True, _local_day(meeting.rescheduled_at))
    if meeting.created_at and now - meeting.created_at < NOTICE:
        return Notice(False, _local_day(meeting.created_at))
    return None


def notices(meetings, now: datetime | None = None) -> dict[int, Notice]:
    """Meeting id → its mark, for the meetings that carry one."""
    now = now or utcnow()
    marks = {meeting.id: notice_of(meeting, now) for meeting in meetings}
    return {meeting_id: mark for meeting_id, mark in marks.items() if mark}

