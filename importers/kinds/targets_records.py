"""Build canonical target records column-wise from a table body (pandas, no per-cell Python loop)."""

import pandas as pd

from ..assigned_units import unit_text
from ..normalising import clean_text, fold, iso, normalise_date, normalise_number, normalise_unit_name, normalise_year
from .body import clean_unique, field_columns, map_unique
from .targets import CANONICAL, FIELDS

LABELS = {spec.name: spec.label for spec in FIELDS}
MAX_LENGTHS = {"indicator": 255, "measure_unit": 60}  # the columns of target_indicator
NO_YEAR = "không xác định được năm của chỉ tiêu (cần cột 'Năm' hoặc dòng tiêu đề có 'năm YYYY')"


class _Checks:
    """The body's columns by field, and error reporting that marks the rows it names as failed."""

    def __init__(self, body, columns, context):
        self.frame, self.by_field, self.issues = body.frame, field_columns(columns), context.issues
        self.failed = pd.Series(False, index=body.frame.index)
        self.quiet = pd.Series(False, index=body.frame.index)  # rows that are no records at all: no errors

    def column(self, field: str) -> pd.Series:
        spec = self.by_field.get(field)
        return self.frame[spec.index] if spec is not None else pd.Series(None, index=self.frame.index, dtype=object)

    def letter(self, field: str) -> str | None:
        spec = self.by_field.get(field)
        return spec.letter if spec is not None else None

    def cells(self, field: str, problems: pd.Series) -> None:
        """One error per cell with a problem: "kế hoạch '12,5a' không phải là số"."""
        raw = self.column(field)
        for row in problems.index[(problems.notna() & ~self.quiet).to_numpy()]:
            self.issues.cell_problem("error", int(row), self.letter(field), field, LABELS[field], raw[row],
                                     problems[row])
        self.failed |= problems.notna() & ~self.quiet

    def rows(self, field: str, mask: pd.Series, text) -> None:
        """One error per row in `mask`; `text` is a message or a Series of messages."""
        mask = mask.fillna(False).astype(bool) & ~self.quiet
        for row in mask.index[mask.to_numpy()]:
            message = text[row] if isinstance(text, pd.Series) else text
            self.issues.error(int(row), self.letter(field), field, None, message)
        self.failed |= mask


def build_records(body, columns, context) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    """Canonical target records (one per indicator row), record count and failure flag per Excel row.

    A row naming an indicator but no measure unit, target or actual (a section title such as "A. CHỈ TIÊU
    KINH TẾ") is skipped without errors."""
    checks = _Checks(body, columns, context)
    out = pd.DataFrame(index=body.frame.index)
    out["indicator"] = map_unique(checks.column("indicator"), clean_text)
    out["measure_unit"] = map_unique(checks.column("measure_unit"), clean_text)
    out["target"], target_problems = clean_unique(checks.column("target"), normalise_number)
    out["actual"], actual_problems = clean_unique(checks.column("actual"), normalise_number)
    checks.quiet = out[["measure_unit", "target", "actual"]].isna().all(axis=1) \
        & target_problems.isna() & actual_problems.isna()
    checks.cells("target", target_problems)
    checks.cells("actual", actual_problems)
    out["unit"] = _units(checks, body.groups)
    out["year"] = _years(checks, context.year)
    dates, date_problems = clean_unique(checks.column("measured_on"), lambda v: normalise_date(v, context.epoch_1904))
    checks.cells("measured_on", date_problems)
    out["measured_on"] = dates.map(iso, na_action="ignore")
    out["note"] = map_unique(checks.column("note"), clean_text)
    _values(checks, out, target_problems.notna(), actual_problems.notna())
    _duplicates(checks, out)
    keep = ~checks.failed & ~checks.quiet
    return out.loc[keep, list(CANONICAL)].reset_index(drop=True), keep.astype(int), checks.failed


def _unit(value):
    """A unit name in its usual spelling, without a label before it."""
    return unit_text(normalise_unit_name(value))


def _units(checks: _Checks, carried: pd.Series) -> pd.Series:
    """The unit column, else the unit sub-header above the row."""
    units = map_unique(checks.column("unit"), _unit)
    units = units.where(units.notna(), map_unique(carried, _unit))
    checks.rows("unit", units.isna(), "thiếu đơn vị (tổ chức đảng) của chỉ tiêu")
    return units


def _years(checks: _Checks, title_year: int | None) -> pd.Series:
    """The year column, else the year stated in the title."""
    years, problems = clean_unique(checks.column("year"), normalise_year)
    checks.cells("year", problems)
    years = years.where(years.notna() | problems.notna(), title_year)
    checks.rows("year", years.isna() & problems.isna(), NO_YEAR)
    return years


def _values(checks: _Checks, out: pd.DataFrame, bad_target: pd.Series, bad_actual: pd.Series) -> None:
    """Missing or out-of-range values, and texts too long for the database."""
    target = pd.to_numeric(out["target"], errors="coerce")
    actual = pd.to_numeric(out["actual"], errors="coerce")
    checks.rows("target", target.isna() & ~bad_target, "thiếu kế hoạch (giá trị chỉ tiêu năm)")
    checks.rows("target", target.le(0), "kế hoạch '" + out["target"].map(_shown) + "' phải lớn hơn 0")
    checks.rows("actual", actual.lt(0) & ~bad_actual, "thực hiện '" + out["actual"].map(_shown) + "' không được âm")
    checks.rows("measure_unit", out["measure_unit"].isna(), "thiếu đơn vị tính")
    for field, limit in MAX_LENGTHS.items():
        too_long = out[field].str.len().gt(limit)
        checks.rows(field, too_long, f"{LABELS[field]} dài quá {limit} ký tự")


def _duplicates(checks: _Checks, out: pd.DataFrame) -> None:
    """A second row for the same unit, year and indicator (spelling aside) fails, naming the first."""
    live = ~checks.failed & ~checks.quiet
    keys = map_unique(out["unit"], fold) + "|" + out["year"].map(_shown) + "|" + map_unique(out["indicator"], fold)
    rows = pd.Series(out.index, index=out.index)
    first_row = rows[live].groupby(keys[live]).transform("first").reindex(out.index)
    repeated = live & rows.ne(first_row)
    checks.rows("indicator", repeated, "chỉ tiêu trùng với dòng " + first_row.map(_shown)
                + " (cùng đơn vị, năm và tên chỉ tiêu)")


def _shown(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None or value != value else str(value)
