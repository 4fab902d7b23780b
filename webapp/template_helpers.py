"""Filters and globals available in every template."""
import uuid
from datetime import date, datetime

from flask import Flask, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _

from .clock import in_office_zone
from .i18n import N_
from .models import AttendanceStatus, MeetingKind, MemberRole, Role, Sector, UnitKind
from .permissions import READ_DIRECTORY
from .unit_labels import group_label, unit_label

ROLE_LABELS = {
    MemberRole.HEAD: N_("Trưởng đoàn"),
    MemberRole.DEPUTY: N_("Phó đoàn"),
    MemberRole.MEMBER: N_("Thành viên"),
}
USER_ROLE_LABELS = {
    Role.ADMIN: N_("Quản trị (Văn phòng)"),
    Role.LEADERSHIP: N_("Lãnh đạo (Thường trực)"),
    Role.GROUP_HEAD: N_("Trưởng đoàn"),
    Role.UNIT_OFFICER: N_("Cán bộ cơ sở"),
    Role.MEMBER: N_("Thành viên"),
}
UNIT_KIND_LABELS = {
    UnitKind.ROOT: N_("Đảng bộ cấp trên"),
    UnitKind.PARTY_COMMITTEE: N_("Đảng bộ cơ sở"),
    UnitKind.CELL: N_("Chi bộ"),
}
SECTOR_LABELS = {
    Sector.TOWN: N_("Thị xã"),
    Sector.WARD: N_("Phường"),
    Sector.COMMUNE: N_("Xã"),
    Sector.ENTERPRISE: N_("Doanh nghiệp"),
    Sector.AGENCY: N_("Cơ quan"),
    Sector.ARMED_FORCES: N_("Lực lượng vũ trang"),
    Sector.RESIDENTIAL: N_("Khu dân cư"),
    Sector.OTHER: N_("Khác"),
}
MEETING_KIND_LABELS = {
    MeetingKind.CELL: N_("Sinh hoạt chi bộ"),
    MeetingKind.CONFERENCE: N_("Hội nghị"),
    MeetingKind.BRIEFING: N_("Giao ban"),
    MeetingKind.GROUP: N_("Họp đoàn"),
}
ATTENDANCE_LABELS = {
    AttendanceStatus.PRESENT: N_("Có mặt"),
    AttendanceStatus.LATE: N_("Đi muộn"),
    AttendanceStatus.EXCUSED: N_("Vắng có phép"),
    AttendanceStatus.ABSENT: N_("Vắng không phép"),
}


LABELS: dict[type, dict] = {}


def register_labels(enum_cls: type, labels: dict) -> None:
    """Declare the UI labels (marked with N_) of an enum; areas call this for their own enums."""
    LABELS[enum_cls] = labels


for _enum, _labels in [(MemberRole, ROLE_LABELS), (Role, USER_ROLE_LABELS), (UnitKind, UNIT_KIND_LABELS),
                       (Sector, SECTOR_LABELS), (MeetingKind, MEETING_KIND_LABELS),
                       (AttendanceStatus, ATTENDANCE_LABELS)]:
    register_labels(_enum, _labels)


def label(value) -> str:
    """Translated label of an enum value used anywhere in the UI."""
    labels = LABELS.get(type(value))
    if labels and value in labels:
        return _(labels[value])
    return "" if value is None else str(value)


def vn_date(value) -> str:
    """dd/mm/yyyy, the way officers write dates; a timestamp is dated by the office's day, not UTC's."""
    if isinstance(value, datetime):
        return in_office_zone(value).strftime("%d/%m/%Y")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return "" if value is None else str(value)


def vn_datetime(value) -> str:
    """hh:mm dd/mm/yyyy in the office's time zone: the one way a stored timestamp (UTC) reaches a page."""
    return in_office_zone(value).strftime("%H:%M %d/%m/%Y") if isinstance(value, datetime) else ""


def stored_value(value):
    """A value as the audit log stored it (ISO text for dates and timestamps) the way pages show it: a
    timestamp through `vn_datetime` (so on the office clock), a date as dd/mm/yyyy, anything else unchanged."""
    if isinstance(value, str) and len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-":
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            return value
        return vn_date(parsed.date()) if len(value) == 10 else vn_datetime(parsed)
    return value


def url_with(**changes) -> str:
    """The current URL with some query arguments replaced (for filters and pagination links)."""
    args = request.args.to_dict()
    args.update({k: v for k, v in changes.items() if v is not None})
    for key in [k for k, v in changes.items() if v is None]:
        args.pop(key, None)
    return url_for(request.endpoint, **(request.view_args or {}), **args)


def once_token() -> str:
    """A one-time token for a form that must act once however often it is submitted (issuing a number)."""
    return uuid.uuid4().hex


def register(app: Flask) -> None:
    app.jinja_env.globals["once_token"] = once_token
    app.jinja_env.filters["label"] = label
    app.jinja_env.filters["vn_date"] = vn_date
    app.jinja_env.filters["vn_datetime"] = vn_datetime
    app.jinja_env.filters["stored_value"] = stored_value
    app.jinja_env.filters["unit_label"] = unit_label
    app.jinja_env.filters["group_label"] = group_label
    app.jinja_env.globals["url_with"] = url_with
    app.jinja_env.globals["get_locale"] = get_locale
    app.jinja_env.globals["ROLE_LABELS"] = ROLE_LABELS
    app.jinja_env.globals["USER_ROLE_LABELS"] = USER_ROLE_LABELS
    app.jinja_env.globals["UNIT_KIND_LABELS"] = UNIT_KIND_LABELS
    app.jinja_env.globals["SECTOR_LABELS"] = SECTOR_LABELS
    app.jinja_env.globals["MEETING_KIND_LABELS"] = MEETING_KIND_LABELS
    app.jinja_env.globals["ATTENDANCE_LABELS"] = ATTENDANCE_LABELS
    app.jinja_env.globals["Role"] = Role
    app.jinja_env.globals["READ_DIRECTORY"] = READ_DIRECTORY
