"""The unit a meeting block's caption names: "Buổi sinh hoạt ngày 06/01/2025 - Chi bộ Thôn Thuận Hồng", "… ngày
10/02/2025 tại Đảng bộ xã An Lạc", "… (Chi bộ Khu phố 3)", "Chi bộ thôn An Lộc – sinh hoạt ngày 8/1/2025", between
two dashes before the date ("Kỳ sinh hoạt tháng 7/2025 – Chi bộ Ấp Trường Thọ – ngày 03/7/2025"), at the start
right before the date, after the session's number or not ("Buổi 1: Chi bộ Xóm Yên Thịnh ngày 04/07/2025", "Chi bộ
Thôn 2 sinh hoạt ngày 8/1/2025", "Lần 3 - Chi bộ Ấp 1 (ngày 05/3/2025)"), or a line of its own under the caption
("Chi bộ Khu phố 3", "Đơn vị: Chi bộ Khu phố 3"). Only a party organisation is read (a 'Chi bộ'/'Đảng bộ'/'Tổ chức
cơ sở đảng' name) and only one naming one unit: "- các chi bộ trực thuộc" names none."""

import re
from typing import Any

from .context import fold_in_place
from .normalising import clean_text, fold, names_one_unit, normalise_unit_name
from .paperwork_remarks import without_paperwork_remark

_KIND = r"(?:chi bộ|đảng bộ|tổ chức cơ sở đảng)"
_UNIT = rf"(?P<unit>{_KIND}\s+[^()\-–—:;,]{{2,100}}?)"
# After a dash, 'tại', or inside brackets, at the caption's end.
_IN_CAPTION = re.compile(rf"(?P<sep>\s[-–—]\s*|\btại\s+|\(\s*){_UNIT}\s*\)?\s*\.?\s*$", re.IGNORECASE)
# At the caption's start, before a dash: "Chi bộ thôn An Lộc – sinh hoạt ngày 8/1/2025".
_LEADING = re.compile(rf"^\s*{_UNIT}\s+[-–—]\s*\S", re.IGNORECASE)
# Between two dashes, the meeting's date after the second: "Kỳ sinh hoạt tháng 7/2025 – Chi bộ Ấp Trường Thọ – ngày
# 03/7/2025" (a place after it, "– Chi bộ Thôn 1 – xã An Lạc", may be part of the name: no unit is read).
_DAY = r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{1,2}\s+tháng\s+\d{1,2}"
_BETWEEN = re.compile(rf"\s[-–—]\s*{_UNIT}\s+[-–—]\s*(?=[^-–—]*?(?:{_DAY}))", re.IGNORECASE)
# At the start, after the session's number ("Buổi 1:", "Lần 2 -", "II."), cut where the date begins: 'ngày'/'tháng'
# and a number, a bracket or a dash before them, 'sinh hoạt'/'họp' and the weekday between.
_NUMBER = r"(?:\d{1,2}|[ivx]{1,4})"
_NUMBERED = rf"(?:(?:buổi|lần|kỳ|đợt|phiên)(?:\s+(?:sinh hoạt|họp))?(?:\s+(?:thứ|số))?\s*{_NUMBER}?|{_NUMBER})"
_WHEN = (r"\s*[-–—:,]?\s*\(?\s*(?:(?:sinh hoạt|họp)(?:\s+(?:thường kỳ|định kỳ|chuyên đề))?\s*[-–—:,]?\s*)?"
         r"(?:(?:thứ\s+\w+|chủ nhật)\s*,?\s*)?(?:ngày|tháng)\s*\d")
_BEFORE_DATE = re.compile(rf"^\s*(?:{_NUMBERED}\s*[:.)\-–—]\s*)?{_UNIT}{_WHEN}", re.IGNORECASE)
# A line of its own: the unit alone, or after a label ('Đơn vị:', 'Tại:', 'Chi bộ:').
_LINE = re.compile(rf"^\s*(?:(?:đơn vị|tại|nơi sinh hoạt|chi bộ)\s*:\s*)?{_UNIT}\s*\.?\s*$", re.IGNORECASE)

# "chi bộ"/"đảng bộ" followed by a name (folded), not by what a meeting title says next ("SINH HOẠT CHI BỘ NĂM 2025")
_NAMED = re.compile(r"\b(?:chi bo|dang bo)\s+(?!(?:nam|thang|quy|cua|hang|dinh ky|dinh ki|va|trong|theo|cac|"
                    r"thuong ky|chuyen de|tu|den|ngay|lan|ky|sinh hoat|hop\s+(?:ngay|thang|thuong|dinh|chuyen))\b)"
                    r"[a-z0-9]")


def mentions_unit(text: Any) -> bool:
    """Whether a line names a party organisation ('… – Chi bộ Ấp 3 – …'), read as a unit or not."""
    return isinstance(text, str) and bool(_NAMED.search(fold(text)))


def named_units(text: str) -> list[int]:
    """Where each party organisation a line names begins, as positions in the (NFC) text: "SỔ THEO DÕI SINH HOẠT
    CHI BỘ THÔN LÝ LƯƠNG …" names one, at "CHI BỘ"; "SINH HOẠT CHI BỘ NĂM 2025" names none."""
    return [match.start() for match in _NAMED.finditer(fold_in_place(text))]


def _unit(match: re.Match | None) -> str | None:
    if match is None:
        return None
    unit = normalise_unit_name(match.group("unit"))
    return unit if unit and names_one_unit(unit) else None


def _between(text: str) -> str | None:
    """The unit a caption names between two dashes (None when none does, or when it names other organisations)."""
    if len(_NAMED.findall(fold(text))) > 1:
        return None
    return _unit(_BETWEEN.search(text))


def _before_date(text: str) -> str | None:
    """The unit a caption names at its start, right before the date (None when its words are no name: "Chi bộ sinh
    hoạt ngày …")."""
    match = _BEFORE_DATE.match(text)
    return _unit(match) if match and mentions_unit(text[match.start("unit"):]) else None


def unit_in_caption(text: Any) -> str | None:
    """The unit a block's date caption names at its end, at its start before a dash or the date, or between two
    dashes, else None; a closing remark about the paperwork is no part of it (``importers.paperwork_remarks``)."""
    text = without_paperwork_remark(clean_text(text)) if isinstance(text, str) else None
    if not text:
        return None
    return _unit(_IN_CAPTION.search(text)) or _unit(_LEADING.match(text)) or _between(text) or _before_date(text)


def unit_after_dash(text: Any) -> tuple[str, str] | None:
    """(the words before the dash, the unit) of a line closing on a dash and one party organisation ("Bảng điểm
    danh sinh hoạt chi bộ 6 tháng đầu năm 2025 - Chi bộ Tổ dân phố số 11"), else None: the unit is the part after
    the line's last dash, as in a block's caption."""
    text = clean_text(text) if isinstance(text, str) else None
    match = _IN_CAPTION.search(text) if text else None
    if match is None or match.group("sep").strip()[:1] not in "-–—" or _unit(match) is None:
        return None
    return text[:match.start()].strip(), _unit(match)


def unit_line(row: list[Any]) -> str | None:
    """The unit a caption's second line names (one text in the row, the unit alone or labelled), else None."""
    texts = {clean_text(cell) for cell in row if isinstance(cell, str) and clean_text(cell)}
    if len(texts) != 1 or any(not isinstance(cell, str) and cell is not None and cell != "" for cell in row):
        return None
    return _unit(_LINE.match(next(iter(texts))))
