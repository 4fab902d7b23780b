"""Group codes a note line explains: the roster writes its groups short ("Đ1", "Tổ 2", "CT3") and a note says what
they stand for — "Đ1, Đ2… : Đoàn công tác số 1, số 2…", "Ghi chú: Đ1 - Đoàn công tác số 1; Đ2 - …", "Tổ 1 là Đoàn
công tác số 1", "Đoàn công tác số 1 (Đ.1)".

A definition whose code carries the group's own number ("Đ1" for group 1) explains the whole series: any code of
the same letters with a number ("Đ4") is that group. One whose number differs ("A1 - Đoàn công tác số 2") explains
that code alone; a code without a number ("A") is no group code. A code no note explains is left as written (the
plausibility checks warn about it)."""

import re
from dataclasses import dataclass, field
from typing import Any

from .normalising import clean_text, fold, is_group_name, normalise_group

MAX_NOTE_LENGTH = 400
_CODE = r"[^\W\d_]{1,6}[ .\-]?\d{1,3}"
_ONE = rf"(?<!\w){_CODE}(?!\w)"
_CODES = rf"(?P<codes>{_ONE}(?:\s*(?:[,/]|…|\.{{2,}}|\bđến\b)\s*{_ONE})*(?:\s*,?\s*(?:…|\.{{2,}}|v\.v\.?))?)"
_SAYS = r"\s*(?:[-–=:→]|\blà\b|\bviết tắt của\b)\s*"
# What may open a note before its first code: a bullet or footnote mark ("-", "(*)"), labels ending in a colon
# ("Ghi chú:", "Ký hiệu đoàn:")
_OPENING = r"^(?:[-–+*•(]\s*)?(?:\*\)\s*)?(?:[^\W\d_]+(?:\s+[^\W\d_]+){0,4}\s*:\s*)?"
_MEANING = r"(?P<meaning>(?:đoàn|tổ)\b[^;\n]*?)"
_NEXT = rf"(?=\s*(?:[;\n]|,\s*{_ONE}{_SAYS}|$))"
_CODE_FIRST = re.compile(rf"(?:{_OPENING}|(?<=[;\n])\s*|,\s*){_CODES}{_SAYS}{_MEANING}{_NEXT}", re.IGNORECASE)
_MEANING_FIRST = re.compile(rf"{_MEANING}\s*\(\s*(?:viết tắt(?: là)?:?\s*)?{_CODES}\s*\)", re.IGNORECASE)
_KEY = re.compile(r"^(?P<letters>[a-z]{1,6})0*(?P<number>\d{1,3})$")
_MAY_DEFINE = re.compile(r"\d.*(?:đoàn|tổ)|(?:đoàn|tổ).*\(", re.IGNORECASE)


def code_key(value: Any) -> str:
    """A group code as notes are keyed: folded, without spaces or punctuation ("Đ.1" -> "d1", "Tổ 1" -> "to1")."""
    return fold(value).replace(" ", "")


@dataclass
class GroupCodes:
    """What a sheet's notes say its group codes stand for."""

    named: dict[str, str] = field(default_factory=dict)  # code key -> group name
    series: dict[str, str] = field(default_factory=dict)  # letters -> group kind ("Đoàn công tác")
    notes: dict[str, str] = field(default_factory=dict)  # code key or letters -> the note that said so

    def name(self, value: Any) -> str | None:
        """The group a code stands for, None when no note explains it."""
        if not isinstance(value, str):
            return None
        key = code_key(value)
        if key in self.named:
            return self.named[key]
        match = _KEY.match(key)
        kind = self.series.get(match.group("letters")) if match else None
        return f"{kind} số {int(match.group('number'))}" if kind and int(match.group("number")) else None

    def note(self, value: Any) -> str | None:
        """The note explaining a code."""
        key = code_key(value)
        match = _KEY.match(key)
        return self.notes.get(key) or (self.notes.get(match.group("letters")) if match else None)

    def __bool__(self) -> bool:
        return bool(self.named or self.series)


def _define(found: GroupCodes, codes_text: str, meaning: str, note: str) -> None:
    group = normalise_group(meaning)
    if not is_group_name(group):
        return
    kind, number = group.rsplit(" số ", 1)
    codes = [code_key(code) for code in re.findall(_ONE, codes_text)]
    first = _KEY.match(codes[0]) if codes else None
    if first and first.group("number") == number:
        found.series.setdefault(first.group("letters"), kind)
        found.notes.setdefault(first.group("letters"), note)
    elif len(codes) == 1:
        found.named.setdefault(codes[0], group)
        found.notes.setdefault(codes[0], note)


def group_code_notes(rows: list[list[Any]]) -> GroupCodes:
    """The group codes the sheet's note lines explain (see the module docstring)."""
    found = GroupCodes()
    seen = set()
    for row in rows:
        for cell in row:
            if not isinstance(cell, str) or len(cell) > MAX_NOTE_LENGTH or cell in seen or not _MAY_DEFINE.search(cell):
                continue
            seen.add(cell)
            text = clean_text(cell.replace("\n", "; ")) or ""
            for pattern in (_CODE_FIRST, _MEANING_FIRST):
                for match in pattern.finditer(text):
                    _define(found, match.group("codes"), match.group("meaning"), text)
    return found
