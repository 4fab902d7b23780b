"""Whether a word written in capitals can be read as a syllable, or is an abbreviation to keep as written.

Every Vietnamese word is one syllable: an initial consonant, a vowel group and maybe a final consonant. An office
abbreviation strings initials together ("PTDTBT", "DTNT", "BCH", "HĐND", "UBND", "TTYT"), which no syllable does:
no vowel at all, or consonants where a syllable never has them. Initials of minority place names ("Slằn", "Krông",
"Đắk") are read as syllables too, and a word of two vowel groups or more ("PLEIKU", "ASEAN") is a name written
without spaces: no such name is taken for an abbreviation. A word carrying a tone or a vowel's mark ("LŨNG", "PẢNG")
is always a written-out word: abbreviations are written without them."""

import re
import unicodedata

_INITIAL = (r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|bl|br|cl|dr|kl|kr|pl|pr|sl|b|c|d|g|h|k|l|m|n|p|q|r|s|t|v|x)?")
# vowel groups of Vietnamese syllables without their marks ("ươi" -> "uoi", "yêu" -> "yeu")
_VOWELS = (r"(?:ieu|oai|oay|oeo|uay|uoi|uou|uya|uye|uyu|yeu|uai|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo"
           r"|uu|uy|ye|a|e|i|o|u|y)")
_FINAL = r"(?:ch|ng|nh|c|k|m|n|p|t)?"
_SYLLABLE = re.compile(rf"^{_INITIAL}{_VOWELS}{_FINAL}$")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_STROKE = str.maketrans({"đ": "d", "Đ": "D"})


def is_abbreviation(word: str) -> bool:
    """True for a word of two letters or more (punctuation around it aside) that no syllable spells: 'PTDTBT',
    'UBND', 'BCH' — not 'TRƯỜNG', 'NÀ', 'SLAM', 'XI', 'PLEIKU'."""
    letters = "".join(char for char in word if char.isalpha())
    if len(letters) < 2:
        return False
    decomposed = unicodedata.normalize("NFD", letters.translate(_STROKE))
    if any(unicodedata.combining(char) for char in decomposed):
        return False  # a tone or a vowel's mark: a written-out word
    folded = decomposed.casefold()
    return _SYLLABLE.match(folded) is None and len(_VOWEL_GROUPS.findall(folded)) < 2


def spells_syllable(word: str) -> bool:
    """True when a lower-case word without marks ('nguyen', 'truong') has the shape of one Vietnamese syllable."""
    return _SYLLABLE.match(word) is not None


def title_word(word: str) -> str:
    """First letter in title case, the rest lower; title case, not upper, so a letter whose capital is two letters
    ("ß" → "Ss") gives a word that reads back the same."""
    return unicodedata.normalize("NFC", word[:1].title() + word[1:].lower())
