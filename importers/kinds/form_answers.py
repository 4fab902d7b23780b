"""Check-in answers to a form (Google Forms 'Câu trả lời biểu mẫu 1'): one row per answer, a timestamp column
('Dấu thời gian'), questions naming a person, a chi bộ and an attendance answer ('Có mặt', 'Xin vắng (có lý do)').
Without a date question the meeting's date is the timestamp's, read as the office's wall clock (a timestamp with
its own zone is moved to the office's), so all answers of one day are one meeting. A person answering twice for
one meeting: the later answer counts, and a warning names both rows."""

import datetime as dt
import re

import pandas as pd

from ..date_words import read_meeting_date
from ..honorifics import name_cleaner
from ..normalising import fold, is_blank
from ..office_zone import OFFICE_TIMEZONE
from ..results import Column

STAMP_DATE_COLUMN = -102  # frame label of the dates read from the timestamps
_STAMP = re.compile(r"^(?P<date>\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4})[ T,]+(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?"
                    r"(?:\.\d+)?\s*(?P<half>SA|CH|AM|PM)?\s*(?:(?:GMT|UTC)?\s*(?P<zone>Z|[+-]\d{1,2}(?::?\d{2})?))?$",
                    re.IGNORECASE)
_SHORT = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$")
TWO_ORDERS = ("Cột {letter} «{header}»: ngày trong dấu thời gian đọc được cả theo ngày/tháng lẫn tháng/ngày và thứ "
              "tự các dòng không cho biết cách nào đúng; đã đọc theo ngày/tháng/năm, xin kiểm tra")
FROM_STAMPS = ("Cột {letter} «{header}»: không có cột ngày sinh hoạt, ngày sinh hoạt lấy theo ngày trả lời biểu mẫu "
               "(các câu trả lời cùng một ngày là một buổi sinh hoạt)")
SUPERSEDED = "câu trả lời trước của người trả lời hai lần cho một buổi (lấy câu trả lời sau)"
TWICE = ("{name} trả lời hai lần cho buổi sinh hoạt ngày {date} (dòng {first} «{first_answer}» và dòng {later} "
         "«{later_answer}»): lấy câu trả lời sau (dòng {later})")


def stamp_moment(value, epoch_1904: bool = False, month_first: bool = False) -> dt.datetime | None:
    """The office's wall-clock time of a timestamp cell (a date-and-time cell, or text '07/01/2026 19:01:06',
    '2026-01-07 7:01:06 CH', '2026-01-07 19:01:06 GMT+7'; '1/7/2026 …' with `month_first`, as an export in an
    English locale writes it); None when the value is no timestamp."""
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return _office(value)
    match = _STAMP.match(value.strip()) if isinstance(value, str) else None
    if match is None:
        return None
    text = _SHORT.sub(r"\3\2\1\2\4", match.group("date")) if month_first else match.group("date")
    day = read_meeting_date(text, epoch_1904).date
    if day is None:
        return None
    hour, half = int(match.group("h")), (match.group("half") or "").upper()
    hour = hour % 12 + (12 if half in ("CH", "PM") else 0) if half else hour
    if hour > 23 or int(match.group("m")) > 59:
        return None
    moment = dt.datetime.combine(day, dt.time(hour, int(match.group("m")), int(match.group("s") or 0)))
    return _office(moment.replace(tzinfo=_zone(match.group("zone")))) if match.group("zone") else moment


def stamp_date(value, epoch_1904: bool = False, month_first: bool = False):
    """The office-day date of a timestamp; the value itself when it is no timestamp (the date reader reports it)."""
    moment = stamp_moment(value, epoch_1904, month_first)
    return moment.date() if moment else value


def _zone(text: str) -> dt.timezone:
    if text.upper() == "Z":
        return dt.timezone.utc
    sign = -1 if text.startswith("-") else 1
    digits = text[1:].replace(":", "")
    hours, minutes = (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def _office(moment: dt.datetime) -> dt.datetime:
    """A naive timestamp is already the office's wall clock; an aware one is moved there."""
    return moment.astimezone(OFFICE_TIMEZONE).replace(tzinfo=None) if moment.tzinfo else moment


def date_from_stamps(frame: pd.DataFrame, by_field: dict, context) -> tuple[pd.DataFrame, dict]:
    """A register with a timestamp column and a status but no date column: each row's date is its timestamp's."""
    stamps = by_field.get("timestamp")
    if "date" in by_field or "status" not in by_field or stamps is None:
        return frame, by_field
    frame = frame.copy(deep=False)
    first = _month_first(frame[stamps.index].tolist(), context, stamps)
    frame[STAMP_DATE_COLUMN] = frame[stamps.index].map(lambda value: stamp_date(value, context.epoch_1904, first))
    context.issues.warning(None, stamps.letter, "date", None,
                           FROM_STAMPS.format(letter=stamps.letter, header=stamps.header))
    return frame, {**by_field, "date": Column(index=STAMP_DATE_COLUMN, letter=stamps.letter, header=stamps.header,
                                              field="date")}


def _month_first(values: list, context, column) -> bool:
    """Whether text timestamps put the month first: a first number over 12 says day first, a second one month
    first; when neither does, the order that keeps the answers in submission order (a form lists them so) wins,
    else day first with a warning."""
    pairs = []
    for value in values:
        match = _STAMP.match(value.strip()) if isinstance(value, str) else None
        short = _SHORT.match(match.group("date")) if match else None
        if short:
            pairs.append((int(short.group(1)), int(short.group(3))))
    if not pairs or any(day > 12 for day, _ in pairs) or not any(a != b for a, b in pairs):
        return False
    if any(month > 12 for _, month in pairs):
        return True
    day_first, month_first = (_in_order([stamp_moment(v, context.epoch_1904, order) for v in values])
                              for order in (False, True))
    if month_first and not day_first:
        return True
    if day_first == month_first:
        context.issues.warning(None, column.letter, "date", None,
                               TWO_ORDERS.format(letter=column.letter, header=column.header))
    return False


def _in_order(moments: list) -> bool:
    known = [moment for moment in moments if moment is not None]
    return all(a <= b for a, b in zip(known, known[1:]))


def later_answers(frame: pd.DataFrame, by_field: dict, context) -> tuple[pd.DataFrame, list[int]]:
    """The frame without the earlier answer of a person answering twice for one meeting (same name, unit and date;
    the later by timestamp, else by row, counts), and the rows left out; a warning names both rows."""
    stamps, status = by_field.get("timestamp"), by_field.get("status")
    if stamps is None or status is None or by_field["date"].index != STAMP_DATE_COLUMN:
        return frame, []
    names = frame[by_field["full_name"].index] if "full_name" in by_field else None
    if names is None:
        return frame, []
    names = names.map(name_cleaner(names.to_numpy(dtype=object)))
    unit = by_field.get("unit")
    moments = {row: stamp_moment(frame.at[row, stamps.index], context.epoch_1904) for row in frame.index}
    seen, earlier = {}, []
    for row in sorted(frame.index, key=lambda row: (moments[row] or dt.datetime.min, row)):
        name, day = names[row], frame.at[row, STAMP_DATE_COLUMN]
        if is_blank(name) or is_blank(frame.at[row, status.index]) or not isinstance(day, dt.date):
            continue
        key = (fold(name), day, fold(frame.at[row, unit.index]) if unit is not None else "")
        if key in seen:
            first = seen[key]
            earlier.append(int(first))
            context.issues.warning(int(row), status.letter, "status", None, TWICE.format(
                name=name, date=f"{day:%d/%m/%Y}", first=int(first), later=int(row),
                first_answer=frame.at[first, status.index], later_answer=frame.at[row, status.index]))
        seen[key] = row
    return (frame.drop(index=earlier), earlier) if earlier else (frame, [])
