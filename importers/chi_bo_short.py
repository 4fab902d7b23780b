"""'CB' opening a unit value, wherever the unit is read (a column, a header over a group, a title line): the short
form of "Chi bộ" when what follows is a place or an organisation ("CB thôn Ma Cái", "CB TDP 3", "CB Trường THCS Lê
Lợi", "CB Công an xã", "CB 3"). It is written out, and the word after it cased as the unit lexicon does
(``importers.unit_words``: "CB thôn Ma Cái" -> "Chi bộ Thôn Ma Cái"). 'CB' also writes "cán bộ": followed by
anything else ("CB phụ trách", "CB Nguyễn Văn An") the value stays as written, and the plausibility checks warn that
it opens with no party organisation's name."""

import re

from .normalising import fold
from .syllables import title_word
from .unit_words import common_word_length, recase_unit

_SHORT = re.compile(r"^(?:CB|Cb|C\.B|C/B)\.?(?:\s+|(?=\d))(?P<rest>\S.*)$")
# Kinds of unit written as one word the lexicon holds as no compound word ("Trường", "Đồn", "Trạm"; folded)
ONE_WORD_KINDS = frozenset({"truong", "tram", "don", "doi", "phong", "ban", "hoi", "vien", "so", "cuc", "nganh",
                            "lang"})
# Places and schools written short ("TDP 3", "KP 2", "KDC Bắc Sơn", "THCS Lê Lợi")
_SHORT_PLACES = re.compile(r"^(?:tdp|kp|kdc|kv|tk|th|thcs|thpt|mn|mg|ubnd|hdnd|cq)(?:\b|\d)")
_NUMBER = re.compile(r"^\d{1,3}[A-Za-z]?\b")


def named_place(rest: str) -> str | None:
    """`rest` with its first word cased as the unit lexicon does after a party organisation's kind ("thôn Ma Cái"
    -> "Thôn Ma Cái", "Xã Hội An" -> "xã Hội An"), or None when it opens with no place or kind of unit (a person's
    name, a number, a mark)."""
    words = rest.split(" ")
    length = common_word_length(rest)
    if length:
        span = " ".join(words[:length])
        cased = recase_unit(f"CHI BỘ {span.upper()}")[len("Chi bộ "):]
        return " ".join([cased, *words[length:]])
    first = fold(words[0]).strip(".,")
    if first in ONE_WORD_KINDS:
        return " ".join([title_word(words[0]), *words[1:]])
    if _SHORT_PLACES.match(fold(rest)):
        return rest
    return None


def _place_opening(rest: str) -> str | None:
    """`rest` cased as `named_place` does, a number too ("CB 3": chi bộ số 3), or None."""
    return named_place(rest) or (rest if _NUMBER.match(rest) else None)


def written_out_chi_bo(text: str) -> str:
    """A unit text with an opening 'CB' before a place written out ("CB thôn Ma Cái" -> "Chi bộ Thôn Ma Cái");
    any other text unchanged."""
    match = _SHORT.match(text)
    if not match:
        return text
    rest = _place_opening(match.group("rest"))
    return text if rest is None else f"Chi bộ {rest}"
