"""A register with two meeting-date columns, one naming only the meeting's month ('Kỳ sinh hoạt' = "Tháng
01/2025") and one the actual day, often with its time ('Thời gian sinh hoạt' = 2025-01-03 19:30), as software
exports write them: the day wins, its date part only; the month is only the 1st of the month by convention.

The two must agree: a row whose day falls in another month than its period refuses the sheet, naming the cells,
since which of the two is right is unknown. A row with the period but no day keeps the period (the 1st of its
month, as a month column dates a monthly meeting)."""

from typing import Any

import pandas as pd

from ..date_words import read_meeting_date, read_meeting_month
from ..errors import ImportFileError
from ..mapping import match_field
from ..normalising import is_blank
from ..results import Column
from ..validating import cell_ref
from . import attendance
from .roster_stage import RosterStage

OTHER_MONTH = ("Trang «{sheet}»: cột {period} ghi kỳ (tháng) sinh hoạt và cột {day} ghi ngày sinh hoạt, nhưng ở "
               "{count} dòng ngày không thuộc tháng của kỳ ({cells}); không biết bên nào đúng — chưa nhập, hãy sửa "
               "rồi nhập lại.")
SHOWN_CELLS = 5
FIRST_YEAR, LAST_YEAR = 1990, 2100  # a meeting's year


def _month(value: Any, year: int | None = None):
    read = read_meeting_month(value, year)
    return read.date if read is not None else None


def _day(value: Any):
    """The day a cell states; none for a month, or for a number that is no date serial of these years (a bare
    day number '5' under 'Ngày' beside the month is a split date, not the 5th day of 1900)."""
    if is_blank(value) or read_meeting_month(value, None) is not None:
        return None
    day = read_meeting_date(value).date
    return day if day is not None and FIRST_YEAR <= day.year <= LAST_YEAR else None


def _all(values: pd.Series, reader) -> bool:
    """Every filled cell reads (one at least)."""
    filled = [value for value in values if not is_blank(value)]
    return bool(filled) and all(reader(value) is not None for value in dict.fromkeys(filled))


def _dated_columns(stage: RosterStage) -> list[Column]:
    """The column mapped to the meeting date and the unmapped ones headed as one (first match wins in mapping)."""
    return [column for column in stage.columns
            if not column.month and column.index in stage.frame.columns
            and (column.field == "date"
                 or (not column.field and match_field(column.header or "", attendance.FIELDS) == "date"))]


def _shown(value: Any) -> str:
    return value.strftime("%d/%m/%Y %H:%M") if hasattr(value, "strftime") else str(value).strip()


def prefer_actual_dates(stage: RosterStage) -> None:
    """Read the meeting date from the day column rather than a month-only period column beside it (see the
    module's docstring); the period column is consumed."""
    dated = _dated_columns(stage)
    period = next((column for column in dated if _all(stage.frame[column.index], _month)), None)
    day_column = next((column for column in dated if _all(stage.frame[column.index], _day)), None)
    if stage.mapped("date") is None or period is None or day_column is None:
        return
    frame, sheet = stage.frame, stage.issues.sheet
    clashes = []
    for row in frame.index:
        month, day = _month(frame.at[row, period.index]), _day(frame.at[row, day_column.index])
        if month is not None and day is not None and (month.year, month.month) != (day.year, day.month):
            clashes.append(f"{cell_ref(None, int(row), period.letter)} «{_shown(frame.at[row, period.index])}» / "
                           f"{cell_ref(None, int(row), day_column.letter)} «{_shown(frame.at[row, day_column.index])}»")
    if clashes:
        raise ImportFileError(OTHER_MONTH.format(
            sheet=sheet, period=f"{period.letter} «{period.header}»", day=f"{day_column.letter} «{day_column.header}»",
            count=len(clashes), cells="; ".join(clashes[:SHOWN_CELLS]) + ("…" if len(clashes) > SHOWN_CELLS else "")))
    days = frame[day_column.index].map(_day, na_action="ignore")
    stage.write(day_column, days.where(days.notna(), frame[period.index]))
    period.field, day_column.field = None, "date"
    stage.table.consumed.add(period.index)
