"""A month label merged over two or more mark columns with no row of meeting days under it ('Tháng 7' over E:F,
marks in both): the month held several meetings whose dates the sheet does not give. Reading its first column as
the month and passing over the rest would be wrong without a word, so the file is refused with the columns named.

A CSV keeps no merges: there the month label stands over its first column and the columns after it are blank,
the same pattern. A blank-headed column counts only when it holds the marks the month column holds."""

from typing import Any

from . import errors as msg
from .errors import ImportFileError
from .mapping import column_letter
from .normalising import fold, is_blank, month_of_header
from .results import Table

MIN_SHARED_MARKS = 2


def _values(rows: list[list[Any]], table: Table, col: int) -> list[str]:
    return [fold(row[col]) for row in rows[table.body_start:table.body_end]
            if col < len(row) and not is_blank(row[col]) and isinstance(row[col], str)]


def _holds_marks(extra: list[str], marks: set[str]) -> bool:
    """The blank-headed column holds the month column's marks: most of its text cells, two or more."""
    shared = sum(1 for value in extra if value in marks)
    return shared >= MIN_SHARED_MARKS and 2 * shared >= len(extra)


def month_spans(table: Table, rows: list[list[Any]]) -> list[tuple[str, int, int]]:
    """(month label, first column, last column) of each month label standing over blank-headed mark columns."""
    labels, parents = table.labels, table.parents or [""] * len(table.labels)
    found = []
    def unlabelled(at: int) -> bool:
        return at < len(labels) and not labels[at] and not parents[at]

    for col, label in enumerate(labels):
        # the cells are read only where a blank-headed column follows a month: a long register whose months each
        # have their label costs nothing here
        if not label or not unlabelled(col + 1) or not month_of_header(label, parents[col]):
            continue
        marks = set(_values(rows, table, col))
        last = col
        while unlabelled(last + 1) and _holds_marks(_values(rows, table, last + 1), marks):
            last += 1
        if last > col:
            found.append((label, col, last))
    return found


def refuse_undated_spans(table: Table, rows: list[list[Any]], sheet: str | None) -> None:
    """Refuse a register whose month labels stand over several mark columns without their meeting days."""
    found = month_spans(table, rows)
    if found:
        spans = ", ".join(f"«{label}» (cột {column_letter(first)}–{column_letter(last)})"
                          for label, first, last in found)
        raise ImportFileError(msg.MONTH_OVER_UNDATED.format(sheet=sheet, spans=spans))
