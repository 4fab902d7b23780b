"""Build canonical attendance records column-wise from a table body (pandas, no per-cell Python loop)."""

import datetime as dt

import numpy as np
import pandas as pd

from ..errors import ImportFileError
from ..honorifics import name_cleaner
from ..legends import read_mark
from ..normalising import STATUSES, clean_text, iso, normalise_date
from .body import clean_unique, factorize_cleaned, map_unique
from .carried import fill_blocks, with_context
from .attendance import CANONICAL, FIELDS

LABELS = {spec.name: spec.label for spec in FIELDS}
NO_DATE_COLUMNS = "Không tìm thấy cột ngày sinh hoạt hoặc các cột tháng (T1…T12) trong bảng điểm danh."
NO_YEAR = "không xác định được năm của các cột tháng (cần dòng tiêu đề có 'năm YYYY')"


def build_records(body, columns, context) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    """Canonical attendance records, record count and failure flag per Excel row (wide or long layout)."""
    frame, by_field = with_context(body, columns)
    frame = fill_blocks(frame, by_field, ("unit",))
    months = [column for column in columns if column.month]
    if months:
        return _wide(frame, months, by_field, context)
    if "date" in by_field and "status" in by_field:
        names = _column(frame, by_field, "full_name")
        names = map_unique(names, name_cleaner(names.to_numpy(dtype=object)))
        units = map_unique(_column(frame, by_field, "unit"), clean_text)
        return _long(frame, by_field, names, units, context)
    raise ImportFileError(NO_DATE_COLUMNS)


def _column(frame: pd.DataFrame, by_field: dict, field: str) -> pd.Series:
    spec = by_field.get(field)
    return frame[spec.index] if spec is not None else pd.Series(None, index=frame.index, dtype=object)


def _decode(values: np.ndarray, table: dict) -> tuple[np.ndarray, np.ndarray]:
    """Statuses and problems for a flat array of marks, decoding each distinct mark once."""
    codes, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
    decoded = [read_mark(mark, table) for mark in uniques]
    statuses = np.array([d[0] for d in decoded] + [None], dtype=object)
    problems = np.array([d[1] for d in decoded] + [None], dtype=object)
    return statuses[codes], problems[codes]


BLANK, UNKNOWN = -1, -2


def _status_codes(values: np.ndarray, table: dict) -> np.ndarray:
    """Index into STATUSES per mark (BLANK / UNKNOWN otherwise), decoding each distinct mark once."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    lookup = []
    for mark in uniques:
        status, problem = read_mark(mark, table)
        lookup.append(STATUSES.index(status) if status else UNKNOWN if problem else BLANK)
    return np.array(lookup + [BLANK], dtype=np.int8)[codes]


def _categorical(values: np.ndarray, clean, repeat: int, keep: np.ndarray) -> pd.Categorical:
    """Cleaned per-row values repeated for each month cell and kept where a mark exists, as codes not strings."""
    codes, categories = factorize_cleaned(values, clean)
    return pd.Categorical.from_codes(np.repeat(codes, repeat)[keep], categories=categories)


def _wide(frame, months, by_field, context):
    """Unpivot person x month marks (row-major, like a melt ordered by row) without a Python loop over cells."""
    n_rows, n_months = len(frame), len(months)
    rows = frame.index.to_numpy()
    if context.year is None and not all(m.day for m in months):
        for row in rows:
            context.issues.error(int(row), None, "date", None, NO_YEAR)
        return _empty(), pd.Series(0, index=frame.index), pd.Series(True, index=frame.index)
    marks = frame[[m.index for m in months]].to_numpy(dtype=object).ravel()
    codes = _status_codes(marks, context.marks)
    keep, bad = codes >= 0, codes == UNKNOWN
    for position in np.flatnonzero(bad):
        row, month = divmod(int(position), n_months)
        context.issues.cell_problem("error", int(rows[row]), months[month].letter, "status", LABELS["status"],
                                    marks[position], "ký hiệu điểm danh không rõ")
    names = _column(frame, by_field, "full_name").to_numpy(dtype=object)
    month_codes, month_dates = pd.factorize(
        np.array([m.day or dt.date(context.year, m.month, 1).isoformat() for m in months], dtype=object))
    records = pd.DataFrame({
        "full_name": _categorical(names, name_cleaner(names), n_months, keep),
        "date": pd.Categorical.from_codes(np.tile(month_codes, n_rows)[keep], categories=month_dates),
        "status": pd.Categorical.from_codes(codes[keep], categories=list(STATUSES)),
        "unit": _categorical(_column(frame, by_field, "unit").to_numpy(dtype=object), clean_text, n_months, keep),
    })
    counts = pd.Series(keep.reshape(n_rows, n_months).sum(axis=1), index=frame.index)
    failed = pd.Series(bad.reshape(n_rows, n_months).any(axis=1), index=frame.index)
    return records, counts, failed


def _long(frame, by_field, names, units, context):
    """One record per row: meeting date and mark in their own columns."""
    issues = context.issues
    raw_dates, raw_marks = _column(frame, by_field, "date"), _column(frame, by_field, "status")
    dates, date_problems = clean_unique(raw_dates, lambda v: normalise_date(v, context.epoch_1904))
    statuses, mark_problems = _decode(raw_marks.to_numpy(dtype=object), context.marks)
    statuses = pd.Series(statuses, index=frame.index)
    mark_problems = pd.Series(mark_problems, index=frame.index)
    missing_date = dates.isna() & date_problems.isna() & statuses.notna()
    for row in frame.index[date_problems.notna().to_numpy()]:
        issues.cell_problem("error", int(row), by_field["date"].letter, "date", LABELS["date"], raw_dates[row],
                            date_problems[row])
    for row in frame.index[missing_date.to_numpy()]:
        issues.error(int(row), by_field["date"].letter, "date", None, "thiếu ngày sinh hoạt")
    for row in frame.index[mark_problems.notna().to_numpy()]:
        issues.cell_problem("error", int(row), by_field["status"].letter, "status", LABELS["status"], raw_marks[row],
                            mark_problems[row])
    failed = date_problems.notna() | missing_date | mark_problems.notna()
    keep = ~failed & statuses.notna()
    records = pd.DataFrame({"full_name": names, "date": dates.map(iso, na_action="ignore"), "status": statuses,
                            "unit": units})[keep].reset_index(drop=True)
    return records, keep.astype(int), failed


def _empty() -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=object) for name in CANONICAL})
