"""A legend mark followed by its reason in brackets: "P (ốm)", "P (đi CT)", "VCP (việc gia đình)" — the legend
often says so itself ("P (lý do) - vắng có phép"). The cell's status is the mark's. When the bracket itself names
a status other than the mark's ("x (vắng)"), the cell says two things and is left unread; so is a presence mark
with a reason ("V (ốm)": 'V' is a tick in some files and 'vắng' in others, and a reason explains an absence)."""

import re
from typing import Any

from .legends import meaning_to_status
from .normalising import decode_mark

_MARK_AND_REASON = re.compile(r"^\s*([^\s()]{1,4})\s*\(([^()]+)\)\s*$")


def mark_with_reason(value: Any, marks: dict[str, str]) -> str | None:
    """The status of a cell written "<mark> (<reason>)" whose mark the legend or the usual marks explain; None
    otherwise, or when the reason names another status."""
    match = _MARK_AND_REASON.match(value) if isinstance(value, str) else None
    if match is None:
        return None
    status, _ = decode_mark(match.group(1), marks)
    stated = meaning_to_status(match.group(2))
    return status if status and status != "present" and stated in (None, status) else None
