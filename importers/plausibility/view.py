"""What the plausibility checks look at for one sheet: its records, where each came from, its table and cells."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from ..results import Column, Table
from .findings import cells, place, warning


@dataclass
class SheetView:
    """One parsed sheet: `records` (canonical frame, any index) came from Excel rows `counts.index`, `counts[row]`
    records each, in order; `rows` is the sheet's raw grid (before corrections), `data` the body's data rows."""

    sheet: str | None
    kind: str
    table: Table
    columns: list[Column]
    records: pd.DataFrame
    counts: pd.Series
    data: pd.DataFrame
    rows: list[list[Any]]
    year: int | None = None
    today: date | None = None
    marks: dict = field(default_factory=dict)
    legend: dict = field(default_factory=dict)  # the marks the file's legend (or the officer) explains

    def __post_init__(self):
        self.by_field = {c.field: c for c in self.columns if c.field and not c.month}
        rows = np.repeat(self.counts.index.to_numpy(), self.counts.to_numpy().astype(np.int64))
        self.record_rows = rows if len(rows) == len(self.records) else None

    def letter(self, field_name: str) -> str | None:
        column = self.by_field.get(field_name)
        return column.letter if column is not None and column.index >= 0 else None

    def header(self, field_name: str) -> str | None:
        column = self.by_field.get(field_name)
        return column.header if column is not None else None

    def report(self, field_name: str, positions: np.ndarray, values: np.ndarray, text: str, severity: int,
               letters: np.ndarray | None = None) -> list[dict]:
        """One warning for the records at `positions` (their values given): '<place>: <count> <text> (<cells>)';
        a row counted once however many of its records are hit."""
        if not len(positions):
            return []
        letter = self.letter(field_name)
        if self.record_rows is None:
            rows, shown = [], values
        else:
            rows_hit = self.record_rows[positions]
            _, first = np.unique(rows_hit, return_index=True)
            first.sort()
            rows, shown = rows_hit[first].tolist(), values[first]
            if letters is not None:
                letters = letters[first]
        count = len(rows) or len(positions)
        examples = _examples(letter, rows, shown, letters)
        message = f"{place(self.sheet, letter, self.header(field_name))}: {count} {text}"
        message += f" ({examples})" if examples else ""
        return [warning(self.sheet, rows[0] if rows else None, letter, field_name, shown[0], message, severity)]


def _examples(letter, rows, values, letters) -> str:
    if not rows:
        return ", ".join(f"«{v}»" for v in list(dict.fromkeys(map(str, values)))[:3])
    if letters is None:
        return cells(letter, rows, values)
    return ", ".join(f"{column}{row} «{value}»" for column, row, value in zip(letters[:3], rows[:3], values[:3])) \
        + ("…" if len(rows) > 3 else "")


def codes_of(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Codes (-1 for missing) and distinct values of a column, categorical or not."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values.cat.codes.to_numpy(), np.asarray(values.cat.categories, dtype=object)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return codes, np.asarray(uniques, dtype=object)


def hits(codes: np.ndarray, bad: np.ndarray) -> np.ndarray:
    """Positions of the records whose distinct value is flagged in `bad`."""
    if not bad.any():
        return np.empty(0, dtype=np.int64)
    return np.flatnonzero(np.append(bad, False)[codes])
