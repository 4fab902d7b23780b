"""Columns without a header whose cells are context text: a "ĐOÀN CÔNG TÁC SỐ 1" or "Chi bộ …" cell merged down
over its block of rows (the header cell above it left blank) sets those rows' facts like a context row.

A column whose header names something else is left alone even when its cells read as units: "Chi bộ sinh hoạt"
in a roster is the member's own cell, not the unit the group is assigned to."""

import numpy as np
import pandas as pd

from ..context import FIELDS, read_context
from ..results import Column

MAX_DISTINCT = 200  # a context column repeats a few headings; more distinct values mean another kind of column


def _column_facts(values: pd.Series) -> dict[str, np.ndarray] | None:
    """Per row, the facts of the column's cell (or of the nearest filled cell above); None unless every
    distinct filled value reads as context."""
    codes, uniques = pd.factorize(values.replace("", None), use_na_sentinel=True)
    if not len(uniques) or len(uniques) > MAX_DISTINCT:
        return None
    facts = [read_context(value) for value in uniques]
    if not all(facts):
        return None
    marks = np.where(codes >= 0, np.arange(len(codes)), -1)
    source = np.maximum.accumulate(marks)
    row_codes = np.where(source >= 0, codes[np.maximum(source, 0)], -1)
    out = {}
    for field in FIELDS:
        per_value = np.array([found.get(field) for found in facts] + [None], dtype=object)
        if any(value is not None for value in per_value):
            out[field] = per_value[row_codes]
    return out


def column_context(frame: pd.DataFrame, columns: list[Column], carried: pd.DataFrame | None) -> pd.DataFrame | None:
    """The carried facts with those of context columns laid over them (a row's own cell beats a heading above)."""
    for column in columns:
        if column.field is not None or column.header or column.month or column.index not in frame.columns:
            continue
        found = _column_facts(frame[column.index])
        if not found:
            continue
        carried = carried.copy() if carried is not None else pd.DataFrame(index=frame.index, dtype=object)
        for field, values in found.items():
            mine = pd.Series(values, index=frame.index, dtype=object)
            carried[field] = mine.where(mine.notna(), carried[field]) if field in carried.columns else mine
    return carried


def reads_as_context(values: pd.Series) -> bool:
    """True when a column without a header is read as context (its data is used, not ignored)."""
    return _column_facts(values) is not None
