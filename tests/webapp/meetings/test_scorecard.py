"""The quarterly cell scorecard: a regulation version's rule set judges the cell meetings held while it is in force;
the assigned committee member is invited (in the app, the .ics feed and the digest) with the day recorded; exempt
members leave the one rate's denominator; members excused too often in a row are flagged to their group head."""
from datetime import date, datetime, timezone

from sqlalchemy import select

from webapp.clock import local_today
from webapp.documents.services import adopt_cell_rules, cell_rules_on
from webapp.extensions import db
from webapp.meetings import scorecard
from webapp.meetings.rates import attendance_counts, meeting_counts
from webapp.meetings.services import mark_attendance
from webapp.models import Attendance, AttendanceStatus, Document, MeetingKind, Role
from webapp.notifications.calendar import build_feed
from webapp.notifications.digest import digest_parts

FIGURES = {"member_notice_days": 3, "committee_notice_days": 5, "documents_days": 3, "thematic_per_quarter": 1,
           "min_minutes": 90, "attendance_percent": 85, "max_excused_in_row": 3}


def _regulation(effective_from=date(2026, 1, 1), **figures) -> Document:
    document = Document(title="Quy định sinh hoạt chi bộ", status="issued", issued_on=effective_from,
                        effective_from=effective_from)
    db.session.add(document)
    adopt_cell_rules(document, {**FIGURES, **figures})
    db.session.commit()
    return document


def _at(clock, day: date, hour: int = 9):
    clock(datetime(day.year, day.month, day.day, hour - 7, 0, tzinfo=timezone.utc))


def _cell(meeting_title, held_on, **fields):
    return {"title": meeting_title, "held_on": held_on, "kind": MeetingKind.CELL, "starts_at": "07:30",
            "ends_at": "09:00", "members_invited_on": date(2026, 1, 1), "documents_sent_on": date(2026, 1, 1),
            "thematic": False, **fields}


def _verdicts(card) -> dict:
    return {v.key: (v.verdict, [(m.meeting.title, m.verdict) for m in v.meetings]) for v in card.verdicts}


def test_the_version_in_force_on_the_day_judges_the_meeting(app):
    first = _regulation(date(2026, 1, 1))
    second = _regulation(date(2026, 4, 1), committee_notice_days=2)
    first.effective_to = date(2026, 3, 31)
    db.session.commit()
    assert cell_rules_on(date(2026, 3, 31)).committee_notice_days == 5
    assert cell_rules_on(date(2026, 4, 1)).committee_notice_days == 2
    assert cell_rules_on(date(2025, 12, 31)) is None
    assert second.cell_rules.min_minutes == 90


def test_a_quarter_of_a_cell(ward, make_meeting, make_user, clock):
    _regulation()
    _at(clock, date(2026, 1, 2))
    make_meeting(units=[ward.cell], **_cell("Tháng 1", date(2026, 1, 10)))
    _at(clock, date(2026, 2, 8))
    late = make_meeting(units=[ward.cell], **_cell("Tháng 2", date(2026, 2, 10), members_invited_on=date(2026, 2, 8),
                                                   ends_at="08:30", documents_sent_on=None))
    _at(clock, date(2026, 3, 20))
    make_meeting(units=[ward.cell], **_cell("Tháng 3", date(2026, 3, 10)))  # entered afterwards: informed unknown
    informed = {row.person_id: row.informed_at for row in late.attendances}
    assert set(informed) == {p.id for p in ward.members} and all(informed.values())

    start, end = scorecard.quarter_bounds(2026, 1)
    admin = make_user(Role.ADMIN)
    cards = scorecard.cell_cards(scorecard.visible_cells(admin, start, end), start, end)
    card = next(c for c in cards if c.unit.id == ward.cell.id)
    verdicts = _verdicts(card)
    assert verdicts["thematic"][0] == "missed"
    assert verdicts["committee_notice"] == ("missed", [("Tháng 1", "met"), ("Tháng 2", "missed"),
                                                       ("Tháng 3", "unknown")])
    assert verdicts["members_notice"] == ("missed", [("Tháng 1", "met"), ("Tháng 2", "missed"), ("Tháng 3", "met")])
    assert verdicts["documents"][0] == "unknown"
    assert verdicts["duration"] == ("missed", [("Tháng 1", "met"), ("Tháng 2", "missed"), ("Tháng 3", "met")])
    assert verdicts["attendance"][0] == "unknown"  # nobody marked yet
    assert card.misses("thematic") and not card.misses("documents")


def test_the_assigned_member_is_invited_in_the_app_the_feed_and_the_digest(ward, make_meeting, make_user, clock):
    _at(clock, date(2026, 2, 1))
    member = make_user(Role.MEMBER, person=ward.members[0])
    meeting = make_meeting(units=[ward.cell], **_cell("Sinh hoạt chi bộ tháng 2", date(2026, 2, 3)))
    row = db.session.scalar(select(Attendance).where(Attendance.meeting_id == meeting.id,
                                                     Attendance.person_id == ward.members[0].id))
    assert row.informed_at is not None
    _items, meetings, _reports = digest_parts(member, 3, local_today())
    assert meeting in meetings
    feed = build_feed(member, local_today(), "http://x/", "x").decode()
    assert "Sinh hoạt chi bộ tháng 2" in feed


def test_exempt_members_leave_the_denominator_of_the_one_rate(ward, make_meeting, make_user, clock):
    _at(clock, date(2026, 3, 1))
    meeting = make_meeting(units=[ward.cell], title="Tháng 3", held_on=date(2026, 3, 5))
    _at(clock, date(2026, 3, 6))
    admin = make_user(Role.ADMIN)
    rows = sorted(meeting.attendances, key=lambda r: r.person_id)
    for row, status in zip(rows, [AttendanceStatus.PRESENT, AttendanceStatus.PRESENT, AttendanceStatus.EXEMPT]):
        mark_attendance(row, status, None, admin)
    db.session.commit()
    counts = meeting_counts([meeting.id])[meeting.id]
    assert (counts.expected, counts.exempt, counts.rate) == (2, 1, 100.0)
    per_person = attendance_counts(date(2026, 3, 1), date(2026, 3, 31), by=("person",))
    exempt_person = rows[2].person_id
    assert per_person[(exempt_person,)].expected == 0 and per_person[(exempt_person,)].exempt == 1


def test_excused_too_often_in_a_row_is_flagged_to_the_group_head(ward, make_meeting, make_user, clock):
    _regulation(date(2025, 10, 1))
    admin = make_user(Role.ADMIN)
    _at(clock, date(2026, 4, 1))
    for month in (1, 2, 3):
        meeting = make_meeting(units=[ward.cell], title=f"Tháng {month}", held_on=date(2026, month, 5))
        for row in meeting.attendances:
            excused = row.person_id == ward.members[0].id or (row.person_id == ward.members[1].id and month < 3)
            mark_attendance(row, AttendanceStatus.EXCUSED if excused else AttendanceStatus.PRESENT, None, admin)
    meeting = make_meeting(units=[ward.cell], title="Tháng 12", held_on=date(2025, 12, 5))
    for row in meeting.attendances:
        mark_attendance(row, AttendanceStatus.EXCUSED, None, admin)
    db.session.commit()
    start, end = scorecard.quarter_bounds(2026, 1)
    head = make_user(Role.GROUP_HEAD, person=ward.head)
    units = scorecard.visible_cells(head, start, end)
    flags = scorecard.excused_flags(head, units, start, end)
    assert [(f.person.id, f.run) for f in flags] == [(ward.members[0].id, 4)]
    member = make_user(Role.MEMBER, person=ward.members[0])
    assert scorecard.excused_flags(member, units, start, end) == []
    assert [u.id for u in scorecard.visible_cells(member, start, end)] == [ward.cell.id]


def test_the_page_filters_and_the_rule_set_form(client, ward, make_meeting, make_user, login, clock):
    document = _regulation()
    _at(clock, date(2026, 1, 2))
    make_meeting(units=[ward.cell], **_cell("Tháng 1", date(2026, 1, 10)))
    make_meeting(units=[ward.other_cell], **_cell("Chuyên đề quý 1", date(2026, 1, 12), thematic=True))
    login(make_user(Role.ADMIN))
    page = client.get("/meetings/cells/scorecard?year=2026&quarter=1").get_data(as_text=True)
    assert "Chi bộ Tổ dân phố 3" in page and "Chi bộ Tổ dân phố 4" in page
    page = client.get("/meetings/cells/scorecard?year=2026&quarter=1&missing=thematic").get_data(as_text=True)
    assert "Chi bộ Tổ dân phố 3" in page and "Chi bộ Tổ dân phố 4" not in page
    response = client.post(f"/documents/{document.id}/cell-rules", data={**FIGURES, "min_minutes": "700"})
    assert response.status_code == 422 and "Từ 0 đến 600." in response.get_data(as_text=True)
    response = client.post(f"/documents/{document.id}/cell-rules", data={**FIGURES, "min_minutes": "120"})
    assert response.status_code == 302
    db.session.refresh(document.cell_rules)
    assert document.cell_rules.min_minutes == 120
    assert "ít nhất 120 phút" in client.get(f"/documents/{document.id}").get_data(as_text=True)


def test_an_unexcused_absence_misses_the_rule_with_its_meeting(ward, make_meeting, make_user, clock):
    """#24 (HD 12-HD/BTCTW): no unexcused absence. The meeting with a member absent without leave misses it (read
    from the one rate's counts), a fully marked meeting meets it, an unmarked one is unknown."""
    _regulation()
    _at(clock, date(2026, 1, 2))
    careless = make_meeting(units=[ward.cell], **_cell("Tháng 1", date(2026, 1, 10)))
    careful = make_meeting(units=[ward.cell], **_cell("Tháng 2", date(2026, 2, 10)))
    make_meeting(units=[ward.cell], **_cell("Tháng 3", date(2026, 3, 10)))
    _at(clock, date(2026, 3, 20))
    admin = make_user(Role.ADMIN)
    for meeting, marks in [(careless, [AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT]),
                           (careful, [AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED, AttendanceStatus.EXEMPT])]:
        for row, status in zip(sorted(meeting.attendances, key=lambda r: r.person_id), marks):
            mark_attendance(row, status, None, admin)
    db.session.commit()
    start, end = scorecard.quarter_bounds(2026, 1)
    card = next(c for c in scorecard.cell_cards(scorecard.visible_cells(admin, start, end), start, end)
                if c.unit.id == ward.cell.id)
    assert _verdicts(card)["unexcused"] == ("missed", [("Tháng 1", "missed"), ("Tháng 2", "met"),
                                                       ("Tháng 3", "unknown")])
    assert card.misses("unexcused")
    detail = next(v for v in card.verdicts if v.key == "unexcused").meetings[0].detail
    assert detail == "1 vắng không phép"
