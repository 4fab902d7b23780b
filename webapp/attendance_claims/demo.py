"""Demo self-declared attendance: at last month's meetings of the first ward's cells a few members were not yet
marked and declared they attended; the ward's officer confirmed some, the rest wait (one step of `flask demo`)."""
from datetime import timedelta

from sqlalchemy import select

from ..clock import local_today
from ..extensions import db
from ..meetings.services import create_meeting
from ..models import Attendance, Meeting, MeetingKind, Role, Unit, User
from ..models.meetings import meeting_unit
from ..permissions import path_under
from ..visits.queries import followed_assignments
from .services import confirm_claim, declare_attendance

NOTES = ["Đồng chí ngồi dự cuối hội trường, chưa ký sổ.", None, "Đến muộn 10 phút do họp cơ quan.", None]


def build_attendance_claims(town) -> None:
    """Four declarations at the latest cell meetings of the officer's ward (two confirmed, two pending), and a
    themed meeting two days ago at the demo member's cell, not marked yet, for them to declare."""
    officer = db.session.scalar(select(User).where(User.role == Role.UNIT_OFFICER, User.scope_unit_id.is_not(None))
                                .order_by(User.id))
    admin = db.session.scalar(select(User).where(User.username == "admin"))
    if officer is None or admin is None:
        return
    ward_units = select(Unit.id).where(path_under(Unit.path, officer.scope_unit.path))
    latest = db.session.scalar(select(Meeting.held_on).join(meeting_unit, meeting_unit.c.meeting_id == Meeting.id)
                               .where(Meeting.kind == MeetingKind.CELL, meeting_unit.c.unit_id.in_(ward_units),
                                      Meeting.held_on <= local_today()).order_by(Meeting.held_on.desc()).limit(1))
    if latest is None:
        return
    rows = db.session.scalars(select(Attendance).join(Meeting, Meeting.id == Attendance.meeting_id)
                              .join(meeting_unit, meeting_unit.c.meeting_id == Meeting.id)
                              .where(Meeting.kind == MeetingKind.CELL, Meeting.held_on == latest,
                                     meeting_unit.c.unit_id.in_(ward_units), Attendance.expected.is_(True))
                              .order_by(Attendance.id).limit(len(NOTES))).all()
    for index, row in enumerate(rows):
        row.status, row.reason = None, None  # not marked yet: the member declares it
        db.session.flush()
        claim = declare_attendance(admin, row.meeting, NOTES[index], person_id=row.person_id)
        if index % 2 == 0:
            confirm_claim(officer, claim)
    _recent_meeting_for_the_member()


def _recent_meeting_for_the_member() -> None:
    member = db.session.scalar(select(User).where(User.username == "thanhvien"))
    day = local_today() - timedelta(days=2)
    followed = followed_assignments(member.person_id if member else None, day)
    if not followed:
        return
    create_meeting({"kind": MeetingKind.CELL, "held_on": day, "starts_at": "19:30", "place": "Nhà văn hóa",
                    "title": "Sinh hoạt chuyên đề về chuyển đổi số",
                    "agenda": "Quán triệt kế hoạch chuyển đổi số của Đảng ủy; phân công đảng viên hỗ trợ người dân."},
                   [followed[0].unit])  # marks are not taken yet: the member may declare
