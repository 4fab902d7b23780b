"""Unit values written short ("TDP 14", "KP 3", "Thôn ĐT") that a note on the sheet spells out: a pattern with a
number in it ("TDP n = Chi bộ Tổ dân phố n", "KP x: Chi bộ Khu phố x") or a word ("TDP: Tổ dân phố", "KP - khu phố",
"ĐT = Đông Tiến", "P. = phường" (one capital with its dot, written with it in the values: "CB Công an P."),
"Tổ dân phố (TDP)", read as header abbreviations are: ``header_abbreviations``). A unit column's
values are written out through the note, as the note spells them, and the inferences say so. A meaning is taken
only when it names a party organisation or a place ("Chi bộ …", "Tổ dân phố", "khu phố") or is a proper name
("Đông Tiến"): a legend's "VP - vắng có phép" or a header's "ĐT - Điện thoại" is no unit. Without a note the value
stays as written, and the plausibility checks warn about it."""

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import pandas as pd

from .header_abbreviations import ABBREVIATION, abbreviation_pairs
from .normalising import clean_text, fold, is_blank
from .role_words import strict_role
from .unit_words import is_common_word

MAX_NOTE_LENGTH = 600
SCAN_ROWS = 60
SHOWN = 5
# "TDP n = Chi bộ Tổ dân phố n": the abbreviation, a stand-in for the number, the meaning holding the stand-in
_VARIABLE = r"(?:\s+(?:n|N|x|X|số)|\s*(?:\.\.\.|…|#))"
_TEMPLATE = re.compile(rf"(?<![\w/])(?P<short>{ABBREVIATION})\.?(?P<var>{_VARIABLE})\s*(?:[-–=:]|→|->|\blà\b)\s*"
                       r"(?P<meaning>[^;,()\[\]\n=:]+?)\s*(?=[;,()\[\]\n]|\.(?:\s|$)|$)")
# A party organisation, or the residential or administrative area a cell is named after (folded)
_PLACE = re.compile(r"(?:chi bo|dang bo|dang uy|to chuc co so dang|to dan pho|khu pho|khoi pho|khu dan cu|khu|khoi"
                    r"|thon|xom|ap|ban|buon|bon|lang|khom|to|phuong|xa|thi tran)\b")
# "Chi bộ TDP 14" through "TDP n = Chi bộ Tổ dân phố n": the organisation is named once
_TWICE = re.compile(r"\b(chi bộ|đảng bộ)\s+\1\b", re.IGNORECASE)
# "P. = phường", "X. - xã": one capital and its dot, which the unit values write too ("CB Công an P.")
_DOTTED = re.compile(r"(?<![\w/.])([A-ZĐ]\.)\s*(?:[-–=:]|\blà\b)\s*([^;,()\[\]\n.:=]+)")
_PROPER = re.compile(r"[^\W\d_]+(?: [^\W\d_]+){0,3}")


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
    names ("TH - Tiểu học", "HTX - Hợp tác xã": ``importers.unit_words``), or a proper name; never a role ("TĐ -
    Trưởng đoàn")."""
    if strict_role(meaning, {}):
        return False
    if _PLACE.match(fold(meaning)) or is_common_word(meaning):
        return True
    return bool(_PROPER.fullmatch(meaning)) and all(word[:1].isupper() for word in meaning.split(" "))


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
    return found


def _word(short: str) -> re.Pattern:
    return re.compile(rf"(?<!\w){re.escape(short)}(?!\w)")


def _opens_item(text: str, short: str) -> bool:
    """Whether the abbreviation is defined on its own ("KP - khu phố", "Tổ dân phố (TDP)"), not as the last word of
    a longer short name ("CB Trường TH - Chi bộ Trường TH …" defines no "TH")."""
    short = re.escape(short)
    return bool(re.search(rf"(?:^|[;,:(]|\s[-–]\s)\s*{short}\s*(?:[-–=:→]|\blà\b)|\(\s*{short}\s*\)", text))


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
    return sorted(found.values(), key=lambda item: item.variable is None)


def _spelt(definition: Definition, match: re.Match) -> str:
    if definition.variable is None:
        return definition.meaning
    number = match.group("number") or match.group("word")
    return re.sub(rf"(?<!\w){re.escape(definition.variable)}(?!\w)", lambda _: number, definition.meaning)


def written_out(value: Any, definitions: list[Definition]) -> Any:
    """A unit value with the abbreviations the notes define written out ("TDP 14" -> "Chi bộ Tổ dân phố 14"); a
    value with none, or no text, unchanged."""
    text = clean_text(value) if isinstance(value, str) else None
    if not text:
        return value
    for definition in definitions:
        text = definition.pattern.sub(lambda match, item=definition: _spelt(item, match), text)
    if text == clean_text(value):
        return value
    text = _TWICE.sub(r"\1", text)
    return text[:1].upper() + text[1:]


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
