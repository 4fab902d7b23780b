"""Words a list writes where a value is not known yet: 'chưa cập nhật', 'đang cập nhật', 'chưa có', 'chưa rõ',
'không rõ', 'không có', 'chưa xác định', perhaps naming what is missing ('chưa có thông tin', 'chưa rõ ngày sinh',
'chưa có số điện thoại'), perhaps in brackets; or a mark alone: '-', '…', '?'. Such a cell holds no value: read
as empty, in any value column, whatever its field."""

import re
from typing import Any

from .normalising import fold

_WORDS = re.compile(r"(?:chua|dang) cap nhat|chua (?:co|ro|biet|xac dinh|ghi)|khong (?:ro|co|biet|xac dinh)")
_WHAT = re.compile(r"(?: (?:thong tin|so lieu|du lieu))?")
_MARKS = re.compile(r"[\s\-–—.…?_]+")


def is_missing_value(value: Any, field_words: tuple[str, ...] = ()) -> bool:
    """Whether a cell says its value is missing; `field_words` are the folded names of the column's field, which
    may follow the words ('chưa rõ ngày sinh')."""
    if not isinstance(value, str) or not value.strip():
        return False
    if _MARKS.fullmatch(value.strip()):
        return True
    folded = fold(value)
    match = _WORDS.match(folded)
    if match is None:
        return False
    rest = folded[match.end():]
    tail = rest[_WHAT.match(rest).end():].strip()
    return not tail or tail in field_words
