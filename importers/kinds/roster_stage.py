"""What the roster column readers share: the body being read, its columns, the sheet's rows and issues, and the
rows they refuse (a refused row is accounted as failed, with the reason, and builds no record)."""

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..group_code_notes import GroupCodes
from ..normalising import normalise_role
from ..results import Column, Table
from ..role_words import strict_role
from ..validating import Issues


@dataclass
class RosterStage:
    """One roster body between row splitting and record building."""

    body: Any  # kinds.body.Body
    table: Table
    columns: list[Column]
    rows: list[list[Any]]
    issues: Issues
    abbreviations: dict[str, str]
    refused: dict[int, str] = field(default_factory=dict)
    merges: list = field(default_factory=list)  # the sheet's merged ranges ((r0, c0), (r1, c1)), 0-based
    group_codes: GroupCodes = field(default_factory=GroupCodes)  # group codes the sheet's notes explain

    @property
    def frame(self) -> pd.DataFrame:
        return self.body.frame

    def mapped(self, name: str) -> Column | None:
        """The column carrying a field, when its cells are in the body."""
        return next((column for column in self.columns if column.field == name and not column.month
                     and column.index in self.frame.columns), None)

    def column_at(self, index: int) -> Column | None:
        """The table column at an index (None past the table's edges)."""
        return next((column for column in self.columns if column.index == index and not column.month
                     and index in self.frame.columns), None)

    def label(self, column: Column) -> str:
        return column.header or ""

    def parent(self, column: Column) -> str:
        parents = self.table.parents
        return parents[column.index] if column.index < len(parents) else ""

    def write(self, column: Column, values: pd.Series) -> None:
        """Replace the body cells of a column (values aligned on the body's rows)."""
        frame = self.frame.copy(deep=False)
        frame[column.index] = values.reindex(frame.index)
        self.body.frame = frame

    def carry(self, name: str, values: pd.Series) -> None:
        """Set a fact for the rows as a context row would (a row's own cell still wins): where `values` is None the
        fact already carried stays."""
        context = self.body.context
        if context is None:
            context = pd.DataFrame(index=self.frame.index, dtype=object)
        else:
            context = context.copy()
        values = values.reindex(context.index)
        if name in context.columns:
            context[name] = values.where(values.notna(), context[name])
        else:
            context[name] = values.astype(object)
        self.body.context = context

    def carried(self, name: str) -> pd.Series:
        """The fact carried onto each body row (None where none is)."""
        context = self.body.context
        if context is None or name not in context.columns:
            return pd.Series(None, index=self.frame.index, dtype=object)
        return context[name].reindex(self.frame.index)

    def read_role(self, value: Any) -> str | None:
        """A role cell read with the sheet's abbreviations, then as a role column reads it."""
        return strict_role(value, self.abbreviations) or normalise_role(value)[0]

    def refuse(self, row: int, letter: str | None, field_name: str, value: Any, text: str, reason: str) -> None:
        """Fail a body row with an error naming the cell(s) and a short reason for the row list."""
        if row in self.refused:
            return
        self.issues.error(row, letter, field_name, value, text)
        self.refused[row] = reason

    def skip(self, rows, reason: str) -> None:
        """Take rows that are no people (a totals line, a repeated header) out of the body as skipped."""
        rows = rows.to_numpy() if hasattr(rows, "to_numpy") else rows
        body = self.body
        body.outcomes.extend({"row": int(row), "outcome": "skipped", "reason": reason, "record_count": 0}
                             for row in body.frame.index[rows])
        body.frame = body.frame[~rows]
        if len(body.groups) == len(rows):
            body.groups = body.groups[~rows]

    def finish(self) -> None:
        """Take the refused rows out of the body and account for them."""
        if not self.refused:
            return
        body = self.body
        keep = ~body.frame.index.isin(list(self.refused))
        body.outcomes.extend({"row": int(row), "outcome": "failed", "reason": reason, "record_count": 0}
                             for row, reason in self.refused.items())
        body.frame = body.frame[keep]
        if len(body.groups) == len(keep):
            body.groups = body.groups[keep]
