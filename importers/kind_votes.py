"""Kind by values: a table whose headers look like a roster's ('Ngày sinh', 'Chức vụ') but which holds a meeting
date column and a column of attendance marks or phrases is a register. Headers alone tie on such tables."""

from typing import Any

from .kinds import attendance, roster
from .mapping import match_field
from .normalising import is_blank, marks_table
from .status_phrases import read_status

SAMPLE_ROWS = 200
STATUS_SHARE = 0.9
MIN_MARKS = 3
_MARKS = marks_table(None)


def status_like(cells: list[Any], marks: dict | None = None) -> bool:
    """Whether a column's cells are attendance marks or phrases (nine in ten of them, three at least); `marks`:
    the usual marks with the file's legend over them."""
    filled = [cell for cell in cells if not is_blank(cell)]
    if len(filled) < MIN_MARKS or all(isinstance(cell, (int, float)) for cell in filled):
        return False
    read = sum(1 for cell in filled if read_status(cell, marks or _MARKS).status)
    return read >= STATUS_SHARE * len(filled)


def prefer_attendance(kind: str, table, grid) -> str:
    """'attendance' for a table detected as a roster that names a meeting date column and holds a column of
    marks; the detected kind otherwise."""
    if kind != "roster" or grid.size == 0:
        return kind
    dates = [index for index, label in enumerate(table.labels)
             if match_field(label, attendance.FIELDS) == "date" and match_field(label, roster.FIELDS) is None]
    if not dates:
        return kind
    body = grid[table.body_start:min(table.body_end, table.body_start + SAMPLE_ROWS)]
    for index, label in enumerate(table.labels):
        if index in dates or index >= body.shape[1] or match_field(label, roster.FIELDS) in ("full_name", "role"):
            continue
        if status_like(list(body[:, index])):
            return "attendance"
    return kind
