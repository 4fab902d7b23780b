"""Demo members' reports: every group asks for a monthly report; most members sent theirs for the last three
months (one step of `flask demo`, after the visits so the figures are there)."""
from datetime import timedelta

from sqlalchemy import select

from ..clock import local_today
from ..extensions import db
from ..models import Membership, ReportFrequency, User
from ..models.groups import active_on
from ..reports.periods import period_key
from .services import set_rule, submit_member_report

TEXTS = ["Các chi bộ được phân công sinh hoạt đều; đã dự và góp ý nội dung sinh hoạt chuyên đề.",
         "Nắm tình hình khu dân cư ổn định; nhân dân đề nghị sửa chữa đèn chiếu sáng.",
         "Đã làm việc với cấp ủy cơ sở về công tác phát triển đảng viên."]


def _months_back(day, count: int) -> list:
    """The first days of the `count` months ending with `day`'s month, oldest first."""
    months = [day.replace(day=1)]
    for _ in range(count - 1):
        months.insert(0, (months[0] - timedelta(days=1)).replace(day=1))
    return months


def build_member_reports(town) -> None:
    """A monthly rule per group (due the 25th) from three months back; most members report every month, a few
    late, some miss a month, so the ledger and the assessments have something to tell."""
    admin = db.session.scalar(select(User).where(User.username == "admin"))
    today = local_today()
    last_month = today.replace(day=1) - timedelta(days=1)
    months = _months_back(last_month, 3)
    for group in town.groups + town.linked_groups:
        rule = set_rule(group, ReportFrequency.MONTHLY, 25, 0, months[0])
        members = db.session.scalars(select(Membership).where(Membership.group_id == group.id,
                                                              active_on(Membership, last_month))).all()
        for step, month in enumerate(months):
            key = period_key(ReportFrequency.MONTHLY, month)
            for index, membership in enumerate(members):
                if (index + step) % 5 != 4:
                    submit_member_report(admin, rule, membership.person_id, key, TEXTS[(index + step) % len(TEXTS)],
                                         month.replace(day=min(18 + index, 28)))
