"""The dashboard's filters, read from GET arguments (so every view is bookmarkable) and validated."""
from dataclasses import dataclass, field
from datetime import date, timedelta

from flask import g
from flask_babel import gettext as _
from sqlalchemy import select

from ..clock import local_today
from ..dates import add_months, parse_day
from ..extensions import db
from ..formfields import is_db_id
from ..i18n import N_
from ..models import Term, Unit, WorkingGroup
from ..permissions import scope_path, within

PERIOD_LABELS = {
    "month": N_("Tháng"),
    "quarter": N_("Quý"),
    "8m": N_("8 tháng đầu năm"),
    "year": N_("Năm"),
    "term": N_("Cả nhiệm kỳ"),
    "custom": N_("Tùy chọn (từ ngày – đến ngày)"),
}
DEFAULT_THRESHOLD = 70
DEFAULT_GAP_MONTHS = 3
DEFAULT_TARGET_THRESHOLD = 80


@dataclass
class Filters:
    """A validated dashboard query: a date range, optional term, group and unit, and thresholds."""

    start: date
    end: date
    period: str = "year"
    year: int = 0
    month: int | None = None
    quarter: int | None = None
    term: Term | None = None
    group: WorkingGroup | None = None
    unit: Unit | None = None
    scope: str = "/"
    threshold: int = DEFAULT_THRESHOLD
    gap_months: int = DEFAULT_GAP_MONTHS
    target_threshold: int = DEFAULT_TARGET_THRESHOLD
    today: date | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def unit_path(self) -> str:
        """The subtree every figure is limited to: the chosen unit, else the user's scope."""
        return self.unit.path if self.unit else self.scope

    @property
    def months(self) -> list[str]:
        """The period's months as 'YYYY-MM' keys, in order."""
        keys, cursor = [], self.start.replace(day=1)
        while cursor <= self.end:
            keys.append(cursor.strftime("%Y-%m"))
            cursor = (cursor + timedelta(days=32)).replace(day=1)
        return keys

    @property
    def as_of(self) -> date:
        """The last day that has happened within the period: its end, or today while it is still running."""
        return min(self.end, self.today) if self.today else self.end

    @property
    def gap_start(self) -> date:
        """First day of the N-month window ending at `as_of` (for 'not attended in N months'): a window in
        the future would call every cell unattended."""
        return add_months(self.as_of, -self.gap_months) + timedelta(days=1)

    def args(self, **changes) -> dict:
        """The GET arguments that reproduce these filters (for links to drill-downs and exports)."""
        args = {"period": self.period, "year": self.year, "month": self.month, "quarter": self.quarter,
                "from": self.start.isoformat() if self.period == "custom" else None,
                "to": self.end.isoformat() if self.period == "custom" else None,
                "term": self.term.id if self.term else None, "group": self.group.id if self.group else None,
                "unit": self.unit.id if self.unit else None,
                "threshold": self.threshold if self.threshold != DEFAULT_THRESHOLD else None,
                "months": self.gap_months if self.gap_months != DEFAULT_GAP_MONTHS else None,
                "target_threshold": (self.target_threshold
                                     if self.target_threshold != DEFAULT_TARGET_THRESHOLD else None)}
        args.update(changes)
        return {k: v for k, v in args.items() if v not in (None, "")}

    def cache_key(self) -> tuple:
        """Everything the figures depend on besides the data: the user's scope, the period's days, the term, group,
        unit and thresholds, and the day it is (overdue tasks, 'so far this period')."""
        return (self.scope, self.start, self.end, self.today, tuple(sorted(self.args().items())))

    def label(self) -> str:
        """The period in words, as used in report titles: 'quý II năm 2026', '8 tháng đầu năm 2022'."""
        if self.period == "month":
            return _("tháng %(m)s năm %(y)s", m=self.month, y=self.year)
        if self.period == "quarter":
            return _("quý %(q)s năm %(y)s", q=["I", "II", "III", "IV"][self.quarter - 1], y=self.year)
        if self.period == "8m":
            return _("8 tháng đầu năm %(y)s", y=self.year)
        if self.period == "year":
            return _("năm %(y)s", y=self.year)
        return _("từ ngày %(a)s đến ngày %(b)s", a=self.start.strftime("%d/%m/%Y"), b=self.end.strftime("%d/%m/%Y"))


def _int_arg(args, name: str, default, low: int, high: int, message: str, errors: list) -> int | None:
    raw = (args.get(name) or "").strip()
    if not raw:
        return default
    if not raw.isdigit() or not low <= int(raw) <= high:
        errors.append(message)
        return default
    return int(raw)


def _period_range(args, f: Filters, today: date) -> None:
    """Fill f.start/f.end from the period arguments, or record why they are wrong."""
    period = args.get("period") or "year"
    if period not in PERIOD_LABELS:
        f.errors.append(_("Kỳ báo cáo không hợp lệ: hãy chọn tháng, quý, 8 tháng, năm, nhiệm kỳ hoặc tùy chọn."))
        period = "year"
    f.period = period
    f.year = _int_arg(args, "year", today.year, 1990, 2100, _("Năm không hợp lệ (1990–2100)."), f.errors)
    if period == "month":
        f.month = _int_arg(args, "month", today.month, 1, 12, _("Tháng phải từ 1 đến 12."), f.errors)
        f.start = date(f.year, f.month, 1)
        f.end = add_months(f.start, 1) - timedelta(days=1)
    elif period == "quarter":
        f.quarter = _int_arg(args, "quarter", (today.month - 1) // 3 + 1, 1, 4, _("Quý phải từ 1 đến 4."), f.errors)
        f.start = date(f.year, 3 * f.quarter - 2, 1)
        f.end = add_months(f.start, 3) - timedelta(days=1)
    elif period == "8m":
        f.start, f.end = date(f.year, 1, 1), date(f.year, 8, 31)
    elif period == "term":
        if f.term is None:
            f.errors.append(_("Chưa có nhiệm kỳ nào để lấy làm kỳ báo cáo."))
            f.start, f.end = date(f.year, 1, 1), date(f.year, 12, 31)
        else:
            f.start, f.end = f.term.start_date, f.term.end_date
    elif period == "custom":
        _custom_range(args, f)
    else:
        f.start, f.end = date(f.year, 1, 1), date(f.year, 12, 31)


def _custom_range(args, f: Filters) -> None:
    start, end = parse_day(args.get("from") or ""), parse_day(args.get("to") or "")
    if start is None or end is None:
        f.errors.append(_("Hãy nhập đủ từ ngày và đến ngày, dạng dd/mm/yyyy."))
    elif start > end:
        f.errors.append(_("Từ ngày phải trước hoặc bằng đến ngày."))
    elif (end - start).days > 3700:
        f.errors.append(_("Khoảng thời gian tối đa là 10 năm."))
    else:
        f.start, f.end = start, end
        return
    f.start, f.end = date(f.year, 1, 1), date(f.year, 12, 31)


def _lookup(model, raw, errors: list, message: str):
    if not raw:
        return None
    obj = db.session.get(model, int(raw)) if is_db_id(raw) else None
    if obj is None:
        errors.append(message)
    return obj


def terms_newest_first() -> list[Term]:
    """Every term, the latest first: read once per request (the filters' default and the term choices)."""
    if "_dashboard_terms" not in g:
        g._dashboard_terms = list(db.session.scalars(select(Term).order_by(Term.start_date.desc())))
    return g._dashboard_terms


def current_term() -> Term | None:
    """The term marked current (the latest of those), else the latest one."""
    terms = terms_newest_first()
    return next((term for term in terms if term.is_current), terms[0] if terms else None)


def parse_filters(args, user, today: date | None = None) -> Filters:
    """Validate the GET arguments for `user`; problems are collected in `errors`, defaults used instead."""
    today = today or local_today()
    f = Filters(start=today, end=today, scope=scope_path(user), today=today)
    f.term = _lookup(Term, args.get("term"), f.errors, _("Không tìm thấy nhiệm kỳ đã chọn.")) or current_term()
    _period_range(args, f, today)
    f.group = _lookup(WorkingGroup, args.get("group"), f.errors, _("Không tìm thấy đoàn công tác đã chọn."))
    f.unit = _lookup(Unit, args.get("unit"), f.errors, _("Không tìm thấy tổ chức đảng đã chọn."))
    if f.unit is not None and not within(f.unit.path, f.scope):
        f.errors.append(_("Tổ chức đảng đã chọn nằm ngoài phạm vi được giao của bạn."))
        f.unit = None
    if f.group is not None and f.term is not None and f.group.term_id != f.term.id:
        f.term = f.group.term
    f.threshold = _int_arg(args, "threshold", DEFAULT_THRESHOLD, 0, 100,
                           _("Ngưỡng tỷ lệ dự họp phải từ 0 đến 100."), f.errors)
    f.gap_months = _int_arg(args, "months", DEFAULT_GAP_MONTHS, 1, 24, _("Số tháng phải từ 1 đến 24."), f.errors)
    f.target_threshold = _int_arg(args, "target_threshold", DEFAULT_TARGET_THRESHOLD, 0, 100,
                                  _("Ngưỡng hoàn thành chỉ tiêu phải từ 0 đến 100."), f.errors)
    return f
