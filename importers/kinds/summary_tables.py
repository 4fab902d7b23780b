"""A summary table of counts under the people ("BẢNG TỔNG HỢP SỐ LƯỢNG THÀNH VIÊN" over "Đoàn | Số thành viên |
Trong đó: Trưởng, Phó đoàn" over "Đoàn số 1 | 6 | 2" … "Cộng | 24 | 9"): it counts the people listed above per group,
unit or role, it lists nobody, so it ends the data as a totals line or a signature block does. Read by the
table's header its rows would be persons named "Đoàn số 1" born on the 6th of January 1900.

A summary is a run of rows at the end of the body: perhaps a title line ("TỔNG HỢP", "THỐNG KÊ", "SỐ LƯỢNG"),
perhaps its own header of labels with a count among them ("Số thành viên", "Số lượng", "Tổng số", "Số ĐV") and no
name column, then rows of one label and numbers only. Without a title or a header, the rows must name groups or
units ("Đoàn số 1 | 6", "Chi bộ Thôn 2 | 14 | 3"). Below the run only blank lines, totals, notes or the closing
block may follow: a next block of persons under its own header or title keeps the rows read as today (warned
there), it is no summary at the end. Only kinds keyed by a person's name look for one (a targets sheet's rows are
labels and numbers)."""

import re
from dataclasses import dataclass
from typing import Any

from ..context import read_context
from ..locating import is_stop_text
from ..normalising import fold, is_blank, parse_number_text
from ..signature_titles import is_closing_text, is_signature_row
from .subtotals import is_totals_label

REASON = "bảng tổng hợp số lượng dưới danh sách, không phải người"
# "BẢNG TỔNG HỢP SỐ LƯỢNG THÀNH VIÊN", "II. THỐNG KÊ SỐ LƯỢNG", "Số lượng thành viên các đoàn:" (folded)
_TITLE = re.compile(r"^(?:[ivx\d]{1,4}\s*[.)/-]?\s*)?(?:bang\s+|bieu\s+)?(?:tong hop|thong ke|so luong)\b")
# a header naming a count: "Số thành viên", "Số lượng", "Tổng số", "Số ĐV", "SL", "Trong đó: …" (folded)
_COUNT_LABEL = re.compile(
    r"^(?:tong so|tong cong|tong|so luong|sl|trong do|so (?:thanh vien|dang vien|dv|nguoi|dong chi|d c|dc|doan vien"
    r"|hoi vien|can bo|tv|buoi|luot|lan|ky|chi bo|doan|to|nam|nu))\b")
_PLACE_DATE = re.compile(r"\bngay\b.*\bthang\b.*\bnam\b")  # "Tân Cảng Bắc, ngày 21 tháng 7 năm 2025" (folded)
_INDEX = re.compile(r"^\(?\d{1,3}[.)]?\)?$|^[ivx]{1,4}[.)]?$")  # the row's own TT before its label


@dataclass
class Summary:
    """Where a summary starts in the body (0-based position) and the positions of its rows."""

    start: int
    rows: list[int]


def _filled(row) -> list[Any]:
    return [cell for cell in row if not is_blank(cell)]


def _is_number(cell: Any) -> bool:
    if isinstance(cell, bool):
        return False
    if isinstance(cell, (int, float)):
        return True
    if not isinstance(cell, str):
        return False
    text = cell.strip()
    return text.startswith("=") or parse_number_text(text) is not None or text in ("-", "–")


def is_summary_title(row) -> bool:
    """A line holding only a summary's title ("BẢNG TỔNG HỢP SỐ LƯỢNG THÀNH VIÊN"), merged or not."""
    filled = _filled(row)
    return len(set(filled)) == 1 and isinstance(filled[0], str) and _TITLE.match(fold(filled[0])) is not None


def is_count_header(row, name_labels: set[str]) -> bool:
    """A summary's own header: two labels or more, text only, one naming a count, none the table's name column."""
    filled = _filled(row)
    if len(filled) < 2 or not all(isinstance(cell, str) for cell in filled):
        return False
    folded = [fold(cell) for cell in filled]
    return any(_COUNT_LABEL.match(text) for text in folded) and not any(text in name_labels for text in folded)


def _is_index(cell: Any) -> bool:
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, int) and not isinstance(cell, bool):
        return 0 < cell < 1000
    return isinstance(cell, str) and _INDEX.match(cell.strip().lower()) is not None


def count_label(row) -> str | None:
    """The label of a row of counts ("Đoàn số 1 | 6 | 2", "1 | Chi bộ Thôn 2 | 14"): one text (after the row's
    own number, perhaps) and numbers only beside it, one at least; else None."""
    filled = _filled(row)
    if len(filled) > 2 and _is_index(filled[0]) and isinstance(filled[1], str) and not _is_number(filled[1]):
        filled = filled[1:]
    if len(filled) < 2 or not isinstance(filled[0], str) or _is_number(filled[0]):
        return None
    return filled[0] if all(_is_number(cell) for cell in filled[1:]) else None


def _names_group_or_unit(label: str) -> bool:
    found = read_context(label) or {}
    return "group" in found or "unit" in found or is_totals_label(label)


def _ends(row) -> bool:
    """A row that may follow a summary: totals, a note, a legend, the place and date over the signatures, a signer's
    title or the closing block."""
    filled = _filled(row)
    texts = [cell for cell in filled if isinstance(cell, str)]
    if not texts:
        return False
    return is_stop_text(texts[0]) or is_closing_text(texts[0]) or is_signature_row(filled) \
        or (len(filled) == 1 and _PLACE_DATE.search(fold(texts[0])) is not None)


def find_summary(rows, name_labels: set[str]) -> Summary | None:
    """The summary at the end of a body's rows (module docstring), or None. `name_labels`: the folded labels of
    the name column, which no summary's header holds. Only the rows under the last person's are looked at (a long
    register's body is read once, from below), and a run of rows of counts is tried from its first row only."""
    first = _tail(rows, name_labels)
    seen_person, counted_above = first > 0, False
    for start in range(first, len(rows)):
        filled = _filled(rows[start])
        if not filled:
            continue
        counted = count_label(rows[start]) is not None
        if seen_person and not (counted and counted_above):
            found = _summary_at(rows, start, name_labels)
            if found is not None:
                return found
        seen_person, counted_above = seen_person or len(filled) > 1, counted
    return None


def _tail(rows, name_labels: set[str]) -> int:
    """Where the rows a summary and what follows it may be start: walking up from the end past blank lines, lone
    texts, rows of counts, summary headers and the rows that end a table, up to the first other row."""
    at = len(rows)
    while at > 0:
        row = rows[at - 1]
        filled = _filled(row)
        if filled and len(set(filled)) > 1 and count_label(row) is None and not is_count_header(row, name_labels) \
                and not _ends(row):
            break
        at -= 1
    return at


def _next(rows, at: int) -> int:
    while at < len(rows) and not _filled(rows[at]):
        at += 1
    return at


def _summary_at(rows, start: int, name_labels: set[str]) -> Summary | None:
    at, taken, titled = start, [], False
    if is_summary_title(rows[at]):
        taken.append(at)
        titled, at = True, _next(rows, at + 1)
    if at < len(rows) and is_count_header(rows[at], name_labels):
        taken.append(at)
        titled, at = True, _next(rows, at + 1)
    labels = []
    while at < len(rows) and (label := count_label(rows[at])) is not None:
        labels.append(label)
        taken.append(at)
        at += 1
    if not labels or (not titled and (len(labels) < 2 or not all(_names_group_or_unit(text) for text in labels))):
        return None
    after = _next(rows, at)
    if after < len(rows) and not _ends(rows[after]):
        return None  # people or another block follow: no summary at the end
    if after < len(rows) and is_totals_label(next(cell for cell in _filled(rows[after]) if isinstance(cell, str))):
        taken.append(after)  # the summary's own total ("Cộng: 24")
    return Summary(start, taken)
