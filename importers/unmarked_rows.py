"""Rows naming a person that gave no record and no error — a register line whose status cells are all empty (in a
block per meeting, a month grid, a date and mark list): never dropped without a word. One warning per sheet names
them, by row and name."""

from .normalising import clean_text, is_blank
from .validating import Issues

SHOWN_ROWS = 5
WHAT = {"attendance": "không có đánh dấu nào", "roster": "không có dữ liệu nào để nhập",
        "targets": "không có dữ liệu nào để nhập"}


def warn_unmarked(issues: Issues, kind: str, grid, key_column, counts, failed) -> None:
    """Warn about the rows with a key value (a name) that the builders skipped for having nothing to read."""
    dropped = counts.index[counts.eq(0).to_numpy() & ~failed.reindex(counts.index, fill_value=False).to_numpy()]
    found = []
    for row in dropped:
        if 0 < row <= grid.shape[0] and key_column.index < grid.shape[1]:
            name = grid[row - 1, key_column.index]
            if not is_blank(name):
                found.append((int(row), clean_text(name) if isinstance(name, str) else name))
    if not found:
        return
    what = WHAT.get(kind, WHAT["roster"])
    if len(found) == 1:
        row, name = found[0]
        issues.warning(row, key_column.letter, key_column.field, name, f"«{name}» {what}: bỏ qua")
        return
    listed = ", ".join(f"dòng {row} «{name}»" for row, name in found[:SHOWN_ROWS])
    more = "…" if len(found) > SHOWN_ROWS else ""
    issues.warning(None, None, key_column.field, None,
                   f"{len(found)} người {what} ({listed}{more}): bỏ qua")
