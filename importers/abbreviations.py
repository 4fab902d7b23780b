"""Role abbreviations a sheet defines in a note line ("Ghi chú: TĐ - Trưởng đoàn; PTĐ - Phó trưởng đoàn;
TV - Thành viên", "Trưởng đoàn (TĐ)", "TĐ: Trưởng đoàn"), laid over the abbreviations every office uses. An example
the note gives ("TV = Thành viên (ví dụ Đ2-PĐ: Phó Trưởng đoàn …)") is no part of a definition."""

import re
from typing import Any

from .group_code_notes import without_examples
from .header_abbreviations import abbreviation_pairs
from .normalising import fold
from .role_words import DEFAULT_ABBREVIATIONS, strict_role

# An export's column name opening its note ("VAI_TRO: 1 = Trưởng đoàn", "vaiTro: 1 - …")
_EXPORT_NAME = re.compile(r"^\s*(?:[A-Za-z]+(?:_[A-Za-z]+)+|[a-z]+(?:[A-Z][a-z]+)+)\s*[:.-]?\s*")
# Labels opening a note, folded, as typed with or without accents: the note's own word ("Ghi chú:", "Chu thich:")
# and the column its codes are for ("Vai trò:", "Vai tro:", "mã vai trò 1 = …"), one after the other or alone
_LABELS = frozenset({"ghi chu", "chu thich", "chu giai", "ky hieu", "ki hieu", "viet tat", "cac chu viet tat",
                     "quy uoc", "vai tro", "ma vai tro", "ma so vai tro", "vai tro trong doan", "nhiem vu",
                     "ma nhiem vu", "nhiem vu trong doan", "ma nhiem vu trong doan"})
_LABEL_WORD = re.compile(r"\s*[^\W\d_]+")
_LABEL_END = re.compile(r"\s*[:.\-–]?\s*")
MAX_LABEL_WORDS = 5
_ITEMS = re.compile(r"\s*[;,\n]\s*")
# letters ("TĐ", "P.TĐ"), role words cut short with dots ("T.Đoàn", "Tr.Đoàn"), an export's number code ("1 - …"),
# or a grid's one-letter mark, capital or not ("T - Trưởng đoàn; x - Thành viên")
ABBREVIATION = r"(?:(?:[A-ZĐ][a-zđ]?\.\s?){1,3}[A-ZĐ][^\W\d_]{0,5}|[A-ZĐ][A-ZĐ.]{0,5}|\d{1,2}|[a-zđ])"
# Shapes of one item, tried in order: (pattern, group of the abbreviation, group of the meaning).
SHAPES = (
    (re.compile(rf"^[(\[\"“]?({ABBREVIATION})[)\]\"”]?\s*(?:[-–=:]|\blà\b)\s*(.+?)\.?$"), 1, 2),  # TĐ - Trưởng đoàn
    (re.compile(rf"^(.+?)\s*[(\[]\s*({ABBREVIATION})\s*[)\]]\.?$"), 2, 1),                    # Trưởng đoàn (TĐ)
    (re.compile(rf"^(.+?)\s*(?:[-–=:]|\bviết tắt là\b)\s*({ABBREVIATION})\.?$"), 2, 1),       # Trưởng đoàn: TĐ
    (re.compile(rf"^[(\[]({ABBREVIATION})[)\]]\s*(.+?)\.?$"), 1, 2),                               # (1) Trưởng đoàn
)
MAX_NOTE_LENGTH = 400
# A cell that may define an abbreviation: two capitals, a dotted one ("T.Đoàn"), a number code ("1 -") or a lone
# letter set off by a sign or brackets ("T - …", "(x) …", "… : P").
_MAY_DEFINE = re.compile(r"[A-ZĐ]{2}|[A-ZĐ][a-zđ]?\.\s?[A-ZĐ]|\d\s*[-–=:)]"
                         r"|(?<![^\W\d_])[A-Za-zĐđ](?![^\W\d_])\s*[-–=:)\]]|[-–=:(\[]\s*[A-Za-zĐđ](?![^\W\d_])")
# A list bullet opening a note line ("- Nhiệm vụ: T.Đoàn = Trưởng đoàn").
_BULLET = re.compile(r"^\s*[-–+*•·]\s*")


def _without_labels(text: str) -> str:
    """The note with its opening labels cut: "Ghi chú: mã vai trò 1 = Trưởng đoàn" -> "1 = Trưởng đoàn"."""
    text = _EXPORT_NAME.sub("", _BULLET.sub("", text, count=1), count=1)
    while True:
        ends, position = [], 0
        while len(ends) < MAX_LABEL_WORDS and (word := _LABEL_WORD.match(text, position)):
            position = word.end()
            ends.append(position)
        end = next((end for end in reversed(ends) if fold(text[:end]) in _LABELS), None)
        if end is None:
            return text
        text = text[_LABEL_END.match(text, end).end():]


def _pairs(text: str) -> dict[str, str]:
    found = {}
    for item in _ITEMS.split(_without_labels(without_examples(text).strip())):
        for pattern, short, meaning in SHAPES:
            match = pattern.match(item.strip())
            if match is None:
                continue
            role = strict_role(match.group(meaning), {})
            if role:
                found[fold(match.group(short))] = role
                break
    return found


def note_abbreviations(rows: list[list[Any]]) -> dict[str, str]:
    """Folded abbreviation -> role, as the sheet's note lines define them (nothing else: a grid needs to know
    which of its marks a note explains)."""
    notes: dict[str, str] = {}
    for row in rows:
        for cell in row:
            if isinstance(cell, str) and len(cell) <= MAX_NOTE_LENGTH and _MAY_DEFINE.search(cell):
                notes.update(_pairs(cell))
                notes.update({fold(short): role for short, meaning in abbreviation_pairs(without_examples(cell))
                              if fold(short) not in notes and fold(short) not in DEFAULT_ABBREVIATIONS
                              and (role := strict_role(meaning, {}))})
    return notes


def role_abbreviations(rows: list[list[Any]]) -> dict[str, str]:
    """Folded abbreviation -> role: the usual ones, overlaid with those the sheet's note lines define."""
    return {**DEFAULT_ABBREVIATIONS, **note_abbreviations(rows)}


def is_role_legend(text: Any) -> bool:
    """True for a note line defining two role codes or more ("Vai trò: 1 - Trưởng đoàn; 2 - …"): a legend, never a
    person, even when typed in the names' column."""
    return isinstance(text, str) and len(text) <= MAX_NOTE_LENGTH and len(_pairs(text)) >= 2
