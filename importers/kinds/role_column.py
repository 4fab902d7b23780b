"""Find the role column by its values when the header does not name it ("Chức danh" beside "Chức vụ")."""

import numpy as np
import pandas as pd

from ..context import read_context
from ..mapping import match_field
from ..results import Column
from .roster import FIELDS

POSITION_SPECS = tuple(spec for spec in FIELDS if spec.name == "position")

# A column is the role column when this share of its filled cells are role words and nothing else ("Trưởng Đoàn",
# "Ủy viên"; not "Thị ủy viên, Chánh Văn phòng", a position).
ROLE_SHARE = 0.8
MAX_DISTINCT = 60  # role columns repeat a handful of words; more distinct values mean another column


def _role_share(values: pd.Series) -> float:
    """Share of the filled cells that read as a role, testing each distinct value once."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    filled = codes[codes >= 0]
    if not len(filled) or len(uniques) > MAX_DISTINCT or len(filled) * 2 < len(values):
        return 0.0
    known = np.array([set(read_context(u) or ()) == {"role"} for u in uniques], dtype=bool)
    return float(known[filled].mean())


def infer_role_column(columns: list[Column], frame: pd.DataFrame, carried: pd.DataFrame | None = None) -> None:
    """Map the role field onto an unnamed column (or the position column) whose values are role words, unless a
    column, the context rows or a confirmed mapping already settle the roles."""
    if any(column.field == "role" or column.confirmed for column in columns) or (
            carried is not None and "role" in carried.columns):
        return
    for column in columns:
        if column.field not in (None, "position") or column.month or column.index not in frame.columns:
            continue
        if _role_share(frame[column.index].replace("", None)) >= ROLE_SHARE:
            was_position, column.field = column.field == "position", "role"
            if was_position:  # another column the header names as a position takes the field it gave up
                spare = next((c for c in columns if c.field is None and c.header and match_field(
                    c.header, POSITION_SPECS) == "position"), None)
                if spare is not None:
                    spare.field = "position"
            return
