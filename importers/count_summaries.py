"""A summary of counts per person ("Tổng hợp": Họ và tên | Chi bộ | Số kỳ | Có mặt | Vắng có phép …, numbers only):
its header names people, but it holds no marks and no meeting dates, so no records; the sheets it sums up are the
data. Such a sheet is never chosen over a sheet of data, and is named in a warning when left aside."""

from typing import Any

from .kind_votes import SAMPLE_ROWS, status_like
from .mapping import match_field
from .normalising import is_blank, month_of_header, parse_number_text
from .results import Table

MIN_COUNT_COLUMNS = 2  # a summary counts two things at least ('Có mặt', 'Vắng'); one number column is a roster's
COUNTED = (None, "status")  # count columns are headed by no field's words, or by a status ('Có mặt', 'Đến muộn')


def _is_number(cell: Any) -> bool:
    if isinstance(cell, bool):
        return False
    if isinstance(cell, (int, float)):
        return True
    return isinstance(cell, str) and parse_number_text(cell) is not None


def is_count_summary(rows: list[list], table: Table, specs) -> bool:
    """Whether a located table lists people with counts only: a name column, no month or meeting-date column, no
    column of marks, and two columns or more of numbers under headers naming no field but a status."""
    if any(table.dates) or any(month_of_header(label, parent) for label, parent in zip(table.labels, table.parents)):
        return False
    fields = [match_field(label, specs) for label in table.labels]
    if "full_name" not in fields:
        return False
    body = rows[table.body_start:min(table.body_end, table.body_start + SAMPLE_ROWS)]  # a summary is short
    counts = 0
    for index, field in enumerate(fields):
        cells = [row[index] for row in body if index < len(row) and not is_blank(row[index])]
        if not cells or field not in COUNTED:
            continue
        if all(_is_number(cell) for cell in cells):
            counts += 1
        elif status_like(cells):
            return False
    return counts >= MIN_COUNT_COLUMNS


def summary_warning(name: str) -> str:
    """The warning naming a count summary left aside."""
    return (f"Trang \"{name}\" chỉ có số đếm theo người (trang tổng hợp), không có ký hiệu hay ngày sinh hoạt để "
            "nhập: không đọc trang này.")
