"""A table's header row of meeting dates under a row of labels that also labels some of its columns: 'TT | Họ và tên
đảng viên | Quý I | | Quý II | … | Quý IV | | Ghi chú' over '| | 16/1 | 14/3 | … | Lần 1 | Lần 2' ('Lần 1' under
'Quý IV'). A person's row also fills a column the rows above label (its name under 'Họ và tên'), so the rows are
told apart by the name column: a header's dates row leaves it blank or repeats a header word there ('Họ và tên');
a person's row holds the name. Only then may the dates row hold labels under the labelled columns, which makes a
second table's header on the same sheet ('CHI BỘ THÔN NẬM PUNG' over its own 'Quý I' … over '8/2 | 22/3 | …') a new
header for the rows below it instead of a person's row with marks '8/2', '22/3' (``importers.period_tables``)."""

from typing import Any

from .kinds import attendance
from .mapping import match_field
from .normalising import is_blank


def name_columns(rows: list[list[Any]], top: int, bottom: int) -> set[int]:
    """Columns a label on the rows from `top` to before `bottom` names as the person's name ('Họ và tên')."""
    return {column for row in rows[top:bottom] for column, cell in enumerate(row)
            if isinstance(cell, str) and match_field(cell, attendance.FIELDS) == "full_name"}


def leaves_names_out(rows: list[list[Any]], top: int, row: int) -> bool:
    """Whether the dates row `row` holds no person's name under the name column(s) the rows above it label: each
    such cell blank or a header word naming the names."""
    columns = name_columns(rows, top, row)
    line = rows[row]
    return bool(columns) and all(column >= len(line) or is_blank(line[column])
                                 or (isinstance(line[column], str)
                                     and match_field(line[column], attendance.FIELDS) == "full_name")
                                 for column in columns)
