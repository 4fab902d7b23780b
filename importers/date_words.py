"""Dates and months as offices word them: meeting dates with a weekday ("Thứ Hai, 06/01/2025", "T2 06/01",
"06/01/2025 (CN)"), in words ("ngày 7 tháng 3 năm 2025"), with the year left out ("07/3", the year stated
elsewhere in the sheet), and month column headers with or without their year ("01/2025", "T01", "Th.1",
"Thg 1", "Tháng 01/2025"). A quarter ("Quý I") is not a month.

Everything is matched on folded text (see ``normalising.fold``): no diacritics, punctuation turned to spaces.
The month word is 'tháng' or its short form 'thg', which Google Sheets writes in a Vietnamese-locale date ('13 thg
4, 1991'; 'thg 4 13, 1991' in the month-first order)."""

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .clock_words import FOLDED_COLON_TIME, WORDED_TIME
from .date_sentences import sentence_dates, unread_date_sentence
from .meeting_heads import MeetingHead, meeting_head
from .meeting_kinds import read_kind_date
from .meeting_lines import meeting_line_dates
from .moved_meetings import date_before_remark, held_date_text
from .named_meetings import date_named_meetings, meeting_value_date
from .normalising import fold, is_blank, normalise_date
from .period_labels import ROMAN_MONTHS, counts_months, period_months, roman_month

# Python's weekday(): Monday = 0 ... Sunday = 6; Vietnamese counts Monday as "thứ hai" (2) and Sunday "chủ nhật".
_WEEKDAY_WORDS = {"hai": 0, "ba": 1, "tu": 2, "nam": 3, "sau": 4, "bay": 5}
_WEEKDAY = r"(?:thu (?:hai|ba|tu|nam|sau|bay|[2-7])|t ?[2-7]|cn|chu nhat)"
_MONTH_NAME = r"(?:thang|thg)"
_DAY_MONTH_YEAR = (rf"(?:ngay )?(?P<d>\d{{1,2}}) (?:{_MONTH_NAME} )?(?P<m>\d{{1,2}})"
                   rf"(?: (?:nam )?(?P<y>\d{{4}}|\d{{2}}))?")
# "19h30", "7h", "19g30", "16 giờ 30 phút", "sáng"; "19:30", "19:30:00" only after the date
_TIME = rf"(?:(?:luc )?{WORDED_TIME}|sang|chieu|toi|trua)"
_CLOCK = FOLDED_COLON_TIME
_MEETING_DATE = re.compile(rf"^(?:{_TIME} )?(?:(?:vao )?(?P<before>{_WEEKDAY}) (?:ngay )?)?"
                           rf"(?:{_DAY_MONTH_YEAR}|(?P<iso_y>\d{{4}}) (?P<iso_m>\d{{1,2}}) (?P<iso_d>\d{{1,2}}))"
                           rf"(?: (?P<after>{_WEEKDAY}))?(?: (?:luc )?(?:{_TIME}|{_CLOCK}))?$")
VIETNAMESE_WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")

NO_YEAR = "không ghi năm và trong trang không có năm nào để bổ sung"
NOT_A_DATE = "không hợp lệ"


@dataclass(frozen=True)
class MeetingDate:
    """A meeting date read from one cell: the date, or the problem; a warning when read with a doubt."""

    date: dt.date | None = None
    problem: str | None = None
    warning: str | None = None
    year_added: bool = False  # written without its year, completed with the sheet's


def weekday_of(word: str) -> int | None:
    """Python weekday number for a folded weekday word ('thu hai', 'thu 2', 't2', 'cn', 'chu nhat')."""
    word = word.replace(" ", "")
    if word in ("cn", "chunhat"):
        return 6
    number = word[3:] if word.startswith("thu") else word[1:]
    if number.isdigit():
        return int(number) - 2 if 2 <= int(number) <= 7 else None
    return _WEEKDAY_WORDS.get(number)


def full_year(text: str | None, year: int | None) -> int | None:
    """The year a date writes ('2025', '25' = 2025, '98' = 1998), else `year`."""
    if text is None:
        return year
    return int(text) + (2000 if int(text) <= 69 else 1900) if len(text) == 2 else int(text)


def read_meeting_date(value: Any, epoch_1904: bool = False, year: int | None = None) -> MeetingDate:
    """A meeting date from a date cell, a serial or text in any of the wordings above; `year` completes a date
    written without one. A weekday that contradicts the date is a warning (the digits are kept)."""
    if is_blank(value):
        return MeetingDate()
    compact = compact_date(value)
    if compact is not None:
        return MeetingDate(*compact)
    date, problem = normalise_date(value, epoch_1904)
    if problem is None or not isinstance(value, str):
        return MeetingDate(date, problem)
    match = _MEETING_DATE.match(fold(value))
    if match is None:
        worded = worded_date(value)  # month first: 'thg 4 13, 2025'
        return MeetingDate(worded) if worded else MeetingDate(problem=NOT_A_DATE)
    if match.group("iso_y"):
        parts = (match.group("iso_y"), match.group("iso_m"), match.group("iso_d"))
        year_text, month_text, day_text = parts
    else:
        day_text, month_text, year_text = match.group("d"), match.group("m"), match.group("y")
    stated = full_year(year_text, year)
    if stated is None:
        return MeetingDate(problem=NO_YEAR)
    try:
        date = dt.date(stated, int(month_text), int(day_text))
    except ValueError:
        return MeetingDate(problem=NOT_A_DATE)
    word = match.group("before") or match.group("after")
    warning = None
    if word is not None and weekday_of(word) != date.weekday():
        warning = f"ghi sai thứ: ngày {date:%d/%m/%Y} là {VIETNAMESE_WEEKDAYS[date.weekday()]}; đã lấy theo ngày tháng"
    return MeetingDate(date, warning=warning, year_added=year_text is None)


_COMPACT = re.compile(r"^\d{8}$")


def _compact_parts(digits: str, order: str) -> dt.date | None:
    year, month, day = ((digits[:4], digits[4:6], digits[6:]) if order == "ymd" else
                        (digits[4:], digits[2:4], digits[:2]))
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return date if 1990 <= date.year <= 2100 else None


def compact_date(value: Any) -> tuple[dt.date, None] | None:
    """A date written as eight digits without separators, as software exports do ('20241005' = 5 Oct 2024, also
    '05102024'); None for any other value. The two orders never give two different dates in 1990-2100: a year
    leads with 19/20, which is no month."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        return None
    digits = str(value).strip()
    if not _COMPACT.match(digits):
        return None
    date = _compact_parts(digits, "ymd") or _compact_parts(digits, "dmy")
    return (date, None) if date else None


# ---- month headers ---------------------------------------------------------------------------

_MONTH_WORD = r"(?:t|th|thg|thang)"
_ROMAN_MONTH = re.compile(r"^thang ([ivx]{1,4})(?: (?:nam )?(\d{4}))?$")              # Tháng I .. Tháng XII
_MONTH_PATTERNS = (
    re.compile(rf"^{_MONTH_WORD} ?(\d{{1,2}})(?: (?:nam )?(\d{{4}}|\d{{2}}))?$"),  # T01, Th 1, Tháng 01/2025, T1/25
    re.compile(r"^(\d{1,2}) (?:nam )?(\d{4})$"),                                   # 01/2025, 1-2025
)
_YEAR_MONTH = re.compile(r"^(\d{4}) (\d{1,2})$")                                   # 2025-01


@lru_cache(maxsize=4096)
def month_and_year(label: Any, parent: Any = None) -> tuple[int, int | None] | None:
    """(month, year or None) for a month column header; a bare '1'..'12' counts only under a header counting months
    ('Tháng', 'Quý I': ``importers.period_labels.counts_months``), so does a bare Roman 'I'..'XII'."""
    folded = fold(label)
    if not folded or len(folded) > 20:
        return None
    for pattern in _MONTH_PATTERNS:
        match = pattern.match(folded)
        if match:
            month, year = int(match.group(1)), full_year(match.group(2), None)
            return _checked(month, year)
    match = _ROMAN_MONTH.match(folded)
    if match and match.group(1) in ROMAN_MONTHS:
        return _checked(ROMAN_MONTHS[match.group(1)], full_year(match.group(2), None))
    match = _YEAR_MONTH.match(folded)
    if match:
        return _checked(int(match.group(2)), int(match.group(1)))
    bare = int(folded) if folded.isdigit() else roman_month(folded)
    if bare and counts_months(parent) and bare in (period_months(parent) or range(1, 13)) \
            and (parent is None or month_and_year(parent) is None):
        return _checked(bare, None)  # under a quarter or half-year ('6 tháng cuối năm') only its own months; under
        # one month ('Tháng 7/25' over 'CM' | 'V') a box of that month, never the month 'V
    return None


_MONTH_VALUE = re.compile(r"^thang (\d{1,2})(?: (?:nam )?((?:19|20)\d{2}))?$")  # folded 'Tháng 03/2025', 'Tháng 3'


def read_meeting_month(value: Any, year: int | None) -> MeetingDate | None:
    """A month written where a long register's meeting date goes ('Tháng 03/2025', 'Tháng 3' with `year` the
    sheet's): the 1st of that month, the attendance convention for a monthly meeting; None for any other value.
    'T3' is left alone: it may be a weekday (thứ 3)."""
    match = _MONTH_VALUE.match(fold(value)) if isinstance(value, str) else None
    if match is None or not 1 <= int(match.group(1)) <= 12:
        return None
    stated = int(match.group(2)) if match.group(2) else year
    if stated is None:
        return MeetingDate(problem=NO_YEAR)
    return MeetingDate(dt.date(stated, int(match.group(1)), 1), year_added=match.group(2) is None)


def read_named_meeting(value: Any) -> MeetingDate | None:
    """A date cell naming its meeting, month and year in the name and day/month in brackets or after a dash ('Sinh
    hoạt thường kỳ tháng 5/2025 (ngày 13/05)', 'Sinh hoạt tháng 8/2025 - ngày 05/08/2025':
    ``importers.named_meetings.meeting_value_date``); None for any other value."""
    read = meeting_value_date(value)
    return None if read is None else MeetingDate(*read)


def _checked(month: int, year: int | None) -> tuple[int, int | None] | None:
    if not 1 <= month <= 12 or (year is not None and not 1990 <= year <= 2100):
        return None
    return month, year


_DATE_LINE = re.compile(r"\bngay \d{1,2} thang \d{1,2} nam \d{4}\b|\b\d{1,2} \d{1,2} \d{4}\b")
_STATED_YEAR = re.compile(r"\bnam ((?:19|20)\d{2})\b")


def stated_years(titles: list[str]) -> dict[int, str]:
    """Every year the title lines state ('… NĂM 2025'), each with the folded line stating it first, place-and-date
    lines left out as ``stated_year`` does."""
    found: dict[int, str] = {}
    for text in titles:
        folded = fold(text)
        if not _DATE_LINE.search(folded):
            for match in _STATED_YEAR.finditer(folded):
                found.setdefault(int(match.group(1)), folded)
    return found


def stated_year(titles: list[str]) -> int | None:
    """The year a title states ('… NĂM 2025'), leaving out place-and-date lines ('Hà Nội, ngày 5 tháng 1 năm
    2026'): a register is often signed the year after the one it covers."""
    for text in titles:
        folded = fold(text)
        if _DATE_LINE.search(folded):
            continue
        match = _STATED_YEAR.search(folded)
        if match:
            return int(match.group(1))
    return None


# '26/6 (CĐ)', '10/01/2025 [chuyên đề]': a remark in brackets after a header's date, no digit in it
_REMARK = re.compile(r"\s*(?:\([^()\d]*\)|\[[^\[\]\d]*\])\s*$")


def without_remark(label: Any) -> Any:
    """A date header without the remark in brackets after its date ('26/6 (CĐ)' -> '26/6': a thematic meeting is
    still the meeting of that day); other cells, brackets holding digits ('Lần 1 (06/01)') and a weekday in brackets
    ('10/1 (Thứ Sáu)', read and checked with the date) as they are. A moved meeting's header gives the date it was
    held on ('12/11 (dời từ 05/11)' -> '12/11', '05/11 (dời sang 12/11)' -> '12/11': ``importers.moved_meetings``);
    one whose words do not say which of its two dates ('12/11 (05/11)') stays as it is, unread. A bracket holding
    digits but no date is a remark too ('12/11 (do bão số 13)', '12/11 (19h30)' -> '12/11')."""
    held = held_date_text(label)
    if held is not None:
        return held
    remark = _REMARK.search(label) if isinstance(label, str) else None
    numbered = date_before_remark(label) if remark is None else None  # '12/11 (do bão số 13)', '12/11 (19h30)'
    if numbered is not None and not re.fullmatch(_WEEKDAY, fold(label[len(numbered):].strip())):
        return numbered
    if remark is None or re.fullmatch(_WEEKDAY, fold(remark.group())):
        return label
    bare = label[:remark.start()]
    return bare if bare and bare[-1].isdigit() else label


_DAY_LABEL = re.compile(r"^(?:ngay |buoi |ng )?(\d{1,2})$")
_DAY_MONTH_LABEL = re.compile(rf"^(?:(?:{_WEEKDAY}) )?(?:ngay )?(\d{{1,2}}) (\d{{1,2}})(?: (?:{_WEEKDAY}))?$")
_NTH_MEETING = re.compile(r"^(?:lan|buoi)(?: thu)? (\d{1,2})$")  # 'Lần 1', 'Buổi 2': no date
# 'Lần 1', 'Buổi 2', 'Kỳ 3', 'SH lần 4', 'Lần thứ 5': a meeting's number, over its date on the header row below
_MEETING_NUMBER = re.compile(r"^(?:sh |sinh hoat )?(?:lan|buoi|ky)(?: thu)? \d{1,2}$")


def day_under_month(label: Any, parent: Any, year: int | None,
                    kinds: dict[str, str] | None = None) -> dt.date | None:
    """The meeting date of a column headed by a day under a month ('Ngày 5' under 'Tháng 1/2025': two meetings a
    month), by a day and month alone ('06/01', 'T2 06/01') in the sheet's year, or by a meeting's number or kind
    and its date ('Lần 1 (06/01)', 'CĐ 19/9': ``importers.meeting_kinds``, `kinds` the note's abbreviations);
    None otherwise."""
    folded = fold(without_remark(label))
    day_match, month = _DAY_LABEL.match(folded), month_and_year(parent) if parent else None
    # 'Lần 1 (06/01)', 'Kỳ 2 (03/12/2025)': a meeting's number and its date; 'CĐ 19/9': its kind and its date
    nth = meeting_head(folded) or read_kind_date(folded, kinds)
    if nth:
        return _nth_meeting_date(MeetingHead(nth.day, nth.month, nth.year), month, year)
    if day_match and month and fold(parent) != folded:
        day, (month_number, month_year) = int(day_match.group(1)), month
        year = month_year or year
    else:
        match = _DAY_MONTH_LABEL.match(folded)
        if not match or year is None:
            return None
        day, month_number = int(match.group(1)), int(match.group(2))
    return _real_date(year, month_number, day)


def _real_date(year: int | None, month: int, day: int) -> dt.date | None:
    """The date, or None without a year or for a day the month does not have (31/4)."""
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nth_meeting_date(head: MeetingHead, month: tuple[int, int | None] | None, year: int | None) -> dt.date | None:
    """The date of an Nth-meeting label ('Lần 2 (20/01)'): its day and month, in its own year, else the month
    header's, else the sheet's; None when the month header over it names another month (which is right is
    unknown)."""
    if month and month[0] != head.month:
        return None
    year = head.year or (month[1] if month and month[1] else year)
    return _real_date(year, head.month, head.day)


def is_meeting_number(label: Any) -> bool:
    """Whether a header cell numbers a meeting ('Lần 1', 'Buổi 2', 'Kỳ 3'), its date left to the row under it."""
    return isinstance(label, str) and _MEETING_NUMBER.match(fold(label)) is not None


MEETING_DATE_LABELS = frozenset({"ngay sinh hoat", "ngay hop", "ngay du hop", "buoi sinh hoat", "ngay sinh hoat chi bo",
                                 "thoi gian sinh hoat", "thoi gian hop", "lan sinh hoat", "cac buoi sinh hoat"})


def undated_meetings(labels: list[str], parents: list[str]) -> list[str]:
    """The labels of columns that number a month's meetings without their date ('Lần 1', 'Lần 2' under 'Tháng
    1'): under every month the numbers run 1, 2, … (so 'Buổi 1', 'Buổi 2' are no days 1 and 2). Their dates are
    unknown and must not be made up."""
    numbers: dict[str, list[int]] = {}
    found = []
    for label, parent in zip(labels, parents or [""] * len(labels)):
        match = _NTH_MEETING.match(fold(label)) if label else None
        if match and parent and month_and_year(parent):
            numbers.setdefault(fold(parent), []).append(int(match.group(1)))
            found.append(label)
    if len(found) < 2 or any(values != list(range(1, len(values) + 1)) for values in numbers.values()):
        return []
    return list(dict.fromkeys(found))


def meeting_days(labels: list[str], parents: list[str], dates: list, year: int | None,
                 years: list[int | None] | None = None, kinds: dict[str, str] | None = None) -> list[str | None]:
    """The ISO meeting date per column: a date the header cell already holds, else a day under a month or a
    day/month label; a day/month label counts only where three or more columns have one (a lone '1/2' may be
    anything, unless it sits under a meeting-date label such as 'Ngày sinh hoạt' or a meeting's number 'Lần 1').
    A label stating no year takes the year its month label states, else the one a header cell over its column
    names (`years`: 'Năm 2025' over the spring meetings of a school year), else the sheet's `year`. A meeting
    named with its day/month in brackets ('HN bất thường (25/11)') is dated among the others
    (``importers.named_meetings``); one named with its kind ('CĐ 19/9') counts alone, `kinds` the abbreviations the
    sheet's note defines (``importers.meeting_kinds.defined_kinds``)."""
    years = years or []
    found = [day_under_month(label, parent, (years[index] if index < len(years) else None) or year, kinds) if label
             else None for index, (label, parent) in enumerate(zip(labels, parents or [""] * len(labels)))]
    bare = sum(1 for label, day in zip(labels, found) if day and _DAY_MONTH_LABEL.match(fold(without_remark(label))))
    days = []
    for index, label in enumerate(labels):
        given = dates[index] if index < len(dates) else None
        day = found[index]
        dated = index < len(parents or []) and (fold(parents[index]) in MEETING_DATE_LABELS
                                                or is_meeting_number(parents[index]))
        if day and bare < 3 and not dated and _DAY_MONTH_LABEL.match(fold(without_remark(label))):
            day = None
        days.append(given or (day.isoformat() if day else None))
    column_years = [(years[index] if index < len(years) else None) or year for index in range(len(labels))]
    return date_named_meetings(labels, parents, days, column_years)  # 'HN bất thường (25/11)' beside 'Lần 5 (11/11)'


# A line above the table that is only the meeting's date, under a short label or none: "Ngày 06/01/2025", "Ngày:
# 04.4.2025", "ngày 5 tháng 2 năm 2025", "Thời gian: 19h30, 05-3-2025", "Thứ Ba, 6/5/2025" (folded: punctuation is
# gone). 'ngày' itself is read by ``read_meeting_date``; a document's date has other words ('Ngày in', 'Hà Nội, ngày').
_LINE_LABEL = re.compile(r"^(?:thoi gian(?: hop| sinh hoat| to chuc| bat dau)?|ngay (?:hop|sinh hoat|to chuc|du hop)|"
                         r"vao (?:luc|hoi)|hop ngay|sinh hoat ngay) (?=\S)")
# what is left once the label is gone, when it is only digits and date words: a date that may not exist ('31/02')
_DATE_SHAPED = re.compile(r"^(?:ngay )?\d{1,2} (?:thang )?\d{1,2} (?:nam )?\d{2,4}$")


def date_line(text: Any) -> MeetingDate | None:
    """The meeting date of a title line that states nothing else (its label, a weekday, a time of day); a
    MeetingDate with a problem for such a line whose day does not exist ('Ngày: 31/02/2025'); None for any other
    line, or one without its year."""
    if not isinstance(text, str):
        return None
    folded = fold(text)
    rest = _LINE_LABEL.sub("", folded, count=1)
    if not rest or not re.search(r"\d", rest) or compact_date(rest) is not None:
        return None
    read = read_meeting_date(rest)
    if read.date is not None and not read.year_added:
        return read
    return MeetingDate(problem=NOT_A_DATE) if _DATE_SHAPED.match(rest) else None


def unread_date_line(titles: list) -> str | None:
    """The first title line stating the meeting's date that does not read, as written: a date sentence
    (``importers.date_sentences``) or a date line ('Ngày: 31/02/2025'); None when every one reads."""
    sentence = unread_date_sentence(titles)
    if sentence is not None:
        return sentence
    return next((str(text).strip() for text in titles if (read := date_line(text)) is not None and read.problem),
                None)


_TIME_LINE = re.compile(r"\b(?:thoi gian|ngay hop|ngay sinh hoat|buoi sinh hoat|hop ngay|sinh hoat ngay|vao luc)\b")
_DATE_IN_LINE = re.compile(r"\b(?:ngay )?(\d{1,2}) (?:thang )?(\d{1,2}) (?:nam )?(\d{4})\b")


def meeting_date_in_titles(titles: list[str]) -> dt.date | None:
    """The meeting date a title line states ('Thời gian: Thứ Sáu, ngày 03/01/2025; Địa điểm: …', 'Điểm danh sinh
    hoạt chi bộ …, thứ Ba ngày 10/6/2025') for a sheet that is one meeting; None when no such line, or when the
    lines name several dates."""
    found = set()
    for text in titles:
        found.update(meeting_line_dates(text))
        found.update(sentence_dates(text))  # 'Vào lúc 14h00 ngày 05/02/2026', 'Hôm nay, ngày …'
        alone = date_line(text)  # 'Ngày: 04.4.2025', 'Thứ Ba, 6/5/2025'
        if alone is not None and alone.date is not None:
            found.add(alone.date)
        folded = fold(text)
        time_word = _TIME_LINE.search(folded)
        if time_word is None:
            continue
        for match in _DATE_IN_LINE.finditer(folded, time_word.end()):
            try:
                found.add(dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1))))
            except ValueError:
                return None
    return found.pop() if len(found) == 1 else None


_TAB_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def year_of_tab(name: str | None) -> int | None:
    """The year a sheet's tab names ('Nam 2025', 'SHCB 2025'), for a register whose title states none."""
    match = _TAB_YEAR.search(name or "")
    return int(match.group(1)) if match else None


def years_of_tab(name: str | None) -> set[int]:
    """Every year a sheet's tab names ('DS 2025': one; 'NK 2020-2025': two)."""
    return {int(year) for year in _TAB_YEAR.findall(name or "")}


_WORDED = re.compile(rf"^(?:sinh\s+)?(?:ngay\s*)?(?P<d>\d{{1,2}})\s*{_MONTH_NAME}\s*(?P<m>\d{{1,2}})\s*(?:nam\s*)?"
                     rf"(?P<y>\d{{4}})$"
                     rf"|^{_MONTH_NAME}\s*(?P<m2>\d{{1,2}})\s+(?P<d2>\d{{1,2}})\s+(?P<y2>\d{{4}})$")


# An English month name, as an English-locale sheet shows a date: "Oct 7, 1970", "October 7 1970", "7 Oct 1970",
# "07-Oct-1970" (folded: punctuation is space)
_ENGLISH_MONTHS = {name: number for number, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")), start=1) for name in names}
_EN_MONTH = "(?:" + "|".join(sorted(_ENGLISH_MONTHS, key=len, reverse=True)) + ")"
_ENGLISH = re.compile(rf"^(?P<m>{_EN_MONTH}) (?P<d>\d{{1,2}}) (?P<y>\d{{4}})$|^(?P<d2>\d{{1,2}}) (?P<m2>{_EN_MONTH}) "
                      rf"(?P<y2>\d{{4}})$")


def _english_date(folded: str) -> tuple[int, int, int] | None:
    match = _ENGLISH.match(folded)
    if match is None:
        return None
    day, month, year = match.group("d", "m", "y") if match.group("d") else match.group("d2", "m2", "y2")
    return int(day), _ENGLISH_MONTHS[month], int(year)


def worded_date(value: Any) -> dt.date | None:
    """The date a worded text names ("ngày 7 tháng 3 năm 1975", "sinh ngày 07 tháng 03 năm 1975", as forms print
    birth dates; "13 thg 4, 1991", "thg 4 13, 1991", as Google Sheets shows a date in Vietnamese; "Oct 7, 1970" in
    English); None for any other value or a day that does not exist."""
    if not isinstance(value, str) or (len(value) > 20 and "th" not in value.lower()):
        return None
    folded = fold(value)
    english = _english_date(folded) if len(value) <= 20 else None
    if english is not None:
        day, month, year = english
    else:
        match = _WORDED.match(folded) if "th" in folded else None  # every Vietnamese one says "tháng" or "thg"
        if match is None:
            return None
        parts = match.group("d", "m", "y") if match.group("d") else match.group("d2", "m2", "y2")
        day, month, year = (int(part) for part in parts)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
