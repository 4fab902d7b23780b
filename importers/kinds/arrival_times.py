"""Lateness from arrival times: a register with a 'Giờ đến' column marks everyone who came "Có mặt" and leaves the
reader to compare the arrival with the meeting's start ("Sinh hoạt bắt đầu 19h30. Có mặt nhưng giờ đến sau 19:30
là đi muộn"). The start is the time in the meeting's date cell (a date-and-time cell, 09/01/2025 19:30), else the
one start time the sheet's notes state. Arrivals that cannot be compared are a warning, never a silent "present".
A wide register writing the arrival time in the meeting's own cell ('19h30' for present) is read by
``attendance_values`` with the same clock reading and noted start."""

import datetime as dt
import re
from typing import Any

from ..legend_rules import clock_time
from ..normalising import fold, is_blank

_START = re.compile(r"\b(?:bat dau|khai mac|hop luc|sinh hoat luc|bat dau tu)\s+(?:luc\s+|tu\s+)?"
                    r"(\d{1,2})\s*(?:h|gio)?\s*(\d{2})?\b")
NO_START = ("{label}: có giờ đến nhưng không rõ giờ bắt đầu buổi họp (cần giờ trong ô ngày họp hoặc ghi chú như "
            "«bắt đầu 19h30»), nên chưa xét đi muộn theo giờ đến ở {count} dòng; xin kiểm tra")
UNREAD = "{label}: giờ đến không đọc được ở {count} ô ({cells}), các dòng này chưa xét đi muộn"
NO_RULE = ("{label}: {count} người có mặt nhưng giờ đến sau giờ bắt đầu được ghi là đi muộn; tệp không có ghi chú "
           "nói vậy, xin kiểm tra")


def time_of(value: Any) -> dt.time | None:
    """The clock time a cell holds: a time or date-and-time cell, an Excel day fraction, or text '19:25', '19h25'."""
    if isinstance(value, dt.datetime) or (hasattr(value, "hour") and hasattr(value, "date")):
        return value.time()
    if isinstance(value, dt.time):
        return value
    if isinstance(value, float) and 0 < value < 1:
        minutes = round(value * 24 * 60)
        return dt.time(minutes // 60, minutes % 60)
    return clock_time(value) if isinstance(value, str) else None


def start_in_notes(notes: list[str]) -> dt.time | None:
    """The one start time the notes state ('Sinh hoạt bắt đầu 19h30', 'họp lúc 7 giờ 30')."""
    found = set()
    for note in notes:
        for match in _START.finditer(fold(note)):
            hour, minute = int(match.group(1)), int(match.group(2) or 0)
            if hour < 24 and minute < 60:
                found.add(dt.time(hour, minute))
    return found.pop() if len(found) == 1 else None


def _start_of(value: Any, fallback: dt.time | None) -> dt.time | None:
    own = time_of(value) if not isinstance(value, (str, float, int)) else None
    return own if own and own != dt.time(0, 0) else fallback


def late_from_arrivals(statuses: list, arrivals, raw_dates, column, context) -> list:
    """`statuses` with "present" turned "late" where the row's arrival is after its meeting's start."""
    if column is None:
        return statuses
    label = f"Cột {column.letter} «{column.header}»"
    notes = getattr(context, "notes", [])
    noted = start_in_notes(notes)
    statuses, unread, unstarted, late = list(statuses), [], 0, 0
    for position, (arrival, when) in enumerate(zip(arrivals, raw_dates)):
        if is_blank(arrival) or statuses[position] != "present":
            continue
        arrived, start = time_of(arrival), _start_of(when, noted)
        if arrived is None:
            unread.append(f"{column.letter}{arrivals.index[position]} «{arrival}»")
        elif start is None:
            unstarted += 1
        elif arrived > start:
            statuses[position], late = "late", late + 1
    issues = context.issues
    if unread:
        issues.warning(None, column.letter, "status", None, UNREAD.format(
            label=label, count=len(unread), cells=", ".join(unread[:3]) + ("…" if len(unread) > 3 else "")))
    if unstarted:
        issues.warning(None, column.letter, "status", None, NO_START.format(label=label, count=unstarted))
    if late and not any(" muon " in f" {fold(note)} " for note in notes):
        issues.warning(None, column.letter, "status", None, NO_RULE.format(label=label, count=late))
    return statuses
