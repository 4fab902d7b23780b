"""Wording of the printed minutes (biên bản) in the official layout."""
import re

from flask_babel import gettext as _

from ..models import Meeting, MeetingKind, Unit
from ..template_helpers import label
from ..units.identity import identity_for

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
