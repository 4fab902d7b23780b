"""The rules a member's report obeys, as pure predicates."""
from datetime import date

from flask_babel import lazy_gettext as _l

NOT_A_MEMBER = _l("Đồng chí không phải thành viên của đoàn trong kỳ này.")
NOT_STARTED = _l("Kỳ báo cáo này chưa bắt đầu.")
ALREADY_IN = _l("Báo cáo kỳ này đã được gửi.")
BEFORE_RULE = _l("Kỳ này trước ngày đoàn áp dụng chế độ báo cáo.")


def report_problem(*, member_in_period: bool, period_start: date, period_end: date, rule_starts_on: date,
                   already_submitted: bool, today: date) -> str | None:
    """Why this report cannot be written, or None: a member of the group that period, for a period that has begun,
    once."""
    if not member_in_period:
        return str(NOT_A_MEMBER)
    if period_start > today:
        return str(NOT_STARTED)
    if period_end < rule_starts_on:
        return str(BEFORE_RULE)
    if already_submitted:
        return str(ALREADY_IN)
    return None
