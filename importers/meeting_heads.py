"""Meeting columns headed by the meeting's number and its date in one cell, on one line or two: "Kỳ 1\\n(04/11/2025)",
"Kỳ 2 (03/12/2025)", "Lần 1 - 04/11/2025", "Buổi 3: 06/01/2026", "SH lần 2\\nngày 03/12/2025", "Lần thứ 2, ngày
3.12.25", "Phiên 1 – 4/11", "Kỳ họp T11 (04/11)" (the year left to the title). The number only tells the meetings
apart; the date is the meeting's. A number that is a month ("Kỳ họp T11", "Kỳ họp tháng 11") must be the date's
month: "Kỳ họp T11 (04/12)" is no date, since which of the two is right is unknown.

Matched on folded text (``normalising.fold``: no diacritics, punctuation turned to spaces)."""

import re
from dataclasses import dataclass
from typing import Any

from .errors import MONTH_CLASH, ImportFileError
from .mapping import column_letter
from .named_meetings import has_full_date, name_clashes
from .normalising import clean_text, fold
from .validating import cell_ref

_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")
# 'SH lần', 'Sinh hoạt chi bộ lần', 'Họp lần', 'Kỳ', 'Kỳ họp', 'Kỳ sinh hoạt', 'Buổi', 'Phiên', 'Lần thứ'
_ORDINAL = (r"(?:(?:sh|shcb|sinh hoat|hop)(?: chi bo)? )?"
            r"(?:lan|buoi|phien|ky(?: (?:hop|sinh hoat|sh))?)(?: thu)? ")
_NUMBER = rf"(?:(?P<number>\d{{1,2}})|(?:t|th|thang) ?(?P<month>\d{{1,2}})|(?P<roman>{'|'.join(_ROMAN)}))"
_DATE = r"(?:ngay )?(?P<d>\d{1,2}) (?P<m>\d{1,2})(?: (?P<y>(?:19|20)\d{2}|\d{2}))?"
_HEAD = re.compile(rf"^{_ORDINAL}{_NUMBER} {_DATE}$")


@dataclass(frozen=True)
class MeetingHead:
    """The date a meeting's header cell writes: day, month, and the year when it writes one."""

    day: int
    month: int
    year: int | None


def _matched(label: Any) -> re.Match | None:
    """The header's match, when it writes a meeting's number then a day and month that exist as such."""
    match = _HEAD.match(fold(label)) if isinstance(label, str) else None
    if match is None or not (1 <= int(match.group("d")) <= 31 and 1 <= int(match.group("m")) <= 12):
        return None
    return match


def _clashes(match: re.Match) -> bool:
    return bool(match.group("month")) and int(match.group("month")) != int(match.group("m"))


def meeting_head(label: Any) -> MeetingHead | None:
    """The date written after a meeting's number in a header cell ('Kỳ 1 (04/11/2025)'), None for any other cell, a
    day or month out of range, or a month number the date contradicts ('Kỳ họp T11 (04/12)')."""
    match = _matched(label)
    if match is None or _clashes(match):
        return None
    year = match.group("y")
    if year is not None:
        year = int(year) + (2000 if int(year) <= 69 else 1900) if len(year) == 2 else int(year)
    return MeetingHead(int(match.group("d")), int(match.group("m")), year)


def month_clashes(label: Any) -> bool:
    """Whether a header names a month's meeting and a date in another month ('Kỳ họp T11 (04/12)')."""
    match = _matched(label)
    return match is not None and _clashes(match)


def refuse_clashing_heads(rows: list[list[Any]], header_rows: list[int], sheet: str | None) -> None:
    """Refuse a register with a meeting column headed by one month's meeting and another month's date, or by a
    meeting named for a month or quarter the date is not in among meetings named with their full dates
    (``importers.named_meetings``): which of the two is right is unknown, and the column would be left out without
    a word."""
    found = [cell_ref(sheet, row + 1, column_letter(col)) + f" «{clean_text(cell)}»"
             for row in header_rows for col, cell in enumerate(rows[row]) if month_clashes(cell)]
    for row in header_rows:  # 'Giao ban tháng 8 (ngày 27/9/2025)' among meetings named with their full dates
        clashing = [col for col, cell in enumerate(rows[row]) if name_clashes(cell)]
        if clashing and len(clashing) + sum(1 for cell in rows[row] if has_full_date(cell)) >= 2:
            found += [cell_ref(sheet, row + 1, column_letter(col)) + f" «{clean_text(rows[row][col])}»"
                      for col in clashing]
    if found:
        raise ImportFileError(MONTH_CLASH.format(sheet=sheet, cells="; ".join(found)))
