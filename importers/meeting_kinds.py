"""Meeting columns headed by the kind of meeting and its date, the word before or after the date: "CĐ 19/9", "SHCĐ
12/12", "Chuyên đề 19/9", "SH chuyên đề - 15/10", "Sinh hoạt chuyên đề quý III (ngày 20/9/2025)", "Thường kỳ 05/11",
"Đột xuất 22/8", "19/9 CĐ". A quarterly thematic meeting ("sinh hoạt chuyên đề") or an extraordinary one sits among
the monthly columns ('T7 | T8 | T9 | CĐ 19/9' under 'Quý III/2025'): the column is the meeting of that date, its year
the one the header over it or the title gives, as for a plain '19/9'. The kind word says it is a meeting, so one
such column counts alone (a bare '19/9' needs two more beside it).

A quarter or month in the name must hold the date ("Chuyên đề quý III (ngày 20/12)" is no date: which of the two is
right is unknown). An abbreviation is read as a meeting's kind when the sheet's note says so ("TK = thường kỳ"), or
when every office writes it so ("CĐ", "SHCĐ", "SHTK"); "TK" alone, or an abbreviation the note gives another meaning
("CĐ = đi công tác", a mark), dates nothing and is warned about, naming the cell. A column of the topic's text
("Chuyên đề", no date) is no meeting.

Matched on folded text (``normalising.fold``: no diacritics, punctuation turned to spaces)."""

import re
from dataclasses import dataclass
from itertools import chain
from typing import Any

from .header_abbreviations import abbreviation_pairs
from .mapping import column_letter
from .normalising import clean_text, fold
from .validating import cell_ref

_KIND_WORDS = ("chuyen de", "thuong ky", "dot xuat", "bat thuong")
_SPELLED = rf"(?:(?:sinh hoat|sh|shcb|hop)(?: chi bo)? )?(?:{'|'.join(_KIND_WORDS)})"
_SHORT = r"(?:sh ?cd|sh ?tk|cd|tk)"  # abbreviations ('SHCĐ', 'SH CĐ'), checked against the sheet's note
_KIND = rf"(?P<kind>{_SPELLED}|{_SHORT})"
_WHICH = r"(?: (?:quy (?P<quarter>iv|i{1,3}|[1-4])|(?:thang|th|t) ?(?P<month>\d{1,2})))?"
_DATE = r"(?:ngay )?(?P<d>\d{1,2}) (?:thang )?(?P<m>\d{1,2})(?: (?:nam )?(?P<y>(?:19|20)\d{2}|\d{2}))?"
_BEFORE = re.compile(rf"^{_KIND}{_WHICH} {_DATE}$")
_AFTER = re.compile(rf"^{_DATE} {_KIND}{_WHICH}$")
USUAL = {"cd": "chuyen de", "shcd": "chuyen de", "shtk": "thuong ky"}  # every office writes these so
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
MAX_NOTE_LENGTH = 600

UNKNOWN_KIND = ("Trang «{sheet}», ô {cell} «{label}»: chữ «{short}» trước ngày không rõ là buổi sinh hoạt nào ({why}) "
                "— cột {letter} chưa được nhập; nếu là sinh hoạt thường kỳ, chuyên đề hay đột xuất, hãy ghi rõ trong "
                "dòng ghi chú (ví dụ «{short} = thường kỳ») rồi nhập lại")
NO_NOTE = "không có dòng ghi chú giải thích chữ viết tắt này"
OTHER_MEANING = "dòng ghi chú giải thích «{short}» là «{meaning}»"


@dataclass(frozen=True)
class KindDate:
    """A meeting header's kind word and date: day, month, the year when written; `doubt` is the abbreviation
    when it may not name a meeting's kind (no note says so, or the note gives it another meaning)."""

    kind: str
    day: int
    month: int
    year: int | None
    doubt: str | None = None


def _match(folded: str) -> re.Match | None:
    return _BEFORE.match(folded) or _AFTER.match(folded)


def kind_date(label: Any, defined: dict[str, str] | None = None) -> KindDate | None:
    """The kind and date a header cell writes ('CĐ 19/9', 'Chuyên đề quý III (ngày 20/9/2025)'); None for any other
    cell, a day or month out of range, or a quarter or month in the name the date is not in. `defined` is the
    sheet's note: folded abbreviation -> meaning (``defined_kinds``)."""
    if not isinstance(label, str) or not re.search(r"\d", label):
        return None
    match = _match(fold(label))
    if match is None:
        return None
    day, month = int(match.group("d")), int(match.group("m"))
    if not (1 <= day <= 31 and 1 <= month <= 12) or _outside(match, month):
        return None
    year = match.group("y")
    if year is not None:
        year = int(year) + (2000 if int(year) <= 69 else 1900) if len(year) == 2 else int(year)
    kind = match.group("kind")
    doubt = None
    if re.fullmatch(_SHORT, kind):
        kind = kind.replace(" ", "")
        meaning = fold((defined or {}).get(kind)) or USUAL.get(kind)
        kind = next((word for word in _KIND_WORDS if meaning and word in meaning), None) or kind
        doubt = None if kind in _KIND_WORDS else match.group("kind")
    else:
        kind = next(word for word in _KIND_WORDS if word in kind)
    return KindDate(kind, day, month, year, doubt)


def _outside(match: re.Match, month: int) -> bool:
    """Whether the name's quarter or month does not hold the date's month."""
    if match.group("month"):
        return int(match.group("month")) != month
    quarter = match.group("quarter")
    if quarter:
        return int(_QUARTERS.get(quarter, quarter)) != (month - 1) // 3 + 1
    return False


def read_kind_date(label: Any, defined: dict[str, str] | None = None) -> KindDate | None:
    """``kind_date`` when it names a meeting's kind without a doubt, else None."""
    found = kind_date(label, defined)
    return found if found is not None and found.doubt is None else None


def defined_kinds(rows: list[list[Any]]) -> dict[str, str]:
    """Folded abbreviation -> meaning as written, for the definitions of 'CĐ', 'SHCĐ', 'TK', 'SHTK' the sheet's text
    cells hold ('TK = thường kỳ', 'CĐ: sinh hoạt chuyên đề', 'CĐ = đi công tác'): the first one wins."""
    found: dict[str, str] = {}
    cells = dict.fromkeys(cell for cell in chain.from_iterable(rows)
                          if isinstance(cell, str) and len(cell) <= MAX_NOTE_LENGTH and re.search("[=:-]|là", cell))
    for cell in cells:
        for short, meaning in abbreviation_pairs(cell):
            key = fold(short).replace(" ", "")
            if re.fullmatch(_SHORT, key):
                found.setdefault(key, clean_text(meaning))
    return found


def kind_doubts(rows: list[list[Any]], header_rows: list[int], sheet: str | None,
                defined: dict[str, str]) -> list[str]:
    """A warning for each header cell of a date after an abbreviation that may not name a meeting's kind ('TK
    5/11' with no note saying TK = thường kỳ): the column is left unread."""
    warnings = []
    for row in header_rows:
        for col, cell in enumerate(rows[row] if row < len(rows) else []):
            found = kind_date(cell, defined)
            if found is None or found.doubt is None:
                continue
            short = _typed(cell, found.doubt)
            meaning = defined.get(found.doubt)
            why = OTHER_MEANING.format(short=short, meaning=meaning) if meaning else NO_NOTE
            warnings.append(UNKNOWN_KIND.format(sheet=sheet, cell=cell_ref(None, row + 1, column_letter(col)),
                                                label=clean_text(cell), short=short, why=why,
                                                letter=column_letter(col)))
    return warnings


def _typed(cell: str, short: str) -> str:
    """The abbreviation as the cell writes it ('TK', 'SH CĐ'), one word or two."""
    words = re.findall(r"\w+", cell)
    spans = words + [" ".join(pair) for pair in zip(words, words[1:])]
    return next((span for span in spans if fold(span).replace(" ", "") == short), short.upper())
