"""Meeting dates written month first in a header ('1/15/2025', '2/14/2025': a Google Sheets or Excel export set to
the US locale). A Vietnamese sheet writes day/month/year, and that stays the reading of a header whose dates read
either way ('3/4/2025'). The header is read month/day/year, all of it, when a line of the sheet declares that order
("Ngày họp ghi theo tháng/ngày/năm", "mm/dd/yyyy") or when some of its dates can only be month/day ('1/15/2025': 15
is no month). A header whose dates need both readings, or whose dates contradict the order a line declares, is
refused naming the cells: a date read the wrong way would be a silent wrong meeting.

A column of dates whose own header declares the order ('Ngày sinh (MM/DD/YYYY)', '(tháng/ngày/năm)', 'mm/dd/yy':
a party-member software's export) is read in that order, with the same declared-order words."""

import datetime as dt
import re
from typing import Any

from .date_words import without_remark
from .errors import ImportFileError
from .mapping import column_letter
from .normalising import fold, normalise_date, numeric_date_parts
from .results import Table
from .validating import cell_ref

# folded: 'tháng/ngày/năm', 'mm/dd/yyyy', 'm/d/yy', 'month/day/year'; 'ngày/tháng/năm' only with its separators,
# as a signature line folds to the same words ('ngày … tháng … năm 2025')
_MONTH_FIRST = re.compile(r"\b(?:thang ngay(?: nam)?|mm dd(?: yy(?:yy)?)?|m d yy(?:yy)?|month day(?: year)?)\b")
_DAY_FIRST = re.compile(r"ngày\s*[/\-]\s*tháng|\bdd\s*[/\-]\s*mm\b|\bd\s*[/\-]\s*m\s*[/\-]\s*y", re.IGNORECASE)
NOTE_SCAN_ROWS = 30

MIXED = ("Trang «{sheet}»: các ngày họp ở dòng tiêu đề cột ghi lẫn hai cách — {month_first} chỉ đọc được theo "
         "tháng/ngày/năm, {day_first} chỉ đọc được theo ngày/tháng/năm — nên không biết đọc các ngày khác thế nào; "
         "hãy ghi mọi ngày cùng một cách rồi nhập lại.")
DISAGREE = ("Trang «{sheet}»: dòng «{line}» nói ngày ghi theo {declared}, nhưng {cells} chỉ đọc được theo {other} — "
            "hãy sửa lại ngày hoặc dòng ghi chú rồi nhập lại.")
TURNED = ("Các ngày họp ở dòng tiêu đề cột ghi theo tháng/ngày/năm (như {example}): đã đọc mọi ngày của dòng này theo "
          "cách đó, kể cả {ambiguous}; xin kiểm tra lại.")
NO_SUCH_DATE = ("Trang «{sheet}»: các ngày họp ở dòng tiêu đề cột ghi theo tháng/ngày/năm, nhưng {cells} không phải "
                "ngày có thật — hãy sửa lại rồi nhập lại.")
NOT_MONTH_FIRST = "không hợp lệ: tiêu đề cột ghi ngày theo tháng/ngày/năm, đọc theo cách đó thì không phải ngày có thật"
ORDER_WORDS = {"mdy": "tháng/ngày/năm", "dmy": "ngày/tháng/năm"}


def _parts(cell: Any) -> tuple[int, int, int] | None:
    """(first, second, year) of a header text date such as '1/15/2025' or '15.01.25'."""
    cell = without_remark(cell)
    return numeric_date_parts(cell) if isinstance(cell, str) else None


def _only(first: int, second: int) -> str | None:
    """'mdy' when only month/day reads ('1/15'), 'dmy' when only day/month does ('15/1'), None for either or none."""
    if 1 <= first <= 12 < second <= 31:
        return "mdy"
    if 1 <= second <= 12 < first <= 31:
        return "dmy"
    return None


def declared_order(lines: list[str]) -> tuple[str, str] | None:
    """('mdy' | 'dmy', the line) when a line declares how dates are written; None when none does."""
    for line in lines:
        if _MONTH_FIRST.search(fold(line)):
            return "mdy", line
        if _DAY_FIRST.search(line):
            return "dmy", line
    return None


def declares_month_first(header: Any) -> bool:
    """Whether a column's own header says its dates are written month first ('Ngày sinh (MM/DD/YYYY)',
    'Ngày sinh (tháng/ngày/năm)', 'mm/dd/yy')."""
    declared = declared_order([header]) if isinstance(header, str) else None
    return bool(declared) and declared[0] == "mdy"


def column_date(value: Any, epoch_1904: bool = False, month_first: bool = False) -> tuple[Any, str | None]:
    """A date cell of a column (``normalising.normalise_date``), its text dates in numbers read month/day/year when
    the column's header declares that order; a date that is no real date that way is refused, never turned."""
    if month_first and isinstance(value, str):
        parts = numeric_date_parts(value)
        if parts:
            month, day, year = parts
            try:
                return dt.date(year, month, day), None
            except ValueError:
                return None, NOT_MONTH_FIRST
    return normalise_date(value, epoch_1904)


def _lines(rows: list[list[Any]], table: Table) -> list[str]:
    """The text of the lines above the header and of the sheet's last rows (a note under the table)."""
    first, tail = table.header_rows[0], max(table.header_rows[-1] + 1, len(rows) - NOTE_SCAN_ROWS)
    return [cell for row in rows[:first] + rows[tail:] for cell in row if isinstance(cell, str) and cell.strip()]


def _shown(cells: list[tuple[int, int, Any]]) -> str:
    listed = ", ".join(f"«{value}» ({cell_ref(None, row + 1, column_letter(col))})" for row, col, value in cells[:4])
    return listed + ("…" if len(cells) > 4 else "")


def read_header_date_order(table: Table, rows: list[list[Any]], sheet: str | None) -> list[str]:
    """Date the header's text dates month/day/year where the sheet says so or its dates show it (`table.dates`
    set in place); refuse a header that mixes both readings or contradicts its note. The warnings to show."""
    found = {}  # column -> (row, value, parts): the header row holding the column's text date
    for row in table.header_rows:
        for col, value in enumerate(rows[row] if row < len(rows) else []):
            parts = _parts(value)
            if parts and col not in found:
                found[col] = (row, value, parts)
    if not found:
        return []
    only = {order: [(row, col, value) for col, (row, value, parts) in found.items() if _only(*parts[:2]) == order]
            for order in ORDER_WORDS}
    if only["mdy"] and only["dmy"]:
        raise ImportFileError(MIXED.format(sheet=sheet, month_first=_shown(only["mdy"]),
                                           day_first=_shown(only["dmy"])))
    declared = declared_order(_lines(rows, table))
    if declared:
        order, line = declared
        other = "dmy" if order == "mdy" else "mdy"
        if only[other]:
            raise ImportFileError(DISAGREE.format(sheet=sheet, line=line.strip(), declared=ORDER_WORDS[order],
                                                  cells=_shown(only[other]), other=ORDER_WORDS[other]))
    order = declared[0] if declared else "mdy" if only["mdy"] else "dmy"
    if order == "dmy":
        return []
    table.dates = list(table.dates) + [None] * (len(table.labels) - len(table.dates))
    impossible = []
    for col, (row, value, (month, day, year)) in found.items():
        try:
            table.dates[col] = dt.date(year, month, day).isoformat()
        except ValueError:
            impossible.append((row, col, value))
    if impossible:
        raise ImportFileError(NO_SUCH_DATE.format(sheet=sheet, cells=_shown(impossible)))
    ambiguous = [(row, col, value) for col, (row, value, parts) in found.items() if _only(*parts[:2]) is None]
    if declared or not ambiguous:
        return []
    return [TURNED.format(example=_shown(only["mdy"][:1]), ambiguous=_shown(ambiguous))]
