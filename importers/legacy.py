"""Legacy Vietnamese encodings (TCVN3/ABC and VNI-Windows) detected per cell and decoded to Unicode."""

import re
import unicodedata

from .legacy_evidence import gains_words, vietnamese_words

# TCVN3 (ABC) code points (as they appear when read as Latin-1) and the letters they stand for.
_TCVN3_LOWER = (
    "µ¸¶·¹" "¨»¾¼½Æ" "©ÇÊÈÉË" "®" "ÌÐÎÏÑ" "ªÒÕÓÔÖ" "×ÝØÜÞ" "ßãáâä" "«åèæçé" "¬êíëìî"
    "ïóñòô" "\xadõøö÷ù" "úýûüþ" "¡¢§£¤¥¦"
)
_UNICODE_LOWER = (
    "àáảãạ" "ăằắẳẵặ" "âầấẩẫậ" "đ" "èéẻẽẹ" "êềếểễệ" "ìíỉĩị" "òóỏõọ" "ôồốổỗộ" "ơờớởỡợ"
    "ùúủũụ" "ưừứửữự" "ỳýỷỹỵ" "ĂÂĐÊÔƠƯ"
)
TCVN3_TO_UNICODE = dict(zip(_TCVN3_LOWER, _UNICODE_LOWER, strict=True))
UNICODE_TO_TCVN3 = {u: t for t, u in TCVN3_TO_UNICODE.items()}

# Characters that real Vietnamese Unicode text never uses but TCVN3 text is full of.
TCVN3_MARKERS = re.compile("[µ¸¶·¹¨»¾¼½©®ª«¬\xad§¡¢£¤¥¦ÆÇËÐÎÏÑÖ×ØÜÞßäåæçëîïñö÷øûüþ]")

# VNI-Windows: base letter followed by a mark character (read as Latin-1/cp1252).
_VNI_MARKS = {
    "ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323",
    "â": "\u0302", "ê": "\u0306",
    "á": "\u0302\u0301", "à": "\u0302\u0300", "å": "\u0302\u0309", "ã": "\u0302\u0303", "ä": "\u0302\u0323",
    "é": "\u0306\u0301", "è": "\u0306\u0300", "ú": "\u0306\u0309", "ü": "\u0306\u0303", "ë": "\u0306\u0323",
}
_VNI_MARKS.update({k.upper(): v for k, v in list(_VNI_MARKS.items())})
_VNI_LETTERS = {
    "ö": "ư", "Ö": "Ư", "ô": "ơ", "Ô": "Ơ", "ñ": "đ", "Ñ": "Đ",
    "ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị",
    "Ì": "Ì", "Í": "Í", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị", "î": "ỵ", "Î": "Ỵ",
}
_VNI_TOKEN = re.compile("([aeiouyAEIOUYöôÖÔ])([ùøûõïâêáàåãäéèúüëÙØÛÕÏÂÊÁÀÅÃÄÉÈÚÜË])|([öÖôÔñÑæÆóÓòÒîÎ])")
VNI_MARKERS = re.compile(
    "[aeiouyAEIOUY][øûïëüåäØÛÏËÜÅÄ]|[aeAE][âêáàãéèúÂÊÁÀÃÉÈÚ]|[oO][âÂ]|(?<![A-Za-z])[ñÑ][a-zA-Z]|[a-zA-Z]ö"
)
TCVN3_ONLY = re.compile("[µ¸¶·¹¨»¾¼½©®ª«¬\xad§¡¢£¤¥¦]")

LEGACY_HINT = re.compile("[\x80-\xff]")
# Cheap column pre-filter: anything a TCVN3 or VNI cell shows that Vietnamese Unicode text never does.
# Separate simple patterns: Python's re scans a single character class far faster than an alternation.
LEGACY_CHARS = re.compile("[µ¸¶·¹¨»¾¼½©®ª«¬\xad§¡¢£¤¥¦ÆÇËÐÎÏÑÖ×ØÜÞßäåæçëîïñö÷øûüþ]")
LEGACY_PAIRS = tuple(re.compile(pattern) for pattern in (
    "[âêáàãéèúÂÊÁÀÃÉÈÚ](?<=[aeAE].)", "[âÂ](?<=[oO].)", "[ÔÕÒÓ](?<=[a-z].)",
))


def may_hold_legacy(text: str) -> bool:
    """Cheap test on a whole column's text: could any cell be TCVN3 or VNI?

    Characters Unicode Vietnamese never uses settle it; the letter+mark pairs are only looked for in columns
    that are entirely Latin-1, since a Unicode column (ư, ơ, ạ …) holding legacy cells also shows those characters.
    """
    if text.isascii():
        return False
    if LEGACY_CHARS.search(text):
        return True
    return is_latin1(text) and any(pattern.search(text) for pattern in LEGACY_PAIRS)


def is_latin1(text: str) -> bool:
    """True when every character fits in one Latin-1 byte (legacy text always does)."""
    try:
        text.encode("latin-1")  # stops at the first wider character
    except UnicodeEncodeError:
        return False
    return True


def detect_legacy(text: str) -> str | None:
    """Return 'tcvn3', 'vni' or None for one cell's text: an encoding only when decoding it turns words that are no
    Vietnamese syllable into words that are (a lone '×' or 'Café' is no evidence)."""
    encoding = _suspected_encoding(text)
    if encoding is None or gains_words(text, decode_legacy(text, encoding)):
        return encoding
    other = "tcvn3" if encoding == "vni" else "vni"
    return other if gains_words(text, decode_legacy(text, other)) else None


def _suspected_encoding(text: str) -> str | None:
    """The encoding a cell's characters point to, before its words are weighed."""
    if not isinstance(text, str) or not LEGACY_HINT.search(text) or not is_latin1(text):
        return None
    if TCVN3_MARKERS.search(text) or re.search("[a-z][ÔÕÒÓÖ]", text):
        return "vni" if _looks_more_like_vni(text) else "tcvn3"
    if VNI_MARKERS.search(text):
        return "vni"
    return None


def _looks_more_like_vni(text: str) -> bool:
    """Break ties between encodings: TCVN3-only characters win, then VNI's letter+mark pairs."""
    return not TCVN3_ONLY.search(text) and bool(VNI_MARKERS.search(text))


def tcvn3_to_unicode(text: str) -> str:
    """Decode TCVN3 (ABC, .VnTime) text read as Latin-1 into NFC Unicode."""
    return unicodedata.normalize("NFC", "".join(TCVN3_TO_UNICODE.get(ch, ch) for ch in text))


def unicode_to_tcvn3(text: str) -> str:
    """Encode Unicode text into TCVN3 (lowercase letters plus the seven base capitals)."""
    return "".join(UNICODE_TO_TCVN3.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def vni_to_unicode(text: str) -> str:
    """Decode VNI-Windows text read as Latin-1 into NFC Unicode."""

    def replace(match: re.Match) -> str:
        if match.group(3):
            return _VNI_LETTERS[match.group(3)]
        base = _VNI_LETTERS.get(match.group(1), match.group(1))
        return base + _VNI_MARKS[match.group(2)]

    return unicodedata.normalize("NFC", _VNI_TOKEN.sub(replace, text))


def decode_legacy(text: str, encoding: str | None = None) -> str:
    """Decode a legacy-encoded cell (auto-detected when encoding is None); other text is returned unchanged."""
    encoding = encoding or detect_legacy(text)
    if encoding == "tcvn3":
        return tcvn3_to_unicode(text)
    if encoding == "vni":
        return vni_to_unicode(text)
    return text


SAMPLE_CHARS = 65536


def bytes_typed_in_legacy_font(latin: str, windows: str) -> bool:
    """Whether an 8-bit text file was typed in a legacy font (TCVN3/VNI bytes) rather than in Windows-1258: its
    Latin-1 reading, decoded as TCVN3 or VNI, holds more Vietnamese words than its Windows-1258 reading. Read as
    Windows-1258, TCVN3 bytes turn into other letters and tone marks that compose with their neighbours ('Phã' ->
    'Phă'), and no cell could be decoded afterwards."""
    latin, windows = latin[:SAMPLE_CHARS], unicodedata.normalize("NFC", windows[:SAMPLE_CHARS])
    as_windows = vietnamese_words(windows, 2)
    return max(vietnamese_words(tcvn3_to_unicode(latin), 2), vietnamese_words(vni_to_unicode(latin), 2)) > as_windows

