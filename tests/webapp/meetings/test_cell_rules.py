"""The cell meeting rules as pure predicates: each answers met, missed or unknown from plain values."""
from datetime import date

from webapp.meetings import cell_rules
from webapp.meetings.cell_rules import MET, MISSED, UNKNOWN


def test_something_sent_ahead_is_judged_by_whole_days():
    held = date(2026, 3, 10)
    assert cell_rules.ahead(date(2026, 3, 7), held, 3) == MET
    assert cell_rules.ahead(date(2026, 3, 8), held, 3) == MISSED
    assert cell_rules.ahead(date(2026, 3, 10), held, 0) == MET
    assert cell_rules.ahead(None, held, 3) == UNKNOWN


def test_duration_needs_both_times_and_an_end_after_the_start():
    assert cell_rules.minutes_between("07:30", "09:00") == 90
    assert cell_rules.minutes_between("07:30", None) is None
    assert cell_rules.minutes_between("09:00", "07:30") is None
    assert cell_rules.long_enough("07:30", "09:00", 90) == MET
    assert cell_rules.long_enough("07:30", "08:59", 90) == MISSED
    assert cell_rules.long_enough(None, "09:00", 90) == UNKNOWN


def test_attendance_reaches_the_threshold_or_is_unknown_without_marks():
    assert cell_rules.attendance_reached(85.0, 85) == MET
    assert cell_rules.attendance_reached(84.9, 85) == MISSED
    assert cell_rules.attendance_reached(None, 85) == UNKNOWN


def test_a_quarter_needs_its_thematic_meetings():
    assert cell_rules.thematic_held([False, True, False], 1) == MET
    assert cell_rules.thematic_held([False, False, False], 1) == MISSED
    assert cell_rules.thematic_held([False, None, False], 1) == UNKNOWN  # the unrecorded one may have been
    assert cell_rules.thematic_held([], 1) == UNKNOWN
    assert cell_rules.thematic_held([True], 2) == MISSED
    assert cell_rules.thematic_held([], 0) == MET


def test_excused_absences_in_a_row():
    marks = ["excused", "excused", "exempt", None, "excused", "present", "excused"]
    assert cell_rules.longest_excused_run(marks) == 3  # exempt and unmarked meetings do not end a run
    assert not cell_rules.excused_too_often(marks, 3)
    assert cell_rules.excused_too_often(marks + ["excused"] * 3, 3)
    assert cell_rules.longest_excused_run(["excused", "absent", "excused"]) == 1


def test_a_rule_over_a_quarter():
    assert cell_rules.overall([MET, MET]) == MET
    assert cell_rules.overall([MET, UNKNOWN]) == UNKNOWN
    assert cell_rules.overall([UNKNOWN, MISSED]) == MISSED
    assert cell_rules.overall([]) == UNKNOWN


def test_no_unexcused_absence():
    """HD 12-HD/BTCTW: no member absent without leave; unknown while nobody is marked."""
    assert cell_rules.no_unexcused(0, 100.0) == MET
    assert cell_rules.no_unexcused(1, 90.0) == MISSED
    assert cell_rules.no_unexcused(0, None) == UNKNOWN
