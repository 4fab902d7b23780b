"""Vietnamese name handling: canonical form, diacritic-free search key, collation key."""
import unicodedata

from importers.normalising import clean_text, fold  # noqa: F401  (one fold for typed and imported text)

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_TONES = "\u0300\u0309\u0303\u0301\u0323"  # huyền, hỏi, ngã, sắc, nặng


def clean_name(raw: str) -> str:
    """NFC, whitespace collapsed and stripped (the importer's rule, so typed and imported names agree)."""
    return clean_text(raw) or ""


_SYMBOLS = "123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # ordered the same in C and ICU/glibc collations
_COMPOSED = {"a\u0306": "ă", "a\u0302": "â", "e\u0302": "ê", "o\u0302": "ô", "o\u031b": "ơ", "u\u031b": "ư"}
_WORD_WIDTH = 8


def _letter_key(ch: str) -> tuple[str, str]:
    """Symbol for one letter's place in the Vietnamese alphabet, and one digit for its tone."""
    parts = unicodedata.normalize("NFD", ch)
    base, tone = parts[0], 0
    for mark in parts[1:]:
        if mark in _TONES:
            tone = _TONES.index(mark) + 1
        else:
            base = _COMPOSED.get(base + mark, base)
    rank = _ALPHABET.find(base)
    return _SYMBOLS[rank if rank >= 0 else len(_SYMBOLS) - 1], str(tone)


def _word_key(word: str) -> str:
    """Fixed-width key of one word: letters then tones, so no separator is needed between words."""
    letters = [_letter_key(ch) for ch in word.lower()[:_WORD_WIDTH]]
    primary = "".join(sym for sym, _ in letters).ljust(_WORD_WIDTH, "0")
    tones = "".join(t for _, t in letters).ljust(_WORD_WIDTH, "0")
    return primary + tones


def sort_key(full_name: str) -> str:
    """Collation key for Vietnamese name order: given name (last word) first, then the rest in order."""
    words = [w for w in clean_name(full_name).split(" ") if w]
    if not words:
        return ""
    return "".join(_word_key(w) for w in [words[-1], *words[:-1]])[:255]
