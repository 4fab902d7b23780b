"""Roster cells that say their value is not known yet ('chưa cập nhật', 'chưa rõ', '-': ``importers.missing_values``)
read as empty in every value column the roster reads (birth date, phone, position, unit …), never refused as a
wrong date or phone; the officer is told, one warning per column naming its cells. The name column is not read
so: a row without a person's name is no person."""

from ..column_types import distinct_map
from ..missing_values import is_missing_value
from .roster import FIELDS
from .roster_stage import RosterStage

SYNONYMS = {spec.name: spec.synonyms for spec in FIELDS}
SHOWN = 8  # cells named in the warning
READ_EMPTY = ("cột {letter} «{header}»: {count} ô ghi {words} được đọc là để trống ({cells}); hãy bổ sung khi có "
              "thông tin")


def blank_missing_cells(stage: RosterStage) -> None:
    """Empty the cells of mapped value columns that say the value is missing, with a warning per column."""
    key = stage.mapped("full_name")
    for column in stage.columns:
        if column.field is None or column is key or column.month or column.index not in stage.frame.columns:
            continue
        cells = stage.frame[column.index]
        words = SYNONYMS.get(column.field, ())
        missing = distinct_map(cells, lambda value, words=words: is_missing_value(value, words))
        missing = missing.fillna(False).astype(bool)
        if not missing.any():
            continue
        stage.write(column, cells.where(~missing, None))
        rows = [int(row) for row in cells.index[missing.to_numpy()]]
        typed = list(dict.fromkeys(str(cells[row]).strip() for row in cells.index[missing.to_numpy()]))
        shown = ", ".join(f"{column.letter}{row}" for row in rows[:SHOWN]) + (", …" if len(rows) > SHOWN else "")
        stage.issues.warning(None, column.letter, column.field, None, READ_EMPTY.format(
            letter=column.letter, header=column.header or column.letter, count=len(rows),
            words=", ".join(f"«{word}»" for word in typed[:3]), cells=shown))
