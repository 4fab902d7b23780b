"""Kind by values: a table whose headers look like a roster's ('Ngày sinh', 'Chức vụ') but which holds a meeting
date column and a column of attendance marks or phrases is a register. Headers alone tie on such tables."""

from functools import cache
from typing import Any

from .date_words import meeting_date_in_titles, unread_date_line
from .kinds import attendance, roster
from .locating import is_stop_text
from .mapping import match_field
from .normalising import is_blank, marks_table
from .sign_marks import is_sign_header, signs_only
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


def prefer_attendance(kind: str, table, grid, legend=None) -> str:
    """'attendance' for a table detected as a roster that names a meeting date column and holds a column of
    marks, or a column dated in the header (one meeting: 'Sinh hoạt định kỳ' over 03/01/2025) holding marks, or that
    is one meeting (its date on a title line) with a status column of marks; the detected kind otherwise.
    `legend` gives the file's legend ({mark: meaning}), looked for only when a dated column needs it."""
    if kind != "roster" or grid.size == 0:
        return kind
    dates = [index for index, label in enumerate(table.labels)
             if match_field(label, attendance.FIELDS) == "date" and match_field(label, roster.FIELDS) is None]
    body = grid[table.body_start:min(table.body_end, table.body_start + SAMPLE_ROWS)]
    ends = [row for row, cells in enumerate(body) if is_stop_text(next((c for c in cells if not is_blank(c)), None))]
    body = body[:ends[0]] if ends else body  # the totals line and signatures under it are no marks
    dated = [index for index, day in enumerate(table.dates or ()) if day and index < body.shape[1]]
    legend_marks = cache(lambda: marks_table(legend())) if legend is not None else None
    marks = legend_marks() if dated and legend_marks else None
    if any(status_like(list(body[:, index]), marks) for index in dated):
        return "attendance"
    one_meeting = not dates and meeting_date_in_titles(table.title_text) is not None
    for index, label in enumerate(table.labels):
        if index in dates or index >= body.shape[1] or match_field(label, roster.FIELDS) in ("full_name", "role"):
            continue
        if not dates and not (one_meeting and match_field(label, attendance.FIELDS) == "status"):
            continue  # no date column: only a sheet of one meeting ('Thời gian: … ngày …') with a status column
        if status_like(list(body[:, index])) or (one_meeting and legend_marks
                                                   and status_like(list(body[:, index]), legend_marks())):
            return "attendance"  # marks of the usual kinds, or words the file's legend explains ("Có", "Phép")
    if not dates and _sign_in_sheet(table, body):
        return "attendance"
    return kind


def _sign_in_sheet(table, body) -> bool:
    """One meeting's sign-in sheet (``importers.sign_marks``): a date line above the table (read or not: an unread
    one refuses the sheet later, by name), a column of signatures and a remark column beside it."""
    if meeting_date_in_titles(table.title_text) is None and unread_date_line(table.title_text) is None:
        return False
    if not any(match_field(label, attendance.FIELDS) == "note" for label in table.labels):
        return False
    return any(is_sign_header(label) and index < body.shape[1] and signs_only(list(body[:, index]))
               for index, label in enumerate(table.labels))
