"""One warning for many cells: the count, the first cells and the severity that orders it among the others."""

from collections.abc import Sequence
from typing import Any

SEVERITY = "_severity"  # a key the stage adds while it works and removes in `order`
SURE, LIKELY, CHECK = 0, 1, 2  # records surely wrong or data left out; likely wrong; worth a look
READER = 1  # the readers' own warnings sit among the likely ones
EXAMPLES = 3


def shown(value: Any) -> str:
    """A cell value as the officer typed it (whole numbers without '.0')."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def place(sheet: str | None, letter: str | None, header: str | None) -> str:
    """'Trang «DSDoan», cột C «Họ và tên đệm»' (no sheet for CSV, no header when the column has none)."""
    where = f"cột {letter}" if letter else "bảng"
    if letter and header:
        where += f" «{header}»"
    if sheet:
        return f"Trang «{sheet}», {where}"
    return where[0].upper() + where[1:]


def cells(letter: str | None, rows: Sequence[int], values: Sequence[Any] | None = None) -> str:
    """'B8 «Loan», B9 «Phong», B10 «Quyên»…' for the first cells of a finding."""
    parts = []
    for index, row in enumerate(rows[:EXAMPLES]):
        ref = f"{letter}{row}" if letter else f"dòng {row}"
        parts.append(f"{ref} «{shown(values[index])}»" if values is not None else ref)
    return ", ".join(parts) + ("…" if len(rows) > EXAMPLES else "")


def warning(sheet, row, letter, field, value, message: str, severity: int) -> dict:
    """A warning in the shape of `ParseResult.warnings`, carrying its severity until `order` runs."""
    return {"sheet": sheet, "row": None if row is None else int(row), "column": letter or None, "field": field,
            "value": None if value is None else shown(value), "message": message, SEVERITY: severity}


def order(warnings: list[dict]) -> list[dict]:
    """Warnings by severity (the readers' own at READER, in their order), without the working key."""
    ranked = sorted(warnings, key=lambda item: item.get(SEVERITY, READER))
    for item in ranked:
        item.pop(SEVERITY, None)
    return ranked
