"""The people a cell lists, one a line: "Đ/c Lê Thị Hoa - Trưởng phòng Kinh tế", or numbered as a decision annex
numbers them ("1. Đ/c …", "2) …", "a. …", "- …", "+ …", "• …", "II. …"). The list marker is no part of the name.

A person's line is split into name and position at its first dash with spaces around it ("Tài chính - Kế hoạch"
stays in the position), or at a bracket after the name ("Lê Thị Hoa (Trưởng phòng Kinh tế)"). A phone at the end of
the line, labelled ("(ĐT: 0912 345 678)", "- SĐT: 0912.345.678", ", DĐ 0912345678") or bracketed alone, is the
person's phone, not part of the position.

Brackets hold: a dash, ';' or line break inside a pair of brackets splits nothing ("Trinh (Chuyên viên Phòng Văn
hóa - Xã hội)" is one name and its whole position; "(Đảng ủy viên; Chủ tịch Hội Nông dân)" is one person).

A person may take several lines: the name, then the position alone in brackets and the phone alone ("Đ/c NGUYỄN
VĂN AN" / "(Phó Chủ tịch UBND xã)" / "ĐT: 0912 345 678"). A line that is only a bracketed text or only a phone, with
no list marker of its own, belongs to the person above; it is never a person. So does a line that is a position
written out ("Nguyễn Thị Thu Nga" / "PBT TT Đảng ủy phường", ``kinds.position_lines``): several names each followed
by its position line are several people with positions; two names on two lines stay two people.

A line with no letter ("—", "-", "...") or a vacancy wording ("Chưa bố trí") marks the place as empty: no person.

A decision's sentence for one person ("Đồng chí Lê Thị Hoa, Phó Chủ tịch UBND xã - Trưởng đoàn;") is read by
``person_sentence``: name to the first comma, role after the last dash, only when it opens with the address word."""

import re
from typing import Any

from .position_lines import position_below

_LINES = re.compile(r"\s*(?:\n|;)\s*")
# A list marker at the start of a line: a number or Roman numeral with '.', ')', ':' or '/', a lower-case letter
# with '.' or ')' ('a.', 'b)'; a capital letter with a dot is a name's initial), or a bullet.
_MARKER = re.compile(r"^\s*(?:\(?(?:\d{1,3}|[IVXivx]{1,5})\s*[.):/]|\(?[a-zđ]\s*[.)]|[-–—+•*·●▪]|\(\d{1,3}\))\s*"
                     r"(?=\S)")
_PHONE_LABEL = r"(?:số\s+)?(?:ĐT|SĐT|DĐ|Điện thoại|Di động|Tel|Mobile)\s*[:.]?\s*"
# A labelled phone, or a phone alone in brackets, at the end of a line
_PHONE_AT_END = re.compile(
    rf"\s*(?:[-–—,;]\s*)?(?P<open>[(\[])?\s*(?:{_PHONE_LABEL}|(?=\+?\d)(?(open)|(?!)))"
    r"(?P<phone>\+?\d[\d .]{7,16}\d)\s*(?(open)[)\]])\s*$", re.IGNORECASE)
_PHONE_ONLY = re.compile(r"^\+?\d[\d .]{7,16}\d$")
# A line holding only a phone, labelled or bare, maybe in brackets: "ĐT: 0912 345 678", "(0912.345.678)"
_PHONE_LINE = re.compile(rf"^[(\[]?\s*(?:{_PHONE_LABEL})?(?P<phone>\+?\d[\d .]{{7,16}}\d)\s*[)\]]?\.?$",
                         re.IGNORECASE)
_DASH = re.compile(r"\s+[-–—]\s+")
_WRAPPED = re.compile(r"\s*\n\s*")
_OPENING, _CLOSING = "([", ")]"
_VACANT = re.compile(r"^\(?(?:chưa|không)(?:\s+(?:có|bố trí|phân công|cử))?\)?\.?$", re.IGNORECASE)


def _inside_brackets(text: str) -> list[bool]:
    """For each character of `text`, whether it lies within a pair of brackets that closes (an opening bracket
    never closed, a typing slip, holds nothing)."""
    inside, opened = [False] * len(text), []
    for at, char in enumerate(text):
        if char in _OPENING:
            opened.append(at)
        elif char in _CLOSING and opened:
            start = opened.pop()
            if not opened:
                inside[start + 1:at] = [True] * (at - start - 1)
    return inside


def _split_outside(text: str, pattern: re.Pattern, count: int = 0) -> list[str]:
    """`text` split at the matches of `pattern` that lie outside brackets (at most `count` of them, 0: all)."""
    inside, parts, start = _inside_brackets(text), [], 0
    for match in pattern.finditer(text):
        if not inside[match.start()] and (count == 0 or len(parts) < count):
            parts.append(text[start:match.start()])
            start = match.end()
    return parts + [text[start:]]


def _name_and_position(line: str) -> tuple[str, str | None]:
    """A line's name and position: at the first dash outside brackets, else at a bracket closing the line."""
    parts = _split_outside(line, _DASH, 1)
    if len(parts) == 2 and parts[0].strip() and not any(dash in parts[0] for dash in "-–—") and parts[1].strip():
        return parts[0].strip(), parts[1].strip()
    if line.endswith(tuple(_CLOSING)):
        inside = _inside_brackets(line)
        start = next((at for at in range(len(line) - 2, -1, -1) if not inside[at]), None)  # the pair's opening
        name = line[:start].strip() if start is not None else ""
        if name and line[start] in _OPENING and not any(char in name for char in _OPENING + _CLOSING):
            return name, line[start + 1:-1].strip() or None
    return line, None


def without_marker(line: str) -> str:
    """A line without its list marker ('1. Đ/c Lê Hoa' -> 'Đ/c Lê Hoa'); a line that is only a marker is kept."""
    return _MARKER.sub("", line, count=1)


def _bracketed(line: str) -> str | None:
    """The text of a line that is one pair of brackets and nothing else ('(Phó Chủ tịch UBND xã)'), else None."""
    if len(line) < 3 or line[0] not in _OPENING or line[-1] not in _CLOSING:
        return None
    if not all(_inside_brackets(line)[1:-1]):
        return None  # two pairs ('(a) (b)') or a text after the brackets
    return line[1:-1].strip() or None


def _continues(person: list, line: str, noted: bool = False) -> bool:
    """Add a line to the person above when it is only their phone, their bracketed position or a position written
    out (a line naming a person of its own, 'Võ Hải - Kế toán', never is); True when done."""
    phone = _PHONE_LINE.match(line)
    if phone and person[2] is None:
        person[2] = phone.group("phone").strip()
        return True
    text = _bracketed(line)
    if text is not None and not phone:
        person[1] = text if person[1] is None else f"{person[1]} {line}"
        return True
    if not phone and _name_and_position(line)[1] is None and not _PHONE_AT_END.search(line) \
            and position_below(line, noted and person[1] is None):
        person[1] = line if person[1] is None else f"{person[1]} {line}"
        return True
    return False


def person_lines(cell: Any, noted: bool = False) -> list[tuple[str, str | None, str | None]]:
    """(name, position, phone) of each person listed in a cell, one a line (None for what a line does not give);
    `noted`: a note says the line under each name is the position (``kinds.stacked_fields.noted_stack``)."""
    if not isinstance(cell, str):
        return []
    people: list[list] = []
    for line in _split_outside(cell.strip(), _LINES):
        wrapped = _WRAPPED.sub(" ", line).strip() if line else line  # a position wrapped in brackets
        if not wrapped:
            continue
        line = without_marker(wrapped).strip()
        if people and line == wrapped and _continues(people[-1], line, noted):
            continue
        if not any(char.isalpha() for char in line) or _VACANT.match(line):
            continue
        phone = _PHONE_AT_END.search(line)
        if phone and phone.start() > 0:
            line, phone = line[:phone.start()].strip(), phone.group("phone").strip()
        else:
            phone = None
        name, position = _name_and_position(line)
        if position and phone is None and _PHONE_ONLY.match(position):  # 'Lê Hoa - 0912 345 678': no position
            position, phone = None, position
        people.append([name, position, phone])
    return [tuple(person) for person in people]


# A decision's sentence for one person: "Đồng chí Lê Thị Hoa, Phó Chủ tịch UBND xã - Trưởng đoàn;". It must open
# with the address word; the name runs to the first comma, the role follows the last dash (a position may hold
# dashes and commas itself: "Chuyên viên Phòng Văn hóa - Xã hội").
_ADDRESS = re.compile(r"^(?:Đồng\s+chí|Đ\s*/\s*c|Đ\.\s*c|Đc|Ông|Bà)\.?\s+(?=\w)", re.IGNORECASE)
_COMMA = re.compile(r"\s*,\s*")
_SENTENCE_NAME = re.compile(r"^[^\W\d_][^\s\d,;()/]*(?:\s+[^\W\d_][^\s\d,;()/]*){1,5}$")


def opens_with_address(cell: Any) -> bool:
    """Whether a cell's text (its list marker aside) opens with the address word of a person ('Đồng chí', 'Đ/c',
    'Ông', 'Bà')."""
    return isinstance(cell, str) and bool(_ADDRESS.match(without_marker(cell.strip()).strip()))


def person_sentence(cell: Any, role_of) -> tuple[str, str | None, str] | None:
    """(name, position, role wording) of a cell holding one person's sentence, the address word dropped; None
    unless the cell opens with the address word, the name is a name (two to six words, no digits) and the text
    after the last dash is a role wording `role_of` knows (the wording is returned as written)."""
    if not isinstance(cell, str) or "\n" in cell.strip():
        return None
    line = without_marker(cell.strip()).strip().rstrip(";.,").strip()
    opening = _ADDRESS.match(line)
    if not opening:
        return None
    line = line[opening.end():]
    parts = _split_outside(line, _DASH)
    if len(parts) < 2:
        return None
    role = parts[-1].strip()
    before = line[:len(line) - len(parts[-1])].rstrip(" -–—")
    if role_of(role) is None:
        return None
    named = _split_outside(before, _COMMA, 1)
    name = named[0].strip()
    position = named[1].strip() if len(named) == 2 else None
    if not _SENTENCE_NAME.match(name) or (len(named) == 2 and not position):
        return None
    return name, position, role
