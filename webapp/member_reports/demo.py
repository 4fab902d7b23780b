"""Demo members' reports: every group asks for a monthly report; most members sent last month's (one step of
`flask demo`, after the visits so the figures are there)."""
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


def build_member_reports(town) -> None:
    """A monthly rule per group (due the 25th) and last month's report from two in three members."""
    admin = db.session.scalar(select(User).where(User.username == "admin"))
    today = local_today()
    last_month = today.replace(day=1) - timedelta(days=1)
    key = period_key(ReportFrequency.MONTHLY, last_month)
    for group in town.groups + town.linked_groups:
        rule = set_rule(group, ReportFrequency.MONTHLY, 25, 0, last_month.replace(month=1, day=1))
        members = db.session.scalars(select(Membership).where(Membership.group_id == group.id,
                                                              active_on(Membership, last_month))).all()
        for index, membership in enumerate(members):
            if index % 3 != 2:
                submit_member_report(admin, rule, membership.person_id, key, TEXTS[index % len(TEXTS)],
                                     last_month.replace(day=min(20 + index, 28)))
