"""The private calendar feed: a secret link made on request, the expected meetings and the work deadlines in it."""
import re
from datetime import date, datetime, timedelta, timezone

from icalendar import Calendar

from tests.factories import PASSWORD
from webapp.extensions import db
from webapp.meetings.services import create_meeting
from webapp.models import Attendance, MeetingKind, Role
from webapp.tasks.services import create_task


def _relogin(client, login, user) -> str:
    login(user)
    return _link(client)


def _link(client) -> str:
    """Ask for a new secret link and return it as a path on this server."""
    page = client.post("/notifications/calendar").get_data(as_text=True)
    return re.search(r'value="http://localhost(/[^"]+\.ics)"', page).group(1)


def test_the_feed_holds_expected_meetings_and_deadlines(client, login, make_user, make_person, make_unit, clock):
    clock(datetime(2026, 11, 29, 23, 30, tzinfo=timezone.utc))
    person = make_person("Phạm Thị Thành")
    member = make_user(Role.MEMBER, username="thanhvien", person=person)
    cell = make_unit("Chi bộ Tổ dân phố 1")
    meeting = create_meeting({"kind": MeetingKind.CELL, "held_on": date(2026, 12, 5), "title": "Sinh hoạt chi bộ",
                              "starts_at": "19:30"}, [cell])
    db.session.add(Attendance(meeting=meeting, person_id=person.id, expected=True))
    create_task(make_user(), title="Nắm tình hình tổ 3", deadline=date(2026, 12, 10), owner_person=person)
    db.session.commit()
    login(member)
    link = _link(client)
    client.post("/auth/logout")
    response = client.get(link)
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    events = {str(e["summary"]): e for e in Calendar.from_ical(response.data).walk("VEVENT")}
    start = events["Sinh hoạt chi bộ"].decoded("dtstart")
    assert start.hour == 19 and start.minute == 30 and start.utcoffset() == timedelta(hours=7)
    deadline = next(e for title, e in events.items() if "Nắm tình hình tổ 3" in title)
    assert deadline.decoded("dtstart") == date(2026, 12, 10)


def test_a_new_link_ends_the_old_one_and_unknown_links_are_404(client, login, make_user, make_person):
    member = make_user(Role.MEMBER, person=make_person())
    db.session.commit()
    login(member)
    assert client.get("/notifications/calendar").status_code == 200
    first, second = _link(client), _link(client)
    assert first != second
    assert client.get(first).status_code == 404 and client.get(second).status_code == 200
    assert client.get("/notifications/calendar/not-a-token.ics").status_code == 404


def test_the_link_is_shown_once_and_needs_a_login_to_make(client, login, make_user, make_person):
    assert client.post("/notifications/calendar").status_code == 302
    member = make_user(Role.MEMBER, person=make_person())
    db.session.commit()
    login(member)
    _link(client)
    page = client.get("/notifications/calendar").get_data(as_text=True)
    assert ".ics" not in page and "Tạo đường dẫn mới" in page


def test_the_link_dies_with_a_new_password_deactivation_and_logout_everywhere(client, login, make_user, make_person):
    """#21.18: the calendar link kept working after logout-everywhere, a password change and deactivation."""
    member = make_user(Role.MEMBER, person=make_person())
    db.session.commit()
    login(member)
    link = _link(client)
    client.post("/auth/logout")
    assert client.get(link).status_code == 200  # an ordinary logout keeps the phone's calendar
    member.set_password("mat-khau-moi-2026")
    db.session.commit()
    assert client.get(link).status_code == 404
    member.set_password(PASSWORD)
    db.session.commit()
    login(member)
    link = _link(client)
    member.active = False
    db.session.commit()
    assert client.get(link).status_code == 404
    member.active = True
    db.session.commit()
    link = (
        _link(client) if client.get("/notifications/calendar").status_code == 200 else _relogin(client, login, member)
    )
    assert client.post("/auth/logout-everywhere").status_code == 302
    assert client.get(link).status_code == 404


def test_feedback_text_never_travels_in_the_feed(client, login, make_user, make_person, make_unit, clock):
    """#21.18: a complaint handler's feed carried restricted text in SUMMARY, readable without a login."""
    from webapp.clock import local_today
    from webapp.feedback.services import record_feedback, save_category

    clock(datetime(2026, 11, 29, 3, 0, tzinfo=timezone.utc))
    handler = make_user(Role.MEMBER, username="xuly", person=make_person())
    category = save_category(None, name="Tố cáo", restricted=True, sla_days=30)
    item = record_feedback(make_user(), received_on=local_today(), category=category, unit=make_unit(),
                           content="BIMAT-4410 tố cáo cán bộ")
    item.handler_id = handler.id
    db.session.commit()
    login(handler)
    feed = client.get(_link(client)).get_data(as_text=True)
    assert item.number in feed and "BIMAT-4410" not in feed


def test_the_feed_carries_its_timezone_owed_reports_and_no_answered_feedback(client, login, make_user, make_person,
                                                                             make_group, make_membership, make_unit,
                                                                             clock):
    """#20: no VTIMEZONE (RFC 5545 requires one per TZID used), no member report deadlines, answered feedback kept."""
    from webapp.clock import local_today
    from webapp.feedback.services import record_feedback, save_category
    from webapp.models import FeedbackStatus, MemberReportRule, ReportFrequency

    clock(datetime(2026, 11, 29, 3, 0, tzinfo=timezone.utc))
    person = make_person("Phạm Thị Thành")
    member = make_user(Role.MEMBER, username="thanhvien", person=person)
    group = make_group(3)
    make_membership(person, group, start=date(2026, 1, 1))
    db.session.add(MemberReportRule(group=group, frequency=ReportFrequency.MONTHLY, due_day=5, months_after=1,
                                    starts_on=date(2026, 9, 1), active=True))
    category = save_category(None, name="Hạ tầng", restricted=False, sla_days=15)
    answered = record_feedback(make_user(), received_on=local_today(), category=category, unit=make_unit(),
                               content="Đèn đường")
    answered.handler_id, answered.status = member.id, FeedbackStatus.ANSWERED
    db.session.commit()
    login(member)
    feed = Calendar.from_ical(client.get(_link(client)).data)
    zones = feed.walk("VTIMEZONE")
    assert [str(z["tzid"]) for z in zones] == ["Asia/Ho_Chi_Minh"]
    summaries = [str(e["summary"]) for e in feed.walk("VEVENT")]
    assert any("Hạn nộp báo cáo thành viên kỳ tháng 11/2026" in s and "Đoàn công tác số 3" in s for s in summaries)
    assert not any(answered.number in s for s in summaries)
