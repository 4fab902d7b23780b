"""One unit's name in two spellings. A register's title block may state its chi bộ twice: as the organisation header
in capitals, often abbreviated ("CHI BỘ HTX NÔNG NGHIỆP THẠNH SÓC"), and as a line in ordinary case written out
("Chi bộ Hợp tác xã nông nghiệp Thạnh Sóc"). The two name one unit when they read alike word by word, case and tone
marks aside, an abbreviation in one ("HTX", "ĐBP", "TDP": ``importers.syllables``) standing for the words of the other
whose initials it strings together ("Hợp tác xã", "Đồn Biên phòng", "Tổ dân phố"), and "số" before a number written
or left out ("Khu phố số 5" / "KHU PHỐ 5"). Any other difference — a word, a number, a place — is another unit:
"Chi bộ Ấp Sóc Xoài" and "Chi bộ Ấp Sóc Ven" are two, and a title naming both names no one unit.

The unit is then spelt as its line in ordinary case writes it, any abbreviation there written out as the other
spelling does ("Chi bộ HTX nông nghiệp …" with "CHI BỘ HỢP TÁC XÃ NÔNG NGHIỆP …" gives "Chi bộ Hợp tác xã nông
nghiệp …"): the file's own case, and the fuller name."""

import re
from dataclasses import dataclass

from .normalising import fold
from .syllables import is_abbreviation
from .unit_words import recase_unit

_WORD = re.compile(r"[^\W_]+")
_NUMBER_WORD = "so"


@dataclass(frozen=True)
class _Word:
    written: str
    folded: str
    short: bool  # an abbreviation as written


def _words(text: str) -> list[_Word]:
    return [_Word(word, fold(word), is_abbreviation(word)) for word in _WORD.findall(text)]


def _stands_for(short: _Word, words: list[_Word]) -> bool:
    """Whether an abbreviation strings together the initials of the words ("HTX": "Hợp tác xã")."""
    return short.short and len(words) == len(short.folded) and not any(word.short for word in words) \
        and "".join(word.folded[:1] for word in words) == short.folded


def _paired(one: list[_Word], other: list[_Word]) -> list[tuple[list[_Word], list[_Word]]] | None:
    """The two names' words paired from their starts — a word with the same word, an abbreviation with the words
    it stands for, "số" before a number with nothing — or None when they do not pair (module docstring)."""
    if not one or not other:
        return [] if not one and not other else None
    first, first_other = one[0], other[0]
    tries = []
    if first.folded == first_other.folded:
        tries.append((1, 1))
    tries += [(1, len(first.folded)), (len(first_other.folded), 1)]
    if first.folded == _NUMBER_WORD and first_other.folded[:1].isdigit():
        tries.append((1, 0))
    if first_other.folded == _NUMBER_WORD and first.folded[:1].isdigit():
        tries.append((0, 1))
    for taken, taken_other in tries:
        words, words_other = one[:taken], other[:taken_other]
        alike = (taken, taken_other) in ((1, 0), (0, 1)) or (taken == taken_other == 1 and first.folded ==
                                                              first_other.folded)
        if not alike and not (taken == 1 and _stands_for(first, words_other)) \
                and not (taken_other == 1 and _stands_for(first_other, words)):
            continue
        rest = _paired(one[taken:], other[taken_other:])
        if rest is not None:
            return [(words, words_other), *rest]
    return None


def same_unit(one: str, other: str) -> bool:
    """Whether two texts spell one unit's name ("CHI BỘ HTX NÔNG NGHIỆP THẠNH SÓC", "Chi bộ Hợp tác xã nông nghiệp
    Thạnh Sóc")."""
    return _paired(_words(one), _words(other)) is not None


def written_out(spelling: str, others: list[str]) -> str:
    """`spelling` with each abbreviation another spelling of the same unit writes out replaced by those words, in
    the usual case when they are in capitals."""
    for other in others:
        pairs = _paired(_words(spelling), _words(other)) or []
        for words, words_other in pairs:
            if len(words) == 1 and words[0].short and len(words_other) > 1:
                full = " ".join(word.written for word in words_other)
                full = recase_unit(full) if full == full.upper() else full
                spelling = re.sub(rf"(?<!\w){re.escape(words[0].written)}(?!\w)", full, spelling, count=1)
    return spelling
