"""The chi bộ named at the end of an assignment text: "Trưởng Đoàn công tác số 2, phụ trách Chi bộ Tổ dân phố 5",
"TV Đoàn 3 - CB Trường THCS", "Phó trưởng đoàn số 1 (phụ trách Chi bộ Khối 2)", "…; địa bàn: Chi bộ Thôn 4"."""

import re
from typing import Any

from ..normalising import clean_text
from .unit_marks import full_unit_name

_TAIL = re.compile(
    r"^(?P<rest>.+?)\s*(?:[,;]|\s[-–—]\s|\()\s*"
    r"(?P<tail>(?:(?:được\s+)?(?:phân\s+công\s+)?(?:phụ\s+trách|theo\s+dõi|địa\s+bàn|đơn\s+vị|cơ\s+sở)\b\s*:?\s*)?"
    r"(?:chi\s+bộ|cb|c/b|đảng\s+bộ|đb|tổ\s+dân\s+phố|tdp|khu\s+phố|thôn|xóm|khối)\b[^()]*?)\)?\s*[.;]?\s*$",
    re.IGNORECASE,
)
_LEAD = re.compile(r"^(?:được\s+)?(?:phân\s+công\s+)?(?:phụ\s+trách|theo\s+dõi|địa\s+bàn|đơn\s+vị|cơ\s+sở)\b\s*:?\s*",
                   re.IGNORECASE)


def cut_unit_tail(text: Any) -> tuple[Any, str | None]:
    """(the text before the unit, the unit's full name) when the text ends naming a unit, else (text, None)."""
    if not isinstance(text, str):
        return text, None
    match = _TAIL.match(" ".join(text.split()))
    if match is None:
        return text, None
    unit = clean_text(_LEAD.sub("", match.group("tail")))
    return match.group("rest"), full_unit_name(unit) if unit else None
