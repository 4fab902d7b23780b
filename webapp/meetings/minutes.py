"""Wording of the printed minutes (biên bản) in the official layout."""
import re
from datetime import date

from flask_babel import gettext as _

from ..models import Meeting, MeetingKind, Unit
from ..template_helpers import label
from ..units.identity import identity_for

NUMERALS = ("I", "II", "III", "IV", "V", "VI")
ADMINISTRATIVE_PREFIX = re.compile(
    r"^(đảng bộ|chi bộ)\s+(tỉnh|thành phố|thị xã|huyện|quận|phường|xã)?\s*", re.IGNORECASE
)


def minutes_title(meeting: Meeting) -> str:
    """The document title, e.g. BIÊN BẢN GIAO BAN."""
    titles = {
        MeetingKind.BRIEFING: _("BIÊN BẢN GIAO BAN"),
        MeetingKind.CONFERENCE: _("BIÊN BẢN HỘI NGHỊ"),
        MeetingKind.CELL: _("BIÊN BẢN SINH HOẠT CHI BỘ"),
        MeetingKind.GROUP: _("BIÊN BẢN HỌP ĐOÀN CÔNG TÁC"),
    }
    return titles[meeting.kind]


def minutes_organ(meeting: Meeting) -> str:
    """The issuing body under the party header (second line, bold)."""
    if meeting.kind == MeetingKind.BRIEFING:
        return f"THƯỜNG TRỰC {identity_for().committee_name.upper()}"
    if meeting.kind == MeetingKind.GROUP and meeting.group:
        return meeting.group.name.upper()
    if meeting.kind == MeetingKind.CONFERENCE and meeting.organiser:
        return label(meeting.organiser).upper()
    return meeting.units[0].name.upper() if meeting.units else ""


def locality(unit: Unit | None) -> str:
    """The place name written before the date: "Bắc Hồng" from "Đảng bộ phường Bắc Hồng"."""
    if unit is None:
        return "……"
    return ADMINISTRATIVE_PREFIX.sub("", unit.name).strip() or unit.name


def minutes_headings(meeting: Meeting) -> dict[str, str]:
    """The headings of the sections the minutes hold, numbered I, II, … with no gap: the content section is
    there only when the meeting has an agenda."""
    sections = [("attendance", _("THÀNH PHẦN THAM DỰ"))]
    if meeting.agenda:
        sections.append(("agenda", _("NỘI DUNG")))
    sections += [("opinions", _("Ý KIẾN PHÁT BIỂU")), ("conclusion", _("KẾT LUẬN"))]
    return {key: f"{NUMERALS[index]}. {title}" for index, (key, title) in enumerate(sections)}


def long_date(day: date) -> str:
    """The one way the minutes write a date, as in their header: "ngày 5 tháng 3 năm 2026"."""
    return _("ngày %(d)s tháng %(m)s năm %(y)s", d=day.day, m=day.month, y=day.year)
