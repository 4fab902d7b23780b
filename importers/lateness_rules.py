"""When an arrival counts as late, as a sheet's note lines state it: the meeting's start ("Sinh hoạt bắt đầu 19h30",
"họp lúc 7 giờ 30 tối") and the lateness rule ("đến sau 19h30 tính là đi muộn", "quá 19 giờ 30 là muộn", "muộn từ
19h31"). `on_time_until` gives the last arrival that is still on time: the rule's time when the notes state one
(the rule may allow a grace time after the start), else the one start they state. Two different rule times, or two
different starts, are no answer: the caller then warns that the start is not known."""

import datetime as dt
import re

from .clock_words import WORDED_TIME, time_of, with_h
from .normalising import fold

_LATE_WORD = re.compile(r"\b(?:muon|tre)\b")
_START = re.compile(r"\b(?:bat dau|khai mac|hop luc|sinh hoat luc)\s+(?:luc\s+|tu\s+|vao\s+(?:luc\s+)?)?" + WORDED_TIME)
_AFTER = re.compile(r"\b(?:sau|qua|tre hon|muon hon)\s+(?:luc\s+)?" + WORDED_TIME)  # the time itself is on time
# the time itself is late
_FROM = re.compile(r"\b(?:muon|tre)\s+(?:(?:ke\s+)?tu|bat dau tu|tinh tu)\s+(?:luc\s+)?" + WORDED_TIME
                   + r"|\btu\s+" + WORDED_TIME
                   + r"\s+(?:tro di\s+)?(?:la\s+|tinh la\s+|thi\s+|coi la\s+)?(?:di\s+|den\s+)?(?:muon|tre)\b")


def _folded(note: str) -> str:
    return fold(with_h(str(note)))


def _times(pattern: re.Pattern, text: str) -> set[dt.time]:
    found = set()
    for match in pattern.finditer(text):
        groups = match.groups()
        for start in range(0, len(groups), 3):  # `_FROM` has two alternatives of three groups each
            if groups[start] is not None:
                found.add(time_of(*groups[start:start + 3]))
    return found - {None}


def states_lateness(notes: list[str]) -> bool:
    """Whether a note speaks of lateness at all ('đi muộn', 'đến trễ')."""
    return any(_LATE_WORD.search(fold(note)) for note in notes)


def _rule_times(notes: list[str]) -> set[dt.time]:
    """The last on-time arrivals the lateness rules state ('sau 19h30' -> 19:30, 'muộn từ 19h31' -> 19:30)."""
    found = set()
    for note in notes:
        text = _folded(note)
        if _LATE_WORD.search(text):
            found |= _times(_AFTER, text) | {_minute_before(time) for time in _times(_FROM, text)}
    return found


def _minute_before(time: dt.time) -> dt.time:
    minutes = max(time.hour * 60 + time.minute - 1, 0)
    return dt.time(minutes // 60, minutes % 60)


def start_in_notes(notes: list[str]) -> dt.time | None:
    """The one start time the notes state ('Sinh hoạt bắt đầu 19h30', 'họp lúc 7 giờ 30')."""
    found = set()
    for note in notes:
        found |= _times(_START, _folded(note))
    return found.pop() if len(found) == 1 else None


def on_time_until(notes: list[str]) -> dt.time | None:
    """The last arrival still on time: a lateness rule's time when the notes state a rule, else their start."""
    notes = [note for note in notes if note]
    ruled = _rule_times(notes)
    if ruled:
        return ruled.pop() if len(ruled) == 1 else None
    return start_in_notes(notes)


def is_rule_line(text: str) -> bool:
    """Whether a line states when an arrival is late ("Sinh hoạt bắt đầu 19h30; đến sau 19h30 là đi muộn"): a note
    even without a 'Ghi chú:' prefix."""
    folded = _folded(text)
    return bool(_LATE_WORD.search(folded)) and any(pattern.search(folded) for pattern in (_AFTER, _FROM, _START))


def is_late(arrived: dt.time, until: dt.time) -> bool:
    """Whether an arrival is after the last on-time one. An afternoon or evening meeting's arrivals written on the
    12-hour clock ('7h45' for a meeting at 19h30) are read in the meeting's half of the day."""
    if until.hour >= 12 and arrived.hour < 12:
        arrived = arrived.replace(hour=arrived.hour + 12)
    return arrived > until
