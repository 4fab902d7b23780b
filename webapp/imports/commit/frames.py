"""The records frame an import run works on: source rows, outcomes and reasons, int64 keys, the change log."""
import numpy as np
import pandas as pd
from sqlalchemy import insert

from ...models import ImportChange
from .bulk import executemany
from .context import Context


def source_rows(result) -> np.ndarray:
    """Excel row of every record: the pipeline emits records in row order, `record_count` per row."""
    rows = result.row_frame
    if rows is None:
        return np.zeros(0, dtype=np.int64)
    counts = rows["record_count"]
    with_records = (rows["outcome"].eq("record") & counts.notna() & counts.ne(0)).to_numpy(dtype=bool)
    return np.repeat(rows["row"].to_numpy()[with_records].astype(np.int64),
                     counts.to_numpy()[with_records].astype(np.int64))


def pair_keys(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """One int64 per pair of non-negative ints (ids, codes): cheap to hash, index and compare."""
    return first.astype(np.int64) * (1 << 32) + second.astype(np.int64)


def take(values: np.ndarray, positions: np.ndarray, missing) -> np.ndarray:
    """values[positions], with `missing` where a position is -1 (not found); also when `values` is empty."""
    result = np.full(len(positions), missing, dtype=object if values.dtype == object else float)
    found = positions >= 0
    result[found] = values[positions[found]]
    return result


def int_ids(values: pd.Series) -> np.ndarray:
    """Float ids with NaN as int64 with -1."""
    return values.astype(float).fillna(-1).to_numpy(dtype=np.int64)


def records_frame(result) -> pd.DataFrame:
    """The parse result's records, each with its source row, no outcome and no reason yet."""
    frame = result.frame.reset_index(drop=True).astype(object)  # wide attendance comes categorical
    frame["src_row"] = source_rows(result)[:len(frame)]
    frame["outcome"] = None
    frame["reason"] = None
    return frame


def fail(frame: pd.DataFrame, mask, reason) -> None:
    """Mark records failed (unless already failed) with a reason (scalar or aligned Series)."""
    mask = pd.Series(mask, index=frame.index).fillna(False).astype(bool) & frame["outcome"].isna()
    frame.loc[mask, "outcome"] = "failed"
    frame.loc[mask, "reason"] = reason[mask] if isinstance(reason, pd.Series) else reason


def log_changes(ctx: Context, table: str, action: str, rows: list[tuple[int, dict | None]]) -> None:
    """Keep what undo needs: the inserted row ids, or the updated rows' before-images."""
    if rows:
        executemany(insert(ImportChange.__table__), [
            {"batch_id": ctx.batch_id, "table_name": table, "row_id": int(row_id), "action": action, "before": before}
            for row_id, before in rows])
