"""A column of text dates written month first ('4/14/2025', '10/5/2025': a Google Forms or Excel export set to the
US locale). A Vietnamese sheet writes day/month/year, and that stays the reading of a column whose every date reads
either way ('3/4/2025'). When some date of the column can only be month/day (14 is no month) and none can only be
day/month, the WHOLE column is read month/day/year, decided once before any value is read, with one warning: read
value by value, '4/14/2025' would be refused and '10/5/2025' silently become 10 May. A column whose dates need both
readings is refused naming a cell of each: either reading would make some meeting silently wrong. Real date cells
are not text and are left as they are."""

import datetime as dt
from typing import Any

import pandas as pd

from .errors import ImportFileError
from .normalising import numeric_date_parts
from .validating import cell_ref

TURNED = ("cột {letter} «{header}»: ngày ghi theo kiểu tháng/ngày/năm (ví dụ «{example}») nên cả cột "
          "được đọc theo tháng trước — xin kiểm tra")  # the issue names the sheet
MIXED = ("Trang «{sheet}», cột {letter} «{header}»: ngày ghi lẫn hai cách — «{month_first}» ({month_cell}) chỉ đọc "
         "được theo tháng/ngày/năm, «{day_first}» ({day_cell}) chỉ đọc được theo ngày/tháng/năm — hãy ghi mọi ngày "
         "cùng một cách rồi nhập lại.")


def _only(parts: tuple[int, int, int]) -> str | None:
    """'mdy' when only month/day reads, 'dmy' when only day/month does, None for either or neither."""
    first, second, _ = parts
    if 1 <= first <= 12 < second <= 31:
        return "mdy"
    if 1 <= second <= 12 < first <= 31:
        return "dmy"
    return None


def _month_first_date(value: Any) -> Any:
    """A text date in numbers read month/day/year; other values, and dates no real day that way, as they are."""
    parts = numeric_date_parts(value) if isinstance(value, str) else None
    if not parts:
        return value
    month, day, year = parts
    try:
        return dt.date(year, month, day)
    except ValueError:
        return value


def is_month_first(values: pd.Series, letter: str, header: Any, sheet: str | None) -> str | None:
    """The first value showing that a column's text dates are written month first, or None when the column stays
    day first; refuse a column whose dates need both readings."""
    found = {"mdy": None, "dmy": None}
    for row, value in values.items():
        parts = numeric_date_parts(value) if isinstance(value, str) else None
        order = _only(parts) if parts else None
        if order and found[order] is None:
            found[order] = (row, value.strip())
    if found["mdy"] and found["dmy"]:
        (m_row, m_value), (d_row, d_value) = found["mdy"], found["dmy"]
        raise ImportFileError(MIXED.format(sheet=sheet or "", letter=letter, header=header, month_first=m_value,
                                           month_cell=cell_ref(None, int(m_row), letter), day_first=d_value,
                                           day_cell=cell_ref(None, int(d_row), letter)))
    return found["mdy"][1] if found["mdy"] else None


def read_month_first(frame: pd.DataFrame, column, issues) -> pd.DataFrame:
    """The frame with the column's text dates turned to dates read month first when the column shows that order
    (one warning for the column); unchanged otherwise."""
    if column is None or column.index not in frame.columns:
        return frame
    header = " ".join(str(column.header or "").split())
    example = is_month_first(frame[column.index], column.letter, header, issues.sheet)
    if example is None:
        return frame
    frame = frame.copy(deep=False)
    frame[column.index] = frame[column.index].map(_month_first_date)
    issues.warning(None, column.letter, column.field, None,
                   TURNED.format(letter=column.letter, header=header, example=example))
    return frame
