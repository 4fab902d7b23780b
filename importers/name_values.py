"""Cells that can never hold a person's name: a checkbox (the boolean TRUE / FALSE, or its text in a CSV export,
``importers.ticks.checkbox``) and a number (a count, a code, a phone). A column of such cells answers or counts
something; whichever header it has, it is never the column of names."""

from collections import Counter
from typing import Any

from .errors import ImportFileError
from .mapping import match_field
from .normalising import is_blank
from .ticks import checkbox

NAMELESS_SHARE = 0.8


def is_never_name(value: Any) -> bool:
    """A cell that cannot be a person's name: a checkbox or a number (as a number or as digits)."""
    if checkbox(value) is not None or isinstance(value, (bool, int, float)):
        return True
    return isinstance(value, str) and value.strip().replace(".", "", 1).replace(",", "", 1).isdigit()


def holds_no_names(values) -> bool:
    """Whether a column's filled cells are (nearly all) checkboxes or numbers: it is never a column of names. Each
    distinct value is tested once (a register repeats its names and units down a hundred thousand rows)."""
    try:
        counts = Counter(values)
    except TypeError:  # an unhashable cell: every cell on its own
        filled = [value for value in values if not is_blank(value)]
        return bool(filled) and sum(map(is_never_name, filled)) >= NAMELESS_SHARE * len(filled)
    filled = never = 0
    for value, count in counts.items():
        if not is_blank(value):
            filled += count
            never += count if is_never_name(value) else 0
    return bool(filled) and never >= NAMELESS_SHARE * filled


NO_NAMES = ("Trang «{sheet}», cột {letter} «{header}» có tên cột là họ tên nhưng chỉ ghi ô tích (TRUE/FALSE) hoặc "
            "số ({examples}): đó không phải họ tên người; xin chỉ rõ cột ghi họ tên rồi nhập lại.")


def names_by_values(columns: list, grid, table, specs, sheet: str | None) -> None:
    """The name column chosen by its header whose cells hold no names (checkboxes, numbers) gives the field to the
    next column whose header names it and whose cells do hold names; with no such column the file is refused
    naming the column, never read with "True" / "False" for names."""
    body = slice(table.body_start, table.body_end)
    key = next((column for column in columns if column.field == "full_name" and not column.month), None)
    if key is None or key.index >= grid.shape[1] or not holds_no_names(grid[body, key.index]):
        return
    for column in columns:
        if column is key or column.field or column.month or column.index >= grid.shape[1]:
            continue
        if match_field(column.header, specs) == "full_name" and not holds_no_names(grid[body, column.index]):
            key.field, column.field = None, "full_name"
            return
    shown = list(dict.fromkeys(str(value) for value in grid[body, key.index] if not is_blank(value)))[:3]
    raise ImportFileError(NO_NAMES.format(sheet=sheet, letter=key.letter, header=key.header,
                                          examples=", ".join(f"«{value}»" for value in shown)))
