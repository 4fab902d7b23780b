"""A moved meeting tells its invited members: the edit stamps `rescheduled_at` only when the date, start time or
place changes, and for a week the invitation says "Đã đổi lịch" with the day on the home page, the reminders page
and the digest, and counts on the badge like a new one; the calendar feed carries the newer version."""
from datetime import date, datetime, timedelta, timezone

import pytest
from icalendar import Calendar

from webapp.extensions import db
from webapp.meetings.services import create_meeting, update_meeting
from webapp.models import Attendance, MeetingKind, Role

NOV_26 = datetime(2026, 11, 26, 3, 0, tzinfo=timezone.utc)
HELD = date(2026, 12, 8)  # twelve days ahead: outside the badge's three days


@pytest.fixture
def invited(make_user, make_person, make_unit, clock):
    """A member invited a month ago to a cell meeting twelve days ahead."""
    clock(NOV_26 - timedelta(days=30))
    person = make_person("Phạm Thị Thành")
    member = make_user(Role.MEMBER, username="thanhvien", person=person)
    member.email = "thanh@example.vn"
    cell = make_unit("Chi bộ Tổ dân phố 1")
    meeting = create_meeting({"kind": MeetingKind.CELL, "held_on": HELD, "title": "Sinh hoạt chi bộ tháng 12",
                              "starts_at": "19:30", "place": "Nhà văn hóa tổ 1"}, [cell])
    db.session.add(Attendance(meeting=meeting, person_id=person.id, expected=True))
    db.session.commit()
    clock(NOV_26)
    return member, meeting, cell


def _fields(meeting, **changes) -> dict:
    fields = {"kind": meeting.kind, "title": meeting.title, "held_on": meeting.held_on,
              "starts_at": meeting.starts_at, "place": meeting.place, "agenda": meeting.agenda}
    return fields | changes


@pytest.mark.parametrize("changes, moved", [
    ({"title": "Sinh hoạt chuyên đề", "agenda": "Nghị quyết mới"}, False),
    ({"place": "Nhà văn hóa tổ 1"}, False),
    ({"held_on": HELD + timedelta(days=1)}, True),
    ({"starts_at": "20:00"}, True),
    ({"place": "Hội trường phường"}, True),
    ({"place": None}, True),
])
def test_only_a_new_date_time_or_place_marks_the_meeting_moved(invited, changes, moved):
    _member, meeting, cell = invited
    update_meeting(meeting, _fields(meeting, **changes), [cell])
    db.session.commit()
    expected = NOV_26.replace(tzinfo=None) if moved else None
    assert (meeting.rescheduled_at and meeting.rescheduled_at.replace(microsecond=0)) == expected


def _invitations(client, days=14) -> str:
    page = client.get(f"/notifications/?days={days}").get_data(as_text=True)
    return page[page.index('id="invitations"'):]


def _home_meetings(client) -> str:
    page = client.get("/").get_data(as_text=True)
    return page[page.index('id="home-meetings"'):]


def _digest(runner) -> str:
    result = runner.invoke(args=["send-digest", "--days", "14", "--dry-run"])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_moved_meeting_is_marked_everywhere_for_a_week(client, login, runner, invited, clock):
    member, meeting, cell = invited
    login(member)
    before = _invitations(client)
    assert "Sinh hoạt chi bộ tháng 12" in before and "Đã đổi lịch" not in before and "Mới" not in before
    assert "Đã đổi lịch" not in _home_meetings(client)

    update_meeting(meeting, _fields(meeting, starts_at="07:30"), [cell])
    db.session.commit()
    invitations = _invitations(client)
    assert "Sinh hoạt chi bộ tháng 12" in invitations and "Đã đổi lịch 26/11/2026" in invitations
    assert "07:30" in invitations and "Mới" not in invitations
    assert "Đã đổi lịch 26/11/2026" in _home_meetings(client)
    assert "07:30 08/12/2026: Sinh hoạt chi bộ tháng 12 — Nhà văn hóa tổ 1 [ĐÃ ĐỔI LỊCH 26/11/2026]" in _digest(runner)

    clock(NOV_26 + timedelta(days=8))
    later = _invitations(client)
    assert "Sinh hoạt chi bộ tháng 12" in later and "Đã đổi lịch" not in later
    assert "Đã đổi lịch" not in _home_meetings(client)
    digest = _digest(runner)
    assert "Sinh hoạt chi bộ tháng 12" in digest and "ĐÃ ĐỔI LỊCH" not in digest


def test_a_meeting_moved_into_the_next_days_counts_on_the_badge(client, login, invited):
    member, meeting, cell = invited
    login(member)
    assert ">1</span>" not in client.get("/notifications/badge", headers={"HX-Request": "true"}).get_data(as_text=True)
    update_meeting(meeting, _fields(meeting, held_on=date(2026, 11, 28)), [cell])
    db.session.commit()
    assert ">1</span>" in client.get("/notifications/badge", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "Đã đổi lịch 26/11/2026" in _invitations(client, days=3)


def test_a_new_invitation_is_marked_new_and_counted_like_a_moved_one(client, login, make_user, make_person, make_unit,
                                                                     clock):
    clock(NOV_26)
    person = make_person("Đỗ Văn Phối")
    member = make_user(Role.MEMBER, username="moi", person=person)
    meeting = create_meeting({"kind": MeetingKind.CELL, "held_on": date(2026, 11, 28), "title": "Hội nghị chuyên đề"},
                             [make_unit("Chi bộ Tổ dân phố 2")])
    db.session.add(Attendance(meeting=meeting, person_id=person.id, expected=True))
    db.session.commit()
    login(member)
    invitations = _invitations(client, days=3)
    assert "Hội nghị chuyên đề" in invitations and "Mới" in invitations and "Đã đổi lịch" not in invitations
    assert ">1</span>" in client.get("/notifications/badge", headers={"HX-Request": "true"}).get_data(as_text=True)


def test_the_edit_page_moves_the_meeting_and_the_feed_carries_the_newer_version(client, login, as_role, invited):
    member, meeting, cell = invited
    as_role(Role.ADMIN)
    data = {"kind": "cell", "title": meeting.title, "held_on": "09/12/2026", "starts_at": "19:30",
            "place": "Nhà văn hóa tổ 1", "unit_ids": [str(cell.id)], "group_id": "", "organiser": "", "chair": "",
            "agenda": ""}
    assert client.post(f"/meetings/{meeting.id}/edit", data=data).status_code == 302
    db.session.refresh(meeting)
    assert meeting.held_on == date(2026, 12, 9) and meeting.rescheduled_at is not None
    client.post("/auth/logout")
    login(member)
    link = client.post("/notifications/calendar").get_data(as_text=True).split('value="http://localhost')[1]
    feed = client.get(link.split('"')[0])
    event = next(e for e in Calendar.from_ical(feed.data).walk("VEVENT") if str(e["summary"]) == meeting.title)
    assert event.decoded("dtstart").date() == date(2026, 12, 9)
    assert event.decoded("last-modified").date() == date(2026, 11, 26) and int(event["sequence"]) > 0
