"""Facts carried down from context rows onto the data rows below them, column-wise."""

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from ..assigned_units import is_general_charge
from ..context import FIELDS
from ..normalising import is_blank
from ..results import Column
from .context_columns import column_context

# Frame labels of the columns that hold carried facts for fields the header does not name (a sheet's month gives
# its rows a meeting date: ``importers.sheet_context``; a birth date cut out of the name cell:
# ``kinds.birth_in_name``; a phone or birth date labelled in the notes column: ``kinds.note_values``).
CARRIED_COLUMNS = {field: -1 - rank for rank, field in enumerate(FIELDS + ("date", "birth_date", "phone"))}


def blank_cells(values: np.ndarray) -> np.ndarray:
    """Per cell: None, NaN or empty text."""
    return pd.isna(values) | np.equal(values, "")


def lone_key_rows(rows: np.ndarray, key_col: int, ignore: set[int], keyed: np.ndarray) -> np.ndarray:
    """Positions of rows whose key cell (filled where `keyed`) is the only filled cell (columns in `ignore` aside).

    Narrowed column by column, so a full column is scanned only until the data rows drop out."""
    candidates = np.flatnonzero(keyed)
    for col in range(rows.shape[1]):
        if col == key_col or col in ignore or not len(candidates):
            continue
        candidates = candidates[blank_cells(rows[candidates, col])]
    return candidates


def row_context(row: list[Any], read: Callable[[Any], dict | None]) -> dict | None:
    """The facts of a context row: at most two distinct values, together the facts of those that are context text
    ("ĐOÀN CÔNG TÁC SỐ 1" in one cell, "Phụ trách: Đảng bộ xã …" in another)."""
    values = {cell for cell in row if not is_blank(cell)}
    if not values or len(values) > 2:
        return None
    facts = {}
    for found in map(read, (value for value in row if isinstance(value, str))):
        facts.update(found or {})
    return facts or None


def _top(found: dict) -> int:
    return min(FIELDS.index(name) for name in found)


def _qualify(facts: dict[int, dict], rows: list[int], positions: np.ndarray, data: np.ndarray) -> None:
    """A heading with no data rows under it qualifies the higher heading right after it ("ĐẢNG BỘ XÃ …" above
    "Đoàn công tác số 1": that group's unit)."""
    seen = np.cumsum(data)
    for before, row, start, end in zip(rows, rows[1:], positions, positions[1:]):
        if seen[end] == seen[start] and _top(facts[before]) > _top(facts[row]):
            facts[row] = {**facts[before], **facts[row]}


def carry_down(facts: dict[int, dict], index: pd.Index, data: np.ndarray | None = None) -> pd.DataFrame | None:
    """Per row of `index`, the facts of the nearest context row above; a row's facts reset those ranked below,
    except those of a lower heading standing right above it (`data` marks the data rows)."""
    if not facts:
        return None
    rows = sorted(facts)
    positions = index.get_indexer(rows)
    if data is not None:
        facts = dict(facts)
        _qualify(facts, rows, positions, data)
    columns = {}
    for rank, field in enumerate(FIELDS):
        if not any(field in facts[row] for row in rows):
            continue
        sets = np.array([(field in facts[row]) or any(FIELDS.index(key) < rank for key in facts[row])
                         for row in rows], dtype=bool)
        values = np.array([facts[row].get(field) for row in rows] + [None], dtype=object)
        marks = np.full(len(index), -1, dtype=np.int64)
        marks[positions[sets]] = np.flatnonzero(sets)
        source = np.maximum.accumulate(marks)  # -1 before the first context row picks the trailing None
        columns[field] = values[source]
    return pd.DataFrame(columns, index=index, dtype=object) if columns else None


def with_context(body, columns: list[Column]) -> tuple[pd.DataFrame, dict[str, Column]]:
    """The body frame and field map with carried facts (context rows, context columns): a blank mapped cell takes
    the carried value, and a field the header does not name reads from an added column (negative label). A body
    whose every row was refused stays empty (an added column would bring the refused rows back)."""
    by_field = {column.field: column for column in columns if column.field and not column.month}
    carried = column_context(body.frame, columns, getattr(body, "context", None))
    if carried is None or not len(carried.columns) or body.frame.empty:
        return body.frame, by_field
    frame, by_field = body.frame.copy(deep=False), dict(by_field)
    for field in carried.columns:
        values = carried[field]
        spec = by_field.get(field)
        if spec is None:
            frame[CARRIED_COLUMNS[field]] = values
            by_field[field] = Column(index=CARRIED_COLUMNS[field], letter="", header="", field=field)
            continue
        mine = frame[spec.index]
        open_cells = blank_cells(mine.to_numpy(dtype=object))
        if field == "unit":  # a head 'phụ trách chung' follows the unit the group's row names
            open_cells |= mine.map(is_general_charge).to_numpy(dtype=bool)
        fill = open_cells & values.notna().to_numpy()
        if fill.any():
            frame[spec.index] = mine.where(~fill, values)
    return frame, by_field


def reads_as_lost_merge(blank: np.ndarray) -> bool:
    """A column merged down over blocks of rows, its merge lost, holds its value on each block's first row only:
    at least as many blank cells as written ones (a meeting date too: ``kinds.merged_dates``)."""
    return int(blank.sum()) >= int((~blank).sum())


def fill_blocks(frame: pd.DataFrame, by_field: dict[str, Column], fields: tuple[str, ...]) -> pd.DataFrame:
    """Blank cells of the given fields' columns take the value above, as a cell merged down over a block of rows
    reads once its merge is lost (CSV export, copy-paste); a field fills only where the fields before it in
    `fields` are blank too, so a unit never crosses into the next group. A column written on most rows is not a
    lost merge: its blank cell is a row with no value (a member who follows no unit) and stays blank."""
    columns = [(field, by_field[field].index) for field in fields
               if field in by_field and by_field[field].index >= 0]
    if not columns or not len(frame):
        return frame
    out, above_blank = None, np.ones(len(frame), dtype=bool)
    for _, label in columns:
        values = frame[label].to_numpy(dtype=object)
        blank = blank_cells(values)
        fill = blank & above_blank
        if fill.any() and not blank.all() and reads_as_lost_merge(blank):
            # a row where an earlier field is filled starts a block: the value above it does not carry past it
            marks = np.where(blank & above_blank, -1, np.arange(len(values)))
            source = np.maximum.accumulate(marks)
            take = fill & (source >= 0)
            if take.any():
                filled = values.copy()
                filled[take] = values[source[take]]
                out = frame.copy(deep=False) if out is None else out
                out[label] = filled
        above_blank &= blank
    return frame if out is None else out
