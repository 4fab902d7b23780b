"""Rows below the end of the table that look like more data: a total row or a second table ended the reading,
while people and their values go on below it (stacked tables, a sub-total in the middle of a list)."""

import re

from ..locating import is_stop_text
from ..normalising import is_blank
from .findings import SURE, place, shown, warning
from .view import SheetView

# A person's name: two to six words, each starting with a capital letter, no digits
_NAME = re.compile(r"^[^\W\d_][^\s\d]*(?: [^\W\d_][^\s\d]*){1,5}$")
MIN_VALUES = 2  # filled cells of the table's other columns that make a row look like data
EXAMPLES = 3
LEFT = ("{where}: {count} dòng dưới chỗ bảng dừng đọc (dòng {end}) trông như dữ liệu nhưng không được đọc "
        "({examples}) — bảng có thể gồm nhiều khối hoặc có dòng tổng ở giữa; số bản ghi ít hơn số dòng dữ liệu")


def _looks_like_name(value) -> bool:
    if not isinstance(value, str):
        return False
    text = " ".join(value.split())
    return bool(_NAME.match(text)) and all(word[:1].isupper() for word in text.split(" ")) \
        and not is_stop_text(text)


def rows_after_table(view: SheetView) -> list[dict]:
    """One warning naming the rows below the table's end whose key cell holds a name and whose other columns of
    the table hold values."""
    key = view.by_field.get("full_name")
    if key is None or key.index < 0:
        return []
    others = [column.index for column in view.columns if column.index >= 0 and column.index != key.index
              and (column.field or column.month or column.day)]
    end = view.table.body_end
    found = []
    for number, row in enumerate(view.rows[end:], start=end + 1):
        if key.index >= len(row) or not _looks_like_name(row[key.index]):
            continue
        if sum(1 for index in others if index < len(row) and not is_blank(row[index])) >= MIN_VALUES:
            found.append((number, row[key.index]))
    if not found:
        return []
    examples = ", ".join(f"{key.letter}{number} «{shown(value)}»" for number, value in found[:EXAMPLES])
    examples += "…" if len(found) > EXAMPLES else ""
    message = LEFT.format(where=place(view.sheet, None, None), count=len(found), end=end + 1, examples=examples)
    return [warning(view.sheet, found[0][0], key.letter, "full_name", found[0][1], message, SURE)]
