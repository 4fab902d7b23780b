"""A demo assessment round (one step of `flask demo`): the year so far, opened by the office, with the demo member's
self-assessment and their head's proposal in it and the head's self-assessment of group 1, so the standing board
has decisions waiting (all through the same services as the pages)."""
from datetime import date

from sqlalchemy import select

from ..clock import local_today
from ..extensions import db
from ..models import Assessment, GroupAssessment, User
from . import services


def _user(name: str) -> User:
    return db.session.scalar(select(User).where(User.username == name))


def build_assessments(town) -> None:
    admin, head, member = _user("admin"), _user("truongdoan1"), _user("thanhvien")
    today = local_today()
    round_ = services.open_round(admin, f"Đánh giá, xếp loại năm {today.year}", date(today.year, 1, 1),
                                 date(today.year, 12, 31), "/", today)
    own = db.session.scalar(select(Assessment).where(Assessment.round_id == round_.id,
                                                     Assessment.person_id == member.person_id))
    if own is not None:
        services.self_assess(
            own,
            own.suggested_level,
            "Dự sinh hoạt các chi bộ được phân công, đi cơ sở nắm tình hình; cần báo cáo đúng hạn hơn.",
            today,
        )
        services.propose(head, own, own.suggested_level, "Nhất trí với tự đánh giá.", today)
    group = db.session.scalar(select(GroupAssessment).where(GroupAssessment.round_id == round_.id,
                                                            GroupAssessment.group_id == town.groups[0].id))
    if group is not None:
        services.group_self_assess(head, group, group.suggested_level, "Đoàn duy trì nền nếp làm việc; một số thành "
                                   "viên chưa đi cơ sở thường xuyên.", today)
