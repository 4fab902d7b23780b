"""Legend items that explain no mark but a kind of cell: "ghi giờ có mặt (VD: 19h30) = có mặt" (a cell holding an
arrival time), "để trống = vắng không phép" (a blank cell). `split_rule` finds such an item and the meaning it
gives; ``legends.cell_rules`` reads the meaning. A blank cell means something only where the file says so."""

import re

from .normalising import fold

_TIMES_IN_TEXT = re.compile(r"\b\d{1,2}\s*(?:h|g|:)\s*\d{0,2}(?:\s*(?:p|phút))?(?!\w)", re.IGNORECASE)
_FOR_EXAMPLE = r"(?:vd|ví dụ|vi du|như|nhu|chẳng hạn)\b"
EXAMPLES_LEAD = re.compile(rf"^\s*{_FOR_EXAMPLE}\s*:?\s*", re.IGNORECASE)  # the "VD:" opening a bracket's examples
_EXAMPLE = re.compile(rf"\({_FOR_EXAMPLE}[^)]*\)", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:=|:|–|—|\s-\s|->|→)\s*|\s+(?:là|thì là|nghĩa là|tức là)\s+", re.IGNORECASE)
_BLANK_SIDE = re.compile(r"^(?:\* )?(?:o |cac o |neu |khi )?(?:de |bo |con |ghi )?(?:trong|trang)"
                         r"(?: khong ghi(?: gi)?)?$"
                         r"|^(?:o )?(?:khong ghi(?: gi)?|khong danh dau|khong co ky hieu|khong ghi ky hieu)$")
_TIME_SIDE = re.compile(r"^(?:\* )?(?:ghi |co ghi |ghi ro |o ghi )?(?:gio|tmark)(?: (?:den|co mat|den hop|vao|ky|"
                        r"co mat thuc te|den du hop))?(?: tmark)?$")


def sides(text: str) -> list[str]:
    """A note item cut at the sign or word pairing its two sides ('=', ':', '→', 'là', 'nghĩa là'); one side when it
    has none."""
    return _SPLIT.split(text, maxsplit=1)


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
