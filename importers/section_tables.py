"""A second table on a register's sheet under a section title, with a header of its own shape: 'I. SINH HOẠT THƯỜNG
KỲ' over 'STT | Họ và tên | Chi bộ | Năm 2025' merged over 'Tháng 7' … 'Tháng 12', then 'II. SINH HOẠT CHUYÊN ĐỀ
(THEO QUÝ)' over a one-row header 'STT | Họ và tên | Chi bộ | Chuyên đề quý III (ngày 20/9/2025) | Chuyên đề quý IV
(ngày 18/12/2025) | Ghi chú'. Its rows are read under its own header: its meeting columns are its own meetings (by
month, by date, by a meeting's kind and date, ``importers.meeting_kinds``, or a meeting named with its full date,
``importers.named_meetings``), and each other column is read as the field its label names, wherever the first table
has that field's column (a 'Ghi chú' there is a note, even where the first table's 'Tháng 9' stands).

Such a header is taken only with its section title right above it (a lone text line, blanks between) and a label
naming the person's name; every cell of it is a label (a person's row holds a number or a name under a column a
header labels). ``importers.period_tables`` does the rewriting, as it does for later tables of the first one's
shape."""

import datetime as dt
from typing import Any

from .date_words import month_and_year, read_meeting_date
from .kinds import attendance
from .mapping import match_field
from .meeting_kinds import read_kind_date
from .named_meetings import has_full_date
from .normalising import fold, is_blank

TITLE_LINES = 3
ANY_YEAR = 2000
Period = tuple[str, object]


def section_period(cell: Any) -> Period | None:
    """The meeting or month a section table's header cell names: a month ('Tháng 7', 'T7'), a date ('20/9',
    '20/09/2025', a date cell), a meeting's kind and date ('CĐ 19/9', 'Chuyên đề quý III (ngày 20/9/2025)') or a
    meeting named with its full date ('Giao ban quý III (ngày 25/9/2025)')."""
    if isinstance(cell, dt.date):
        return "day", cell.isoformat()[:10]
    if not isinstance(cell, str) or not cell.strip():
        return None
    month = month_and_year(cell)
    if month:
        return "month", month[0]
    if read_meeting_date(cell, year=ANY_YEAR).date or read_kind_date(cell) or has_full_date(cell):
        return "day", fold(cell)
    return None


def section_periods(row: list[Any]) -> dict[int, Period]:
    """Column -> period of each header cell of a row naming one, each named once; {} when one is named twice."""
    found = {index: period for index, cell in enumerate(row) if (period := section_period(cell))}
    return found if len(set(found.values())) == len(found) else {}


def labels_only(rows: list[list[Any]], top: int, bottom: int) -> bool:
    """Whether the rows from `top` to `bottom` hold labels only: text or date cells, no number (a person's STT)."""
    return all(isinstance(cell, (str, dt.date)) for row in rows[top:bottom + 1] for cell in row if not is_blank(cell))


def names_people(labels: dict[tuple[int, int], str], rows: list[list[Any]], top: int) -> bool:
    """Whether one of the header's labels heads the names."""
    return any(match_field(rows[top + offset][column], attendance.FIELDS) == "full_name"
               for offset, column in labels)


def under_section_title(rows: list[list[Any]], top: int) -> bool:
    """Whether a lone text line (a section's title, 'II. SINH HOẠT CHUYÊN ĐỀ') stands right above the header,
    blank rows between."""
    for index in range(top - 1, max(-1, top - 1 - TITLE_LINES), -1):
        filled = [cell for cell in rows[index] if not is_blank(cell)]
        if not filled:
            continue
        return len(filled) == 1 and isinstance(filled[0], str) and not filled[0].strip().isdigit()
    return False


def label_targets(first: dict[int, Any], own: dict[int, Any]) -> dict[int, int | None]:
    """Per labelled column of the section's header (`own`: column -> label), the first table's column reading the
    same field (`first`: column -> label), or None when the first table has none (a column to add)."""
    fields = {}
    for column, label in first.items():
        name = match_field(label, attendance.FIELDS)
        if name:
            fields.setdefault(name, column)
    targets = {}
    for column, label in own.items():
        name = match_field(label, attendance.FIELDS)
        same = column in first and fold(first[column]) == fold(label)
        targets[column] = fields.get(name) if name else (column if same else None)
    return targets
