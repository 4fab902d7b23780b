"""A birth-date cell holding only the year ("Năm sinh" | 1970, or "1975" typed as text): the person's birth date is
not known to the day, so it is left empty and one warning names the cells, as for a year written in the name cell
(`birth_in_name`). Read as a date, the number 1970 would be Excel's day 1970, 23 May 1905: a wrong date, never to be
written."""

from ..column_types import is_birth_year
from .roster_stage import RosterStage

SHOWN = 5
ONLY_YEARS = ("cột {letter} «{header}»: {count} ô chỉ ghi năm sinh, không đủ ngày tháng nên để trống ngày sinh "
              "({cells}); nếu biết ngày sinh, hãy ghi đủ ngày/tháng/năm rồi nhập lại")


def _is_year(value) -> bool:
    return not isinstance(value, bool) and isinstance(value, (int, float, str)) and is_birth_year(value)


def blank_birth_years(stage: RosterStage) -> None:
    """Empty the birth-date cells that hold a bare year, with one warning naming them."""
    column = stage.mapped("birth_date")
    if column is None:
        return
    cells = stage.frame[column.index]
    years = cells.map(_is_year, na_action="ignore").fillna(False).astype(bool)
    if not years.any():
        return
    rows = list(cells.index[years.to_numpy()])
    shown = ", ".join(f"{column.letter}{row} «{_shown(cells[row])}»" for row in rows[:SHOWN])
    stage.issues.warning(int(rows[0]), column.letter, "birth_date", cells[rows[0]] if len(rows) == 1 else None,
                         ONLY_YEARS.format(letter=column.letter, header=column.header or "", count=len(rows),
                                           cells=shown + (", …" if len(rows) > SHOWN else "")))
    stage.write(column, cells.where(~years, None))


def _shown(value) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else " ".join(str(value).split())
