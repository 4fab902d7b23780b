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
NAMED_ROLE_SHARE = 0.5  # a column the header names as the role column keeps the field from this share of roles on
MAX_DISTINCT = 60  # role columns repeat a handful of words; more distinct values mean another column


def _role_share(values: pd.Series) -> float:
    """Share of the filled cells that read as a role, testing each distinct value once."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    filled = codes[codes >= 0]
    if not len(filled) or len(uniques) > MAX_DISTINCT or len(filled) * 2 < len(values):
        return 0.0
    known = np.array([set(read_context(u) or ()) == {"role"} for u in uniques], dtype=bool)
    return float(known[filled].mean())


def _named_role_column(columns: list[Column], frame: pd.DataFrame) -> Column | None:
    """The column the header names as the role column, when its cells hold roles (an empty or all-task column
    named "Nhiệm vụ" / "Vai trò" does not settle the roles)."""
    named = next((column for column in columns if column.field == "role"), None)
    if named is None or named.index not in frame.columns:
        return named
    return named if _role_share(frame[named.index].replace("", None)) >= NAMED_ROLE_SHARE else None


def _drop_role_positions(columns: list[Column], frame: pd.DataFrame) -> None:
    """A position column holding role words while the roles come from elsewhere holds no position: it gives the
    field up, so its cells are reported as read by no field rather than stored as a position."""
    for column in columns:
        if column.field == "position" and column.index in frame.columns \
                and _role_share(frame[column.index].replace("", None)) >= ROLE_SHARE:
            column.field = None


def infer_role_column(columns: list[Column], frame: pd.DataFrame, carried: pd.DataFrame | None = None) -> None:
    """Map the role field onto an unnamed column (or the position column) whose values are role words, unless a
    column holding roles, the context rows or a confirmed mapping already settle the roles. A column named as the
    role column that holds no roles gives the field up (its data, if any, is then reported as read by no field)."""
    if any(column.confirmed for column in columns):
        return
    if _named_role_column(columns, frame) is not None or (carried is not None and "role" in carried.columns):
        _drop_role_positions(columns, frame)
        return
    named = next((column for column in columns if column.field == "role"), None)
    for column in columns:
        if column.field not in (None, "position") or column.month or column.index not in frame.columns:
            continue
        if _role_share(frame[column.index].replace("", None)) >= ROLE_SHARE:
            if named is not None:
                named.field = None
            was_position, column.field = column.field == "position", "role"
            if was_position:  # another column the header names as a position takes the field it gave up
                spare = next((c for c in columns if c.field is None and c.header and match_field(
                    c.header, POSITION_SPECS) == "position"), None)
                if spare is not None:
                    spare.field = "position"
            return
