"""The meeting's date stated inside a sentence above the table: "Thời gian: 19 giờ 30, thứ ba ngày 06 tháng 01 năm
2026", "Vào lúc 14h00 ngày 05/02/2026", "Hôm nay, ngày 04 tháng 3 năm 2026, tại …", "Lúc 19 giờ, Chủ nhật, ngày
8-3-2026". The line opens with words saying when (thời gian, vào lúc, vào hồi, lúc, hôm nay, ngày họp …), a weekday
and a time may stand before the date, and the date follows 'ngày' as "DD tháng MM năm YYYY" or "DD/MM/YYYY" (or with
'-' or '.'). A place-and-date line ("Thuận Hóa, ngày 10 tháng 01 năm 2026") dates the document and opens with no
such word, so is no date sentence.

A line that opens so and writes a day after 'ngày' that is no date ("ngày 31/02/2026", "ngày … tháng 01") is an
unread date sentence: the sheet is refused rather than left undated or dated by a guess. A label with a bracketed
qualifier and nothing after it ("Thời gian (ngày họp):", the date in a later cell) writes no day."""

import datetime as dt
import re
import unicodedata

from .context import fold_in_place

# folded in place, lower case; leading bullets and brackets aside
_OPENING = re.compile(r"^[\s\-–•*(\[]*(?:thoi gian(?: hop| sinh hoat| to chuc| bat dau)?|vao (?:luc|hoi|ngay)|luc|"
                      r"hom nay|ngay (?:hop|sinh hoat|to chuc|du hop)|hop ngay|sinh hoat ngay|buoi sinh hoat)\b")
_DAY = re.compile(r"\bngay\s+(\d{1,2})\s*(?:[/.-]\s*|\s+thang\s+)(\d{1,2})\s*(?:[/.-]\s*|\s+nam\s+)(\d{4})(?!\d)")
_DAY_WORD = re.compile(r"\bngay\b")
# a bracketed qualifier of the opening words, no digit in it: "Thời gian (ngày họp):" alone writes no day
_QUALIFIER = re.compile(r"\s*[(\[][^()\[\]\d]{1,30}[)\]]")


def _folded(text) -> str | None:
    if not isinstance(text, str):
        return None
    return fold_in_place(unicodedata.normalize("NFC", text).strip()).lower()


def is_date_sentence(text) -> bool:
    """Whether a line opens with words saying when the meeting is, and writes a day after 'ngày'."""
    folded = _folded(text)
    if not folded:
        return False
    opening = _OPENING.match(folded)
    if opening is None:
        return False
    qualifier = _QUALIFIER.match(folded, opening.end())
    if qualifier and not re.search(r"\w", folded[qualifier.end():]):
        return False  # the label alone, its date in a later cell
    return bool(_DAY_WORD.search(folded, opening.end()))


def sentence_dates(text) -> list[dt.date]:
    """The dates a date sentence states after 'ngày' (none for another line, or for a day that does not exist)."""
    if not is_date_sentence(text):
        return []
    days = []
    for match in _DAY.finditer(_folded(text)):
        try:
            days.append(dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1))))
        except ValueError:
            continue
    return days


def unread_date_sentence(titles: list) -> str | None:
    """The first date sentence among `titles` whose date does not read, as written; None when every one reads."""
    for text in titles:
        if is_date_sentence(text) and not sentence_dates(text):
            return str(text).strip()
    return None
