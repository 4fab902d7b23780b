"""A section line inside a table ('I. ĐẢNG VIÊN CHÍNH THỨC', 'Đảng viên dự bị', 'III. Đảng viên miễn sinh hoạt'):
text in the first cells, at or left of the name column, and nothing further right where a person's facts or marks
go. It sorts the people into classes (their numbering restarts under it) and sets no fact a record carries, so it
is skipped with its reason instead of being reported as a person without a name.

Only text that cannot be a person's name makes a section line: a numbered heading ('II. …', 'B) …'), a phrase
(a word not capitalised, which no name has), or a wording naming a class of party members. A name typed in the
wrong column, or a row with a number in it, is still an error.

A row whose one text is merged across the row, over the name column and the columns right of it ('KHU VỰC I
(NGUYÊN PHƯỜNG 10)' splitting the people by old ward), is a section line too, whatever its words: a person's row
is never one merged cell. Read as no context, it overrides no column's values."""

import re
from typing import Any

from ..normalising import clean_text, fold, is_blank

SECTION_REASON = "dòng tiêu đề mục, không phải người"
_NUMBERED = re.compile(r"^(?:[IVXLC]{1,6}|[A-ZĐa-z]|\d{1,2})\s*[.):/–-]\s*\S")
_CLASS_WORDS = re.compile(r"\b(?:dang vien|chinh thuc|du bi|mien sinh hoat|mien cong tac)\b")


def _phrase(text: str) -> bool:
    words = [word for word in text.split() if word[:1].isalpha()]
    return len(words) >= 2 and any(word[0].islower() for word in words)


def is_section_line(row: list[Any], key_col: int) -> bool:
    """A row of text only, all of it at or left of the name column, that reads as a section heading."""
    filled = [(index, cell) for index, cell in enumerate(row) if not is_blank(cell)]
    if not filled or any(index > key_col or not isinstance(cell, str) for index, cell in filled):
        return False
    text = " ".join(clean_text(cell) or "" for _, cell in filled).strip()
    if not any(ch.isalpha() for ch in text):
        return False
    return bool(_NUMBERED.match(text)) or _phrase(text) or bool(_CLASS_WORDS.search(fold(text)))


def is_merged_section(row: list[Any], at: int, key_col: int, spans: list) -> bool:
    """Row `at` (0-based) holds one text only, in the first cell of a range merged across it from at or left of the
    name column to two columns or more right of it."""
    filled = [(index, cell) for index, cell in enumerate(row) if not is_blank(cell)]
    if len(filled) != 1 or not isinstance(filled[0][1], str) or not any(ch.isalpha() for ch in filled[0][1]):
        return False
    return any(top <= at <= bottom and left == filled[0][0] and left <= key_col and right >= key_col + 2
               for top, left, bottom, right, _ in spans)
