"""Rows of a sheet's grid that lie inside the table's span but hold no people: a unit-code key under the table, the
groups' catalogue of units, the lines between stacked tables. Each finder says which rows and why; this one rule
blanks them before the body is split and names them in the row accounting instead of 'dòng trống'."""

from typing import Any


class ClearsRows:
    """Something found in the grid whose rows are no people; `cleared_rows` maps each 0-based row to its reason."""

    def cleared_rows(self) -> dict[int, str]:
        raise NotImplementedError

    def clear(self, grid: Any) -> None:
        """Blank the rows in the grid: they are no people."""
        for row in self.cleared_rows():
            grid[row, :] = None

    def account(self, outcomes: list[dict]) -> None:
        """Name what each cleared row was, in place of 'dòng trống'."""
        by_row = {row + 1: reason for row, reason in self.cleared_rows().items()}
        for outcome in outcomes:
            if outcome["row"] in by_row:
                outcome["reason"] = by_row[outcome["row"]]
