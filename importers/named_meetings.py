"""Meeting columns headed by the meeting's name and its day/month in brackets, the name no number: "HN bất
thường\\n(25/11)", "Chuyên đề (12/5)", "Họp đột xuất (3/9)" — an extraordinary or thematic meeting beside the
numbered ones ("Lần 5\\n(11/11)"). Such a header is a meeting only among meetings: next to a dated meeting column
under the same header over them (a run of such columns counts as a whole), or in a run of three or more of them;
a lone "Tỷ lệ (5/6)" or a totals or note column ("Tổng cộng (đến 30/11)", "Ghi chú (1/12)") is never one. The
year is the one the column's other dates take (the sheet's, or the year written over the column).

A meeting's name with its full date inside, in brackets or after "ngày", the name as it likes ("Giao ban tháng
7\\n(ngày 28/7/2025)", "Giao ban quý III (ngày 25/9/2025)", "Hội nghị BCH lần 3 - ngày 05/3/2025", "Sinh hoạt
chuyên đề (12/5/2025)"), is such a meeting too, in a run of two or more. A name whose month or quarter the date is
not in ("Giao ban tháng 7 (ngày 28/8/2025)") is none, and refuses the file beside other such meetings (which of
the two is right is unknown: ``importers.meeting_heads.refuse_clashing_heads``); nor is a name of a period
("Chức vụ từ ngày 01/01/2025") or of counting or note words. A roster's "Ngày vào Đảng (dd/mm/yyyy)" or "Ngày
sinh" writes no date and is none.

A long register's date cell may name the meeting the same way, its month and year in the name and its day/month in
brackets ("Sinh hoạt thường kỳ tháng 5/2025 (ngày 13/05)", as a form's option text), or after a dash, a comma or
"ngày" ("Sinh hoạt tháng 8/2025 - ngày 05/08/2025", "SH chi bộ tháng 10 năm 2025, ngày 06/10/2025", "Tháng 11/2025 -
05/11"; the month alone when the date writes the year, "Sinh hoạt tháng 8 - ngày 05/08/2025"): that date
(``meeting_value_date``); a day/month or year outside the month the name gives, or a day the month lacks, is refused,
naming the cell. A name of no month or of two ("tháng 8 và tháng 9/2025"), a year nowhere, a date with more after it
(a time) is no such cell, and a month with no date ("Sinh hoạt tháng 8/2025") reads as it did."""

import datetime as dt
import re
import unicodedata
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
MIN_FULL_RUN = 2  # full dates, year and all: two such columns side by side are meetings
# the name (any text, digits too, a letter in it), then the full date: in brackets, or after 'ngày'
_FULL_DATE = r"(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>(?:19|20)\d{2})"
_ANY_NAME = r"^\s*(?P<name>[^()\[\]]*?[^\W\d_][^()\[\]]*?)"
_FULL_NAMED = (re.compile(rf"{_ANY_NAME}\s*[(\[]\s*(?:ngày\s*)?{_FULL_DATE}\s*[)\]]\s*$", re.IGNORECASE),
               re.compile(rf"{_ANY_NAME}[\s,:;\-–—]*\bngày\s*{_FULL_DATE}\s*$", re.IGNORECASE))
# a period's words before the date: the column holds a state from or until then, no meeting's marks
_PERIOD_WORDS = re.compile(r"\b(?:tu|den|truoc|sau|ke tu|bat dau|het)$")
_NAMED_MONTH = re.compile(r"\b(?P<word>thang|thg|th|t) ?(?P<month>\d{1,2})\b")
_NAMED_QUARTER = re.compile(r"\bquy (i|ii|iii|iv|[1-4])\b")
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _full_named(label: str) -> re.Match | None:
    """The match of a meeting's name with its full date ('Giao ban tháng 7 (ngày 28/7/2025)'), None when the name
    is of counting, note or period words or names a month or quarter the date is not in."""
    text = unicodedata.normalize("NFC", label)
    match = next((found for pattern in _FULL_NAMED if (found := pattern.match(text))), None)
    if match is None:
        return None
    name = fold(match.group("name"))
    if not name or _NOT_A_MEETING.search(name) or _PERIOD_WORDS.search(name) or _outside_name(match):
        return None
    return match


def _outside_name(match: re.Match) -> bool:
    """Whether the date falls outside the month or quarter the meeting's name gives ('tháng 7' over 28/8, 'quý
    II' over 25/9): which of the two is right is unknown."""
    name, date_month = fold(match.group("name")), int(match.group("m"))
    month, quarter = _NAMED_MONTH.search(name), _NAMED_QUARTER.search(name)
    if month and int(month.group("month")) != date_month and not _weekday(month, match):
        return True
    return bool(quarter) and int(_QUARTERS.get(quarter.group(1), quarter.group(1))) != (date_month - 1) // 3 + 1


def _weekday(month: re.Match, match: re.Match) -> bool:
    """Whether a 'T2' … 'T7' in the name may be the weekday ('Giao ban T2 (ngày 28/7/2025)': a Monday), not the
    month: the date falls on it, or, with no year written, which day it is cannot be told."""
    number = int(month.group("month"))
    if month.group("word") != "t" or not 2 <= number <= 7:
        return False
    try:
        year = match.group("y")
        return not year or dt.date(int(year), int(match.group("m")), int(match.group("d"))).weekday() == number - 2
    except ValueError:
        return False


def named_date(label: Any, year: int | None) -> dt.date | None:
    """The date of a header naming a meeting then its day/month in brackets ('HN bất thường (25/11)'), in its
    own year or `year`; None for any other cell, a name of counting or note words, or a day the month lacks."""
    match = _NAMED.match(label) if isinstance(label, str) else None
    if match is None or _NOT_A_MEETING.search(fold(match.group("name"))):
        match = _full_named(label) if isinstance(label, str) else None
    if match is None or _outside_name(match):
        return None
    year = int(match.group("y")) if match.group("y") else year
    try:
        return dt.date(year, int(match.group("m")), int(match.group("d"))) if year else None
    except ValueError:
        return None


def name_clashes(label: Any) -> bool:
    """Whether a header names a meeting of one month or quarter and a date outside it ('Giao ban tháng 8 (ngày
    27/9/2025)', 'Giao ban quý II (25/9)')."""
    if not isinstance(label, str):
        return False
    text = unicodedata.normalize("NFC", label)
    match = _NAMED.match(text) or next((found for pattern in _FULL_NAMED if (found := pattern.match(text))), None)
    name = fold(match.group("name")) if match else ""
    return bool(name) and not _NOT_A_MEETING.search(name) and not _PERIOD_WORDS.search(name) and _outside_name(match)


def has_full_date(label: Any) -> bool:
    """Whether a header names a meeting with its full date, year and all ('Giao ban quý III (ngày 25/9/2025)')."""
    return isinstance(label, str) and _full_named(label) is not None


def date_named_meetings(labels: list, parents: list, days: list, years: list) -> list:
    """`days` (ISO per column, None where undated) with the named meetings dated, each run of them next to a
    dated column under the same parent, or three or more long; `years` gives each column's year."""
    named = [named_date(label, years[index]) if days[index] is None else None
             for index, label in enumerate(labels)]
    parents = list(parents or []) + [None] * (len(labels) - len(parents or []))
    # a one-row header gives each column its own label as its parent: no header over it
    parents = [None if parent == label else parent for parent, label in zip(parents, labels)]
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
        full = all(named[column] and has_full_date(labels[column]) for column in range(index, end + 1))
        if beside or end - index + 1 >= (MIN_FULL_RUN if full else MIN_RUN):
            for column in range(index, end + 1):
                result[column] = named[column].isoformat()
        index = end + 1
    return result


# a date cell naming its meeting: the name (a letter in it, no brackets), then the day/month, maybe the year, the
# whole cell: in brackets, "Sinh hoạt thường kỳ tháng 5/2025 (ngày 13/05)"; after a dash, a comma or 'ngày', "Sinh
# hoạt tháng 8/2025 - ngày 05/08/2025", "Tháng 11/2025 - 05/11", "…, ngày 6 tháng 10 năm 2025"
_VALUE_NAME = r"^\s*(?P<name>[^()\[\]]*?[^\W\d_][^()\[\]]*?)"
_VALUE_DAY = (r"(?P<d>\d{1,2})\s*(?:[/.\-]|\s+tháng\b)\s*(?P<m>\d{1,2})"
              r"(?:\s*(?:[/.\-]|\s+năm\b)\s*(?P<y>(?:19|20)\d{2}))?")
_VALUE_NAMED = (re.compile(rf"{_VALUE_NAME}\s*[(\[]\s*(?:ngày\s*)?{_VALUE_DAY}\s*[)\]]\s*$", re.IGNORECASE),
                re.compile(rf"{_VALUE_NAME}(?:\s*[,:;\-–—]\s*(?:ngày\b\s*)?|\s+ngày\b\s*){_VALUE_DAY}\s*$",
                           re.IGNORECASE))
# the month and year the name gives (folded): "tháng 5/2025", "tháng 05 năm 2025", "T5/2025"
_NAME_MONTH_YEAR = re.compile(r"\b(?:thang|thg|th|t) ?(?P<month>\d{1,2}) (?:nam )?(?P<year>(?:19|20)\d{2})\b")
_NAME_MONTH_WORD = re.compile(r"\b(?:thang|thg) ?(\d{1,2})\b")  # 'tháng 8', year or not ('T2' may be a weekday)
OTHER_MONTH_VALUE = "ghi buổi sinh hoạt tháng {month}/{year} nhưng ngày ghi kèm ({day}) không thuộc tháng đó — " \
                    "không biết bên nào đúng"
NO_SUCH_DAY = "ghi ngày ({day}) không có thật"


def _named_month(name: str, date_year: int | None) -> tuple[int, int] | None:
    """The month and year a meeting's name gives: both ('tháng 5/2025', 'tháng 10 năm 2025'), or the month alone
    ('tháng 8') when the date after it writes the year; None when it gives none, or two months ('tháng 8 và tháng
    9/2025': which the date is of is unknown)."""
    with_year = {(int(found.group("month")), int(found.group("year"))) for found in _NAME_MONTH_YEAR.finditer(name)}
    months = {int(month) for month in _NAME_MONTH_WORD.findall(name)} | {month for month, _ in with_year}
    if len(months) != 1 or not 1 <= next(iter(months)) <= 12:
        return None
    if with_year:
        return with_year.pop() if len(with_year) == 1 else None
    return (months.pop(), date_year) if date_year else None


def meeting_value_date(value: Any) -> tuple[dt.date | None, str | None] | None:
    """(date, None) for a date cell naming its meeting with the month and year in the name and the day/month after
    it ('Sinh hoạt thường kỳ tháng 5/2025 (ngày 13/05)', 'Sinh hoạt tháng 8/2025 - ngày 05/08/2025'); (None,
    problem) when the day/month or the year written is outside the month named, or the day does not exist; None for
    any other cell."""
    text = unicodedata.normalize("NFC", value) if isinstance(value, str) else None
    match = next((found for pattern in _VALUE_NAMED if (found := pattern.match(text))), None) if text else None
    if match is None:
        return None
    name = fold(match.group("name"))
    named = _named_month(name, int(match.group("y")) if match.group("y") else None)
    if named is None or _NOT_A_MEETING.search(name) or _PERIOD_WORDS.search(name):
        return None
    month, year = named
    day, day_month = int(match.group("d")), int(match.group("m"))
    written = f"{day:02d}/{day_month:02d}" + (f"/{match.group('y')}" if match.group("y") else "")
    if day_month != month or (match.group("y") and int(match.group("y")) != year):
        return None, OTHER_MONTH_VALUE.format(month=month, year=year, day=written)
    try:
        return dt.date(year, month, day), None
    except ValueError:
        return None, NO_SUCH_DAY.format(day=written)
