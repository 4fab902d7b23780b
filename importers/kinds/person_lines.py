"""The people a cell lists, one a line: "Đ/c Lê Thị Hoa - Trưởng phòng Kinh tế", or numbered as a decision annex
numbers them ("1. Đ/c …", "2) …", "a. …", "- …", "+ …", "• …", "II. …"). The list marker is no part of the name.

A person's line is split into name and position at its first dash with spaces around it ("Tài chính - Kế hoạch"
stays in the position), or at a bracket after the name ("Lê Thị Hoa (Trưởng phòng Kinh tế)")."""

import re
from typing import Any

_LINES = re.compile(r"\s*(?:\n|;)\s*")
# A list marker at the start of a line: a number or Roman numeral with '.', ')', ':' or '/', a lower-case letter
# with '.' or ')' ('a.', 'b)'; a capital letter with a dot is a name's initial), or a bullet.
_MARKER = re.compile(r"^\s*(?:\(?(?:\d{1,3}|[IVXivx]{1,5})\s*[.):/]|\(?[a-zđ]\s*[.)]|[-–—+•*·●▪]|\(\d{1,3}\))\s*"
                     r"(?=\S)")
_NAME_AND_POSITION = re.compile(r"^(?P<name>[^-–—]+?)\s+[-–—]\s+(?P<position>.+)$")
_NAME_AND_BRACKETED = re.compile(r"^(?P<name>[^()\[\]]+?)\s*[(\[](?P<position>[^()\[\]]+)[)\]]$")


def without_marker(line: str) -> str:
    """A line without its list marker ('1. Đ/c Lê Hoa' -> 'Đ/c Lê Hoa'); a line that is only a marker is kept."""
    return _MARKER.sub("", line, count=1)


def person_lines(cell: Any) -> list[tuple[str, str | None]]:
    """(name, position) of each person listed in a cell, one a line (the position None when the line has none)."""
    if not isinstance(cell, str):
        return []
    people = []
    for line in _LINES.split(cell.strip()):
        line = without_marker(line).strip() if line else line
        if not line:
            continue
        match = _NAME_AND_POSITION.match(line) or _NAME_AND_BRACKETED.match(line)
        people.append((match.group("name").strip(), match.group("position").strip()) if match else (line, None))
    return people
