"""Write targets records: indicators upserted by (unit, year, indicator name), actual values as measurements.

Called by `commit.execute` inside its transaction, so dry run, commit, background job and `flask import`
share it. Indicators and measurements it inserts carry `import_batch_id`; indicator changes keep their
before-image in `import_change`, so undo deletes the one and restores the other."""
from datetime import date

import numpy as np
import pandas as pd
from sqlalchemy import insert, select, update

from importers.normalising import fold

from ...clock import utcnow
from ...extensions import db
from ...models import ImportBatch, TargetIndicator, TargetMeasurement
from .bulk import executemany
from .context import Context
from .frames import fail, log_changes
from .resolve import resolve_units

CHUNK = 900  # ids per IN list
TOLERANCE = 1e-9  # relative: values read from text and stored as double compare equal within it


def run_targets(frame: pd.DataFrame, ctx: Context) -> None:
    """Units, indicators and measurements for targets records; every record ends created/updated/unchanged/failed."""
    resolve_units(frame, ctx)
    ctx.tick(30)
    frame["key"] = _keys(frame)
    _fail_repeats(frame)
    existing = _existing_indicators(frame)
    _match(frame, existing)
    created = _create_indicators(frame, ctx)
    updated = _update_indicators(frame, existing, ctx)
    ctx.tick(70)
    measured = _record_measurements(frame, ctx)
    ok = frame["outcome"].isna()
    frame.loc[ok & (created | measured), "outcome"] = "created"
    frame.loc[ok & ~(created | measured) & updated, "outcome"] = "updated"
    frame.loc[frame["outcome"].isna(), "outcome"] = "unchanged"


def _fold_names(names: pd.Series) -> pd.Series:
    """Indicator names compared without case, diacritics, punctuation or extra spaces (each distinct name once)."""
    codes, uniques = pd.factorize(names, use_na_sentinel=True)
    folded = np.array([fold(name) for name in uniques] + [None], dtype=object)
    return pd.Series(folded[codes], index=names.index, dtype=object)


def _keys(frame: pd.DataFrame) -> pd.Series:
    """'unit_id|year|folded name' per record: the identity of an indicator."""
    units = frame["unit_id"].map(lambda v: "" if v != v else str(int(v)))
    return units + "|" + frame["year"].astype(int).astype(str) + "|" + _fold_names(frame["indicator"])


def _fail_repeats(frame: pd.DataFrame) -> None:
    """Two rows naming the same unit in different spellings: the later ones fail, naming the first row."""
    live = frame["outcome"].isna()
    first = frame.loc[live].groupby("key")["src_row"].transform("first").reindex(frame.index)
    repeated = live & first.notna() & first.ne(frame["src_row"])
    fail(frame, repeated, "chỉ tiêu trùng với dòng " + first.map(lambda r: "" if r != r else str(int(r)))
          + " (cùng đơn vị, năm và tên chỉ tiêu)")


def _existing_indicators(frame: pd.DataFrame) -> pd.DataFrame:
    """Indicators of the records' units and years, with their identity key."""
    live = frame[frame["outcome"].isna()]
    unit_ids = sorted({int(u) for u in live["unit_id"]})
    years = sorted({int(y) for y in live["year"]})
    columns = ["id", "unit_id", "year", "name", "measure_unit", "target_value", "notes"]
    rows = []
    for start in range(0, len(unit_ids), CHUNK):
        rows += db.session.execute(select(*(getattr(TargetIndicator, c) for c in columns)).where(
            TargetIndicator.unit_id.in_(unit_ids[start:start + CHUNK]), TargetIndicator.year.in_(years))).all()
    existing = pd.DataFrame(rows, columns=columns)
    existing["key"] = existing["unit_id"].astype(str) + "|" + existing["year"].astype(str) + "|" \
        + _fold_names(existing["name"])
    return existing


def _match(frame: pd.DataFrame, existing: pd.DataFrame) -> None:
    """`indicator_id` per record; a name held by several indicators of the unit and year is never guessed."""
    counts = existing["key"].value_counts()
    ambiguous = frame["key"].isin(counts.index[counts.gt(1)])
    fail(frame, ambiguous, "đơn vị đã có nhiều chỉ tiêu cùng tên trong năm này, cần xử lý thủ công")
    single = existing.drop_duplicates("key", keep=False).set_index("key")["id"]
    frame["indicator_id"] = frame["key"].map(single).astype(float)
    frame["new_indicator"] = frame["outcome"].isna() & frame["indicator_id"].isna()


def _create_indicators(frame: pd.DataFrame, ctx: Context) -> pd.Series:
    """Insert the indicators no unit has yet; returns the mask of records that created one."""
    todo = frame[frame["new_indicator"]]
    if len(todo):
        now = utcnow()
        executemany(insert(TargetIndicator.__table__), [
            {"unit_id": int(r.unit_id), "year": int(r.year), "name": r.indicator, "measure_unit": r.measure_unit,
             "target_value": float(r.target), "notes": _text(r.note), "created_at": now,
             "import_batch_id": ctx.batch_id} for r in todo.itertuples()])
        ctx.count(ctx.created, "target_indicator", len(todo))
        created = db.session.execute(select(TargetIndicator.id, TargetIndicator.unit_id, TargetIndicator.year,
                                            TargetIndicator.name)
                                     .where(TargetIndicator.import_batch_id == ctx.batch_id)).all()
        ids = {f"{unit_id}|{year}|{fold(name)}": row_id for row_id, unit_id, year, name in created}
        frame.loc[todo.index, "indicator_id"] = todo["key"].map(ids).astype(float)
    return frame["new_indicator"]


def _update_indicators(frame: pd.DataFrame, existing: pd.DataFrame, ctx: Context) -> pd.Series:
    """Change target, measure unit (and notes, when the file has one) of matched indicators, keeping the
    before-image for undo; returns the mask of records that changed their indicator."""
    ok = frame["outcome"].isna() & ~frame["new_indicator"]
    stored = existing.drop_duplicates("id").set_index("id")
    changes, befores = [], []
    for record in frame[ok].itertuples():
        old = stored.loc[int(record.indicator_id)]
        values = {"target_value": float(record.target), "measure_unit": record.measure_unit,
                  "notes": _text(record.note)}
        values = {k: v for k, v in values.items() if v is not None and not _same(v, old[k])}
        if values:
            changes.append((int(record.indicator_id), values))
            befores.append((int(record.indicator_id), {k: _plain(old[k]) for k in values}))
    table = TargetIndicator.__table__
    for indicator_id, values in changes:
        db.session.execute(update(table).where(table.c.id == indicator_id).values(**values))
    if changes:
        log_changes(ctx, "target_indicator", "update", befores)
        ctx.count(ctx.updated, "target_indicator", len(changes))
    return ok & frame["indicator_id"].isin([indicator_id for indicator_id, _ in changes])


def _stored_measurements(indicator_ids: list[int]) -> pd.DataFrame:
    """The value in force on each day a measurement exists (the last recorded on that day), by indicator."""
    rows = []
    for start in range(0, len(indicator_ids), CHUNK):
        rows += db.session.execute(select(TargetMeasurement.id, TargetMeasurement.indicator_id,
                                          TargetMeasurement.measured_on, TargetMeasurement.value).where(
            TargetMeasurement.indicator_id.in_(indicator_ids[start:start + CHUNK]))).all()
    stored = pd.DataFrame(rows, columns=["mid", "indicator_id", "day", "value"])
    stored = stored.astype({"mid": "int64", "indicator_id": "int64", "value": "float64"})
    stored["day"] = pd.to_datetime(stored["day"])
    return stored.sort_values(["day", "mid"]).drop_duplicates(["indicator_id", "day"], keep="last")


def _record_measurements(frame: pd.DataFrame, ctx: Context) -> pd.Series:
    """Record each actual value as of its date (the update column, else the import's date) unless the value
    in force on that date is already the same; returns the mask of records that added a measurement."""
    todo = frame[frame["outcome"].isna() & frame["actual"].notna()]
    if not len(todo):
        return pd.Series(False, index=frame.index)
    days = todo["measured_on"].map(lambda d: ctx.options.start_date if d is None or d != d else date.fromisoformat(d))
    wanted = pd.DataFrame({"indicator_id": todo["indicator_id"].astype("int64"), "day": pd.to_datetime(days),
                           "actual": todo["actual"].astype(float)}, index=todo.index)
    stored = _stored_measurements(sorted(set(wanted["indicator_id"].tolist())))
    in_force = pd.merge_asof(wanted.reset_index().sort_values("day"), stored.sort_values("day"), on="day",
                             by="indicator_id", direction="backward").set_index("index").reindex(todo.index)
    new = wanted[~np.isclose(in_force["value"], wanted["actual"], rtol=TOLERANCE, atol=0) | in_force["value"].isna()]
    if len(new):
        recorded_by = db.session.scalar(select(ImportBatch.created_by_id).where(ImportBatch.id == ctx.batch_id))
        now = utcnow()
        executemany(insert(TargetMeasurement.__table__), [
            {"indicator_id": int(r.indicator_id), "measured_on": r.day.date(), "value": float(r.actual),
             "recorded_by_id": recorded_by, "recorded_at": now, "import_batch_id": ctx.batch_id}
            for r in new.itertuples()])
        ctx.count(ctx.created, "target_measurement", len(new))
    return frame.index.to_series().isin(new.index)


def _same(new, old) -> bool:
    if isinstance(new, float):
        return old is not None and bool(np.isclose(new, float(old), rtol=TOLERANCE, atol=0))
    return new == old


def _text(value) -> str | None:
    return None if value is None or value != value else str(value)


def _plain(value):
    """A before-image value as JSON can hold it (numpy scalars become Python numbers)."""
    if value is None or value != value:
        return None
    return value.item() if hasattr(value, "item") else value
