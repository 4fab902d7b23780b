"""A header row written in abbreviations ("TT | SĐT | HT | NS | CV | ĐCT | NV | ĐV phụ trách"), usually explained by a
note line under the table ("Ghi chú: HT - Họ và tên; NS - Ngày sinh; ĐCT - Đoàn công tác số; …", "Họ và tên (HT)",
"NS là ngày sinh", "NS = Ngày sinh"), or a word cut short before a dot ("Ng.sinh | C.vụ | Nh.vụ"). Before the table
is looked for, each abbreviation at the start of a header cell is written out ("ĐV phụ trách" -> "Đơn vị phụ
trách", "Ng.sinh" -> "Ngày sinh": the one field whose wording opens with those letters and ends with the rest), so
the header is mapped as any other.

The note's own definitions come first; without one, only the abbreviations every office uses are read (a few,
listed below). A row is rewritten only when, written out, it names the person's name and more fields than it
did, and either two cells or more were abbreviated or the name was one of them: a row of data that happens to
hold capitals is left alone."""

import re
from itertools import chain
from typing import Any

from .mapping import score_labels, worded_field
from .normalising import clean_text, fold, is_blank

HEADER_SCAN_ROWS = 40
MAX_NOTE_LENGTH = 600
MIN_WRITTEN_OUT = 2
_CAPITALS = "A-ZĐÂĂÊÔƠƯ"
ABBREVIATION = rf"[{_CAPITALS}][{_CAPITALS}]{{1,5}}"
# Shapes of a definition inside a note, each giving (abbreviation, meaning): "HT - Họ và tên", "HT: Họ và tên",
# "HT = Họ và tên", "HT là Họ và tên", "HT (Họ và tên)", and the other way round "Họ và tên (HT)".
_MEANING = r"[^;,()\[\]\n.:=]+"
_DEFINED = (
    re.compile(rf"(?<![\w/])({ABBREVIATION})\s*(?:[-–=:]|\blà\b|\bviết tắt của\b)\s*({_MEANING})"),
    re.compile(rf"(?<![\w/])({ABBREVIATION})\s*\(\s*({_MEANING})\)"),
)
_TWO_CAPITALS = re.compile(rf"[{_CAPITALS}][{_CAPITALS}]")
_DEFINED_AFTER = re.compile(rf"({_MEANING}?)\s*\(\s*({ABBREVIATION})\s*\)")
# The abbreviations of header words every office writes the same way (folded).
USUAL = {
    "ht": "Họ và tên", "hvt": "Họ và tên", "ns": "Ngày sinh", "ntns": "Ngày sinh",
    "cv": "Chức vụ", "cd": "Chức danh", "dct": "Đoàn công tác", "nv": "Nhiệm vụ", "nvtd": "Nhiệm vụ trong đoàn",
    "vt": "Vai trò", "dt": "Điện thoại", "sdt": "Số điện thoại", "dv": "Đơn vị", "dvpt": "Đơn vị phụ trách",
}
# A header word cut short before a dot, as a veteran types it: "Ng.sinh", "C.vụ", "Nh.vụ", "Đ.thoại", "H.tên"
_DOTTED_WORD = re.compile(r"^\s*([^\W\d_]{1,3})\.\s*([^\W\d_]{2,}(?:\s+[^\W\d_]+)*)\s*$")
_LEADING = re.compile(rf"^\s*({ABBREVIATION})(?=$|[\s(./:,-])(.*)$", re.DOTALL)


def abbreviation_pairs(text: str) -> list[tuple[str, str]]:
    """(abbreviation as typed, meaning) of every definition a note text holds."""
    found = []
    for pattern in _DEFINED:
        found += [(match.group(1), match.group(2).strip()) for match in pattern.finditer(text)]
    found += [(match.group(2), match.group(1).strip()) for match in _DEFINED_AFTER.finditer(text)]
    return [(short, meaning) for short, meaning in found if meaning]


def defined_header_words(rows: list[list[Any]], specs) -> dict[str, str]:
    """Folded abbreviation -> meaning, for the definitions in the sheet's text cells whose meaning names a field."""
    found = {}
    for cell in _distinct_cells(rows):
        if not isinstance(cell, str) or len(cell) > MAX_NOTE_LENGTH or not _TWO_CAPITALS.search(cell):
            continue  # every definition's abbreviation is two capitals or more: names and marks have none
        for short, meaning in abbreviation_pairs(cell):
            if worded_field(clean_text(meaning) or "", specs):
                found.setdefault(fold(short).replace(" ", ""), clean_text(meaning))
    return found


def _distinct_cells(rows: list[list[Any]]):
    """The sheet's cells, each distinct value once in reading order (a register repeats its marks and names a
    million times; the first definition of an abbreviation still wins)."""
    try:
        return dict.fromkeys(chain.from_iterable(rows))
    except TypeError:  # an unhashable cell: every cell, in order
        return chain.from_iterable(rows)


def _dotted_out(cell: str, specs) -> str | None:
    """The wording a header word cut short before a dot stands for ("Ng.sinh" -> "Ngày sinh", "C.vụ" -> "Chức vụ",
    "Nh.vụ" -> "Nhiệm vụ trong đoàn"): the field whose wording's first word opens with the letters before the dot,
    its other words being the rest as typed; None unless exactly one field has such a wording."""
    match = _DOTTED_WORD.match(cell)
    if match is None:
        return None
    head, rest = fold(match.group(1)), fold(match.group(2))
    fields = {spec.name for spec in specs for wording in spec.synonyms
              if (words := wording.split(" ", 1)) and len(words) == 2 and words[1] == rest
              and words[0].startswith(head) and words[0] != head}
    if len(fields) != 1:
        return None
    label = next((spec.label for spec in specs if spec.name in fields and spec.label and not spec.within), "")
    return label[:1].upper() + label[1:] if label and worded_field(label, specs) in fields else None


def _written_out(cell: Any, words: dict[str, str], specs) -> str | None:
    """The header cell with its leading abbreviation written out, or None when it starts with none (or already
    names a field as typed, as 'SĐT' does)."""
    if not isinstance(cell, str):
        return None
    if worded_field(clean_text(cell) or "", specs) is None and (dotted := _dotted_out(cell, specs)):
        return dotted
    match = _LEADING.match(cell)
    if match is None or worded_field(clean_text(cell) or "", specs):
        return None
    meaning = words.get(fold(match.group(1)).replace(" ", ""))
    if meaning is None:
        return None
    return clean_text(f"{meaning}{match.group(2)}")


def expand_header_abbreviations(sheet, specs) -> bool:
    """Write out the abbreviated header of a sheet in place (see the module docstring); True when done."""
    words = {**USUAL, **defined_header_words(sheet.rows, specs)}
    for at, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        written = {index: text for index, cell in enumerate(row) if (text := _written_out(cell, words, specs))}
        if not written or any(not isinstance(cell, str) and not is_blank(cell) for cell in row):
            continue  # a header row is all text: a row with a number or a date is data ('HT' a mark in it)
        fields = [field for text in written.values() if (field := worded_field(text, specs))]
        if len(set(fields)) < len(fields):
            continue  # one field written out twice: the capitals are values, not headings
        labels = [clean_text(cell) or "" if isinstance(cell, str) else "" for cell in row]
        new = [written.get(index, label) for index, label in enumerate(labels)]
        named = {worded_field(label, specs) for label in new}
        if "full_name" not in named or score_labels(new, specs) <= score_labels(labels, specs):
            continue
        if len(written) < MIN_WRITTEN_OUT and "full_name" in {worded_field(label, specs) for label in labels}:
            continue  # one capital word beside a header that already names the person: no abbreviated header
        sheet.rows[at] = [written.get(index, cell) for index, cell in enumerate(row)]
        return True
    return False
