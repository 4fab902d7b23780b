"""Meeting columns headed by the meeting's name and its day/month in brackets, the name no number: "HN bất
thường\\n(25/11)", "Chuyên đề (12/5)", "Họp đột xuất (3/9)" — an extraordinary or thematic meeting beside the
numbered ones ("Lần 5\\n(11/11)"). Such a header is a meeting only among meetings: next to a dated meeting column
under the same header over them (a run of such columns counts as a whole), or in a run of three or more of them;
a lone "Tỷ lệ (5/6)" or a totals or note column ("Tổng cộng (đến 30/11)", "Ghi chú (1/12)") is never one. The
year is the one the column's other dates take (the sheet's, or the year written over the column)."""

import datetime as dt
import re
from typing import Any

from .normalising import fold

# the name (letters only), then the day and month, and maybe the year, in brackets: the whole cell
_NAMED = re.compile(r"^\s*(?P<name>[^\d()\[\]]*[^\W\d_][^\d()\[\]]*?)\s*[(\[]\s*(?:ngày\s*)?"
                    r"(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})(?:\s*[/.\-]\s*(?P<y>\d{4}))?\s*[)\]]\s*$",
                    re.IGNORECASE)
# words of columns that count, sum up or note, never a meeting
_NOT_A_MEETING = re.compile(r"\b(?:tong|cong|so luong|so lan|so buoi|ty le|luy ke|ghi chu|tinh den|ket qua|ngay sinh"
                            r"|sl)\b")
MIN_RUN = 3


def named_date(label: Any, year: int | None) -> dt.date | None:
    """The date of a header naming a meeting then its day/month in brackets ('HN bất thường (25/11)'), in its
    own year or `year`; None for any other cell, a name of counting or note words, or a day the month lacks."""
    match = _NAMED.match(label) if isinstance(label, str) else None
    if match is None or _NOT_A_MEETING.search(fold(match.group("name"))):
        return None
    year = int(match.group("y")) if match.group("y") else year
    try:
        return dt.date(year, int(match.group("m")), int(match.group("d"))) if year else None
    except ValueError:
        return None


def date_named_meetings(labels: list, parents: list, days: list, years: list) -> list:
    """`days` (ISO per column, None where undated) with the named meetings dated, each run of them next to a
    dated column under the same parent, or three or more long; `years` gives each column's year."""
    named = [named_date(label, years[index]) if days[index] is None else None
             for index, label in enumerate(labels)]
    parents = list(parents or []) + [None] * (len(labels) - len(parents or []))
    result = list(days)
    index = 0
    while index < len(labels):
        if named[index] is None:
            index += 1
            continue
        end = index
        while end + 1 < len(labels) and named[end + 1] is not None and parents[end + 1] == parents[index]:
            end += 1
        beside = [side for side in (index - 1, end + 1) if 0 <= side < len(labels) and days[side]
                  and parents[side] == parents[index]]
        if beside or end - index + 1 >= MIN_RUN:
            for column in range(index, end + 1):
                result[column] = named[column].isoformat()
        index = end + 1
    return result
