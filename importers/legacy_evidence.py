"""Whether decoding a cell as TCVN3/VNI makes it more Vietnamese: the evidence a legacy conversion needs.

Legacy text is read as Latin-1, whose letters and symbols (×, ¸, ®, ö, æ …) stand for Vietnamese letters in the old
fonts — but the same characters are also marks and symbols of Unicode sheets ('×' vắng không phép, 'Café'). A cell
is only sure to be legacy when decoding turns words that are no Vietnamese syllable into words that are, and a
sheet whose text is already Vietnamese Unicode (ư, ơ, đ, ạ … which no Latin-1 cell can hold) is no legacy font."""

import re
import unicodedata

from .syllables import spells_syllable

_LOWER = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệfghiìíỉĩịjklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvwxyỳýỷỹỵz"
_LETTERS = frozenset(_LOWER + _LOWER.upper())
# Vietnamese letters outside Latin-1: a cell holding one was typed in Unicode, never read from a legacy font.
UNICODE_ONLY = re.compile("[" + "".join(sorted(ch for ch in _LETTERS if ord(ch) > 0xFF)) + "]")
# Words are split at spaces, digits and ASCII punctuation; Latin-1 symbols stay inside words (TCVN3 'B¸', 'H×nh').
_WORD_BREAKS = re.compile(r"[\s!-@\[-`{-~]+")
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_SKELETON = str.maketrans({"đ": "d", "Đ": "D"})
# A decoded word this short ('ì' from a lone '×') proves nothing: symbols and marks are one character long.
SURE_WORD_LETTERS = 2


def is_vietnamese_word(word: str) -> bool:
    """True for a word of Vietnamese letters, in one case style, with at most one tone, shaped as a syllable."""
    if not word or any(char not in _LETTERS for char in word):
        return False
    if not (word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())):
        return False
    decomposed = unicodedata.normalize("NFD", word.translate(_SKELETON).casefold())
    if sum(char in _TONES for char in decomposed) > 1:
        return False
    return spells_syllable("".join(char for char in decomposed if not unicodedata.combining(char)))


def vietnamese_words(text: str, shortest: int = 1) -> int:
    """How many words of the text (of at least `shortest` letters) are Vietnamese syllables."""
    return sum(len(word) >= shortest and is_vietnamese_word(word) for word in _WORD_BREAKS.split(text))


def gains_words(before: str, after: str) -> bool:
    """True when the decoded text has more Vietnamese words of two letters or more than the text as read."""
    return vietnamese_words(after, SURE_WORD_LETTERS) > vietnamese_words(before, SURE_WORD_LETTERS)


def loses_words(before: str, after: str) -> bool:
    """True when decoding would leave fewer Vietnamese words than the text as read ('Khánh' -> 'Khỏnh' keeps them)."""
    return vietnamese_words(after) < vietnamese_words(before)


def reads_as_vietnamese(text: str) -> bool:
    """True when every word of the text is a Vietnamese syllable as it stands ('Bùi Thanh Dung')."""
    words = [word for word in _WORD_BREAKS.split(text) if word]
    return bool(words) and all(is_vietnamese_word(word) for word in words)


def stays_unicode(text: str, after: str, row_is_unicode: bool) -> bool:
    """True for a Latin-1 cell of a row typed in Unicode (another of its cells holds ư, ơ, đ, ạ …) that already
    reads as Vietnamese and that decoding would only turn into other words ('Bùi' -> 'Bựi'): a row added in
    Unicode to a legacy sheet, not a legacy cell."""
    return row_is_unicode and reads_as_vietnamese(text) and not gains_words(text, after)


def is_unicode_vietnamese(text) -> bool:
    """True for a text cell holding a Vietnamese letter no legacy font read as Latin-1 can produce."""
    return text.__class__ is str and UNICODE_ONLY.search(text) is not None
