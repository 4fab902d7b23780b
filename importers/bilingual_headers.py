"""Bilingual headers of software import templates: an English wording beside the Vietnamese one, on its own line
('Full name – Position' line break 'Họ tên – Chức vụ') or after a slash ('Họ và tên / Full name'). The header is
read by its Vietnamese wording; the English one is dropped before the table is looked for. So is a whole row of
English wordings right under (or over) a Vietnamese header row ('Họ và tên | Ngày sinh' over 'Full name | Date of
birth'), as HR templates print them: its cells are no person's.

A wording is English only when every word of it is a common English header word, so a Vietnamese header typed
without accents ('Ho ten') or an abbreviation ('STT', 'SĐT') is never dropped."""

import re

from .english_headers import ENGLISH_WORDS
from .normalising import clean_text
from .results import SheetData

HEADER_SCAN_ROWS = 40
_JOINS = (re.compile(r"\s*\n\s*"), re.compile(r"\s+/\s+"))
_WORDS = re.compile(r"[A-Za-z]+")
_ENGLISH = frozenset("""
no number full name first last given family surname position title job dob date of birth team group role duty
assigned unit units organisation organization department office mobile phone tel telephone cell contact member id
code email address gender sex note notes remark remarks status mark marks attendance meeting month year day
signature total in the and or for to followed leader deputy head staff employee party working
""".split()) | ENGLISH_WORDS
MIN_TRANSLATED = 3  # cells of an English header row (a person's row holds names, dates and numbers)


def _is_english(part: str) -> bool:
    words = _WORDS.findall(part)
    if not words or any(not ch.isascii() for ch in part if ch.isalpha()):
        return False
    return all(word.lower() in _ENGLISH for word in words)


def vietnamese_wording(label: object) -> str | None:
    """The Vietnamese wording of a two-language header, or None when the header is not one."""
    if not isinstance(label, str):
        return None
    for join in _JOINS:
        parts = [part for part in join.split(label.strip()) if part.strip()]
        if len(parts) != 2:
            continue
        english = [_is_english(part) for part in parts]
        if english.count(True) == 1:
            return clean_text(parts[english.index(False)])
    return None


def _english_row(row: list) -> bool:
    """A row of English header wordings only (numbering such as 'No.' counted), three at least."""
    texts = [cell for cell in row if isinstance(cell, str) and cell.strip()]
    others = [cell for cell in row if not isinstance(cell, str) and cell is not None]
    return not others and len(texts) >= MIN_TRANSLATED and all(_is_english(text) for text in texts)


def _vietnamese_row(row: list) -> bool:
    """A row of header labels (text only, no digit: a person's row holds a number, a date or a phone) at least one
    of which is written with Vietnamese letters."""
    filled = [cell for cell in row if cell is not None and not (isinstance(cell, str) and not cell.strip())]
    texts = [cell for cell in filled if isinstance(cell, str)]
    return len(texts) == len(filled) >= MIN_TRANSLATED and not any(ch.isdigit() for text in texts for ch in text) \
        and any(not ch.isascii() for text in texts for ch in text)


def keep_vietnamese_headers(sheet: SheetData) -> None:
    """Rewrite the two-language header cells near the top of a sheet to their Vietnamese wording, and blank a row
    of English wordings next to a Vietnamese header row."""
    rows = sheet.rows[:HEADER_SCAN_ROWS]
    for row in rows:
        for index, cell in enumerate(row):
            wording = vietnamese_wording(cell)
            if wording:
                row[index] = wording
    for at, row in enumerate(rows):
        beside = [rows[near] for near in (at - 1, at + 1) if 0 <= near < len(rows)]
        if _english_row(row) and any(_vietnamese_row(other) for other in beside):
            row[:] = [None] * len(row)
