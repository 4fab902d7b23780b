"""Split a table body into data rows, group sub-header rows, blank rows and the footer, column-wise."""

from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np
import pandas as pd

from ..locating import classify_special_row
from ..mapping import column_letter
from ..normalising import is_blank
from ..results import Column, Table
from ..validating import Issues

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


def _stop_mask(names: pd.Series) -> pd.Series:
    texts = names.where(names.map(type).eq(str), "")
    return texts.str.match(STOP_PATTERN, case=False, na=False)


def split_body(rows: list[list[Any]], table: Table, name_col: int, issues: Issues) -> Body:
    """Classify body rows: data rows keep going to the builders, the rest is accounted here."""
    body_rows = rows[table.body_start:table.body_end]
    width = len(table.labels)
    frame = pd.DataFrame(body_rows, dtype=object) if body_rows else pd.DataFrame(columns=range(width), dtype=object)
    frame.index = pd.RangeIndex(table.body_start + 1, table.body_start + 1 + len(frame))
    names = frame[name_col] if name_col in frame.columns else pd.Series(None, index=frame.index, dtype=object)
    blank_names = names.isna() | names.astype(str).str.strip().eq("")
    special = blank_names | _stop_mask(names)
    groups = pd.Series(None, index=frame.index, dtype=object)
    outcomes, stop_at = [], None
    for row_number in frame.index[special.to_numpy()]:
        kind, heading = classify_special_row(body_rows[row_number - table.body_start - 1])
        if kind == "stop":
            stop_at = row_number
            break
        if kind == "group":
            groups[row_number] = heading
            outcomes.append({"row": row_number, "outcome": "skipped", "reason": "dòng tiêu đề nhóm", "record_count": 0})
        elif kind == "blank":
            outcomes.append({"row": row_number, "outcome": "skipped", "reason": "dòng trống", "record_count": 0})
        else:
            issues.error(row_number, column_letter(name_col), "full_name", None, "thiếu họ và tên, dòng bị bỏ qua")
            outcomes.append({"row": row_number, "outcome": "failed", "reason": "thiếu họ và tên", "record_count": 0})
    table.body_end = (stop_at - 1) if stop_at else table.body_start + len(frame)
    keep = ~special.to_numpy()
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


def map_unique(values: pd.Series, function: Callable[[Any], Any]) -> pd.Series:
    """Apply a plain function once per distinct value."""
    cleaned, _ = clean_unique(values, lambda value: (function(value), None))
    return cleaned


def nonblank(value: Any) -> bool:
    """Negation of is_blank, for readability in masks."""
    return not is_blank(value)
