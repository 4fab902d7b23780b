"""A context row ("Chi bộ Tổ dân phố 3", "Đoàn công tác số 2") sets a fact for the rows below it, but only where
their own cell for that field is blank: a table with its own column for the field, filled on every row the heading
covers, uses none of it. When the column says something else, the heading's text would be dropped without a word
(often it is no heading at all: a wrapped cell's text that starts like a unit's name), so it is said, naming the
row and the cell. A heading that says what every row's column says already is used as agreement and goes quietly."""

import pandas as pd

from ..context import FIELDS
from ..mapping import column_letter
from ..normalising import fold, is_blank, normalise_group, normalise_role, normalise_unit_name
from ..results import Column
from ..validating import Issues

UNUSED = ("dòng {row}: dòng tiêu đề «{value}» ({label}) không được dòng nào dùng — cột «{header}» đã ghi {label} "
          "khác ở mọi dòng bên dưới (dòng {first}–{last}); nếu đó là phần chữ xuống dòng của ô trên hoặc một "
          "tiêu đề thật, hãy kiểm tra lại")
LABELS = {"group": "đoàn", "unit": "đơn vị", "role": "nhiệm vụ"}
_NORMALISE = {"group": normalise_group, "unit": normalise_unit_name, "role": lambda value: normalise_role(value)[0]}


def _same(field: str, value, fact) -> bool:
    return fold(_NORMALISE[field](value) or value) == fold(_NORMALISE[field](fact) or fact)


def covered_rows(headings: dict[int, dict], row: int, field: str, index: pd.Index) -> pd.Index:
    """The data rows a heading's fact holds for: below it, up to the next heading setting that field or a higher
    one."""
    rank = FIELDS.index(field)
    ends = [other for other, facts in headings.items()
            if other > row and any(FIELDS.index(name) <= rank for name in facts if name in FIELDS)]
    end = min(ends, default=None)
    return index[(index > row) & ((index < end) if end is not None else True)]


def warn_unused_headings(headings: dict[int, dict], frame: pd.DataFrame, columns: list[Column],
                         issues: Issues) -> None:
    """Warn of each context row fact that no data row below it takes (see the module docstring)."""
    by_field = {column.field: column for column in columns if column.field and not column.month}
    for row, facts in sorted(headings.items()):
        for field, fact in facts.items():
            column = by_field.get(field)
            if column is None or column.index < 0 or fact is None:
                continue
            rows = covered_rows(headings, row, field, frame.index)
            if not len(rows):
                continue
            values = frame.loc[rows, column.index].tolist()
            if any(is_blank(value) for value in values) or all(_same(field, value, fact) for value in values):
                continue
            issues.warning(row, column_letter(column.index), field, fact, UNUSED.format(
                row=row, value=fact, label=LABELS.get(field, field), header=column.header,
                first=int(rows[0]), last=int(rows[-1])))
