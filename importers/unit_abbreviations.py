"""Unit values written short ("TDP 14", "KP 3", "Thôn ĐT", "CB HTX NN Thạnh Sóc") that a note on the sheet spells
out, in the title block or under the table: a pattern with a number in it ("TDP n = Chi bộ Tổ dân phố n", "KP x: Chi
bộ Khu phố x") or a word ("TDP: Tổ dân phố", "KP - khu phố", "ĐT = Đông Tiến", "P. = phường" (one capital with its
dot, written with it in the values: "CB Công an P."), "Tổ dân phố (TDP)", read as header abbreviations are:
``header_abbreviations``), an abbreviation of several capital words too ("HTX NN - Hợp tác xã nông nghiệp", "Hợp
tác xã nông nghiệp (HTX NN)"), the items of one note set apart by ";" or ",", each by "-", "–", ":", "=" or "là". A
unit column's values are written out through the note, as the note spells them (a meaning typed all in lower case,
and a value typed in capitals, spelt as the unit lexicon spells a name: ``importers.unit_words``), the longest
abbreviation first, and the inferences say so. A meaning is taken only when it names a party organisation or a place
("Chi bộ …", "Tổ dân phố", "khu phố"), is made of the words of organisations' names ("Hợp tác xã nông nghiệp", "Đồn
Biên phòng"), or is a proper name ("Đông Tiến"): a legend's "VP - vắng có phép" or a header's "ĐT - Điện thoại" is no
unit. Without a note the value stays as written, and the plausibility checks warn about it: a value that is no
organisation's name, and an abbreviation left in a unit's name that no note spells out and offices do not all write
the same way ("ĐBP", "NN"; `unexplained`), never "THCS", "UBND", "HTX" (`USUAL`)."""

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import pandas as pd

from .chi_bo_short import ONE_WORD_KINDS
from .header_abbreviations import ABBREVIATION, abbreviation_pairs
from .normalising import clean_text, fold, is_blank
from .role_words import strict_role
from .syllables import is_abbreviation
from .unit_words import common_word_length, is_common_word, recase_unit

MAX_NOTE_LENGTH = 600
SCAN_ROWS = 60
SHOWN = 5
# What sets an abbreviation apart from its meaning: "-", "–", "=", ":", an arrow, "là", "viết tắt của"
_SEPARATOR = r"(?:[-–=:]|→|->|\blà\b|\bviết tắt của\b)"
# "TDP n = Chi bộ Tổ dân phố n": the abbreviation, a stand-in for the number, the meaning holding the stand-in
_VARIABLE = r"(?:\s+(?:n|N|x|X|số)|\s*(?:\.\.\.|…|#))"
_TEMPLATE = re.compile(rf"(?<![\w/])(?P<short>{ABBREVIATION})\.?(?P<var>{_VARIABLE})\s*{_SEPARATOR}\s*"
                       r"(?P<meaning>[^;,()\[\]\n=:]+?)\s*(?=[;,()\[\]\n]|\.(?:\s|$)|$)")
# A party organisation, or the residential or administrative area a cell is named after (folded)
_PLACE = re.compile(r"(?:chi bo|dang bo|dang uy|to chuc co so dang|to dan pho|khu pho|khoi pho|khu dan cu|khu|khoi"
                    r"|thon|xom|ap|ban|buon|bon|lang|khom|to|phuong|xa|thi tran)\b")
# "Chi bộ TDP 14" through "TDP n = Chi bộ Tổ dân phố n": the organisation is named once
_TWICE = re.compile(r"\b(chi bộ|đảng bộ)\s+\1\b", re.IGNORECASE)
# "P. = phường", "X. - xã": one capital and its dot, which the unit values write too ("CB Công an P.")
_DOTTED = re.compile(r"(?<![\w/.])([A-ZĐ]\.)\s*(?:[-–=:]|\blà\b)\s*([^;,()\[\]\n.:=]+)")
_PROPER = re.compile(r"[^\W\d_]+(?: [^\W\d_]+){0,3}")
MAX_PROPER_WORDS = 4
# A list bullet opening a note's line ("- HTX NN: Hợp tác xã nông nghiệp")
_BULLET = r"[-–+*•·]"
# "HTX NN - Hợp tác xã nông nghiệp", "BCH QS: Ban Chỉ huy Quân sự": several capital words for one meaning, opening
# the note or one of its items; and the other way round, "Hợp tác xã nông nghiệp (HTX NN)"
_SEVERAL = rf"{ABBREVIATION}(?:\s+{ABBREVIATION}){{1,2}}"
_SEVERAL_FIRST = re.compile(rf"(?:^|(?<=[;,:(\n]))\s*(?:{_BULLET}\s*)?(?P<short>{_SEVERAL})\s*"
                            rf"{_SEPARATOR}\s*(?P<meaning>[^;,()\[\]\n=:]+?)\s*"
                            r"(?=[;,()\[\]\n]|\.(?:\s|$)|$)")
_SEVERAL_AFTER = re.compile(rf"(?P<meaning>[^;,()\[\]\n.:=]+?)\s*\(\s*(?P<short>{_SEVERAL})\s*\)")
# The abbreviations every office writes the same way in units' names, kept as written without a note (folded):
# schools, state bodies, enterprises, associations and places.
USUAL = frozenset({
    "mn", "mg", "th", "thcs", "thpt", "ptcs", "ptth", "ptdtbt", "ptdtnt", "dtnt", "gdtx", "gdnn", "ttgdtx",
    "ttgdnn", "tthtcd", "dh", "cd",
    "ubnd", "hdnd", "mttq", "ubmttq", "mttqvn", "tand", "vksnd", "thads", "qs", "bch", "bchqs", "bdbp", "kbnn",
    "bhxh", "nhcsxh", "nhnn", "ttyt", "tyt", "bv", "bvdk", "pkdk", "vp", "du", "tt", "ttvh", "kcn", "ccn", "bql",
    "bqlda", "qlda", "cq",
    "htx", "tnhh", "cp", "mtv", "tct", "xn", "dn", "dntn",
    "ccb", "hnd", "lhpn", "hlhpn", "dtn", "dtncs", "hccb", "nct",
    "tdp", "kp", "kdc", "kv", "tk", "tp", "tx", "vn", "cb",
})
_CAPITALS = re.compile(r"[^\W\d_]+")
_ROMAN = re.compile(r"^[IVXLC]+$")
MAX_UNEXPLAINED_LETTERS = 5


@dataclass(frozen=True)
class Definition:
    """One abbreviation a note spells out; `variable` is the stand-in for the number when the meaning is a
    pattern ("TDP n = Chi bộ Tổ dân phố n")."""

    short: str
    meaning: str
    variable: str | None = None

    @cached_property
    def pattern(self) -> re.Pattern:
        short = re.escape(self.short)
        if self.variable is None:
            return re.compile(rf"(?<!\w){short}(?!\w)")
        return re.compile(rf"(?<!\w){short}(?:\.?\s*(?P<number>\d[\w./-]*)|\.?\s+(?P<word>[^\W\d_]\w*))(?!\w)")

    @property
    def line(self) -> str:
        return f"{self.short} {self.variable} = {self.meaning}" if self.variable else f"{self.short} = {self.meaning}"


def _names_place(meaning: str) -> bool:
    """A meaning a unit's name may hold: a party organisation or a place word first, a common word of organisations'
    names ("TH - Tiểu học", "HTX - Hợp tác xã": ``importers.unit_words``) or a run of them, maybe before a proper
    name ("Hợp tác xã nông nghiệp", "Đồn Biên phòng Thạnh Sóc"), or a proper name; never a role ("TĐ - Trưởng
    đoàn")."""
    if strict_role(meaning, {}):
        return False
    if _PLACE.match(fold(meaning)) or is_common_word(meaning) or _organisation_words(meaning):
        return True
    return bool(_PROPER.fullmatch(meaning)) and all(word[:1].isupper() for word in meaning.split(" "))


def _organisation_words(meaning: str) -> bool:
    """Whether a meaning opens with the words of organisations' names, the lexicon's common words or a one-word kind
    of unit ("Đồn", "Trạm"), and goes on with nothing but them or a proper name of a few capitalised words."""
    words = meaning.split(" ")
    at = 0
    while at < len(words):
        length = common_word_length(" ".join(words[at:])) or int(fold(words[at]) in ONE_WORD_KINDS)
        if not length:
            break
        at += length
    rest = words[at:]
    return at > 0 and len(rest) <= MAX_PROPER_WORDS and all(word[:1].isupper() and word.isalpha() for word in rest)


def _definitions(text: str) -> list[Definition]:
    found = []
    for match in _TEMPLATE.finditer(text):
        meaning, variable = clean_text(match.group("meaning")) or "", match.group("var").strip()
        if re.search(rf"(?<!\w){re.escape(variable)}(?!\w)", meaning) and _names_place(meaning):
            found.append(Definition(match.group("short"), meaning, variable))
    dotted = [(match.group(1), match.group(2)) for match in _DOTTED.finditer(text)]
    for short, meaning in abbreviation_pairs(text) + dotted:
        meaning = clean_text(meaning) or ""
        if meaning and _names_place(meaning) and _opens_item(text, short) and not _word(short).search(meaning):
            found.append(Definition(short, meaning))
    several = [match for pattern in (_SEVERAL_FIRST, _SEVERAL_AFTER) for match in pattern.finditer(text)]
    for match in several:
        short, meaning = " ".join(match.group("short").split()), clean_text(match.group("meaning")) or ""
        if all(map(is_abbreviation, short.split(" "))) and meaning and _names_place(meaning):
            found.append(Definition(short, meaning))
    return found


def _word(short: str) -> re.Pattern:
    return re.compile(rf"(?<!\w){re.escape(short)}(?!\w)")


def _opens_item(text: str, short: str) -> bool:
    """Whether the abbreviation is defined on its own ("KP - khu phố", "Tổ dân phố (TDP)"), not as the last word of
    a longer short name ("CB Trường TH - Chi bộ Trường TH …" defines no "TH")."""
    short = re.escape(short)
    return bool(re.search(rf"(?:^\s*{_BULLET}?|[;,:(]|\s[-–]\s)\s*{short}\s*{_SEPARATOR}|\(\s*{short}\s*\)",
                          text))


def note_texts(rows: list[list[Any]], first: int, end: int) -> list[str]:
    """The text cells where a sheet writes its notes: above the header row `first`, from row `end` on (under the
    table), and a text alone on its row among the table's first and last rows (a note line the table's rows skip)."""
    texts = [cell for row in rows[:first] + rows[end:] for cell in row if isinstance(cell, str) and cell.strip()]
    inside = rows[first:end]
    for row in inside[:SCAN_ROWS] + inside[max(SCAN_ROWS, len(inside) - SCAN_ROWS):]:
        filled = [cell for cell in row if not is_blank(cell)]
        if len(filled) == 1 and isinstance(filled[0], str):
            texts.append(filled[0])
    return texts


def unit_abbreviations(texts: list[Any]) -> list[Definition]:
    """The unit abbreviations the note texts define, a pattern before a word, the first definition of each
    abbreviation winning."""
    found: dict[tuple[str, bool], Definition] = {}
    for text in texts:
        if isinstance(text, str) and len(text) <= MAX_NOTE_LENGTH:
            for item in _definitions(text):
                found.setdefault((fold(item.short), item.variable is None), item)
    return sorted(found.values(), key=lambda item: (item.variable is None, -len(item.short)))


def _spelt(definition: Definition, match: re.Match) -> str:
    meaning = definition.meaning
    if definition.variable is not None:
        number = match.group("number") or match.group("word")
        meaning = re.sub(rf"(?<!\w){re.escape(definition.variable)}(?!\w)", lambda _: number, meaning)
    if definition.meaning == definition.meaning.lower():  # "ĐBP - đồn biên phòng": as the lexicon spells it there
        before = match.string[:match.start()]
        meaning = recase_unit(f"{before}{meaning}".upper())[len(before):]
    return _without_repeat(meaning, match.string[match.end():])


def _without_repeat(meaning: str, after: str) -> str:
    """The meaning without the words the value goes on with: "ĐBP - Đồn Biên phòng Thạnh Sóc" writes "CB ĐBP Thạnh
    Sóc" out as "… Đồn Biên phòng Thạnh Sóc", the place named once."""
    words, following = meaning.split(" "), [fold(word) for word in after.split()]
    for size in range(len(words) - 1, 0, -1):
        if [fold(word) for word in words[-size:]] == following[:size]:
            return " ".join(words[:-size])
    return meaning


def _in_capitals(text: str) -> bool:
    """A value typed in capitals, a written-out word among its abbreviations ("CB HTX NN THẠNH SÓC")."""
    return text == text.upper() and any(not is_abbreviation(word) for word in _CAPITALS.findall(text))


def written_out(value: Any, definitions: list[Definition]) -> Any:
    """A unit value with the abbreviations the notes define written out ("TDP 14" -> "Chi bộ Tổ dân phố 14"); a
    value with none, or no text, unchanged. A value typed in capitals comes out spelt as the lexicon spells it
    ("CB HTX NN THẠNH SÓC" -> "Chi bộ Hợp tác xã Nông nghiệp Thạnh Sóc")."""
    text = clean_text(value) if isinstance(value, str) else None
    if not text:
        return value
    capitals = _in_capitals(text)
    for definition in definitions:
        text = definition.pattern.sub(lambda match, item=definition: _spelt(item, match), text)
    if text == clean_text(value):
        return value
    text = _TWICE.sub(r"\1", text)
    if capitals:
        return recase_unit(text.upper())
    return text[:1].upper() + text[1:]


def unexplained(value: Any) -> list[str]:
    """The abbreviations left in a unit's name that offices do not all write the same way: words of two to five
    capitals spelling no syllable ("ĐBP", "NN"), neither a Roman numeral nor one of `USUAL` ("THCS", "UBND")."""
    if not isinstance(value, str):
        return []
    words = _CAPITALS.findall(value)
    return list(dict.fromkeys(word for word in words if word == word.upper()
                              and 2 <= len(word) <= MAX_UNEXPLAINED_LETTERS and is_abbreviation(word)
                              and not _ROMAN.match(word) and fold(word) not in USUAL))


def write_out_units(frame: pd.DataFrame, column, definitions: list[Definition]) -> tuple[pd.DataFrame, list[dict]]:
    """The frame with the unit column's abbreviations written out, and the inference saying which and by what
    note."""
    if column is None or column.index not in frame.columns or not definitions:
        return frame, []
    values = frame[column.index]
    distinct = [value for value in pd.unique(values.to_numpy(dtype=object)) if not is_blank(value)]
    names = {value: spelt for value in distinct
             if isinstance(value, str) and (spelt := written_out(value, definitions)) != value}
    if not names:
        return frame, []
    frame = frame.copy(deep=False)
    frame[column.index] = values.map(lambda value: names.get(value, value) if isinstance(value, str) else value)
    used = [item.line for item in definitions if any(item.pattern.search(value) for value in names)]
    shown = "; ".join(f"{short} → {name}" for short, name in list(names.items())[:SHOWN])
    where = f"cột {column.letter} «{column.header}»" if column.letter else "đơn vị"
    return frame, [{"what": "Đơn vị", "value": shown + ("; …" if len(names) > SHOWN else ""),
                    "source": f"chữ viết tắt ở {where} viết đầy đủ theo ghi chú «{'; '.join(used)}»"}]
