"""Role abbreviations a sheet defines in a note line ("Ghi chú: TĐ - Trưởng đoàn; PTĐ - Phó trưởng đoàn;
TV - Thành viên", "Trưởng đoàn (TĐ)", "TĐ: Trưởng đoàn"), laid over the abbreviations every office uses."""

import re
from typing import Any

from .header_abbreviations import abbreviation_pairs
from .normalising import fold
from .role_words import DEFAULT_ABBREVIATIONS, strict_role

# the note's opening word, or the column the codes are for ("VAI_TRO: 1 = Trưởng đoàn", "Vai trò: 1 - …")
_NOTE_PREFIX = re.compile(r"^\s*(?:ghi chú|chú thích|chú giải|ký hiệu|kí hiệu|viết tắt|các chữ viết tắt|"
                          r"[A-Za-z]+(?:_[A-Za-z]+)+|[a-z]+(?:[A-Z][a-z]+)+|vai trò|nhiệm vụ(?: trong đoàn)?)"
                          r"\s*[:.-]?\s*", re.IGNORECASE)
_ITEMS = re.compile(r"\s*[;,\n]\s*")
ABBREVIATION = r"(?:[A-ZĐ][A-ZĐ.]{0,5}|\d{1,2})"  # letters, or an export's number code ("1 - Trưởng đoàn")
# Shapes of one item, tried in order: (pattern, group of the abbreviation, group of the meaning).
SHAPES = (
    (re.compile(rf"^[(\[\"“]?({ABBREVIATION})[)\]\"”]?\s*(?:[-–=:]|\blà\b)\s*(.+?)\.?$"), 1, 2),  # TĐ - Trưởng đoàn
    (re.compile(rf"^(.+?)\s*[(\[]\s*({ABBREVIATION})\s*[)\]]\.?$"), 2, 1),                    # Trưởng đoàn (TĐ)
    (re.compile(rf"^(.+?)\s*(?:[-–=:]|\bviết tắt là\b)\s*({ABBREVIATION})\.?$"), 2, 1),       # Trưởng đoàn: TĐ
)
MAX_NOTE_LENGTH = 400


def _pairs(text: str) -> dict[str, str]:
    found = {}
    for item in _ITEMS.split(_NOTE_PREFIX.sub("", text.strip())):
        for pattern, short, meaning in SHAPES:
            match = pattern.match(item.strip())
            if match is None:
                continue
            role = strict_role(match.group(meaning), {})
            if role:
                found[fold(match.group(short))] = role
                break
    return found


def role_abbreviations(rows: list[list[Any]]) -> dict[str, str]:
    """Folded abbreviation -> role: the usual ones, overlaid with those the sheet's note lines define."""
    table = dict(DEFAULT_ABBREVIATIONS)
    for row in rows:
        for cell in row:
            if isinstance(cell, str) and len(cell) <= MAX_NOTE_LENGTH and re.search(r"[A-ZĐ]{2}|\d\s*[-–=:]", cell):
                table.update(_pairs(cell))
                table.update({fold(short): role for short, meaning in abbreviation_pairs(cell)
                              if fold(short) not in table and (role := strict_role(meaning, {}))})
    return table
