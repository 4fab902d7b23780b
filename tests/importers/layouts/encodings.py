"""Text encodings applied to cells: legacy TCVN3 / VNI (inverting importers.legacy) and Windows-1258 (NFD)."""

import unicodedata

from importers.legacy import _VNI_LETTERS, _VNI_MARKS, UNICODE_TO_TCVN3, decode_legacy

_VNI_MARK_CHARS = {
    "".join(sorted(v)): k for k, v in _VNI_MARKS.items() if k.islower()
}  # combining marks -> mark char (lower)
_VNI_SINGLE = {v: k for k, v in _VNI_LETTERS.items() if k not in "ìíÌÍ"}  # ư ơ đ ỉ ĩ ị ỵ ...
_HORN_BREVE = {"ư": "ư", "ơ": "ơ", "Ư": "Ư", "Ơ": "Ơ"}


def to_tcvn3(text: str) -> str:
    """Unicode -> TCVN3 (.VnTime); capitals without a code of their own use the .VnTimeH (lowercase) code."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        out.append(UNICODE_TO_TCVN3.get(ch) or UNICODE_TO_TCVN3.get(ch.lower(), ch))
    return "".join(out)


def to_vni(text: str) -> str:
    """Unicode -> VNI-Windows: base letter + mark character(s)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in _VNI_SINGLE:
            out.append(_VNI_SINGLE[ch])
            continue
        if ch.isascii():
            out.append(ch)
            continue
        decomposed = unicodedata.normalize("NFD", ch)
        base, combining = decomposed[0], decomposed[1:]
        if combining.startswith("\u031b"):  # horn: ư / ơ then a tone
            horned = unicodedata.normalize("NFC", base + "\u031b")
            base, combining = _VNI_SINGLE.get(horned, horned), combining[1:]
        mark = _VNI_MARK_CHARS.get("".join(sorted(combining)))
        if combining and mark is None:
            out.append(ch)
            continue
        if mark and base.isupper():
            mark = mark.upper()
        out.append(base + (mark or ""))
    return "".join(out)


ENCODERS = {"tcvn3": to_tcvn3, "vni": to_vni}


def legacy_cell(encoding: str, text):
    """Encode a text cell as a file typed in the legacy font holds it (every cell, as .VnTime or VNI-Times typing
    gives); a letter the font cannot write keeps the cell in Unicode."""
    if not isinstance(text, str) or text.isascii():
        return text
    encoded = ENCODERS[encoding](text)
    if decode_legacy(encoded, encoding) == unicodedata.normalize("NFC", text):
        return encoded
    lower = unicodedata.normalize("NFC", text.lower())
    if encoding == "tcvn3" and text == text.upper():  # capitals typed in .VnTimeH: the lowercase codes
        encoded = to_tcvn3(lower)
        if decode_legacy(encoded, encoding) == lower:
            return encoded
    return text


def legacy_roundtrips(encoding: str, text: str) -> bool:
    encoded = ENCODERS[encoding](text)
    return text.isascii() or decode_legacy(encoded) == unicodedata.normalize("NFC", text)


_CP1258_SHAPES = "\u0302\u0306\u031b"  # circumflex, breve, horn: precomposed in Windows-1258


def to_cp1258_text(text: str) -> str:
    """Vietnamese text as Windows-1258 writes it: base letters (â ê ô ơ ư ă đ) with combining tone marks."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            ch.encode("cp1258")
            out.append(ch)
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        shape = "".join(m for m in decomposed[1:] if m in _CP1258_SHAPES)
        tones = "".join(m for m in decomposed[1:] if m not in _CP1258_SHAPES)
        out.append(unicodedata.normalize("NFC", decomposed[0] + shape) + tones)
    return "".join(out)
