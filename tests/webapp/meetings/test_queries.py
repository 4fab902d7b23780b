from datetime import date

import pytest

from webapp.meetings import queries, services
from webapp.models import AttendanceStatus, MeetingKind, Role

from .conftest import rows_by_person

P, L, E, A = AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT


@pytest.fixture
def admin(make_user):
    return make_user(Role.ADMIN)


@pytest.fixture
def year_of_marks(ward, make_meeting, admin):
    """Six monthly cell meetings in 2026; the first member's marks are P, L, E, A, A, unmarked."""
    meetings = [make_meeting(held_on=date(2026, month, 5), units=[ward.cell]) for month in range(1, 7)]
    person = ward.members[0]
    for meeting, status in zip(meetings, [P, L, E, A, A, None]):
        services.mark_attendance(rows_by_person(meeting)[person.id], status, None, admin)
    return meetings


def test_rate_is_present_and_late_over_marked_expected_meetings(ward, year_of_marks):
    rate = queries.attendance_rate(ward.members[0].id, 2026)
    assert (rate.present, rate.late, rate.excused, rate.absent, rate.unmarked) == (1, 1, 1, 2, 1)
    assert rate.expected == 5   # the unmarked meeting is in neither part of the rate
    assert rate.rate == 40.0


def test_guests_are_not_counted(ward, year_of_marks, make_person, admin):
    guest = make_person("Khách Mời")
    for meeting in year_of_marks:
        row = services.add_guest(meeting, guest.id)
        services.mark_attendance(row, A, None, admin)
    services.add_guest(year_of_marks[0], ward.members[0].id)
    assert queries.attendance_rate(guest.id, 2026).expected == 0
    assert queries.attendance_rate(guest.id, 2026).rate is None
    assert queries.attendance_rate(ward.members[0].id, 2026).expected == 5


def test_rate_of_someone_never_expected_is_empty(make_person):
    rate = queries.attendance_rate(make_person().id)
    assert rate.expected == 0 and rate.rate is None


def test_year_filter_excludes_other_years(ward, year_of_marks, make_meeting):
    make_meeting(held_on=date(2025, 12, 5), units=[ward.cell])
    assert queries.attendance_rate(ward.members[0].id, 2026).unmarked == 1
    assert queries.attendance_rate(ward.members[0].id, 2025).unmarked == 1
    assert queries.attendance_rate(ward.members[0].id).unmarked == 2


@pytest.mark.parametrize("marks, longest, current", [
    ([], 0, 0), ([P, P], 0, 0), ([A, E, P, A], 2, 1), ([P, A, A, A], 3, 3), ([L, E, A, P, L], 2, 0),
])
def test_absence_streaks(marks, longest, current):
    streaks = queries.longest_and_current(marks)
    assert (streaks.longest, streaks.current) == (longest, current)


def test_absence_streaks_of_a_person_follow_meeting_dates(ward, year_of_marks):
    streaks = queries.absence_streaks(ward.members[0].id, 2026)
    assert (streaks.longest, streaks.current) == (3, 3)


def test_person_meetings_lists_expected_meetings_in_date_order(ward, year_of_marks, make_meeting):
    other = make_meeting(MeetingKind.CELL, date(2026, 2, 1), units=[ward.other_cell])
    services.add_guest(other, ward.members[0].id)
    listed = queries.person_meetings(ward.members[0].id, 2026)
    assert [m.held_on.month for m, _ in listed] == [1, 2, 3, 4, 5, 6]
    assert [row.status for _, row in listed] == [P, L, E, A, A, None]


def test_group_record_puts_members_side_by_side(ward, year_of_marks):
    records = {r.person.id: r for r in queries.group_record(ward.group.id, 2026)}
    assert len(records) == 5
    first = records[ward.members[0].id]
    assert first.rate.rate == 40.0 and first.streaks.longest == 3
    assert records[ward.members[1].id].rate.unmarked == 6
    assert records[ward.head.id].rate.expected == 0


def test_unit_matrix_places_marks_by_month(ward, year_of_marks):
    matrix = queries.unit_matrix(ward.cell.id, 2026)
    assert {pid for pid, _ in matrix.persons} == {p.id for p in ward.members}
    person = ward.members[0].id
    assert [matrix.marks(person, m)[0].status for m in range(1, 7)] == [P, L, E, A, A, None]
    assert matrix.marks(person, 7) == []


def test_group_matrix_covers_the_members_expected_meetings(ward, year_of_marks):
    matrix = queries.group_matrix(ward.group.id, 2026)
    assert {pid for pid, _ in matrix.persons} == {p.id for p in ward.members}
    assert queries.group_matrix(ward.group.id, 2020).persons == []


def test_counters_count_each_mark_and_the_unmarked(ward, year_of_marks):
    counts = queries.counters(year_of_marks[0].id)
    assert counts == {"present": 1, "late": 0, "excused": 0, "absent": 0, "exempt": 0, "unmarked": 2, "total": 3}


def test_meeting_list_filters_by_kind_unit_month_and_scope(app, ward, year_of_marks, make_meeting, make_user,
                                                           make_unit, root_unit):
    from webapp.extensions import db
    elsewhere = make_unit("Chi bộ thôn 1", parent=root_unit)
    make_meeting(held_on=date(2026, 3, 9), units=[elsewhere])
    make_meeting(MeetingKind.BRIEFING, date(2026, 3, 20))
    officer = make_user(Role.UNIT_OFFICER, scope_unit=ward.committee)
    admin = make_user(Role.ADMIN)

    def titles(user, **filters):
        return db.session.scalars(queries.meeting_list(user, **filters)).all()

    assert len(titles(admin)) == 8
    assert len(titles(officer)) == 7
    assert len(titles(admin, kind=MeetingKind.BRIEFING)) == 1
    assert len(titles(admin, unit_id=ward.cell.id)) == 6
    assert len(titles(admin, month=date(2026, 3, 1))) == 3
