"""A one-row-per-meeting register whose date or status column has a heading the reader does not know ('Buổi',
'Kết quả', 'Đi họp'): the column is found by its values, every filled cell a meeting date or a status, and a
warning says which column was taken and why."""

import pandas as pd

from ..date_words import read_meeting_date
from ..normalising import is_blank
from ..results import Column
from ..status_phrases import read_status

MIN_FILLED = 2
INFERRED = "Cột {letter} «{header}» không có tên quen thuộc, được hiểu là cột {what} vì mọi ô của nó là {values}"
WHAT = {"date": ("ngày sinh hoạt", "ngày"), "status": ("điểm danh", "ký hiệu hoặc lời điểm danh")}


def _reads_as(field: str, value, context) -> bool:
    if field == "date":
        read = read_meeting_date(value, context.epoch_1904, context.year)
        return read.date is not None and not isinstance(value, (int, float))
    return read_status(value, context.marks).status is not None


def _every_filled_cell(values: pd.Series, field: str, context) -> bool:
    """Every filled cell reads as the field; a column of numbers alone (counts, 1/0) is never taken."""
    distinct = [value for value in pd.unique(values.to_numpy(dtype=object)) if not is_blank(value)]
    filled = int((~values.map(is_blank)).sum())
    if filled < MIN_FILLED or all(isinstance(value, (int, float)) for value in distinct):
        return False
    return all(_reads_as(field, value, context) for value in distinct)


def infer_long_columns(frame: pd.DataFrame, columns: list[Column], by_field: dict, context) -> dict:
    """The field map with a missing 'date' or 'status' column found by its values (the first column that fits,
    among columns no field claims); unchanged when none fits."""
    by_field = dict(by_field)
    for field in ("date", "status"):
        if field in by_field:
            continue
        for column in columns:
            if column.field or column.month or column.index not in frame.columns or column in by_field.values():
                continue
            if _every_filled_cell(frame[column.index], field, context):
                what, values = WHAT[field]
                by_field[field], column.field = column, field
                context.issues.warning(None, column.letter, field, None, INFERRED.format(
                    letter=column.letter, header=column.header, what=what, values=values))
                break
    return by_field


TITLE_DATE_COLUMN, LINE_UNIT_COLUMN = -100, -101  # frame labels of the values a line gives every row


def date_from_title(frame: pd.DataFrame, by_field: dict, context) -> tuple[pd.DataFrame, dict]:
    """A sheet recording one meeting, with its date only in a title line ('Thời gian: …, ngày 03/01/2025'):
    every row takes that date."""
    meeting = getattr(context, "meeting_date", None)
    if "date" in by_field or "status" not in by_field or meeting is None:
        return frame, by_field
    frame = frame.copy(deep=False)
    frame[TITLE_DATE_COLUMN] = meeting
    return frame, {**by_field, "date": Column(index=TITLE_DATE_COLUMN, letter="", header="dòng tiêu đề",
                                              field="date")}


def unit_from_line(frame: pd.DataFrame, by_field: dict, context) -> tuple[pd.DataFrame, dict]:
    """A register without units in its rows whose sheet names its chi bộ on a line ('Đơn vị: Chi bộ Khu phố 1'
    above the table, 'Chi bộ: …' below it): every row takes that unit."""
    unit, column = getattr(context, "unit_line", None), by_field.get("unit")
    if unit is None or (column is not None and not frame[column.index].map(is_blank).all()):
        return frame, by_field  # a unit column, or units a heading row carries onto the rows below it
    frame = frame.copy(deep=False)
    frame[LINE_UNIT_COLUMN] = unit
    return frame, {**by_field, "unit": Column(index=LINE_UNIT_COLUMN, letter="", header="dòng đơn vị", field="unit")}
