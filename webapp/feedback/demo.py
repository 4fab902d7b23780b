"""Demo data for the feedback register, tasks and the reporting regime (one step of `flask demo`)."""
from datetime import timedelta

from sqlalchemy import select

from ..clock import local_today, stored_moment
from ..extensions import db
from ..models import FeedbackCategory, FeedbackStatus, MemberRole, User
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
    """Categories and a dozen feedback items at various stages."""
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
