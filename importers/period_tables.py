"""Wide registers split into tables stacked on one sheet by period: 'I. SÁU THÁNG ĐẦU NĂM' with T1–T6, then 'II.
SÁU THÁNG CUỐI NĂM' with its own header row T7–T12, the same people (or nearly) listed again. A row below the first
table that repeats its header's other labels column for column but names other periods starts a new table whose
period columns mean its own labels.

The sheet is rewritten in memory as one wide table: each later table's period cells move to new columns to the
right (headed by its labels, on the first header row), in the same rows, and its header row and the title lines
just above it are cleared; every row then reads with the periods its own table named."""

from .locating import HEADER_SCAN_ROWS
from .normalising import fold, is_blank, month_of_header
from .results import SheetData

TITLE_LINES = 3  # lone text lines (or blanks) over a later table's header that belong to it
MIN_PERIODS = 2


def _periods(row) -> dict[int, int]:
    """Column -> month for the cells of a row that are period labels ('T7', 'Tháng 7', '07/2025')."""
    found = {}
    for index, cell in enumerate(row):
        if isinstance(cell, str) and cell.strip():
            month = month_of_header(cell)
            if month:
                found[index] = month
    return found


def _others(row, periods: dict[int, int]) -> dict[int, str]:
    return {index: fold(cell) for index, cell in enumerate(row)
            if index not in periods and isinstance(cell, str) and cell.strip()}


def _is_header(row) -> tuple[dict[int, int], dict[int, str]] | None:
    periods = _periods(row)
    others = _others(row, periods)
    if len(periods) >= MIN_PERIODS and len(others) >= 2 and len(set(periods.values())) == len(periods):
        return periods, others
    return None


def _lone_or_blank(row) -> bool:
    return sum(1 for cell in row if not is_blank(cell)) <= 1


def _later_headers(rows, first: int, others: dict[int, str], seen: set[int]) -> list[tuple[int, dict[int, int]]]:
    """Rows below the first header repeating its other labels in place, each naming periods not named before."""
    found = []
    column, label = next(iter(others.items()))
    for index in range(first + 1, len(rows)):
        cell = rows[index][column] if column < len(rows[index]) else None
        if not isinstance(cell, str) or fold(cell) != label:
            continue
        header = _is_header(rows[index])
        if header is None or header[1] != others:
            continue
        months = set(header[0].values())
        if months & seen:
            continue  # the same periods again: a repeated page header, not a new table
        seen |= months
        found.append((index, header[0]))
    return found


def _is_row_of_people(row, others: dict[int, str]) -> bool:
    """A person's row: something in a column the header names besides the periods, and not a lone line."""
    return not _lone_or_blank(row) and any(index < len(row) and not is_blank(row[index]) for index in others)


def stack_period_tables(sheet: SheetData) -> bool:
    """Rewrite a sheet of period tables stacked one under another as one wide table; True when it was."""
    rows = sheet.rows
    for first, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        header = _is_header(row)
        if header is None:
            continue
        periods, others = header
        later = _later_headers(rows, first, others, set(periods.values()))
        if not later:
            return False
        _rewrite(sheet, first, later, others)
        return True
    return False


def _rewrite(sheet: SheetData, first: int, later: list[tuple[int, dict[int, int]]], others: dict[int, str]) -> None:
    rows = sheet.rows
    width = max(len(row) for row in rows)
    rows[:] = [list(row) + [""] * (width - len(row)) for row in rows]
    added = 0
    tops = [_top(rows, index) for index, _ in later]
    merges = []
    for number, (index, periods) in enumerate(later):
        end = tops[number + 1] if number + 1 < len(later) else len(rows)
        moved = {column: width + added + offset for offset, column in enumerate(sorted(periods))}
        added += len(moved)
        for row in rows:
            row.extend([""] * len(moved))
        for column, target in moved.items():
            rows[first][target] = rows[index][column]
        people = [body for body in range(index + 1, end) if _is_row_of_people(rows[body], others)]
        for body in people:
            for column, target in moved.items():
                rows[body][target], rows[body][column] = rows[body][column], ""
        for cleared in range(tops[number], index + 1):
            rows[cleared] = [""] * len(rows[cleared])
        merges.append((tops[number], index, end, moved))
    sheet.merges = [_moved_merge(merge, merges) for merge in sheet.merges if not any(
        top <= merge[0][0] <= index for top, index, _, _ in merges)]


def _moved_merge(merge, moves):
    """A vertical merge of a later table's period cells, moved with them."""
    (top, left), (bottom, right) = merge
    for _, index, end, moved in moves:
        if index < top < end and left == right and left in moved:
            return (top, moved[left]), (bottom, moved[left])
    return merge


def _top(rows, header: int) -> int:
    """The first of the title lines (and blanks) just above a later table's header that belong to it."""
    top = header
    for index in range(header - 1, max(-1, header - 1 - TITLE_LINES), -1):
        if not _lone_or_blank(rows[index]):
            break
        if all(is_blank(cell) for cell in rows[index]):
            continue
        top = index
    return top
