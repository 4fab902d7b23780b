"""A one-row-per-meeting register whose date or status column has a heading the reader does not know ('Buổi',
'Kết quả', 'Đi họp'): the column is found by its values, every filled cell a meeting date or a status, and a
warning says which column was taken and why. A column of numbers is a status column only when the file's legend
explains every number in it ("Mã tình trạng: 1 - Có mặt; 2 - Vắng có phép …"): otherwise it is a count or a
code."""

import pandas as pd

from ..date_words import read_meeting_date, without_remark
from ..errors import ImportFileError
from ..normalising import is_blank, mark_key
from ..results import Column
from ..status_phrases import read_status

MIN_FILLED = 2
INFERRED = "Cột {letter} «{header}» không có tên quen thuộc, được hiểu là cột {what} vì mọi ô của nó là {values}"
WHAT = {"date": ("ngày sinh hoạt", "ngày"), "status": ("điểm danh", "ký hiệu hoặc lời điểm danh")}


def _reads_as(field: str, value, context) -> bool:
    if field == "date":
        read = read_meeting_date(without_remark(value), context.epoch_1904, context.year)
        return read.date is not None and not isinstance(value, (int, float))
    return read_status(value, context.marks).status is not None


def _legend_codes(distinct: list, field: str, context) -> bool:
    """Every number is a mark the file's legend explains (a status column of numeric codes)."""
    legend = getattr(context, "legend", None) or {}
    return field == "status" and all(mark_key(value) in legend for value in distinct)


def _every_filled_cell(values: pd.Series, field: str, context) -> bool:
    """Every filled cell reads as the field; a column of numbers alone (counts, 1/0) is taken only as status codes
    the file's legend explains."""
    distinct = [value for value in pd.unique(values.to_numpy(dtype=object)) if not is_blank(value)]
    filled = int((~values.map(is_blank)).sum())
    if filled < MIN_FILLED:
        return False
    if all(isinstance(value, (int, float)) for value in distinct) and not _legend_codes(distinct, field, context):
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


NO_STATUS_COLUMN = ("Không tìm thấy cột điểm danh (có mặt, vắng có phép, vắng không phép, đến muộn) trong bảng "
                    "điểm danh.")
UNEXPLAINED_CODES = (" Trang «{sheet}», cột {letter} «{header}» chỉ ghi số ({values}): nếu đó là mã điểm danh, "
                     "xin thêm dòng chú thích mã phía trên bảng (như «1 - Có mặt; 2 - Vắng có phép; 3 - Vắng không "
                     "phép; 4 - Đi muộn») rồi nhập lại.")
MAX_CODES = 9  # distinct numbers a column of status codes may hold (more: a count, a number, an identifier)


def no_status_message(frame: pd.DataFrame, columns: list[Column], sheet: str) -> str:
    """Why a register with its dates but no status column is refused, naming an unread column of small numbers
    that may be status codes without their legend."""
    for column in columns:
        if column.field or column.month or column.index not in frame.columns:
            continue
        distinct = sorted({value for value in frame[column.index].to_numpy(dtype=object) if not is_blank(value)},
                          key=str)
        if 1 < len(distinct) <= MAX_CODES and all(isinstance(value, (int, float)) for value in distinct):
            values = ", ".join(mark_key(value) for value in distinct)
            return NO_STATUS_COLUMN + UNEXPLAINED_CODES.format(sheet=sheet, letter=column.letter,
                                                               header=column.header, values=values)
    return NO_STATUS_COLUMN


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


UNREAD_DATE_LINE = ("Trang «{sheet}»: dòng «{line}» ghi thời gian buổi sinh hoạt nhưng không đọc được ngày (cần dạng "
                    "«ngày 06 tháng 01 năm 2026» hoặc «ngày 06/01/2026»): không nhập trang này để khỏi đoán ngày — "
                    "xin sửa dòng đó rồi nhập lại.")


def refuse_unread_date_line(columns: list[Column], context) -> None:
    """A sheet of one meeting with no date or month column whose date line does not read
    (``importers.date_sentences``): refused, naming the sheet and the line, rather than dated by its tab's month."""
    line = getattr(context, "date_line", None)
    if line and getattr(context, "meeting_date", None) is None \
            and not any(column.field == "date" or column.month or column.day for column in columns):
        raise ImportFileError(UNREAD_DATE_LINE.format(sheet=context.issues.sheet, line=line))
