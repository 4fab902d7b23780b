"""A person written on two physical rows, as a table pasted from a Word report keeps it: the header stacks two
labels in one column over two rows ('Họ và tên' over 'Chức vụ', 'Họ tên' over 'Năm sinh', 'Điện thoại' over
'Email'), every other header cell merged down over both rows; each person's first row holds the name, the row below
it the second field, the person's other cells (STT, role, unit, phone) merged down over the pair or left blank on the
second row.

Rows are paired only when the header says so (``two_row_header``) and the body agrees; a row that breaks the
pattern — a person without a second row, a second row whose person's cells are not merged over it while the
others' are, a second-field row under no person — is reported, naming the row (``paired_rows``); a body without
any second row leaves the header to the usual reading."""

from typing import Any

from ..legacy import decode_legacy
from ..locating import COLUMN_NUMBER, HEADER_SCAN_ROWS, is_stop_text
from ..mapping import column_letter, worded_field
from ..normalising import clean_text, is_blank
from . import KEY_FIELDS

MERGED_SHARE = 0.5  # the body merges a person's cells over the pair when at least this share of people do
LONE = ("người ở dòng {row} chỉ có một dòng, không có dòng «{second}» bên dưới như những người khác — "
        "«{second}» để trống; hãy kiểm tra")
UNMERGED = ("dòng {row} được đọc là «{second}» của người ở dòng {person}, nhưng các ô khác của dòng {person} không "
            "gộp xuống dòng này như ở những người khác — hãy kiểm tra")
ORPHAN = ("dòng {row} chỉ có ô ở cột «{first} / {second}» mà không nằm ngay dưới dòng của một người — không ghép "
          "được với ai, hãy kiểm tra")


def _label(cell: Any) -> str | None:
    return clean_text(decode_legacy(cell)) if isinstance(cell, str) and cell.strip() else None


def merged_down(merges: list, top: int) -> set[int]:
    """Columns of the cells merged down from row `top` over the row below it at least."""
    return {col for (first, left), (bottom, right) in merges if first == top and bottom > top
            for col in range(left, right + 1)}


def two_row_header(rows: list[list[Any]], merges: list, specs) -> tuple[int, dict[int, tuple[str, str]]] | None:
    """(first header row, {column: (upper wording, lower wording)}) of a header stacking two labels in one column
    over two rows, every other label merged down over both; None otherwise. Each stacked column's upper label names
    a field and its lower label another one (or none: 'Email'), one lower label at least naming a field, and the
    header names the person's name."""
    for at in range(min(HEADER_SCAN_ROWS, len(rows) - 1)):
        labels = {index: label for index, cell in enumerate(rows[at]) if (label := _label(cell))}
        lower = {index: cell for index, cell in enumerate(rows[at + 1]) if not is_blank(cell)}
        if not lower or not labels:
            continue
        downs, others = merged_down(merges, at), set(labels) - set(lower)
        if not others or others - downs or set(lower) & downs:
            continue
        pairs = {}
        for index, cell in lower.items():
            second = _label(cell)
            if index not in labels or second is None or COLUMN_NUMBER.match(second):
                break
            upper_field = worded_field(labels[index], specs)
            if upper_field is None or upper_field == worded_field(second, specs):
                break
            pairs[index] = (labels[index], second)
        else:
            named = {worded_field(label, specs) for label in labels.values()}
            named |= {worded_field(second, specs) for _, second in pairs.values()}
            if named & set(KEY_FIELDS) and any(worded_field(second, specs) for _, second in pairs.values()):
                return at, pairs
    return None


def _filled(row: list[Any]) -> set[int]:
    return {index for index, cell in enumerate(row) if not is_blank(cell)}


def paired_rows(rows: list[list[Any]], at: int, stacked: dict[int, tuple[str, str]],
                merges: list) -> tuple[set[int], list[tuple]]:
    """The second rows of the people under a two-row header at row `at` (rows as typed, merged cells blank), and
    what breaks the pattern, as ``SheetData.found`` warnings (none when no row pairs). A second row holds cells
    only in the stacked columns, right under a person's row (cells in the stacked columns and elsewhere)."""
    columns = set(stacked)
    name = min(columns)
    first, second = stacked[name]
    spans = {}  # a person's row: the lowest row its other cells are merged down to
    for (top, left), (bottom, right) in merges:
        if top > at + 1 and any(col not in columns for col in range(left, right + 1)):
            spans[top] = max(spans.get(top, top), bottom)
    people, seconds, orphans = [], set(), []
    for index in range(at + 2, len(rows)):
        filled = _filled(rows[index])
        if any(is_stop_text(cell) for cell in rows[index]):
            break  # the totals or the signature under the table
        if filled - columns and filled & columns:
            people.append(index)
        elif filled and filled <= columns:
            (seconds.add if people and people[-1] == index - 1 else orphans.append)(index)
    found = []

    def warn(row: int, text: str) -> None:
        found.append(("warning", row + 1, column_letter(name), "full_name", None, text))

    if not seconds:  # the body does not say so: the header is read the usual way
        return seconds, found
    merged = len([person for person in people if spans.get(person, person) > person]) >= MERGED_SHARE * len(people)
    for person in people:
        covered = spans.get(person, person) > person
        if person + 1 not in seconds and not covered:
            warn(person, LONE.format(row=person + 1, second=second))
        elif person + 1 in seconds and merged and not covered:
            warn(person + 1, UNMERGED.format(row=person + 2, person=person + 1, second=second))
    for index in orphans:
        warn(index, ORPHAN.format(row=index + 1, first=first, second=second))
    return seconds, found
