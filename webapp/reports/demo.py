"""Demo reporting ledger: monthly and quarterly schedules for every group, with on-time, late and missing reports."""
from datetime import date, timedelta

from sqlalchemy import select

from ..clock import local_today
from ..extensions import db
from ..models import ReportFrequency, User
from .periods import due_date, periods_between
from .services import create_schedule, submit_report


def build_reporting(town) -> None:
    admin = db.session.scalar(select(User).where(User.username == "admin"))
    _build_reporting(town, admin, local_today())


def _build_reporting(town, admin, today: date) -> None:
    start = date(today.year, 1, 1)
    for number, group in enumerate(town.groups):
        schedule = create_schedule(group, ReportFrequency.MONTHLY, due_day=20, starts_on=start)
        quarterly = create_schedule(group, ReportFrequency.QUARTERLY, due_day=10, starts_on=start)
        for quarter, key in enumerate(periods_between(ReportFrequency.QUARTERLY, start, today)):
            due = due_date(ReportFrequency.QUARTERLY, key, 10)
            if due < today and (number + quarter) % 4 != 3:
                submit_report(quarterly, admin, key, f"Báo cáo kết quả hoạt động quý {key} của {group.name}.",
                              submitted_on=due - timedelta(days=1))
        for month, key in enumerate(periods_between(ReportFrequency.MONTHLY, start, today)):
            due = due_date(ReportFrequency.MONTHLY, key, 20)
            late = (number + month) % 5
            if due < today and late != 4:
                submit_report(schedule, admin, key, f"Báo cáo kết quả hoạt động tháng {key} của {group.name}.",
                              submitted_on=due + timedelta(days=max(late - 1, 0) * 3 - 2))
