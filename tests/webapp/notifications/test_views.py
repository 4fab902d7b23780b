"""Reminders in the app, the nav badge and the e-mail digest command."""
from datetime import timedelta

from webapp.clock import local_today
from webapp.extensions import db
from webapp.models import Role
from webapp.tasks.services import create_task


def _work(make_user, make_person):
    person = make_person()
    user = make_user(Role.MEMBER, person=person)
    user.email = "thanhvien@example.vn"
    admin = make_user()
    today = local_today()
    create_task(admin, title="Quá hạn rồi", deadline=today - timedelta(days=2), owner_person=person)
    create_task(admin, title="Sắp đến hạn", deadline=today + timedelta(days=2), owner_person=person)
    create_task(admin, title="Còn xa", deadline=today + timedelta(days=30), owner_person=person)
    db.session.commit()
    return user


def test_reminders_list_and_badge(client, login, make_user, make_person):
    login(_work(make_user, make_person))
    body = client.get("/notifications/").get_data(as_text=True)
    assert "Quá hạn rồi" in body and "Sắp đến hạn" in body and "Còn xa" not in body
    assert "Còn xa" in client.get("/notifications/?days=40").get_data(as_text=True)
    badge = client.get("/notifications/badge", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert ">2</span>" in badge and "<html" not in badge


def test_digest_without_smtp_says_so_and_exits_zero(runner, app):
    app.config["SMTP_HOST"] = ""
    result = runner.invoke(args=["send-digest"])
    assert result.exit_code == 0 and "Chưa cấu hình SMTP_HOST" in result.output


def test_digest_dry_run_prints_what_would_be_sent(runner, make_user, make_person):
    _work(make_user, make_person)
    result = runner.invoke(args=["send-digest", "--days", "3", "--dry-run"])
    assert result.exit_code == 0
    assert (
        "thanhvien@example.vn" in result.output
        and "Quá hạn rồi — hạn" in result.output
        and result.output.count("[QUÁ HẠN]") == 1
    )
    assert "Còn xa" not in result.output and "Sẽ gửi 1 thư" in result.output


def test_digest_sends_through_smtp(runner, app, make_user, make_person, monkeypatch):
    sent = []

    class FakeSMTP:
        def __init__(self, host, port, timeout):
            sent.append((host, port))

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def send_message(self, message):
            sent.append(message["To"])

    monkeypatch.setattr("webapp.notifications.digest.smtplib.SMTP", FakeSMTP)
    monkeypatch.setitem(app.config, "SMTP_HOST", "mail.thiuy.local")
    _work(make_user, make_person)
    result = runner.invoke(args=["send-digest"])
    assert result.exit_code == 0 and sent == [("mail.thiuy.local", 25), "thanhvien@example.vn"]


def test_digest_names_the_meetings_ahead_and_the_member_reports_owed(runner, make_user, make_person, make_unit,
                                                                      make_group, make_membership, clock):
    from datetime import date, datetime, timezone

    from webapp.meetings.services import create_meeting
    from webapp.member_reports.services import set_rule
    from webapp.models import Attendance, MeetingKind, MemberRole, ReportFrequency

    clock(datetime(2026, 11, 23, 2, 0, tzinfo=timezone.utc))
    person = make_person("Phạm Thị Thành")
    user = make_user(Role.MEMBER, person=person)
    user.email = "thanh@example.vn"
    group = make_group(1)
    make_membership(person, group, MemberRole.MEMBER, start=date(2025, 10, 15))
    set_rule(group, ReportFrequency.MONTHLY, 25, 0, date(2026, 1, 1))
    meeting = create_meeting({"kind": MeetingKind.CELL, "held_on": date(2026, 11, 24), "title": "Sinh hoạt chi bộ",
                              "starts_at": "19:30"}, [make_unit("Chi bộ Tổ 1")])
    db.session.add(Attendance(meeting=meeting, person_id=person.id, expected=True))
    db.session.commit()
    result = runner.invoke(args=["send-digest", "--days", "3", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "19:30 24/11/2026: Sinh hoạt chi bộ — Chi bộ Tổ 1" in result.output
    assert "Đoàn công tác số 1, kỳ 2026-11 — hạn 25/11/2026" in result.output
