"""The cell meeting rules (HD 42-HD/BTCTW, 2025; HD 12-HD/BTCTW, 2018) as pure predicates over plain values: each
returns MET, MISSED or UNKNOWN (a figure the meeting's record does not hold), and `overall` folds a rule's
verdicts over a quarter's meetings. The figures come from the rule set the regulation version in force on the
meeting's date adopts (`models.CellMeetingRules`); the scorecard (`meetings/scorecard.py`) gathers the values."""
from datetime import date

MET, MISSED, UNKNOWN = "met", "missed", "unknown"


def ahead(sent_on: date | None, held_on: date, days: int) -> str:
    """Something (an invitation, the documents) went out at least `days` days before the meeting's day."""
    if sent_on is None:
        return UNKNOWN
    return MET if (held_on - sent_on).days >= days else MISSED


def minutes_between(starts_at: str | None, ends_at: str | None) -> int | None:
    """Minutes from "HH:MM" to "HH:MM" on one day; None when either is missing or the end is not after the start."""
    if not starts_at or not ends_at:
        return None
    start_hour, start_minute = (int(part) for part in starts_at.split(":"))
    end_hour, end_minute = (int(part) for part in ends_at.split(":"))
    minutes = (end_hour * 60 + end_minute) - (start_hour * 60 + start_minute)
    return minutes if minutes > 0 else None


def long_enough(starts_at: str | None, ends_at: str | None, min_minutes: int) -> str:
    """The meeting lasted at least `min_minutes`."""
    minutes = minutes_between(starts_at, ends_at)
    if minutes is None:
        return UNKNOWN
    return MET if minutes >= min_minutes else MISSED


def attendance_reached(rate: float | None, threshold: int) -> str:
    """The meeting's attendance rate (`rates.attendance_rate`; None: nobody marked) reached the threshold."""
    if rate is None:
        return UNKNOWN
    return MET if rate >= threshold else MISSED


def no_unexcused(absent: int, rate: float | None) -> str:
    """Nobody was absent without leave (HD 12-HD/BTCTW: no unexcused absence); unknown while nobody is marked (the
    meeting's rate is None)."""
    if rate is None:
        return UNKNOWN
    return MISSED if absent else MET


def thematic_held(flags: list[bool | None], needed: int) -> str:
    """A quarter held at least `needed` thematic meetings; `flags` is each meeting's kind (None: not recorded)."""
    if sum(1 for flag in flags if flag) >= needed:
        return MET
    if not flags or any(flag is None for flag in flags):
        return UNKNOWN
    return MISSED


def longest_excused_run(statuses: list[str | None]) -> int:
    """The longest run of excused absences in a row, in meeting order (another mark ends a run; exempt and
    unmarked meetings are skipped)."""
    longest = current = 0
    for status in statuses:
        if status in (None, "exempt"):
            continue
        current = current + 1 if status == "excused" else 0
        longest = max(longest, current)
    return longest


def excused_too_often(statuses: list[str | None], allowed: int) -> bool:
    """More than `allowed` excused absences in a row."""
    return longest_excused_run(statuses) > allowed


def overall(verdicts: list[str]) -> str:
    """A rule over a quarter: missed when any meeting missed it, met when every meeting met it, else unknown (no
    meeting, or one whose record lacks the figure)."""
    if MISSED in verdicts:
        return MISSED
    if verdicts and all(verdict == MET for verdict in verdicts):
        return MET
    return UNKNOWN
