from datetime import date

import pytest

from webapp.extensions import db
from webapp.meetings import services
from webapp.meetings.roster import expected_person_ids
from webapp.models import Assignment, Attendance, AttendanceStatus, Meeting, MeetingKind, OpinionKind, Role

from .conftest import rows_by_person


def test_cell_meeting_roster_is_the_members_assigned_to_the_cell(ward, cell_meeting):
    assert set(rows_by_person(cell_meeting)) == {p.id for p in ward.members}
    assert all(row.expected and row.status is None for row in cell_meeting.attendances)


def test_member_who_joined_in_june_is_not_expected_in_march(ward, make_person, make_membership, make_assignment,
                                                             make_meeting):
    newcomer = make_person("Phạm Thị Hoa")
    make_assignment(make_membership(newcomer, ward.group, start=date(2026, 6, 1)), ward.cell, start=date(2026, 6, 1))
    march = make_meeting(held_on=date(2026, 3, 5), units=[ward.cell])
    july = make_meeting(held_on=date(2026, 7, 5), units=[ward.cell])
    assert newcomer.id not in rows_by_person(march)
    assert newcomer.id in rows_by_person(july)


def test_member_who_left_is_not_expected_after_leaving(ward, make_meeting):
    leaver = ward.members[0]
    assignment = db.session.scalar(db.select(Assignment).where(Assignment.person_id == leaver.id))
    assignment.end_date = date(2026, 4, 30)
    db.session.commit()
    april = make_meeting(held_on=date(2026, 4, 30), units=[ward.cell])
    may = make_meeting(held_on=date(2026, 5, 5), units=[ward.cell])
    assert leaver.id in rows_by_person(april)
    assert leaver.id not in rows_by_person(may)


def test_roster_as_of_the_meeting_date_survives_later_assignment_changes(ward, cell_meeting):
    for assignment in db.session.scalars(db.select(Assignment).where(Assignment.unit_id == ward.cell.id)):
        assignment.end_date = date(2026, 3, 1)
    db.session.commit()
    assert services.recompute_roster(cell_meeting) == 0
    assert len(cell_meeting.attendances) == 3


def test_recompute_adds_newly_expected_and_keeps_marked_rows(ward, cell_meeting, make_person, make_membership,
                                                              make_assignment, make_user):
    user = make_user(Role.ADMIN)
    row = cell_meeting.attendances[0]
    services.mark_attendance(row, AttendanceStatus.ABSENT, "ốm", user)
    late_entry = make_person("Bùi Thu Hà")
    make_assignment(make_membership(late_entry, ward.group, start=date(2026, 1, 1)), ward.cell, start=date(2026, 1, 1))
    assert services.recompute_roster(cell_meeting) == 1
    assert services.recompute_roster(cell_meeting) == 0
    rows = rows_by_person(cell_meeting)
    assert late_entry.id in rows and rows[row.person_id].status == AttendanceStatus.ABSENT
    assert len(rows) == 4


def test_recompute_promotes_a_guest_who_became_expected(ward, cell_meeting, make_person, make_membership,
                                                         make_assignment):
    guest = make_person("Hồ Văn Nam")
    services.add_guest(cell_meeting, guest.id)
    make_assignment(make_membership(guest, ward.group, start=date(2026, 1, 1)), ward.cell, start=date(2026, 1, 1))
    services.recompute_roster(cell_meeting)
    assert rows_by_person(cell_meeting)[guest.id].expected is True


def test_briefing_roster_is_heads_deputies_and_standing_board(ward, make_meeting, make_person, make_user):
    chair = make_person("Nguyễn Huy Hùng")
    make_user(Role.LEADERSHIP, person=chair)
    briefing = make_meeting(MeetingKind.BRIEFING, date(2026, 9, 7))
    assert set(rows_by_person(briefing)) == {ward.head.id, ward.deputy.id, chair.id}


def test_conference_roster_is_heads_and_deputies_of_groups_following_the_unit(ward, make_meeting):
    conference = make_meeting(MeetingKind.CONFERENCE, date(2026, 3, 10), units=[ward.committee])
    assert set(rows_by_person(conference)) == {ward.head.id, ward.deputy.id}


def test_group_meeting_roster_is_every_member_of_the_group(ward, make_meeting):
    meeting = make_meeting(MeetingKind.GROUP, date(2026, 3, 10), group=ward.group)
    assert len(expected_person_ids(meeting)) == 5


def test_guest_is_added_once_and_not_expected(ward, cell_meeting, make_person):
    guest = make_person("Ngô Minh Khánh")
    assert services.add_guest(cell_meeting, guest.id).expected is False
    assert services.add_guest(cell_meeting, guest.id) is None
    assert len(cell_meeting.attendances) == 4


@pytest.mark.parametrize("current, expected", [
    (None, AttendanceStatus.PRESENT), (AttendanceStatus.PRESENT, AttendanceStatus.LATE),
    (AttendanceStatus.LATE, AttendanceStatus.EXCUSED), (AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT),
    (AttendanceStatus.ABSENT, AttendanceStatus.EXEMPT),
        (AttendanceStatus.EXEMPT, AttendanceStatus.PRESENT),
])
def test_one_click_cycles_through_the_marks(current, expected):
    assert services.next_status(current) == expected


def test_repeating_the_same_mark_changes_nothing(cell_meeting, make_user):
    user = make_user(Role.ADMIN)
    row = cell_meeting.attendances[0]
    assert services.mark_attendance(row, AttendanceStatus.LATE, " kẹt xe ", user) is True
    first_marked_at = row.marked_at
    assert services.mark_attendance(row, AttendanceStatus.LATE, "kẹt xe", user) is False
    assert row.marked_at == first_marked_at and row.reason == "kẹt xe"


def test_all_present_marks_only_the_unmarked(cell_meeting, make_user):
    user = make_user(Role.ADMIN)
    services.mark_attendance(cell_meeting.attendances[0], AttendanceStatus.EXCUSED, "công tác", user)
    assert services.mark_all_present(cell_meeting, user) == 2
    statuses = sorted(row.status.value for row in cell_meeting.attendances)
    assert statuses == ["excused", "present", "present"]
    assert services.mark_all_present(cell_meeting, user) == 0


def test_schedule_creates_twelve_monthly_meetings_and_is_idempotent(ward, make_meeting):
    make_meeting(held_on=date(2026, 2, 10), units=[ward.cell])
    assert services.schedule_cell_meetings([ward.cell, ward.other_cell], 2026, 31) == 23
    assert services.schedule_cell_meetings([ward.cell, ward.other_cell], 2026, 31) == 0
    days = sorted(
        m.held_on for m in db.session.scalars(db.select(Meeting).where(Meeting.units.contains(ward.other_cell)))
    )
    assert days[1] == date(2026, 2, 28) and days[3] == date(2026, 4, 30) and len(days) == 12
    cell_meetings = db.session.scalars(db.select(Meeting).where(Meeting.units.contains(ward.cell))).all()
    assert all(len(m.attendances) == 3 for m in cell_meetings)


@pytest.fixture
def request_context(app):
    with app.test_request_context():
        yield


def test_date_outside_the_groups_term_is_refused(ward, request_context):
    message = services.date_problem(MeetingKind.GROUP, date(2024, 5, 1), ward.group)
    assert "nằm ngoài nhiệm kỳ" in message
    assert services.date_problem(MeetingKind.GROUP, date(2026, 5, 1), ward.group) is None


def test_briefing_without_a_term_on_that_day_is_refused(ward, request_context):
    assert "Không có nhiệm kỳ" in services.date_problem(MeetingKind.BRIEFING, date(2019, 5, 1), None)
    assert services.date_problem(MeetingKind.CELL, date(2019, 5, 1), None) is None


def test_opinions_keep_speaking_order_and_count(ward, make_meeting):
    briefing = make_meeting(MeetingKind.BRIEFING, date(2026, 9, 7))
    for index in range(15):
        services.add_opinion(briefing, {"person_id": ward.head.id if index % 2 else None,
                                        "speaker_name": None if index % 2 else f"Khách {index}",
                                        "kind": OpinionKind.RESULTS, "text": f"Ý kiến {index}"})
    services.delete_opinion(briefing.opinions[3])
    services.add_opinion(briefing, {"speaker_name": "Đồng chí Bí thư", "kind": OpinionKind.PROPOSALS, "text": "Cuối"})
    assert len(briefing.opinions) == 15
    assert briefing.opinions[-1].position == 16 and briefing.opinions[-1].speaker == "Đồng chí Bí thư"
    assert briefing.opinions[1].speaker == ward.head.full_name


def test_conclusion_points_are_numbered(ward, make_meeting):
    briefing = make_meeting(MeetingKind.BRIEFING, date(2026, 9, 7))
    first = services.add_conclusion_point(briefing, "Sửa đổi quy chế hoạt động", "Ban Tổ chức", date(2026, 9, 30))
    second = services.add_conclusion_point(briefing, " Bổ sung thành viên ", "", None)
    assert (first.number, second.number, second.text, second.owner_text) == (1, 2, "Bổ sung thành viên", None)


def test_follow_up_flag_toggles(ward, make_meeting):
    briefing = make_meeting(MeetingKind.BRIEFING, date(2026, 9, 7))
    opinion = services.add_opinion(briefing, {"speaker_name": "A", "kind": OpinionKind.DIFFICULTIES, "text": "x"})
    assert services.toggle_follow_up(opinion).needs_follow_up is True
    assert services.toggle_follow_up(opinion).needs_follow_up is False


def test_deleting_a_meeting_removes_its_rows(cell_meeting):
    services.delete_meeting(cell_meeting)
    assert db.session.scalar(db.select(db.func.count()).select_from(Attendance)) == 0
