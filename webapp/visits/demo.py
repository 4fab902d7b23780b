"""Demo field visits: most members visited their units in the last months, some did not (one step of `flask demo`)."""
from datetime import timedelta

from sqlalchemy import select

from ..clock import local_today
from ..extensions import db
from ..models import Assignment, User
from .services import record_visit

FINDINGS = [
    ("Chi bộ sinh hoạt đều, nội dung có trọng tâm; đảng viên cao tuổi tham gia đầy đủ.", None),
    ("Đã dự sinh hoạt chuyên đề về chuyển đổi số; chi bộ chuẩn bị tốt.",
     "Đề nghị hỗ trợ kinh phí lắp đặt đèn chiếu sáng tuyến đường nội khu."),
    ("Nắm tình hình an ninh trật tự khu dân cư; tổ dân phố phối hợp tốt với công an phường.",
     "Thanh thiếu niên tụ tập đua xe ban đêm tại đường ven sông, đề nghị tăng cường tuần tra."),
    ("Làm việc với Bí thư chi bộ về công tác phát triển đảng viên.", None),
]


def build_visits(town) -> None:
    """Visits through the same service as the form: two in three members visit each followed unit now and then."""
    admin = db.session.scalar(select(User).where(User.username == "admin"))
    today = local_today()
    assignments = db.session.scalars(select(Assignment).where(Assignment.end_date.is_(None))
                                     .order_by(Assignment.id)).all()
    for index, assignment in enumerate(assignments):
        if index % 3 == 2:
            continue
        for step in range(1 + index % 3):
            day = today - timedelta(days=5 + 23 * step + index % 11)
            if day < assignment.start_date:
                continue
            findings, difficulties = FINDINGS[(index + step) % len(FINDINGS)]
            record_visit(admin, visitor_id=assignment.person_id, unit=assignment.unit, visited_on=day,
                         findings=findings, met_with="Bí thư chi bộ", difficulties=difficulties)
