"""Split a table body into data rows, group sub-header rows, blank rows and the footer, column-wise."""

import re
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np
import pandas as pd

from ..locating import classify_special_row
from ..mapping import column_letter
from ..normalising import is_blank
from ..results import Column, Table
from ..validating import Issues
from . import RowRules

STOP_PATTERN = r"^\s*(?:tổng cộng|tổng số|cộng:|người lập|t/m|xác nhận|ghi chú\s*:|thủ trưởng|ký tên)"


@dataclass
class Body:
    """Data rows of a table (index = Excel row number) and the accounting of the other rows."""

    frame: pd.DataFrame
    groups: pd.Series
    outcomes: list[dict] = field(default_factory=list)


def field_columns(columns: list[Column]) -> dict[str, Column]:
    """Field name -> column for mapped, non-month columns."""
    return {column.field: column for column in columns if column.field and not column.month}


_STOP = re.compile(STOP_PATTERN, re.IGNORECASE)


_ODD_LINE = re.compile(STOP_PATTERN.replace(r"^\s*", r"^[^\S\n]*", 1) + r"|^[^\S\n]+$",
                       re.IGNORECASE | re.MULTILINE)


def _special_mask(names: np.ndarray) -> np.ndarray:
    """Rows whose name cell is blank, whitespace, or footer text such as 'Tổng cộng' / 'Người lập biểu'.

    The name column is joined into one text and scanned once; only the few hits are mapped back to rows.
    """
    blank = pd.isna(names) | np.equal(names, "")
    texts = np.where(blank, "", names)
    try:
        joined = "\n".join(texts)
    except TypeError:  # numbers or dates in the name column
        joined = "\n".join(v if v.__class__ is str else "" for v in texts)
    if joined.count("\n") != max(len(names) - 1, 0):  # a name with a line break: fall back to per cell
        odd = [v.__class__ is str and (_STOP.match(v) is not None or v.isspace()) for v in texts]
        return blank | np.array(odd, dtype=bool)
    for match in _ODD_LINE.finditer(joined):
        blank[joined.count("\n", 0, match.start())] = True
    return blank


def _heading_mask(keys: np.ndarray, is_heading: Callable[[Any], bool]) -> np.ndarray:
    """Rows whose key cell holds sub-header text, testing each distinct value once."""
    codes, uniques = pd.factorize(pd.Series(keys, dtype=object), use_na_sentinel=True)
    hits = np.array([bool(is_heading(value)) for value in uniques] + [False], dtype=bool)
    return hits[codes]


def split_body(grid: np.ndarray, table: Table, key_col: int, issues: Issues, rules: RowRules) -> Body:
    """Classify body rows: data rows keep going to the builders, the rest is accounted here.

    A row is looked at here when its key cell is blank or footer text, or (with `rules.heading_in_key`) holds
    sub-header text; such a row stays a data row unless it really is a sub-header (nothing else in it)."""
    body_rows = grid[table.body_start:table.body_end]
    frame = pd.DataFrame(body_rows, columns=range(grid.shape[1]), dtype=object, copy=False)
    frame.index = pd.RangeIndex(table.body_start + 1, table.body_start + 1 + len(frame))
    keys = body_rows[:, key_col]
    special = _special_mask(keys)
    maybe_heading = _heading_mask(keys, rules.is_heading) & ~special if rules.heading_in_key else None
    if maybe_heading is not None:
        special = special | maybe_heading
    groups = pd.Series(None, index=frame.index, dtype=object)
    outcomes, stop_at, data = [], None, []
    for position in np.flatnonzero(special):
        row_number = int(frame.index[position])
        kind, heading = classify_special_row(list(body_rows[position]), rules.is_heading)
        if maybe_heading is not None and maybe_heading[position] and kind != "group":
            data.append(position)  # an indicator that merely starts like a unit name
            continue
        if kind == "stop":
            stop_at = row_number
            break
        if kind == "group":
            groups[row_number] = heading
            outcomes.append({"row": row_number, "outcome": "skipped", "reason": "dòng tiêu đề nhóm", "record_count": 0})
        elif kind == "blank":
            outcomes.append({"row": row_number, "outcome": "skipped", "reason": "dòng trống", "record_count": 0})
        else:
            issues.error(row_number, column_letter(key_col), rules.key, None, f"thiếu {rules.key_label}, dòng bị bỏ qua")
            outcomes.append({"row": row_number, "outcome": "failed", "reason": f"thiếu {rules.key_label}",
                             "record_count": 0})
    special[data] = False
    table.body_end = (stop_at - 1) if stop_at else table.body_start + len(frame)
    keep = ~special
    if stop_at:
        keep &= (frame.index < stop_at)
    groups = groups.ffill()
    return Body(frame=frame[keep], groups=groups[keep], outcomes=outcomes)


def clean_unique(values: pd.Series, cleaner: Callable[[Any], tuple]) -> tuple[pd.Series, pd.Series]:
    """Apply a (value, problem) cleaner once per distinct value; returns (values, problems) aligned to input."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    results = [cleaner(value) for value in uniques]
    cleaned = np.array([r[0] for r in results] + [None], dtype=object)
    problems = np.array([r[1] for r in results] + [None], dtype=object)
    return (pd.Series(cleaned[codes], index=values.index, dtype=object),
            pd.Series(problems[codes], index=values.index, dtype=object))


def factorize_cleaned(values: np.ndarray, function: Callable[[Any], Any]) -> tuple[np.ndarray, pd.Index]:
    """Codes and categories of the cleaned values, cleaning each distinct raw value once (-1 for missing)."""
    raw_codes, raw_uniques = pd.factorize(values, use_na_sentinel=True)
    clean_codes, categories = pd.factorize(np.array([function(v) for v in raw_uniques] + [None], dtype=object),
                                           use_na_sentinel=True)
    return clean_codes[raw_codes], categories


def map_unique(values: pd.Series, function: Callable[[Any], Any]) -> pd.Series:
    """Apply a plain function once per distinct value."""
    cleaned, _ = clean_unique(values, lambda value: (function(value), None))
    return cleaned


def nonblank(value: Any) -> bool:
    """Negation of is_blank, for readability in masks."""
    return not is_blank(value)
