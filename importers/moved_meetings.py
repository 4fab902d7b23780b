"""A meeting column headed by its date and a remark holding another date, because the meeting was moved: "12/11
(dời từ 05/11 do bão số 13)", "12/11/2025 (hoãn từ ngày 5/11)", "19/12 (họp bù cho 12/12)", "20/6 (thay cho 15/6)"
were held on the header's own date, the bracket's date being the one planned; "05/11 (dời sang 12/11)", "05/11
(hoãn đến 12/11)", "05/11 (chuyển sang ngày 12/11)" were held on the bracket's date, the header's being only
planned. The word before the bracket's date tells which: a header with two dates and no such word ("12/11 (05/11)")
may be either, so it is not read (``unclear_move`` lets the unused-column check say why), never guessed.

Only a header that leads with a date is one of these: 'Lần 1 (06/01)', 'Kỳ 2 (03/12/2025)' number a meeting and
give its date in brackets (``importers.meeting_heads``). Words are matched on folded text (``normalising.fold``)."""

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .normalising import fold

# a date written with separators: '05/11', '5.11', '05-11-2025', '12/11/25'
_DATE = re.compile(r"(?<![\d/.\-])(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}|\d{2}))?(?![\d/.\-])")
# the remark: in brackets at the end, or after a dash or comma when it starts with a moving word (checked below)
_BRACKET = re.compile(r"\s*(?:\(([^()]*)\)|\[([^\[\]]*)\])\s*$")
_DASHED = re.compile(r"(?:\s+[-–—]\s+|\s*[,;]\s*)(?P<remark>[^\d,;()\[\]]*\d[^()\[\]]*)$")
# before the leading date only a few words: a weekday or 'ngày', 'họp ngày' ('Thứ Tư 12/11', 'Ngày 12/11')
_LEADING = re.compile(r"^[^\d()\[\]]{0,20}$")
_FILLER = r"(?: (?:lai|lich|buoi|cuoc|hop|sinh hoat|ngay|hom|vao|thu (?:hai|ba|tu|nam|sau|bay|[2-7])|t[2-7]|cn))*"
_VERB = r"(?:doi|hoan|chuyen|lui|gia han|dich)"
# held on the header's date: the bracket's date was the one planned, or the one made up for
_FROM = re.compile(rf"(?:\b{_VERB}{_FILLER} tu|\bbu cho|\bbu{_FILLER} (?:cho|thay)|\bthay(?: the)?(?: cho| vi)?"
                   rf"|\blich cu|\bngay cu|\bdu kien|\btheo ke hoach|\bke hoach|\bban dau){_FILLER}$")
# held on the bracket's date: the header's was only planned
_TO = re.compile(rf"(?:\b{_VERB}{_FILLER} (?:sang|den|toi|qua|xuong|lai)|\bbu vao|\bthuc te|\bthuc hop|\bda hop)"
                 rf"{_FILLER}$")
_THEN_TO = re.compile(rf"^(?:sang|den|toi|qua){_FILLER}$")  # 'dời từ 05/11 sang 12/11': the verb said once


@dataclass(frozen=True)
class Move:
    """A moved meeting's header: `held` the text of the date it was held on (None when the words do not say),
    `remark` the words that say it."""

    held: str | None
    remark: str


def read_move(label: Any) -> Move | None:
    """The moved meeting a header states, or None for any other header (no date before a remark holding one)."""
    if not isinstance(label, str) or len(label) > 120 or sum(ch.isdigit() for ch in label) < 4:
        return None
    return _read_move(label.strip())


@lru_cache(maxsize=4096)
def _read_move(text: str) -> Move | None:
    bracket = _BRACKET.search(text)
    if bracket is not None:
        remark, lead = bracket.group(1) if bracket.group(1) is not None else bracket.group(2), text[:bracket.start()]
    else:
        dashed = _DASHED.search(text)
        if dashed is None or not (_FROM.search(_before_date(dashed.group("remark")))
                                  or _TO.search(_before_date(dashed.group("remark")))):
            return None
        remark, lead = dashed.group("remark"), text[:dashed.start()]
    leading = _lead_date(lead.strip())
    dates = list(_DATE.finditer(remark))
    if leading is None or not dates:
        return None
    held = set()
    befores = [remark[:dates[0].start()]] + [remark[a.end():b.start()] for a, b in zip(dates, dates[1:])]
    for number, (before, date) in enumerate(zip(befores, dates)):
        words = fold(before)
        if _TO.search(words) or (number and _THEN_TO.match(words)):
            held.add(_completed(date, leading))
        elif _FROM.search(words) or _same_day(date, leading):
            continue
        else:
            return Move(None, remark)  # a date without a word saying whether it was planned or held
    if len(held) > 1:
        return Move(None, remark)
    return Move(held.pop() if held else lead.strip(), remark)


def held_date_text(label: Any) -> str | None:
    """The date text a moved meeting's header was held on ('12/11 (dời từ 05/11)' -> '12/11', '05/11/2025 (dời
    sang 12/11)' -> '12/11/2025'); None for any other header, or one whose words do not say."""
    move = read_move(label)
    return move.held if move is not None else None


def date_before_remark(label: Any) -> str | None:
    """The date a header leads with when its bracket holds digits but no date ('12/11 (do bão số 13)', '12/11
    (19h30)', '05/11 (họp lần 2)' -> '12/11', '12/11', '05/11'): a remark about the meeting of that day, not
    another date; None for any other header."""
    if not isinstance(label, str) or len(label) > 120:
        return None
    bracket = _BRACKET.search(label.strip())
    if bracket is None:
        return None
    remark, lead = bracket.group(1) if bracket.group(1) is not None else bracket.group(2), \
        label.strip()[:bracket.start()].strip()
    if not any(ch.isdigit() for ch in remark) or _DATE.search(remark) or _lead_date(lead) is None:
        return None
    return lead


def unclear_move(label: Any) -> bool:
    """Whether a header leads with a date and gives another in its remark without saying whether the meeting was
    moved from it or to it ('12/11 (05/11)')."""
    move = read_move(label)
    return move is not None and move.held is None


# the problem of a long register's date cell so written ("ngày sinh hoạt '12/11/2025 (05/11)' ghi hai ngày …")
UNCLEAR_VALUE = ("ghi hai ngày mà không nói buổi họp dời từ ngày nào sang ngày nào — hãy ghi rõ «dời từ …» hoặc "
                 "«dời sang …» rồi nhập lại")
UNCLEAR = ("tiêu đề ghi hai ngày mà không nói buổi họp dời từ ngày nào sang ngày nào, nên chưa đọc được là buổi "
           "họp ngày nào — hãy ghi rõ «dời từ …» hoặc «dời sang …» rồi nhập lại")


def _before_date(remark: str) -> str:
    date = _DATE.search(remark)
    return fold(remark[:date.start()] if date else remark)


def _lead_date(lead: str) -> re.Match | None:
    """The one date a header leads with ('12/11', 'Thứ Tư 12/11/2025'), nothing after it."""
    dates = list(_DATE.finditer(lead))
    if len(dates) != 1 or dates[0].end() != len(lead) or not _LEADING.match(lead[:dates[0].start()]):
        return None
    return dates[0]


def _same_day(date: re.Match, leading: re.Match) -> bool:
    return (int(date.group(1)), int(date.group(2))) == (int(leading.group(1)), int(leading.group(2)))


def _completed(date: re.Match, leading: re.Match) -> str:
    """The bracket's date as written, with the year of the header's date when only that states one ('28/12/2025
    (dời sang 04/01)' -> '04/01/2026': moved forward into the next year)."""
    text = date.group(0).strip()
    if date.group(3) or not leading.group(3):
        return text
    year = int(leading.group(3))
    year += 2000 if year < 100 else 0
    if (int(date.group(2)), int(date.group(1))) < (int(leading.group(2)), int(leading.group(1))):
        year += 1
    return f"{int(date.group(1)):02d}/{int(date.group(2)):02d}/{year}"
