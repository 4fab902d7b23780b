"""Each user's private calendar (.ics): the meetings they are expected at and the deadlines of their work, so
phones and Outlook show them. The secret link is made once and shown once; only its hash is kept.

icalendar is imported where a feed is built, not at the app's start-up (every process would load it)."""
from __future__ import annotations

import hashlib
import secrets
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING

from flask_babel import gettext as _
from sqlalchemy import select

from ..clock import OFFICE_TIMEZONE, utcnow
from ..extensions import db
from ..meetings.queries import meetings_for_person
from ..member_reports.queries import owed_by
from ..models import CalendarFeed, Meeting, User
from ..reports.periods import period_label
from ..tasks.queries import WorkItem, my_work

if TYPE_CHECKING:
    from icalendar import Event

PAST_DAYS, AHEAD_DAYS = 60, 365
MEETING_HOURS = 2
SEQUENCE_EPOCH = datetime(2020, 1, 1)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_feed_token(user: User) -> str:
    """A new secret link for the user's feed; any older link stops working."""
    token = secrets.token_urlsafe(32)
    feed = db.session.scalar(select(CalendarFeed).where(CalendarFeed.user_id == user.id))
    if feed is None:
        feed = CalendarFeed(user_id=user.id, token_hash=_hash(token))
        db.session.add(feed)
    else:
        feed.token_hash, feed.created_at = _hash(token), utcnow()
    feed.password_stamp = password_stamp(user)
    db.session.flush()
    return token


def password_stamp(user: User) -> str:
    return _hash(user.password_hash or "")


def _live(feed: CalendarFeed | None) -> bool:
    """A link lives while its user is active and keeps the password it was issued under."""
    return feed is not None and feed.user.active and feed.password_stamp == password_stamp(feed.user)



def has_feed(user: User) -> bool:
    return _live(db.session.scalar(select(CalendarFeed).where(CalendarFeed.user_id == user.id)))


def user_for_token(token: str) -> User | None:
    """The active user whose live secret link this is, or None."""
    if not token or len(token) > 100:
        return None
    feed = db.session.scalar(select(CalendarFeed).where(CalendarFeed.token_hash == _hash(token)))
    return feed.user if _live(feed) else None


def _meeting_event(meeting: Meeting, base_url: str) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", f"meeting-{meeting.id}@doancongtac")
    event.add("summary", meeting.title)
    if meeting.starts_at:
        hour, minute = (int(part) for part in meeting.starts_at.split(":"))
        start = datetime(meeting.held_on.year, meeting.held_on.month, meeting.held_on.day, hour, minute,
                         tzinfo=OFFICE_TIMEZONE)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(hours=MEETING_HOURS))
    else:
        event.add("dtstart", meeting.held_on)
        event.add("dtend", meeting.held_on + timedelta(days=1))
    place = meeting.place or ", ".join(unit.name for unit in meeting.units)
    if place:
        event.add("location", place)
    if meeting.agenda:
        event.add("description", meeting.agenda)
    event.add("url", f"{base_url}meetings/{meeting.id}")
    changed = meeting.rescheduled_at or meeting.created_at
    if changed:  # a moved meeting reads as a newer version of the same event, so calendars replace it
        event.add("last-modified", changed.replace(tzinfo=timezone.utc))
    if meeting.rescheduled_at:  # grows with every move (minutes since SEQUENCE_EPOCH), as SEQUENCE must
        event.add("sequence", int((meeting.rescheduled_at - SEQUENCE_EPOCH).total_seconds() // 60))
    return event


def _summary(item: WorkItem) -> str:
    """A feed is read outside the app (phones, Outlook, anyone holding the link), so a citizen's feedback never
    travels in it: its deadline names only the item's number; the text stays behind the app's login."""
    if item.kind == "feedback":
        return _("%(reference)s: hạn xử lý phản ánh", reference=item.reference)
    return f"{item.reference}: {item.title}"


def _deadline_event(item: WorkItem, base_url: str) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", f"{item.kind}-{item.reference}@doancongtac")
    event.add("summary", _summary(item))
    event.add("dtstart", item.deadline)
    event.add("dtend", item.deadline + timedelta(days=1))
    event.add("url", base_url.rstrip("/") + item.url)
    return event


def _report_events(user: User, today: date, base_url: str) -> list[Event]:
    """The member's own reports still owed (not yet handed in), on their due days."""
    from icalendar import Event

    if not user.person_id:
        return []
    events = []
    for owed in owed_by(user.person_id, today):
        if owed.report is not None:
            continue
        event = Event()
        event.add("uid", f"member-report-{owed.rule.id}-{owed.period_key}-{user.person_id}@doancongtac")
        event.add("summary", _("Hạn nộp báo cáo thành viên kỳ %(period)s — %(group)s",
                               period=period_label(owed.rule.frequency, owed.period_key), group=owed.rule.group.name))
        event.add("dtstart", owed.due_on)
        event.add("dtend", owed.due_on + timedelta(days=1))
        event.add("url", f"{base_url}member-reports/")
        events.append(event)
    return events


def build_feed(user: User, today: date, base_url: str, name: str) -> bytes:
    """The user's calendar: expected meetings from PAST_DAYS ago to AHEAD_DAYS ahead, open work by deadline and the
    member's reports still owed. Times carry the office's TZID with its VTIMEZONE (RFC 5545 requires it)."""
    from icalendar import Calendar, Timezone

    calendar = Calendar()
    calendar.add("prodid", "-//doancongtac//vi")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", str(OFFICE_TIMEZONE))
    calendar.add_component(Timezone.from_tzinfo(OFFICE_TIMEZONE, first_date=date(1975, 1, 1)))
    stamp = utcnow().replace(tzinfo=None)
    meetings = meetings_for_person(user.person_id, today - timedelta(days=PAST_DAYS),
                                   today + timedelta(days=AHEAD_DAYS)) if user.person_id else []
    events = [_meeting_event(meeting, base_url) for meeting in meetings]
    events += [_deadline_event(item, base_url) for item in my_work(user, today)]
    events += _report_events(user, today, base_url)
    for event in events:
        event.add("dtstamp", stamp)
        calendar.add_component(event)
    return calendar.to_ical()
