"""Subtotal rows inside an attendance register: "Cộng CB Tổ dân phố 1", "Tổng cộng chi bộ …", "Tổng số" with
the number present under each meeting. They sit between the people (one after each unit), so they are skipped,
not a stop. A row is a subtotal when its name cell opens with the word «Cộng» or «Tổng» (no Vietnamese name
does), or when every filled mark cell is a count and some count is above 1 (no mark is a number above 1)."""

import numbers
import re
import unicodedata

import numpy as np
import pandas as pd

from ..normalising import fold, is_blank

SKIP_REASON = "dòng cộng (số người có mặt), không phải đảng viên"
_OPENING = re.compile(r"^(?:cộng|tổng)(?:[\s:.,]|$)")  # with its tones: "Tống", "Công" are surnames
_COUNT = re.compile(r"^\d{1,4}$")


def is_subtotal_name(value) -> bool:
    """A name cell that opens a subtotal line ('Cộng CB Tổ dân phố 1', 'Tổng cộng', 'Tổng số đảng viên')."""
    return isinstance(value, str) and _OPENING.match(unicodedata.normalize("NFC", value).strip().casefold()) is not None


def _count(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _COUNT.match(value.strip()):
        return int(value.strip())
    return None


def counts_only(marks) -> bool:
    """Every filled mark cell a count, at least two of them, and one above 1."""
    filled = [value for value in marks if not is_blank(value)]
    counts = [_count(value) for value in filled]
    return len(filled) >= 2 and None not in counts and max(counts) > 1


def is_counts_line(row) -> bool:
    """A row of counts under one label, no one's name ('Số lượt có mặt | 7 | 6 | 7', 'Cộng | | 8 | 9'): one text
    cell and every other filled cell a count (`counts_only`)."""
    filled = [cell for cell in row if not is_blank(cell)]
    labels = [cell for cell in filled if isinstance(cell, str) and _count(cell) is None]
    return len(labels) == 1 and counts_only([cell for cell in filled if cell is not labels[0]])


_BLANK, _NO_COUNT, _MANY = -2, -1, 2


def _cell_count(value) -> int:
    """A mark cell for `counts_only` as a number: blank, no count, its count (any count above 1 as 2)."""
    if is_blank(value):
        return _BLANK
    count = _count(value)
    return _NO_COUNT if count is None else min(count, _MANY)


def _reads_as_flag(value) -> bool:
    """A value equal to True or False (1, 0.0, True…): told apart from the others only cell by cell, as distinct
    values are found by equality."""
    return not isinstance(value, str) and bool(value == 0 or value == 1)


def _cell_counts(marks: np.ndarray) -> np.ndarray:
    """`_cell_count` of every cell of a 2-D object array, worked out once per distinct value."""
    flat = marks.ravel()
    codes, uniques = pd.factorize(flat, use_na_sentinel=True)
    counts = np.array([_cell_count(value) for value in uniques] + [_BLANK], dtype=np.int64)[codes]
    unsure = [-1] + [code for code, value in enumerate(uniques) if _reads_as_flag(value)]  # -1: None, NaN, NaT…
    cells = np.flatnonzero(np.isin(codes, unsure))
    if len(cells):
        counts[cells] = [_cell_count(value) for value in flat[cells]]
    return counts.reshape(marks.shape)


def counts_only_rows(marks: np.ndarray) -> np.ndarray:
    """`counts_only` of each row of a 2-D object array of mark cells."""
    counts = _cell_counts(marks)
    filled = (counts != _BLANK).sum(axis=1)
    return (filled >= 2) & ~(counts == _NO_COUNT).any(axis=1) & (counts > 1).any(axis=1)


def skip_subtotals(body, name_index: int | None, mark_indexes: list[int], named_counts: bool = False) -> None:
    """Drop subtotal rows from the body, accounting each as skipped. Where numbers are marks (the day of each
    meeting, ``day_marks``: `named_counts`), a row of numbers is a subtotal only under a label not written as a
    person's name."""
    frame = body.frame
    if name_index is None or not len(frame):
        return
    codes, names = pd.factorize(frame[name_index].to_numpy(dtype=object), use_na_sentinel=True)
    hits = np.array([is_subtotal_name(value) for value in names] + [False], dtype=bool)[codes]
    if mark_indexes:
        counts = counts_only_rows(frame[mark_indexes].to_numpy(dtype=object))
        if named_counts:
            counts &= ~np.array([_written_as_name(value) for value in names] + [False], dtype=bool)[codes]
        hits |= counts
    if not hits.any():
        return
    for row in frame.index[hits]:
        body.outcomes.append({"row": int(row), "outcome": "skipped", "reason": SKIP_REASON, "record_count": 0})
    keep = ~hits
    body.frame = frame[keep]
    body.groups = body.groups[keep]
    if body.context is not None:
        body.context = body.context[keep]


def _written_as_name(value) -> bool:
    """Words each opening with a capital ('Lò Văn Thắng', 'Đ/c Mai Hoa'), as a label ('Số người dự') is not."""
    words = value.split() if isinstance(value, str) else []
    return len(words) >= 2 and all(word[:1].isupper() for word in words)


# ---- rosters: "Cộng Đoàn I: 06 đồng chí", "Cộng: 6", "Tổng cộng: 45 đ/c" -----------------------------------

TOTALS_LINE_REASON = "dòng cộng giữa bảng, không phải người"
_COUNT_WORDS = r"(?:đồng chí|đ/c|đc|người|thành viên|đảng viên|đv|ng)"
_STATED = re.compile(rf"(?::\s*0*(?P<after_colon>\d{{1,5}})(?:\s*{_COUNT_WORDS})?"
                     rf"|(?P<counted>\d{{1,5}})\s*{_COUNT_WORDS}"
                     r"|^(?:cộng|tổng cộng|tổng số|tổng)\s+(?P<bare>\d{1,5}))"
                     r"\s*\.?\s*$")


def stated_count(value) -> int | None:
    """N of a subtotal line that states how many people it counts ('Cộng Đoàn I: 06 đồng chí' -> 6, 'Cộng: 6',
    'Tổng cộng 45 đ/c'); None when it states none ('Cộng Đoàn 2': the 2 is the group's number)."""
    if not is_subtotal_name(value):
        return None
    match = _STATED.search(unicodedata.normalize("NFC", value).strip().casefold())
    if match is None:
        return None
    return int(next(group for group in match.groups() if group is not None))


def counts_everyone(value) -> bool:
    """A grand total ('Tổng cộng', 'Tổng số') counts every person above it; a 'Cộng …' line the people since the
    previous total line (one group's)."""
    return is_subtotal_name(value) and unicodedata.normalize("NFC", value).strip().casefold().startswith("tổng")


# ---- the totals line labelled in a table's first columns: "Tổng số lượt | =SUBTOTAL(103,[Họ và tên])" --------
# An Excel table's "Total row" (or a hand-made one) puts its label in the table's FIRST column, whatever that
# column is (the meeting date, the unit, STT), and a count or nothing where the names go. Read by the name column
# alone it is a person's row with a count for a name and a label for a date; it is the totals line, as a label in
# the name column is. Only the totals words make it one: a date, a unit or a name there never does.

_ENGLISH_TOTAL = re.compile(r"^(?:grand\s+|sub-?\s*)?totals?(?:[\s:.,]|$)")
_TONELESS_TOTAL = re.compile(r"^(?:tong cong|tong so)(?:\s+(?:luot|nguoi|dang vien|dong chi|d c|dc|thanh vien|dv|ng"
                             r"|co mat|\d{1,5}))*$")
# Words opening with «Tổng» or «Cộng» that total nothing: a position, a body or a community written before the
# name ("Tổng biên tập", "Cộng tác viên", "Cộng đồng …"), a summary's title ("Tổng hợp"); and the national motto
# ("CỘNG HÒA XÃ HỘI …"), no totals line either, though it ends a table as the head of the next document.
_COMPOUND = re.compile(r"^(?:tổng\s+(?:biên|thư|giám|cục|công|đội|kết|hợp|lãnh|tham|chỉ|bí|thống|quát|thể|quan|vệ"
                       r"|động|tuyển|điều|duyệt|liên|đài|tư)|cộng\s+(?:tác|đồng|sản|hưởng|sự|hợp|tồn|cư))(?:\s|$)")
_MOTTO = re.compile(r"^cộng\s+h[oò]a(?:\s|$)")


def is_compound_word(value) -> bool:
    """A text opening with a word «Tổng …» or «Cộng …» that totals nothing ('Tổng biên tập', 'Cộng tác viên')."""
    if not isinstance(value, str):
        return False
    return _COMPOUND.match(unicodedata.normalize("NFC", value).strip().casefold()) is not None


_COUNT_TEXT = re.compile(r"^\d{1,5}(?:\s+\d{1,5})?"
                         r"(?:\s*(?:luot|lan|dong chi|d c|dc|nguoi|thanh vien|dang vien|dv|ng))?$")
_FORMULA_ERROR = re.compile(r"^#(?:ref!|value!|name\?|div/0!|n/a|num!|null!|spill!|calc!)$")


def is_totals_label(value) -> bool:
    """A totals line's label: 'Tổng số lượt', 'Tổng cộng', 'Tổng', 'Cộng:', 'Tổng số: 55', 'Cộng xóm 3'
    (`is_subtotal_name`, never a position or title such as 'Tổng biên tập', 'Cộng tác viên', 'CỘNG HÒA …'), the
    two-word ones typed without tones ('Tong cong', 'TONG SO: 55'), or English ('Total', 'Grand total', 'Subtotal')."""
    if not isinstance(value, str):
        return False
    text = unicodedata.normalize("NFC", value).strip().casefold()
    if is_subtotal_name(text):
        return _COMPOUND.match(text) is None and _MOTTO.match(text) is None
    if _ENGLISH_TOTAL.match(text):
        return True
    return text.isascii() and _TONELESS_TOTAL.match(fold(text)) is not None


def holds_no_person(value) -> bool:
    """A name cell of a totals line: blank, a count (55, '55', '55 lượt', '12 đồng chí'), the text of a formula
    ('=SUBTOTAL(103,[Họ và tên])', a CSV keeps it), a formula's error ('#REF!'), or a totals label itself. A date,
    a truth value or any other text may be someone's row gone wrong, so it is none of these."""
    if is_blank(value):
        return True
    if isinstance(value, bool):
        return False
    if isinstance(value, numbers.Real):
        return True
    if not isinstance(value, str):
        return False
    text = unicodedata.normalize("NFC", value).strip()
    return (text.startswith("=") or _FORMULA_ERROR.match(text.casefold()) is not None
            or _COUNT_TEXT.match(fold(text)) is not None or is_totals_label(text))


def labelled_totals_rows(rows: np.ndarray, key_col: int) -> np.ndarray:
    """Per row of a 2-D object array (a table's body, `key_col` the name column): a totals line labelled left of
    the names — its first filled cell, in a column before `key_col`, a totals label (`is_totals_label`), and its
    name cell no person's (`holds_no_person`). Each column's distinct values are read once."""
    hits = np.zeros(len(rows), dtype=bool)
    if key_col <= 0 or not len(rows):
        return hits
    filled = np.zeros((len(rows), key_col), dtype=bool)
    labels = np.zeros((len(rows), key_col), dtype=bool)
    for col in range(key_col):
        codes, uniques = pd.factorize(rows[:, col], use_na_sentinel=True)
        filled[:, col] = np.array([not is_blank(value) for value in uniques] + [False], dtype=bool)[codes]
        labels[:, col] = np.array([is_totals_label(value) for value in uniques] + [False], dtype=bool)[codes]
    first = filled.argmax(axis=1)
    candidates = np.flatnonzero(filled.any(axis=1) & labels[np.arange(len(rows)), first])
    hits[candidates] = [holds_no_person(value) for value in rows[candidates, key_col]]
    return hits
