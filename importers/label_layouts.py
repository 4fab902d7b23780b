"""Person lists written with the field labels down a column instead of across a header row:

- card blocks: one block of 'Họ và tên: …', 'Ngày sinh: …' rows per person (the value right of the label, or after
  the colon in the label's own cell), blocks one under the other;
- a transposed roster: the labels once down a column ('Họ và tên', 'Ngày sinh', 'Chức vụ' …) and one column per
  person to their right.

Either is rewritten as a table (a header row of the labels, a row per person) before the table is looked for, so
every later stage reads it as any roster. Both shapes are recognised strictly: labels that name known fields word for
word, the name label among them, and for cards the name label repeated once per block."""

from functools import lru_cache
from typing import Any

from .mapping import worded_field
from .normalising import clean_text, is_blank

LABEL_COLUMNS = 3  # the labels sit in one of the first columns
MIN_FIELDS = 3  # a card or transposed column names at least this many distinct fields
MIN_PEOPLE = 2
SCAN_ROWS = 2000


def _label(cell: Any, specs) -> tuple[str | None, Any]:
    """(field, value after a colon) of a cell written as a label ('Họ và tên:' or 'Họ và tên: Lê An')."""
    if not isinstance(cell, str) or not cell.strip():
        return None, None
    return _text_label(cell, specs)


@lru_cache(maxsize=8192)
def _text_label(cell: str, specs) -> tuple[str | None, Any]:
    """`_label` of a text cell, worked out once per text: both layouts scan the same first rows of three columns
    of every sheet, names and unit names repeating down them."""
    head, colon, tail = cell.partition(":")
    text = clean_text(head)
    if not text or len(text) > 60:
        return None, None
    return worded_field(text, specs), (clean_text(tail) if colon else None)


def _value_right(row: list, col: int) -> Any:
    return next((cell for cell in row[col + 1:] if not is_blank(cell)), None)


def read_cards(rows: list[list], specs) -> list[list] | None:
    """The sheet as a table when it is card blocks (see the module docstring), else None."""
    for col in range(LABEL_COLUMNS):
        labels = [(index, *_label(row[col], specs)) if col < len(row) else (index, None, None)
                  for index, row in enumerate(rows[:SCAN_ROWS])]
        starts = [index for index, field, _ in labels if field == "full_name"]
        if len(starts) < MIN_PEOPLE:
            continue
        cards, order, headers = [], [], {}
        for number, start in enumerate(starts):
            stop = starts[number + 1] if number + 1 < len(starts) else len(labels)
            card = {}
            for index, field, tail in labels[start:stop]:
                if field is None:
                    if is_blank(rows[index][col]):
                        continue
                    break  # text that is no label ends the block (a note, a signature)
                if field in card:
                    break
                card[field] = tail if tail is not None else _value_right(rows[index], col)
                headers.setdefault(field, clean_text(rows[index][col].partition(":")[0]))
                order.append(field) if field not in order else None
                last = index
            cards.append((card, last))
        if any(len(card) < 2 for card, _ in cards) or len(order) < MIN_FIELDS:
            continue
        table = [[headers[field] for field in order]] + [[card.get(field) for field in order] for card, _ in cards]
        return [list(row) for row in rows[:starts[0]]] + table + [list(row) for row in rows[cards[-1][1] + 1:]]
    return None


def read_transposed_roster(rows: list[list], specs) -> list[list] | None:
    """The sheet turned round when it is a transposed roster (see the module docstring), else None."""
    for col in range(LABEL_COLUMNS):
        fields = [_label(row[col], specs)[0] if col < len(row) else None for row in rows[:SCAN_ROWS]]
        for first, field in enumerate(fields):
            if field is None:
                continue
            end = first
            while end < len(fields) and fields[end] is not None:
                end += 1
            run = fields[first:end]
            if "full_name" in run and len(set(run)) == len(run) >= MIN_FIELDS:
                turned = _turn(rows, col, first, end, specs)
                if turned is not None:
                    return turned
            break
    return None


def _turn(rows: list[list], col: int, first: int, end: int, specs) -> list[list] | None:
    """Rows first..end hold the labels in `col`: each column right of it whose name cell is filled is a person."""
    name_row = rows[next(index for index in range(first, end) if _label(rows[index][col], specs)[0] == "full_name")]
    people = [index for index in range(col + 1, len(name_row)) if not is_blank(name_row[index])]
    if len(people) < MIN_PEOPLE:
        return None
    above = rows[first - 1] if first > 0 else []
    # a 'Nội dung | Đồng chí thứ 1 …' row right above the labels gives way to the turned header
    header = first - 1 if col < len(above) and isinstance(above[col], str) and above[col].strip() else first
    turned = [[clean_text(rows[index][col].partition(":")[0]) for index in range(first, end)]]
    turned += [[rows[index][person] if person < len(rows[index]) else None for index in range(first, end)]
               for person in people]
    return [list(row) for row in rows[:header]] + turned + [list(row) for row in rows[end:]]


def read_label_layout(rows: list[list], specs) -> list[list] | None:
    """The sheet as a table when its labels run down a column (cards, or a transposed roster), else None."""
    return read_cards(rows, specs) or read_transposed_roster(rows, specs)
