"""Where a party organisation's name ends in a line of text. A title or note line often goes on after the name:
"Đơn vị: Chi bộ Tổ dân phố 21. Mỗi cột là một đảng viên, mỗi dòng là một kỳ sinh hoạt; CĐ = sinh hoạt chuyên đề",
"Chi bộ Khu phố 3; Bí thư: …", "Chi bộ Thôn 1 - mỗi tháng họp một lần", "Chi bộ Ấp 2 (số liệu được cập nhật …)".

The name stops at a full stop that ends a sentence (not the dot of an abbreviation: "P. An Lạc", "TP. Huế") and at
';', unless another organisation follows ("Chi bộ A; Chi bộ B" lists two units: left whole, for the checks to
show); and before a dash, comma or bracket opening a note: words no organisation's name holds ("mỗi", "là",
"được" …, written in lower case) or a label or definition (':' or '='), and before a remark about the paperwork
("Chi bộ Khu 3 (sổ gửi ngày 02/01/2026)": ``importers.paperwork_remarks``). A place after a dash or comma ("Chi bộ
Thôn 1 - xã An Lạc") stays. Every unit read from a line passes here (``normalising.normalise_unit_name``), and the
plausibility checks warn about a unit that still reads as a sentence (``reads_as_sentence``)."""

import re

from .paperwork_remarks import paperwork_remark_start
from .syllables import is_abbreviation

# Words of running text, never of an organisation's name, as written in lower case (a capitalised word may be a
# place's name).
CLAUSE_WORDS = ("mỗi", "là", "được", "gồm", "có", "ghi", "xem", "không", "chưa", "đã", "sẽ", "đang", "nếu", "thì",
                "khi", "cột", "dòng", "bảng", "hoặc", "những", "nghĩa")
_CLAUSE = re.compile(rf"(?<!\w)(?:{'|'.join(CLAUSE_WORDS)})(?!\w)")
_NOTE_SIGNS = re.compile(r"[:=]")
# A full stop after a word or number, followed by more text: a sentence ends, unless the word is an abbreviation
# (one letter, or letters no syllable spells: "P.", "TP.", "Tx.")
_FULL_STOP = re.compile(r"(?<=[\w)])\.\s+(?=\S)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)$")
_SEMICOLON = re.compile(r"\s*;\s*")
_NOTE_OPENERS = re.compile(r"\s+[-–—]\s+|\s*,\s*|\s*[(\[]\s*")
_ORGANISATION = re.compile(r"(?:chi bộ|đảng bộ|đảng ủy|đảng uỷ|tổ chức cơ sở đảng)(?!\w)", re.IGNORECASE)
MAX_WORDS = 15


def _is_note(tail: str) -> bool:
    return bool(_CLAUSE.search(tail) or _NOTE_SIGNS.search(tail))


def _sentence_ends(text: str):
    """Positions where a sentence ends in the text: a full stop after no abbreviation, or a ';'."""
    for match in _FULL_STOP.finditer(text):
        word = _WORD_BEFORE.search(text[:match.start()])
        if word is None or not (len(word.group(1)) == 1 or is_abbreviation(word.group(1))):
            yield match.start(), match.end()
    for match in _SEMICOLON.finditer(text):
        yield match.start(), match.end()


def closed(text: str) -> str:
    """Text cut short, without the bracket it leaves open and what follows it ("Chi bộ A (trực" -> "Chi bộ A")."""
    opened = []
    for at, char in enumerate(text):
        if char in "([":
            opened.append(at)
        elif char in ")]" and opened:
            opened.pop()
    return text[:opened[0]].strip() if opened else text.strip()


def name_end(text: str) -> str:
    """The text up to where the organisation's name it opens with ends (see the module docstring); the text itself
    when nothing follows the name."""
    cut = paperwork_remark_start(text) or len(text)
    for start, end in _sentence_ends(text):
        if start > 0 and not _ORGANISATION.match(text, end):
            cut = min(cut, start)
    openers = [match for match in _NOTE_OPENERS.finditer(text, 0, cut) if match.start() > 0]
    for match, after in zip(openers, openers[1:] + [None]):
        if _is_note(text[match.end():after.start() if after else cut]):
            cut = match.start()
            break
    if cut == len(text):
        return text
    return closed(text[:cut]).rstrip(" .,;:-–—") or text


# Another organisation after 'và', '&', '+', ',': "Chi bộ Khu 3 và Chi bộ Khu 4" lists units, it names none of them
_ANOTHER = re.compile(r"(?:\s+và|\s*[&+,])\s*(?:chi bộ|đảng bộ|đảng ủy|đảng uỷ|tổ chức cơ sở đảng)(?!\w)",
                      re.IGNORECASE)


def lists_units(text: str) -> bool:
    """A unit value naming two organisations side by side ("Chi bộ Khu 3 và Chi bộ Khu 4", "Chi bộ A, Chi bộ B")."""
    return bool(_ORGANISATION.match(text.strip()) and _ANOTHER.search(text))


def reads_as_sentence(text: str) -> bool:
    """A unit value that is more than a name: sentence punctuation inside it, words of running text, or too many
    words for a name."""
    return (name_end(text).rstrip(" .") != text.rstrip(" .") or ";" in text or bool(_CLAUSE.search(text))
            or len(text.split()) > MAX_WORDS)
