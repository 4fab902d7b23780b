"""Lateness written beside a presence mark: a register ticks the late member under 'Có mặt' and writes "Đến muộn"
in the reason or note column ("Đến muộn thì đánh dấu ở cột Có mặt và ghi «Đến muộn»"). Such a row is late. Only a
cell that opens with the lateness ('Đến muộn', 'Đi muộn 15 phút', 'Muộn', 'Đến trễ') says so; a note that merely
mentions it ('Nhắc nhở vì hay đến muộn') says nothing of this meeting. Without a note line naming lateness the
reading is one warning."""

import re

import pandas as pd

from ..normalising import fold, is_blank
from ..results import Column
from .attendance_values import reason_column

_LATE_OPENING = re.compile(r"^(?:den |di |vao )?(?:muon|tre|cham)\b")  # folded
NO_RULE = ("{label}: {count} người có mặt được ghi «{example}» ở cột {notes}: hiểu là đến muộn; tệp không có ghi chú "
           "nói vậy, xin kiểm tra")


def says_late(value) -> bool:
    """A reason or note cell stating that its member came late ('Đến muộn', 'Đi muộn 15 phút')."""
    return not is_blank(value) and isinstance(value, str) and bool(_LATE_OPENING.match(fold(value)))


def _note_column(columns: list[Column], frame: pd.DataFrame) -> Column | None:
    """The reason column, else the note column, beside the status."""
    found = reason_column(columns, frame)
    return found or next((column for column in columns if column.field == "note" and not column.month
                          and column.index in frame.columns), None)


def late_from_notes(statuses: list, frame: pd.DataFrame, columns: list[Column], status_column: Column,
                    context) -> list:
    """`statuses` with "present" turned "late" where the row's reason or note cell states lateness."""
    notes_column = _note_column(columns, frame)
    if notes_column is None:
        return statuses
    cells = frame[notes_column.index].to_numpy(dtype=object)
    statuses = list(statuses)
    late = [position for position, (status, cell) in enumerate(zip(statuses, cells))
            if status == "present" and says_late(cell)]
    for position in late:
        statuses[position] = "late"
    if late and not any(says_late(note) or " muon " in f" {fold(note)} " or " tre " in f" {fold(note)} "
                        for note in getattr(context, "notes", [])):
        context.issues.warning(None, status_column.letter, "status", None, NO_RULE.format(
            label=f"Cột {status_column.letter} «{status_column.header}»", count=len(late),
            example=str(cells[late[0]]).strip(), notes=f"{notes_column.letter} «{notes_column.header}»"))
    return statuses
