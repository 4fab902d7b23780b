"""Collect per-cell errors and warnings as data (sheet, Excel row, column letter, Vietnamese message)."""

from typing import Any

MAX_ISSUES = 10_000


def cell_ref(sheet: str | None, row: int | None, letter: str | None) -> str:
    """'Sheet1!C12' for a workbook cell, 'C12' for a CSV cell, 'Dòng 12' without a column."""
    if row is None:
        return sheet or ""
    place = f"{letter}{row}" if letter else f"Dòng {row}"
    return f"{sheet}!{place}" if sheet else place


def _shown(value: Any) -> str:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class Issues:
    """Errors and warnings of one parse; never raises, caps the list size for hostile files."""

    def __init__(self, sheet: str | None):
        self.sheet = sheet
        self.errors: list[dict] = []
        self.warnings: list[dict] = []
        self.dropped = 0

    def _add(self, target: list, row, letter, field, value, text) -> None:
        if len(self.errors) + len(self.warnings) >= MAX_ISSUES:
            self.dropped += 1
            return
        where = cell_ref(self.sheet, row, letter)
        message = f"{where}: {text}" if where else text
        target.append({"sheet": self.sheet, "row": row, "column": letter, "field": field,
                       "value": None if value is None else _shown(value), "message": message})

    def error(self, row, letter, field, value, text) -> None:
        """Record an error that stops the row (or cell) from becoming a record."""
        self._add(self.errors, row, letter, field, value, text)

    def warning(self, row, letter, field, value, text) -> None:
        """Record a warning; the record is still produced."""
        self._add(self.warnings, row, letter, field, value, text)

    def cell_problem(self, level: str, row, letter, field, label, value, problem) -> None:
        """Record "<label> '<value>' <problem>" for one cell, e.g. "ngày sinh '31/02/1970' không hợp lệ"."""
        text = f"{label} '{_shown(value)}' {problem}"
        (self.error if level == "error" else self.warning)(row, letter, field, value, text)

    def finish(self) -> None:
        """Append a note when issues were dropped because there were too many."""
        if self.dropped:
            self.warnings.append({"sheet": self.sheet, "row": None, "column": None, "field": None, "value": None,
                                  "message": f"Còn {self.dropped} lỗi/cảnh báo khác không được liệt kê."})
