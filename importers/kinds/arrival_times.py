"""Lateness from arrival times: a register with a 'Giờ đến' column marks everyone who came "Có mặt" and leaves the
reader to compare the arrival with the meeting's start ("Sinh hoạt bắt đầu 19h30. Có mặt nhưng giờ đến sau 19:30
là đi muộn"). The start is the time in the meeting's date cell (a date-and-time cell, 09/01/2025 19:30), else the
last on-time arrival the sheet's notes state (``lateness_rules``: a rule "đến sau 19h30 là đi muộn", else the
start). A register keeping its status column for absences only ('Vắng': có phép / không phép) marks those who came
by the time alone: present there when a note states the lateness rule. Arrivals that cannot be compared are a
warning, never a silent "present".
A wide register writing the arrival time in the meeting's own cell ('19h30' for present) is read by
``attendance_values`` with the same clock reading and noted start."""

import datetime as dt
from typing import Any

from ..clock_words import clock_time
from ..lateness_rules import is_late, on_time_until, states_lateness
from ..normalising import is_blank

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


def _start_of(value: Any, fallback: dt.time | None) -> dt.time | None:
    own = time_of(value) if not isinstance(value, (str, float, int)) else None
    return own if own and own != dt.time(0, 0) else fallback


def present_by_arrival(statuses: list, arrivals, column, context) -> list:
    """`statuses` with a blank status turned "present" where the row writes an arrival time: a register that keeps
    a 'Vắng' column for absences only and the arrival time for those who came. Only when a note states the lateness
    rule ("đến sau 19h30 tính là đi muộn"), which says the times are what the register marks attendance by; without
    one such rows stay unmarked (and are reported so)."""
    if column is None:
        return statuses
    notes = getattr(context, "notes", None) or []
    if not states_lateness(notes) or on_time_until(notes) is None:
        return statuses
    return ["present" if status is None and not is_blank(arrival) and time_of(arrival) is not None else status
            for status, arrival in zip(statuses, arrivals)]


def late_from_arrivals(statuses: list, arrivals, raw_dates, column, context) -> list:
    """`statuses` with "present" turned "late" where the row's arrival is after its meeting's start."""
    if column is None:
        return statuses
    label = f"Cột {column.letter} «{column.header}»"
    notes = getattr(context, "notes", [])
    noted = on_time_until(notes)
    statuses, unread, unstarted, late = list(statuses), [], 0, 0
    for position, (arrival, when) in enumerate(zip(arrivals, raw_dates)):
        if is_blank(arrival) or statuses[position] != "present":
            continue
        arrived, start = time_of(arrival), _start_of(when, noted)
        if arrived is None:
            unread.append(f"{column.letter}{arrivals.index[position]} «{arrival}»")
        elif start is None:
            unstarted += 1
        elif is_late(arrived, start):
            statuses[position], late = "late", late + 1
    issues = context.issues
    if unread:
        issues.warning(None, column.letter, "status", None, UNREAD.format(
            label=label, count=len(unread), cells=", ".join(unread[:3]) + ("…" if len(unread) > 3 else "")))
    if unstarted:
        issues.warning(None, column.letter, "status", None, NO_START.format(label=label, count=unstarted))
    if late and not states_lateness(notes):
        issues.warning(None, column.letter, "status", None, NO_RULE.format(label=label, count=late))
    return statuses
