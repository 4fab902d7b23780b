"""Legend items that explain no mark but a kind of cell: "ghi giờ có mặt (VD: 19h30) = có mặt" (a cell holding an
arrival time), "để trống = vắng không phép" (a blank cell). `split_rule` finds such an item and the meaning it
gives; ``legends.cell_rules`` reads the meaning. A blank cell means something only where the file says so."""

import datetime as dt
import re
from typing import Any

from .normalising import fold

_CLOCK = re.compile(r"^(?:(\d{1,2})\s*(?:h|giờ|g)\s*(\d{1,2})?\s*(?:p|phút|')?|(\d{1,2})\s*[:.]\s*(\d{2}))"
                    r"(?:\s*(sáng|chiều|tối))?$", re.IGNORECASE)
_TIMES_IN_TEXT = re.compile(r"\b\d{1,2}\s*(?:h|g|:)\s*\d{0,2}(?:\s*(?:p|phút))?(?!\w)", re.IGNORECASE)
_EXAMPLE = re.compile(r"\((?:vd|ví dụ|vi du|như|nhu|chẳng hạn)\b[^)]*\)", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:=|:|–|—|\s-\s|->|→)\s*|\s+(?:là|thì là|nghĩa là|tức là)\s+", re.IGNORECASE)
_BLANK_SIDE = re.compile(r"^(?:\* )?(?:o |cac o |neu |khi )?(?:de |bo |con |ghi )?(?:trong|trang)"
                         r"(?: khong ghi(?: gi)?)?$"
                         r"|^(?:o )?(?:khong ghi(?: gi)?|khong danh dau|khong co ky hieu|khong ghi ky hieu)$")
_TIME_SIDE = re.compile(r"^(?:\* )?(?:ghi |co ghi |ghi ro |o ghi )?(?:gio|tmark)(?: (?:den|co mat|den hop|vao|ky|"
                        r"co mat thuc te|den du hop))?(?: tmark)?$")


def clock_time(value: Any) -> dt.time | None:
    """The clock time a mark cell holds: a time cell, or text '19h30', '19:25', '7h05', '19g30' ('7.05' too,
    '7h30 tối' is 19:30)."""
    if isinstance(value, dt.time):
        return value
    match = _CLOCK.match(value.strip()) if isinstance(value, str) else None
    if not match:
        return None
    hour, minute = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
    hour, minute = int(hour) + (12 if match.group(5) and match.group(5).lower() in ("chiều", "tối")
                                and int(hour) < 12 else 0), int(minute or 0)
    return dt.time(hour, minute) if hour < 24 and minute < 60 else None


def split_rule(item: str) -> tuple[str, str] | None:
    """('blank' | 'time', meaning text) for a legend item about blank cells or arrival times; None otherwise."""
    text = _TIMES_IN_TEXT.sub(" tmark ", _EXAMPLE.sub(" ", item))
    text = re.sub(r"[()\[\]\"'“”.]", " ", text).strip()
    parts = _SPLIT.split(text, maxsplit=1)
    if len(parts) != 2:
        return None
    for side, meaning in (parts, parts[::-1]):
        folded = " ".join(fold(side).split())
        if _BLANK_SIDE.match(folded):
            return "blank", meaning
        if _TIME_SIDE.match(folded) and not {"gio", "tmark"} & set(fold(meaning).split()):
            return "time", meaning
    return None
