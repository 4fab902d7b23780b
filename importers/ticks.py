"""A tick: the mark an office types in a cell to say "this one" ('x', '✓', '1'), never a value of a field. A check
mark typed on a phone ('✅', '☑️', '✔️') is a tick too; a cross ('❌', '✖️') is not: whether it says "absent" or
"this one" is for the file's legend to say. A checkbox, the tick box of Google Sheets or Excel, is saved as the
boolean TRUE / FALSE (a CSV export writes the text "TRUE" / "FALSE"): it says yes or no to what its column's header
asks, and to nothing else."""

from typing import Any

from .normalising import mark_key

TICKS = {"x", "✓", "✔", "√", "☑", "✅", "v", "+", "*", "•", "ü", "þ"}
CHECKBOX_TEXTS = {"true": True, "false": False}


def is_tick(value: Any) -> bool:
    if isinstance(value, str):
        return mark_key(value) in TICKS
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == 1


def mostly_ticks(values, share: float = 0.8) -> bool:
    """Whether most filled cells among `values` are ticks (a word or two among them: a remark typed in place of a
    tick, still a column of ticks)."""
    filled = [value for value in values if value is not None and not (isinstance(value, str) and not value.strip())]
    return bool(filled) and sum(map(is_tick, filled)) >= share * len(filled)


def only_ticks(values) -> bool:
    """Whether the filled cells among `values` are all ticks (and there is one at least)."""
    filled = [value for value in values if value is not None and not (isinstance(value, str) and not value.strip())]
    return bool(filled) and all(map(is_tick, filled))


def checkbox(value: Any) -> bool | None:
    """True / False for a checkbox cell (a boolean, or its CSV text in any case); None for any other cell."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return CHECKBOX_TEXTS.get(value.strip().casefold())
    return None
