"""Header cells of a transposed register that name a person ("PHAN THỊ THU HẰNG", "TRÀ MÁCH", "Giàng A Páo",
"H'Ngơi Byă"), told from the header words standing over such columns that name no one ("CÓ MẶT", "VẮNG", "GHI
CHÚ", "TỔNG", "NỘI DUNG SINH HOẠT", "KÝ TÊN", "CHỦ TRÌ", "LÝ DO VẮNG").

A name is two to six words, each a capitalised run of letters (an apostrophe inside one: "H'Ngơi", "K'Brơi"), and
no wording the importer reads as something else: a column's field, a month, a count or a status, a total, a note or
signature column, a signer's title. A title before it ("Đ/c", "KTS.") and a footnote mark after it ("(*)") are no part
of it.

In ordinary case the later words' capitals tell a name ("Ghi chú" is none). In capitals nothing does, and a header
word of two syllables has a name's shape, so a header in capitals is a name by itself only when it opens with a
known surname (``column_types.SURNAMES``: "TÔ VĂN KHẢI", "TRÀ SÓC THY", "THẠCH THỊ SA"); its other syllables need
not spell Kinh ones ("LÂM THỊ PHOL"), but a word without a vowel is initials, never a name's ("SL CM"). One opening
with another word ("H'NGƠI BYĂ", "Y MOAN NIÊ") is read as a name only beside names in its row, over the marks they
use (``transposed``), and a warning names it: a header word the importer does not know would read the same."""

import re
from typing import Any

from .column_types import SURNAMES
from .honorifics import without_any_title
from .legacy import decode_legacy
from .locating import is_stop_text
from .mapping import match_field
from .name_titles import split_name_title
from .normalising import clean_text, fold, month_of_header, without_footnote_mark
from .plausibility.columns import IGNORED_HEADERS
from .sign_marks import is_sign_header
from .signature_titles import is_signature_row
from .transposed_headers import is_count_label

MIN_WORDS, MAX_WORDS = 2, 6
_NAME_WORD = re.compile(r"^[^\W\d_]+(?:['’ʼ][^\W\d_]+)*$")
_VOWEL = re.compile(r"[aeiouy]")

NAMED = "named"  # a name by itself
CAPITALS = "capitals"  # a name's shape in capitals, opening with no known surname: a name only beside names


def _header_text(cell: Any) -> str | None:
    """The header as a name would be written: TCVN3/VNI decoded (it is decoded later), no title (a dotted one of any
    shape too, ``name_titles``: "KTS. Phan Thị Kim Uyên"), no footnote."""
    text = clean_text(decode_legacy(cell)) if isinstance(cell, str) else None
    text = without_any_title(without_footnote_mark(text)) if text else None
    found = split_name_title(text)
    return found[0] if found else text


def names_something_else(text: str, specs) -> bool:
    """A header wording the importer reads as no person: a field, a month, a count or status, a total or a closing
    line, a note or signature column, a signer's title."""
    folded = fold(text)
    return bool(match_field(text, specs) or month_of_header(text) or is_count_label(text) or is_stop_text(text)
                or is_sign_header(text) or is_signature_row([text]) or IGNORED_HEADERS.search(folded))


def person_header(cell: Any, specs) -> str | None:
    """NAMED for a header cell that reads as a person's name, CAPITALS for one in capitals with a name's shape that
    opens with no known surname, None for any other."""
    text = _header_text(cell)
    if not text:
        return None
    words = text.split(" ")
    if not MIN_WORDS <= len(words) <= MAX_WORDS or not all(_NAME_WORD.match(word) and word[:1].isupper()
                                                             for word in words):
        return None
    if names_something_else(text, specs):
        return None
    if not text.isupper():
        return NAMED
    if not all(_VOWEL.search(fold(word)) for word in words):
        return None
    return NAMED if fold(words[0]) in SURNAMES else CAPITALS


def looks_like_name(cell: Any, specs) -> bool:
    """A header cell that reads as a person's name by itself (module docstring)."""
    return person_header(cell, specs) == NAMED
