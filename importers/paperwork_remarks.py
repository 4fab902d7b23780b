"""A remark about the paperwork closing a title line: when the book or list was sent, received, updated or reported.
A ward office merging the chi bộ's registers onto one sheet titles each block "1. Chi bộ Khu 3 (sổ gửi ngày
02/01/2026)", "3. Chi bộ Công an phường (nhận ngày 5/1)"; a title may end "… (cập nhật ngày 10/01/2026)", "… -
báo cáo ngày 08/01/2026", "…, VP nhận ngày 05/01/2026".

The remark's date is the paperwork's, never a meeting's, and the remark is no part of the unit the line names
before it: readers of meeting dates (``importers.meeting_lines``, ``importers.date_blocks``) and of units
(``importers.unit_ends``, ``importers.caption_units``, ``importers.sheet_context``) read the line without it.

Only a remark of its own is one: after a bracket, a comma, a semicolon or a dash, at the line's end, its verb
(gửi, nhận, nộp, cập nhật, báo cáo, lập) with at most a few words before it ("sổ", "VP", "đã") and after it
nothing but a direction and where to ("về VP Đảng ủy", "lên", "đến") before the date. A bracket holding the
meeting's date ("(họp ngày 05/7)"), and a verb with an object ("tiếp nhận đảng viên mới ngày 5/3/2025", a
meeting's business), are no remark."""

import re
import unicodedata

_VERBS = r"gửi|nhận|nộp|cập nhật|báo cáo|lập"
_VERBS_PLAIN = r"gui|nhan|nop|cap nhat|bao cao|lap"  # typed without tone marks
_DIRECTIONS = r"về|lên|đến|tới|lại|vào|lúc"
_DIRECTIONS_PLAIN = r"ve|len|den|toi|lai|vao|luc"
_DATE = (r"\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?"
         r"|\d{1,2}\s+(?:tháng|thang)\s+\d{1,2}(?:\s+(?:năm|nam)\s+\d{2,4})?")


def _remark(verbs: str, directions: str, day: str) -> re.Pattern:
    return re.compile(rf"(?:\s*[(\[]|\s*[,;]|\s+[-–—])\s*(?:[^\W\d_]+\s+){{0,3}}(?:{verbs})"
                      rf"(?:\s+(?:{directions})(?:\s+[^\W\d_]+){{0,3}})?\s+(?:{day}\s+)?(?:{_DATE})\s*[)\]]?\s*[.;]?\s*$")


_REMARK = _remark(_VERBS, _DIRECTIONS, "ngày")
_REMARK_PLAIN = _remark(_VERBS_PLAIN, _DIRECTIONS_PLAIN, "ngay")


def _lowered(text: str) -> str:
    """Lower-case, one character for each character of the text."""
    return "".join(low if len(low := char.lower()) == 1 else char for char in text)


def paperwork_remark_start(text: str) -> int | None:
    """Where the (NFC) text's closing remark about the paperwork begins, None when it has none."""
    if not isinstance(text, str):
        return None
    lowered = _lowered(unicodedata.normalize("NFC", text))
    match = (_REMARK_PLAIN if lowered.isascii() else _REMARK).search(lowered)
    return match.start() if match and match.start() > 0 else None


def without_paperwork_remark(text):
    """The text without its closing remark about the paperwork ("1. Chi bộ Khu 3 (sổ gửi ngày 02/01/2026)" -> "1.
    Chi bộ Khu 3"); any other value, or a text without one, as it is."""
    start = paperwork_remark_start(text)
    return text if start is None else unicodedata.normalize("NFC", text)[:start].rstrip()
