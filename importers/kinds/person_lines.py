"""The people a cell lists, one a line: "Đ/c Lê Thị Hoa - Trưởng phòng Kinh tế", or numbered as a decision annex
numbers them ("1. Đ/c …", "2) …", "a. …", "- …", "+ …", "• …", "II. …"). The list marker is no part of the name.

A person's line is split into name and position at its first dash with spaces around it ("Tài chính - Kế hoạch"
stays in the position), or at a bracket after the name ("Lê Thị Hoa (Trưởng phòng Kinh tế)"). A phone at the end of
the line, labelled ("(ĐT: 0912 345 678)", "- SĐT: 0912.345.678", ", DĐ 0912345678") or bracketed alone, is the
person's phone, not part of the position."""

import re
from typing import Any

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
_NAME_AND_POSITION = re.compile(r"^(?P<name>[^-–—]+?)\s+[-–—]\s+(?P<position>.+)$")
_NAME_AND_BRACKETED = re.compile(r"^(?P<name>[^()\[\]]+?)\s*[(\[](?P<position>[^()\[\]]+)[)\]]$")


def without_marker(line: str) -> str:
    """A line without its list marker ('1. Đ/c Lê Hoa' -> 'Đ/c Lê Hoa'); a line that is only a marker is kept."""
    return _MARKER.sub("", line, count=1)


def person_lines(cell: Any) -> list[tuple[str, str | None, str | None]]:
    """(name, position, phone) of each person listed in a cell, one a line (None for what a line does not give)."""
    if not isinstance(cell, str):
        return []
    people = []
    for line in _LINES.split(cell.strip()):
        line = without_marker(line).strip() if line else line
        if not line:
            continue
        phone = _PHONE_AT_END.search(line)
        if phone and phone.start() > 0:
            line, phone = line[:phone.start()].strip(), phone.group("phone").strip()
        else:
            phone = None
        match = _NAME_AND_POSITION.match(line) or _NAME_AND_BRACKETED.match(line)
        name, position = (match.group("name").strip(), match.group("position").strip()) if match else (line, None)
        if position and phone is None and _PHONE_ONLY.match(position):  # 'Lê Hoa - 0912 345 678': no position
            position, phone = None, position
        people.append((name, position, phone))
    return people
