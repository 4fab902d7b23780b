"""A legend mark followed by its reason: in brackets, "P (ốm)", "P (đi CT)", "VCP (việc gia đình)", "M(20')" — the
legend often says so itself ("P (lý do) - vắng có phép") — or after a separator, "P - ốm", "P – đi viện", "P: ốm",
"P/ốm", "K - không báo", "M - 20'". The cell's status is the mark's. When the reason itself names a status other
than the mark's ("x (vắng)", "P - không lý do"), the cell says two things and is left unread; so is a presence mark
with a reason ("V (ốm)": 'V' is a tick in some files and 'vắng' in others, and a reason explains an absence).

After a separator the reason must read as one: words (two letters at least), or the minutes after a late mark. A
second mark ("P/K", "CP-KP") or a number ("5/7", a date) is no reason, and the cell stays unread."""

import re
from typing import Any

from .legends import is_plain_meaning, meaning_to_status
from .normalising import decode_mark, fold

_MARK_AND_REASON = re.compile(r"^\s*([^\s()]{1,4})\s*\(([^()]+)\)\s*$")
_MARK_THEN_REASON = re.compile(r"^\s*([^\s()\-–—:/]{1,4})\s*[-–—:/]\s*([^()]+?)\s*$")
_MINUTES = re.compile(r"^\d{1,3}\s*(?:'|’|p|ph|phút)?$", re.IGNORECASE)
_LETTERS = 2
_PRESENCE = ("co mat", "hien dien", "tham du", "du hop", "du sinh hoat", "du day du")
_CODE_LENGTH = 3  # a legend's code ('P', 'KP', 'VCP'), not a word such as «Vắng» whose reason says what kind
TWO_STATUSES = ("ghi ký hiệu «{mark}» ({mark_status}) nhưng lý do «{reason}» lại là {reason_status}: không rõ là trạng "
                "thái nào")
WORDS = {"present": "có mặt", "excused": "vắng có phép", "absent": "vắng không phép", "late": "đến muộn"}


def mark_with_reason(value: Any, marks: dict[str, str]) -> str | None:
    """The status of a cell written "<mark> (<reason>)" or "<mark> - <reason>" whose mark the legend or the usual
    marks explain; None otherwise, or when the reason names another status."""
    if not isinstance(value, str):
        return None
    match = _MARK_AND_REASON.match(value)
    separated = match is None
    match = match or _MARK_THEN_REASON.match(value)
    if match is None:
        return None
    status, _ = decode_mark(match.group(1), marks)
    reason = match.group(2)
    if separated and not _reads_as_reason(reason, status, marks):
        return None
    stated = _stated(reason, status)
    return status if status and status != "present" and stated in (None, status) else None


def _stated(reason: str, status: str | None) -> str | None:
    """The status a reason names itself ("không lý do", "có phép", "đi muộn", "có mặt"); not a «có» inside other
    words ("nhà có việc"), nor a bare «vắng» after an absence's mark (it names the side, the mark says which)."""
    stated = meaning_to_status(reason)
    folded = f" {fold(reason)} "
    if stated == "present" and not any(f" {wording} " in folded for wording in _PRESENCE):
        return None
    if stated == "absent" and status in ("excused", "absent") and is_plain_meaning(reason):
        return None
    return stated


def _reads_as_reason(reason: str, status: str | None, marks: dict[str, str]) -> bool:
    """Text after a separator that is a reason: not another mark, and words, or the minutes after a late mark."""
    if decode_mark(reason, marks)[0] is not None:
        return False
    if status == "late" and _MINUTES.match(reason.strip()):
        return True
    return sum(character.isalpha() for character in reason) >= _LETTERS


def conflicting_reason(value: Any, marks: dict[str, str]) -> str | None:
    """The problem of a cell whose absence or late code and written reason name two statuses ("P - không lý do",
    "K (có phép)"), read before the reason's words alone could decide; None for any other cell."""
    if not isinstance(value, str):
        return None
    match = _MARK_AND_REASON.match(value) or _MARK_THEN_REASON.match(value)
    if match is None or len(match.group(1)) > _CODE_LENGTH:
        return None
    status, _ = decode_mark(match.group(1), marks)
    stated = _stated(match.group(2), status)
    if status in (None, "present") or stated in (None, status) or stated not in WORDS:
        return None
    return TWO_STATUSES.format(mark=match.group(1), mark_status=WORDS[status], reason=match.group(2).strip(),
                               reason_status=WORDS[stated])
