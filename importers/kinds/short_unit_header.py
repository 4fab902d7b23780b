"""A unit column headed with 'CB' for chi bộ ('CB theo dõi', 'CB phụ trách', 'CB sinh hoạt', 'Tên CB'): where
'Chi bộ …' in full would name the unit column. 'CB' also writes 'cán bộ' ('CB, CC', 'CB phụ trách' for the officer
in charge), so the header alone does not settle it: the column is the unit only when, with 'CB' written out as
'Chi bộ', its header names the unit field and its values are no people's names ('TDP 14', 'Chi bộ Khu phố 3', not
'Nguyễn Văn An'). It is named before the body is read, so that its ditto marks and the checks read it as any unit
column."""

import re

import pandas as pd

from ..column_types import name_words, share, starts_with_surname
from ..mapping import worded_field
from ..normalising import is_blank

_SHORT = re.compile(r"(?<!\w)C[./]?B(?!\w)", re.IGNORECASE)  # 'CB', 'C.B', 'C/B'
MAX_PERSON_SHARE = 0.5  # above this part of values that read as a person's name, 'CB' is a cán bộ


def written_out(header: str) -> str | None:
    """The header with 'CB' ('C.B', 'C/B') written out as 'Chi bộ', or None when it holds no 'CB'."""
    return _SHORT.sub("Chi bộ", header) if _SHORT.search(header) else None


def _is_person(value) -> bool:
    words = name_words(value)
    return bool(words) and 2 <= len(words) <= 6 and starts_with_surname(value)


def holds_units(values: pd.Series) -> bool:
    """Some text that is not a number, and mostly no people's names."""
    texts = [value for value in values if isinstance(value, str) and not is_blank(value)]
    if not any(not text.strip().replace(".", "").isdigit() for text in texts):
        return False
    return share(values, _is_person) <= MAX_PERSON_SHARE


def name_short_unit_column(grid, table, columns, specs) -> None:
    """Name as the unit column the first unmapped column whose 'CB' header, written out, names the unit and whose
    values are no people's names (nothing when the table has a unit column or the officer confirmed the mapping)."""
    if any(column.field == "unit" for column in columns) or any(column.confirmed for column in columns):
        return
    end = min(table.body_end, grid.shape[0])
    for column in columns:
        if column.field is not None or column.month or column.day or not column.header \
                or column.index >= grid.shape[1]:
            continue
        label = written_out(column.header)
        if label is None or worded_field(label, specs) != "unit":
            continue
        if holds_units(pd.Series(grid[table.body_start:end, column.index], dtype=object)):
            column.field = "unit"
            return
