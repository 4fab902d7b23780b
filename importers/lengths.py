"""Cells longer than their field can be stored: the row fails with the cell named, before any record is built
(a 8,000-character 'name' is refused here, not truncated or refused by the database at commit)."""

import numpy as np

from .results import Column
from .validating import Issues

# Field → most characters stored; the web app passes the lengths of its own columns (Limits.max_lengths).
DEFAULT_MAX_LENGTHS = {"full_name": 160, "position": 255, "unit": 255, "note": 255}
REASON = "ô dài quá mức cho phép"


def refuse_over_long(body, columns: list[Column], issues: Issues, max_lengths: dict, labels: dict) -> None:
    """Fail the body rows holding a cell longer than its field allows, naming each such cell."""
    frame = body.frame
    if not len(frame):
        return
    bad = np.zeros(len(frame), dtype=bool)
    for column in columns:
        limit = max_lengths.get(column.field or "")
        if limit is None or column.month or column.index not in frame.columns:
            continue
        try:
            lengths = frame[column.index].str.len().to_numpy(dtype=float, na_value=0)
        except AttributeError:  # numbers only (STT mapped to a text field): no over-long text to refuse
            continue
        over = lengths > limit
        for position in np.flatnonzero(over):
            issues.error(int(frame.index[position]), column.letter, column.field, None,
                         f"{labels.get(column.field, column.field)} dài {int(lengths[position])} ký tự, "
                         f"tối đa {limit}")
        bad |= over
    if bad.any():
        body.outcomes.extend({"row": int(row), "outcome": "failed", "reason": REASON, "record_count": 0}
                             for row in frame.index[bad])
        body.frame = frame[~bad]
        body.groups = body.groups[~bad] if len(body.groups) == len(bad) else body.groups
