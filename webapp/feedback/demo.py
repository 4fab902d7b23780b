"""Demo data for the feedback register, tasks and the reporting regime (one step of `flask demo`)."""
from datetime import date, timedelta

from sqlalchemy import select

from ..clock import local_today, stored_moment
from ..extensions import db
from ..models import FeedbackCategory, FeedbackStatus, MemberRole, ReportFrequency, User
from ..reports.periods import due_date, periods_between
from ..reports.services import create_schedule, submit_report
from ..tasks.services import add_note, create_task
from .services import ensure_default_categories, record_feedback, transition

CONCERNS = [
    ("Đất đai, trật tự đô thị", "Hộ kinh doanh lấn chiếm vỉa hè đường Trần Phú, gây cản trở đi lại."),
    ("Kinh tế - xã hội", "Nhân dân đề nghị sớm hoàn thành tuyến mương thoát nước tổ dân phố 3 trước mùa mưa."),
    ("An ninh, trật tự", "Thanh thiếu niên tụ tập đua xe vào ban đêm tại đường ven sông."),
    ("Y tế, dịch bệnh", "Đề nghị phun thuốc phòng sốt xuất huyết tại khu dân cư có ca mắc."),
    ("Xây dựng Đảng, hệ thống chính trị", "Đảng viên cao tuổi đề nghị điều chỉnh giờ sinh hoạt chi bộ phù hợp."),
    ("Khiếu nại", "Khiếu nại về việc xác định diện tích đất bị thu hồi để làm đường."),
]


def build_feedback(town) -> None:
    """Categories, a dozen feedback items at various stages, tasks and report schedules with submissions."""
    ensure_default_categories()
    db.session.flush()
    categories = {c.name: c for c in db.session.scalars(select(FeedbackCategory))}
    users = {u.username: u for u in db.session.scalars(select(User))}
    officer, admin, handler = users["canbo"], users["admin"], users["thanhvien"]
    today = local_today()
    for index in range(12):
        name, text = CONCERNS[index % len(CONCERNS)]
        group = town.groups[index % len(town.groups)]
        member = next(m.person for m in group.memberships if m.role == MemberRole.MEMBER)
        item = record_feedback(officer if index % 2 else admin, received_on=today - timedelta(days=3 + index * 4),
                               category=categories[name], unit=town.committees[index % 8], content=text,
                               group=group, source_person=member)
        item.events[0].at = stored_moment(item.received_on, 8, 15)
        _advance(item, index, admin, handler)
    _build_tasks(town, admin, today)
    _build_reporting(town, admin, today)


def _advance(item, index: int, admin, handler) -> None:
    """Move the item `index % 4` steps along, each step's event timed on the office day it happened
    (events are otherwise stamped now, so the history would read as if everything was done today)."""
    steps = index % 4
    if steps >= 1:
        event = transition(item, admin, FeedbackStatus.FORWARDED, forwarded_to="UBND phường", handler=handler)
        event.at = stored_moment(item.received_on + timedelta(days=1), 9, 30)
    if steps >= 2:
        answered = item.received_on + timedelta(days=index + 2)
        event = transition(item, handler, FeedbackStatus.ANSWERED,
                           note="Đã phối hợp kiểm tra, xử lý và trả lời Nhân dân.", on=answered)
        event.at = stored_moment(answered, 14, 0)
    if steps >= 3:
        closed = item.received_on + timedelta(days=index + 4)
        event = transition(item, admin, FeedbackStatus.CLOSED, on=closed)
        event.at = stored_moment(closed, 16, 45)


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
