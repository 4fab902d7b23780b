"""Group and role written in one text ("Trưởng Đoàn công tác số 2", "Phó trưởng đoàn số 2", "Thành viên Đoàn 2",
"TV đoàn 3", "Đoàn CT số 1 - Phó đoàn"): the group phrase is cut out and what is left must be a role wording. A
unit named at the end ("…, phụ trách Chi bộ Tổ dân phố 5", "… - CB Trường THCS") gives the row's unit.

The same column may pack a group code and a role code into one short code, joined by '-', '/', '.', '_' or a space
in either order ("Đ2-PĐ", "PĐ/Đ2", "2-TĐ"): the group part is a code the sheet's notes explain ("Đ1, Đ2: Đoàn
công tác số 1, số 2") or the group's bare number, the role part an abbreviation the notes or the usual ones explain.
In a column read so, a code with a part nothing explains is refused, naming that part (and the note meant to explain
it, when that note lists more codes than groups or fewer: ``GroupCodes.doubt``).

Such a column gives the role (and the group when no other column does); when a group or role column exists
as well, a row where they say different things is refused."""

import re
from typing import Any

import pandas as pd

from ..column_types import distinct_map, filled_count, share
from ..group_code_notes import GroupCodes
from ..normalising import fold, is_blank, normalise_group
from ..results import Column
from ..role_words import WORDING, strict_role
from .roster_stage import RosterStage
from .unit_tail import cut_unit_tail

GROUP_PHRASE = re.compile(r"\b(?:(?P<team>to cong tac)|doan cong tac|doan ct|dct|doan)\s*(?:so\s*)?(?P<n>\d{1,3})\b")
_LINKS = re.compile(r"^(?:cua|thuoc|trong)\s+|\s+(?:cua|thuoc|trong)$")
SURE = 0.8


_PACKED_PARTS = re.compile(r"^[^\W_]{1,6}(?:[\s\-/._]+[^\W_]{1,6}){1,3}$")
_PART_SEPARATORS = re.compile(r"[\s\-/._]+")


def _code_group(part: str, codes: GroupCodes) -> str | None:
    return codes.name(part) or numbered_group(part, "Đoàn công tác")


def split_packed_code(text: Any, abbreviations: dict[str, str], codes: GroupCodes) -> tuple[str, str] | None:
    """(group name, role) for a code packing a group code and a role code in either order ("Đ2-PĐ", "PĐ/Đ2",
    "2-TĐ"), when exactly one reading of it explains both parts; else None."""
    if not isinstance(text, str) or not _PACKED_PARTS.match(text.strip()):
        return None
    words = fold(text).split()
    readings = set()
    for cut in range(1, len(words)):
        for group_part, role_part in ((words[:cut], words[cut:]), (words[cut:], words[:cut])):
            group = _code_group(" ".join(group_part), codes)
            role = strict_role(" ".join(role_part), abbreviations) if group else None
            if group and role:
                readings.add((group, role))
    return readings.pop() if len(readings) == 1 else None


def unexplained_parts(text: Any, abbreviations: dict[str, str], codes: GroupCodes) -> list[str] | None:
    """The parts of a packed code ("Đ5-XY") that neither a group code nor a role abbreviation explains; None when
    the text has no packed code's shape."""
    if not isinstance(text, str) or not _PACKED_PARTS.match(text.strip()):
        return None
    parts = _PART_SEPARATORS.split(text.strip())
    return [part for part in parts if not _code_group(part, codes) and not strict_role(fold(part), abbreviations)]


def split_group_role(text: Any, abbreviations: dict[str, str],
                     codes: GroupCodes | None = None) -> tuple[str, str] | None:
    """(group name, role) when the text is a group phrase and a role wording (a unit named after them aside), or a
    packed group-and-role code (``split_packed_code``), else None."""
    folded = fold(cut_unit_tail(text)[0]) if isinstance(text, str) else ""
    match = GROUP_PHRASE.search(folded)
    if match is None:
        return split_packed_code(text, abbreviations, GroupCodes() if codes is None else codes)
    rest = _LINKS.sub("", (folded[:match.start()] + " " + folded[match.end():]).strip()).strip()
    role = strict_role(rest, abbreviations)
    if role is None:
        return None
    kind = "Tổ công tác" if match.group("team") else "Đoàn công tác"
    return f"{kind} số {int(match.group('n'))}", role


def _split(stage: RosterStage, text: Any) -> tuple[str, str] | None:
    return split_group_role(text, stage.abbreviations, stage.group_codes)


_LETTERS_NUMBER = re.compile(r"^[^\W\d_]{1,6}\d{1,3}$")


def _half_coded(stage: RosterStage, text: Any) -> bool:
    """True for a packed code whose role part is explained and whose other part is a code of letters and number
    nothing explains ("Đ1-TV" with no note on "Đ1"): the column packs the group, and its cells must be refused."""
    parts = _PART_SEPARATORS.split(text.strip()) if isinstance(text, str) and _PACKED_PARTS.match(text.strip()) else []
    return len(parts) == 2 and any(strict_role(fold(role), stage.abbreviations) and _LETTERS_NUMBER.match(code)
                                   for role, code in (parts, parts[::-1]))


def _candidate(stage: RosterStage) -> Column | None:
    """The column of group-and-role texts; else, when no column gives the group, an unused one of packed codes
    whose group part nothing explains (read so that its cells are refused, naming the code)."""
    for column in stage.columns:
        if column.field not in (None, "role", "group") or column.month or column.index not in stage.frame.columns:
            continue
        values = stage.frame[column.index]
        if filled_count(values) >= 2 and share(values, lambda v: _split(stage, v)) >= SURE:
            return column
    for column in stage.columns if stage.mapped("group") is None else ():
        if column.field is not None or column.month or column.index not in stage.frame.columns:
            continue
        values = stage.frame[column.index]
        if filled_count(values) >= 2 and share(values, lambda v: _split(stage, v) or _half_coded(stage, v)) >= SURE:
            return column
    return None


def split_group_and_role(stage: RosterStage) -> None:
    """Read a column of group-and-role texts into the row's group and role."""
    column = _candidate(stage)
    if column is None:
        return
    cells = stage.frame[column.index]
    pairs = distinct_map(cells, lambda v: _split(stage, v))
    groups = pairs.map(lambda pair: pair[0] if pair else None)
    roles = pairs.map(lambda pair: pair[1] if pair else None)
    group_column, role_column = stage.mapped("group"), stage.mapped("role")
    if column.field is None:
        column.field = "role" if role_column is None else ("group" if group_column is None else None)
        group_column, role_column = stage.mapped("group"), stage.mapped("role")
    _settle(stage, column, "group", groups, group_column, normalise_group, lambda g: g)
    _settle(stage, column, "role", roles, role_column, stage.read_role, lambda r: WORDING[r])
    _refuse_unexplained_codes(stage, column, pairs)
    units = distinct_map(cells, lambda v: cut_unit_tail(v)[1] if _split(stage, v) else None)
    if units.notna().any():
        _settle(stage, column, "unit", units, stage.mapped("unit"), fold, lambda unit: unit, compare=fold)


def _refuse_unexplained_codes(stage: RosterStage, column: Column, pairs: pd.Series) -> None:
    """A packed code no note and no usual abbreviation explains ("Đ5-XY" among "Đ1-TV") is refused, naming the part:
    guessing its group or role would make a confident wrong record."""
    cells = stage.frame[column.index]
    for row in pairs.index[pairs.isna().to_numpy()]:
        parts = unexplained_parts(cells[row], stage.abbreviations, stage.group_codes)
        if parts is None:
            continue
        named = ", ".join(f"«{part}»" for part in parts) or f"«{cells[row]}»"
        doubts = list(dict.fromkeys(doubt for part in parts if (doubt := stage.group_codes.doubt(part))))
        why = (f"{'; '.join(doubts)}; hãy sửa ghi chú để mỗi mã ứng với đúng một số đoàn" if doubts else
               "không có trong ghi chú của tệp hay các chữ viết tắt thường dùng, không rõ đoàn công tác hay nhiệm vụ "
               "nào; hãy ghi chú nghĩa của mã")
        stage.refuse(row, column.letter, "group", cells[row],
                     f"ô {column.letter}{row} «{cells[row]}»: mã {named} {why}", "mã đoàn/nhiệm vụ không rõ nghĩa")


def _settle(stage: RosterStage, source: Column, name: str, found: pd.Series, target: Column | None,
            read, wording, compare=lambda value: value) -> None:
    """Put what the combined column says into the field's column (itself, another, or the carried facts)."""
    if target is None:
        stage.carry(name, found)
        return
    cells = stage.frame[target.index]
    written = cells.copy()
    for row in found.index[found.notna().to_numpy()]:
        cell = cells[row]
        if target is source or is_blank(cell):
            written[row] = wording(found[row])
        elif read(cell) != compare(found[row]):
            label = {"group": "đoàn công tác", "role": "nhiệm vụ", "unit": "đơn vị phụ trách"}[name]
            stage.refuse(row, source.letter, name, stage.frame.at[row, source.index],
                         f"ô {source.letter}{row} «{stage.frame.at[row, source.index]}» và ô {target.letter}{row} "
                         f"«{cell}» ghi {label} khác nhau; hãy sửa một trong hai", f"{label} không thống nhất")
    stage.write(target, written)


_NUMBER_ONLY = re.compile(r"^(?:so\s*)?(\d{1,3})$")
# 'Đoàn II', 'Đoàn số IV', 'III': a group numbered in Roman numerals (the case of the text, folded, is kept apart)
_ROMAN_GROUP = re.compile(r"^(?:(?:doan|to)(?: cong tac)?(?: so)? )?([ivx]{1,5})$")
_ROMAN = {"i": 1, "v": 5, "x": 10}


def roman_number(text: str) -> int | None:
    """The value of a Roman numeral up to 39 ('iv' -> 4), None when the letters are no well-formed numeral."""
    if not text or any(letter not in _ROMAN for letter in text):
        return None
    total = 0
    for index, letter in enumerate(text):
        value = _ROMAN[letter]
        following = _ROMAN[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    return total if 0 < total < 40 and _to_roman(total) == text else None


def _to_roman(number: int) -> str:
    out = ""
    for value, letters in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while number >= value:
            out, number = out + letters, number - value
    return out


def group_kind(header: str) -> str:
    """The kind of group a header over bare numbers names: 'Tổ công tác' under a 'Tổ …' header, else 'Đoàn công tác'."""
    return "Tổ công tác" if "to" in fold(header).split() else "Đoàn công tác"


def numbered_group(value: Any, kind: str) -> str | None:
    """The group of a cell holding only its number ('Số 2', '2', 'Đoàn II', 'III'), named as `kind`; else None."""
    number = int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) \
        and float(value).is_integer() else None
    match = _NUMBER_ONLY.match(fold(value)) if isinstance(value, str) else None
    number = int(match.group(1)) if match else number
    roman = _ROMAN_GROUP.match(fold(value)) if isinstance(value, str) and number is None else None
    number = roman_number(roman.group(1)) if roman else number
    return f"{kind} số {number}" if number is not None and number > 0 else None


def number_only_groups(stage: RosterStage) -> None:
    """A group column holding only the number ('Số 2', '2', 'Đoàn II') under a header naming the groups: the group of
    that number ('Tổ công tác số 2' under a 'Tổ công tác' header)."""
    column = stage.mapped("group")
    if column is None:
        return
    kind = group_kind(column.header)
    cells = stage.frame[column.index]
    written = distinct_map(cells, lambda value: numbered_group(value, kind) or value).where(cells.notna(), cells)
    if not written.equals(cells):
        stage.write(column, written)
