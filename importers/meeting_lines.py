"""A title line saying, without a label, on which day the meeting took place: 'Điểm danh sinh hoạt chi bộ định kỳ
tháng 6/2025, thứ Ba ngày 10/6/2025', 'Danh sách đảng viên dự họp ngày 05 tháng 3 năm 2025'. The line speaks of a
meeting (sinh hoạt, họp, điểm danh, hội nghị) and gives the day after 'ngày'. A place-and-date line ('Nhơn An,
ngày 12 tháng 6 năm 2025') dates the document, never the meeting, and so does a date after a document's words in
the same clause ('theo Kế hoạch số 12-KH/CB ngày 2/6/2025', 'lập ngày …'), and so does a remark about the paperwork
closing the line ('Điểm danh sinh hoạt Chi bộ Khu 3 (sổ gửi ngày 02/01/2026)': ``importers.paperwork_remarks``)."""

import datetime as dt
import re
import unicodedata

from .context import fold_in_place
from .paperwork_remarks import without_paperwork_remark

_MEETING = re.compile(r"\b(?:sinh hoạt|họp|điểm danh|hội nghị)\b")  # lower-case, with tones: 'hợp' is no meeting
_MEETING_PLAIN = re.compile(r"\b(?:sinh hoat|diem danh|hoi nghi)\b")  # typed without tone marks
_PLACE_DATE = re.compile(r"^[^,;:()]{2,40},\s*ngay\s+\d")  # folded in place: 'Nhơn An, ngày 12 …'
_DAY = re.compile(r"\bngay\s+(\d{1,2})\s*(?:[/.-]|\s+thang\s+)\s*(\d{1,2})\s*(?:[/.-]|\s+nam\s+)\s*((?:19|20)\d{2})"
                  r"(?!\d)")
_CLAUSE = re.compile(r"[,;()]")
# lower-case, with tones ('ký' signs, 'định kỳ' is the meeting's period)
_DOCUMENT = re.compile(r"\b(?:quyết định|qđ|công văn|kế hoạch|thông báo|báo cáo|nghị quyết|số|lập|ký|ban hành|"
                       r"cập nhật|in)\b")


def _lowered(text: str) -> str:
    """Lower-case, one character for each character of the text."""
    return "".join(low if len(low := char.lower()) == 1 else char for char in text)


def _about_meeting(lowered: str) -> bool:
    return bool(_MEETING.search(lowered) or (lowered.isascii() and _MEETING_PLAIN.search(lowered)))


def is_meeting_line(text: str) -> bool:
    """A line about a meeting, not a place-and-date line (a place before the comma, no meeting named there)."""
    lowered = _lowered(unicodedata.normalize("NFC", text).strip())
    place = _PLACE_DATE.match(fold_in_place(lowered))
    return _about_meeting(lowered) and not (place and not _about_meeting(lowered[:lowered.index(",")]))


def meeting_line_dates(text: str) -> list[dt.date]:
    """The days a meeting line gives after 'ngày' (none for another line, or after a document's words)."""
    if not isinstance(text, str) or not is_meeting_line(text):
        return []
    text = without_paperwork_remark(unicodedata.normalize("NFC", text))
    lowered, folded = _lowered(text), fold_in_place(text)  # one character for each of the text's
    days = []
    for match in _DAY.finditer(folded):
        clause = _CLAUSE.split(lowered[:match.start()])[-1]
        if _DOCUMENT.search(clause):
            continue
        try:
            days.append(dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1))))
        except ValueError:
            continue
    return days
