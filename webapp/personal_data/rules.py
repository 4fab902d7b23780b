"""Rules of personal-data requests as pure predicates over plain values: None when allowed, else the message."""
from datetime import date

from flask_babel import lazy_gettext as _


def received_refused(received_on: date, today: date):
    """A request is recorded on or after the day it arrived, never ahead of it."""
    return _("Ngày nhận yêu cầu không thể sau hôm nay.") if received_on > today else None


def answer_refused(received_on: date, answered_on: date, today: date, already_answered: bool):
    """One answer per request, dated between the day it arrived and today."""
    if already_answered:
        return _("Yêu cầu này đã được trả lời.")
    if answered_on < received_on:
        return _("Ngày trả lời không thể trước ngày nhận yêu cầu.")
    if answered_on > today:
        return _("Ngày trả lời không thể sau hôm nay.")
    return None


def erasure_refused(is_erasure: bool, already_answered: bool):
    """A person is erased only in answer to their recorded, still open erasure request."""
    if not is_erasure:
        return _("Chỉ xóa dữ liệu khi trả lời một yêu cầu xóa.")
    if already_answered:
        return _("Yêu cầu này đã được trả lời.")
    return None
