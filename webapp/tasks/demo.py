"""Demo tasks: a few for groups, the top committee and a head, one from a briefing's conclusion point."""
from datetime import date, timedelta

from sqlalchemy import select

from ..clock import local_today
from ..extensions import db
from ..models import MemberRole, User
from .services import add_note, create_task


def build_tasks(town) -> None:
    admin = db.session.scalar(select(User).where(User.username == "admin"))
    _build_tasks(town, admin, local_today())


def _build_tasks(town, admin, today: date) -> None:
    first = create_task(admin, title="Nghiên cứu sửa đổi quy chế hoạt động Đoàn công tác", owner_group=town.groups[0],
                        deadline=today + timedelta(days=2), source_kind="conclusion_point")
    add_note(first, admin, "Đã gửi dự thảo xin ý kiến các đoàn.", today - timedelta(days=3))
    create_task(admin, title="Ban Tổ chức tham mưu bổ sung thành viên các đoàn", owner_unit=town.root,
                deadline=today - timedelta(days=5))
    for group in town.groups[1:4]:
        create_task(admin, title="Rà soát, tham mưu nhiệm vụ chính trị 3 tháng cuối năm", owner_group=group,
                    deadline=today + timedelta(days=20))
    head = next(m.person for m in town.groups[0].memberships if m.role == MemberRole.HEAD)
    create_task(admin, title="Dự sinh hoạt chi bộ Tổ dân phố 2 và nắm tình hình", owner_person=head,
                deadline=today + timedelta(days=1))
