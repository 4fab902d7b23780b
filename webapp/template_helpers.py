"""Filters and globals available in every template."""
import uuid
from datetime import date, datetime

from flask import Flask, request, url_for
from flask_babel import get_locale

from . import main_menu, url_memo
from .clock import in_office_zone
from .models import AttendanceStatus, MeetingKind, MemberRole, Role
from .models.labels import LABELS
from .permissions import READ_DIRECTORY
from .template_i18n import current_translations
from .unit_labels import group_label, unit_label

_label_texts: dict = {}  # (translations, enum type, value) -> the label's text in them: a few hundred entries at most


def label(value) -> str:
    """Translated label of an enum value used anywhere in the UI (declared once, in `models.labels`); each label
    is translated once per language, not at every row that shows it."""
    labels = LABELS.get(type(value))
    if labels and value in labels:
        translations = current_translations()
        if translations is None:
            return str(labels[value])
        key = (translations, type(value), value)  # str enums of two types may share a value
        text = _label_texts.get(key)
        if text is None:
            text = _label_texts[key] = str(labels[value])
        return text
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
    main_menu.install(app)
    url_memo.install(app)
    app.jinja_env.globals["once_token"] = once_token
    app.jinja_env.filters["label"] = label
    app.jinja_env.filters["vn_date"] = vn_date
    app.jinja_env.filters["vn_datetime"] = vn_datetime
    app.jinja_env.filters["stored_value"] = stored_value
    app.jinja_env.filters["unit_label"] = unit_label
    app.jinja_env.filters["group_label"] = group_label
    app.jinja_env.globals["url_with"] = url_with
    app.jinja_env.globals["get_locale"] = get_locale
    for enum_cls in (Role, MemberRole, MeetingKind, AttendanceStatus):  # templates iterate these, `|label` each
        app.jinja_env.globals[enum_cls.__name__] = enum_cls
    app.jinja_env.globals["READ_DIRECTORY"] = READ_DIRECTORY
