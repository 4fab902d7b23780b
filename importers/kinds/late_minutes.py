"""Lateness as minutes beside a status: a long register writes "Có mặt" for whoever came and the minutes late in a
column of their own ("Muộn (phút)", "Đến muộn (phút)", "Số phút muộn", "Đi trễ (phút)", "Phút đến muộn"). A present
status with minutes above 0 is late; 0 or a blank cell leaves the status as written. The same reading as an arrival
time's (``arrival_times``), the minutes standing for the comparison with the start already made. Refused, naming the
cell: minutes on an absence (excused or not) or on a blank status, and a cell that is no whole number of minutes
("10'", "10 phút" and "10p" are minutes)."""

import re
from typing import Any

from ..normalising import is_blank
from ..results import Column

_MINUTES_TEXT = re.compile(r"^(\d{1,3})\s*(?:'|’|′|p|ph|phut|phút)?\.?$", re.IGNORECASE)
MAX_MINUTES = 600  # longer than any meeting: a time or a count typed in the wrong column
UNREAD = "{label}: ô {cell} «{value}» không phải số phút đến muộn"
AGAINST = "{label}: ô {cell} ghi muộn {minutes} phút nhưng cột {status} {said} — mâu thuẫn, xin kiểm tra"


def minutes_of(value: Any) -> int | None:
    """The whole minutes a cell holds (20, 20.0, '20', "20'", '20 phút'), None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value) if value == int(value) and 0 <= value <= MAX_MINUTES else None
    match = _MINUTES_TEXT.match(str(value).strip())
    return int(match.group(1)) if match and int(match.group(1)) <= MAX_MINUTES else None


def late_from_minutes(statuses: list, minutes, raw_marks, column: Column | None, status_column: Column,
                      context) -> tuple[list, list]:
    """`statuses` with "present" turned "late" where the row's minutes late are above 0, and the positions refused
    (their error said already)."""
    if column is None:
        return statuses, []
    consumed = getattr(context, "consumed", None)
    if consumed is not None:
        consumed.add(column.index)
    label = f"Cột {column.letter} «{column.header}»"
    statuses, refused = list(statuses), []
    for position, (value, mark) in enumerate(zip(minutes, raw_marks)):
        if is_blank(value):
            continue
        row = int(minutes.index[position])
        cell = f"{column.letter}{row}"
        late = minutes_of(value)
        if late is None:
            context.issues.error(row, column.letter, "status", value, UNREAD.format(label=label, cell=cell,
                                                                                    value=value))
            refused.append(position)
        elif late and statuses[position] == "present":
            statuses[position] = "late"
        elif late and (statuses[position] in ("absent", "excused") or is_blank(mark)):
            said = "để trống" if is_blank(mark) else f"ghi «{str(mark).strip()}»"
            context.issues.error(row, column.letter, "status", value, AGAINST.format(
                label=label, cell=cell, minutes=late, status=f"{status_column.letter} «{status_column.header}»",
                said=said))
            refused.append(position)
    return statuses, refused
