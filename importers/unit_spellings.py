"""One unit's name in two spellings. A register's title block may state its chi bộ twice: as the organisation header
in capitals, often abbreviated ("CHI BỘ HTX NÔNG NGHIỆP THẠNH SÓC"), and as a line in ordinary case written out
("Chi bộ Hợp tác xã nông nghiệp Thạnh Sóc"). The two name one unit when they read alike word by word, case and tone
marks aside, an abbreviation in one ("HTX", "ĐBP", "TDP": ``importers.syllables``) standing for the words of the other
whose initials it strings together ("Hợp tác xã", "Đồn Biên phòng", "Tổ dân phố"), and "số" before a number written
or left out ("Khu phố số 5" / "KHU PHỐ 5"). Any other difference — a word, a number, a place — is another unit:
"Chi bộ Ấp Sóc Xoài" and "Chi bộ Ấp Sóc Ven" are two, and a title naming both names no one unit.

The organisation header may also be a SHORT name of the unit the ordinary line writes in full ("CHI BỘ CÔNG TY LÂM
NGHIỆP" over "Chi bộ Công ty TNHH MTV Lâm nghiệp Lâm Thắng", under "ĐẢNG BỘ XÃ LÂM THẮNG"): the short one opens with
the same kind ("Chi bộ"), names more than a kind, and pairs with the full one as above, in order, the full one adding
only words that never tell two units apart — an enterprise's legal form ("TNHH", "MTV", "Cổ phần", anywhere after the
kind) and, at its end, the place of a đảng bộ the title names above it ("Lâm Thắng", "xã Lâm Thắng"). Any other added
word may be another unit's name ("CHI BỘ ẤP SÓC" / "Chi bộ Ấp Sóc Xoài"), and so may a number ("CHI BỘ THÔN 1" /
"Chi bộ Thôn 12"), a word out of order or missing from the full one ("CHI BỘ LÂM NGHIỆP CHÂU THẮNG"): no one unit.

The unit is then spelt as its line in ordinary case writes it, any abbreviation there written out as the other
spelling does ("Chi bộ HTX nông nghiệp …" with "CHI BỘ HỢP TÁC XÃ NÔNG NGHIỆP …" gives "Chi bộ Hợp tác xã nông
nghiệp …"): the file's own case, and the fuller name."""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .normalising import fold, names_one_unit
from .syllables import is_abbreviation
from .unit_words import level_length, recase_unit

_WORD = re.compile(r"[^\W_]+")
_NUMBER_WORD = "so"
# An enterprise's legal form, folded, which a short name of its chi bộ leaves out: "Công ty TNHH MTV Lâm nghiệp …"
_LEGAL_FORMS = (("tnhh",), ("mtv",), ("cp",), ("trach", "nhiem", "huu", "han"), ("mot", "thanh", "vien"),
                ("co", "phan"))


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


# The runs of words the fuller name may add where its words left start, given whether the short one's are all paired
Added = Callable[[list[_Word], bool], list[int]]


def _nothing_added(words: list[_Word], done: bool) -> list[int]:
    return []


def _paired(one: list[_Word], other: list[_Word], added: Added = _nothing_added) \
        -> list[tuple[list[_Word], list[_Word]]] | None:
    """The two names' words paired from their starts — a word with the same word, an abbreviation with the words
    it stands for, "số" before a number with nothing, a run of words `added` lets `other` add with nothing — or
    None when they do not pair (module docstring)."""
    if not one and not other:
        return []
    tries = []
    if one and other:
        first, first_other = one[0], other[0]
        if first.folded == first_other.folded:
            tries.append((1, 1))
        tries += [(1, len(first.folded)), (len(first_other.folded), 1)]
        if first.folded == _NUMBER_WORD and first_other.folded[:1].isdigit():
            tries.append((1, 0))
        if first_other.folded == _NUMBER_WORD and first.folded[:1].isdigit():
            tries.append((0, 1))
    tries += [(0, length) for length in added(other, not one)]
    for taken, taken_other in tries:
        words, words_other = one[:taken], other[:taken_other]
        alike = not taken or not taken_other or (taken == taken_other == 1 and words[0].folded ==
                                                 words_other[0].folded)
        if not alike and not (taken == 1 and _stands_for(words[0], words_other)) \
                and not (taken_other == 1 and _stands_for(words_other[0], words)):
            continue
        rest = _paired(one[taken:], other[taken_other:], added)
        if rest is not None:
            return [(words, words_other), *rest]
    return None


def _unit_places(superiors: Sequence[str]) -> list[tuple[str, ...]]:
    """The folded words a full name may close on for each đảng bộ's place above it ("XÃ LÂM THẮNG": "xa lam thang",
    "lam thang")."""
    places = []
    for place in superiors:
        words = tuple(word.folded for word in _words(place))
        places += [words, words[level_length(place):]] if words else []
    return [place for place in places if place]


def _added_by_full(superiors: Sequence[str]) -> Added:
    """The words a full name may add to its short one (module docstring): a legal form anywhere, a superior's place
    once the short one's words are all paired."""
    places = _unit_places(superiors)

    def added(words: list[_Word], done: bool) -> list[int]:
        folded = tuple(word.folded for word in words)
        runs = _LEGAL_FORMS + tuple(places) if done else _LEGAL_FORMS
        return [len(run) for run in runs if folded[:len(run)] == run]

    return added


def shortens(short: str, full: str, superiors: Sequence[str] = ()) -> bool:
    """Whether `short` is a short name of the unit `full` writes in full, the title naming the đảng bộ `superiors`
    above it ("CHI BỘ CÔNG TY LÂM NGHIỆP", "Chi bộ Công ty TNHH MTV Lâm nghiệp Lâm Thắng", ["XÃ LÂM THẮNG"])."""
    words, words_full = _words(short), _words(full)
    kind = [word.folded for word in words[:2]]
    if len(words) < 3 or kind != [word.folded for word in words_full[:2]] or not names_one_unit(short):
        return False
    return _paired(words[2:], words_full[2:], _added_by_full(superiors)) is not None


def same_unit(one: str, other: str) -> bool:
    """Whether two texts spell one unit's name ("CHI BỘ HTX NÔNG NGHIỆP THẠNH SÓC", "Chi bộ Hợp tác xã nông nghiệp
    Thạnh Sóc")."""
    return _paired(_words(one), _words(other)) is not None


def written_out(spelling: str, others: list[str], superiors: Sequence[str] = ()) -> str:
    """`spelling` with each abbreviation another spelling of the same unit writes out replaced by those words, in
    the usual case when they are in capitals; the other may be a short name of `spelling` (``shortens``)."""
    for other in others:
        pairs = _paired(_words(spelling), _words(other))
        if pairs is None:
            shorter = _paired(_words(other), _words(spelling), _added_by_full(superiors)) or []
            pairs = [(words, words_other) for words_other, words in shorter]
        for words, words_other in pairs:
            if len(words) == 1 and words[0].short and len(words_other) > 1:
                full = " ".join(word.written for word in words_other)
                full = recase_unit(full) if full == full.upper() else full
                spelling = re.sub(rf"(?<!\w){re.escape(words[0].written)}(?!\w)", full, spelling, count=1)
    return spelling
