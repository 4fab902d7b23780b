"""Subtotal rows inside an attendance register: "Cộng CB Tổ dân phố 1", "Tổng cộng chi bộ …", "Tổng số" with
the number present under each meeting. They sit between the people (one after each unit), so they are skipped,
not a stop. A row is a subtotal when its name cell opens with the word «Cộng» or «Tổng» (no Vietnamese name
does), or when every filled mark cell is a count and some count is above 1 (no mark is a number above 1)."""

import numbers
import re
import unicodedata

import numpy as np
import pandas as pd

from ..normalising import is_blank

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
