"""Everything the app holds about one person, section by section, as plain rows: the page lists the sections,
the .xlsx gives one sheet each and the JSON one list each. Restricted text is shown only as its one reader
(`feedback.visibility.present`, `visits.queries.visit_text`) decides for the officer asking."""
from dataclasses import dataclass
from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..extensions import db
from ..feedback.visibility import present
from ..models import (
    Assignment,
    Attendance,
    FeedbackItem,
    FieldVisit,
    Meeting,
    MemberReport,
    Membership,
    Opinion,
    Person,
    PersonalDataRequest,
    User,
)
from ..people.queries import person_history
from ..template_helpers import label, vn_datetime
from ..unit_labels import group_label, unit_label
from ..visits.queries import visit_text


@dataclass(frozen=True)
class Field:
    key: str      # the JSON key
    header: str   # the sheet's and the page's column header
    width: int = 18


@dataclass
class Section:
    key: str
    title: str
    fields: list[Field]
    rows: list[dict]


def _profile(person: Person) -> Section:
    fields = [Field("full_name", _l("Họ và tên"), 28), Field("birth_date", _l("Ngày sinh"), 12),
              Field("position", _l("Chức vụ"), 30), Field("phone", _l("Điện thoại"), 14),
              Field("email", _l("Thư điện tử"), 26), Field("home_unit", _l("Sinh hoạt tại"), 32),
              Field("is_council_delegate", _l("Đại biểu HĐND"), 12), Field("notes", _l("Ghi chú"), 40)]
    row = {"full_name": person.full_name, "birth_date": person.birth_date, "position": person.position,
           "phone": person.phone, "email": person.email, "home_unit": unit_label(person.home_unit),
           "is_council_delegate": person.is_council_delegate, "notes": person.notes}
    return Section("profile", _l("Thông tin cá nhân"), fields, [row])


def _accounts(person: Person) -> Section:
    users = db.session.scalars(select(User).where(User.person_id == person.id).order_by(User.id)).all()
    fields = [Field("username", _l("Tên đăng nhập"), 18), Field("role", _l("Vai trò"), 24),
              Field("active", _l("Đang hoạt động"), 12), Field("last_active_at", _l("Hoạt động gần nhất"), 18)]
    rows = [{"username": u.username, "role": label(u.role), "active": u.active,
             "last_active_at": vn_datetime(u.last_active_at)} for u in users]
    return Section("accounts", _l("Tài khoản"), fields, rows)


def _memberships(memberships: list[Membership]) -> Section:
    fields = [Field("group", _l("Đoàn công tác"), 30), Field("role", _l("Nhiệm vụ"), 14),
              Field("start_date", _l("Từ ngày"), 12), Field("end_date", _l("Đến ngày"), 12),
              Field("responsibilities", _l("Nhiệm vụ cụ thể"), 40)]
    return Section("memberships", _l("Tham gia đoàn công tác"), fields, [
        {"group": group_label(m.group), "role": label(m.role), "start_date": m.start_date, "end_date": m.end_date,
         "responsibilities": m.responsibilities} for m in memberships])


def _assignments(assignments: list[Assignment]) -> Section:
    fields = [Field("unit", _l("Đơn vị theo dõi"), 36), Field("start_date", _l("Từ ngày"), 12),
              Field("end_date", _l("Đến ngày"), 12), Field("notes", _l("Ghi chú"), 30)]
    return Section("assignments", _l("Phân công theo dõi cơ sở"), fields, [
        {"unit": unit_label(a.unit), "start_date": a.start_date, "end_date": a.end_date, "notes": a.notes}
        for a in assignments])


def _attendance(person: Person) -> Section:
    rows = db.session.execute(select(Attendance, Meeting).join(Meeting, Meeting.id == Attendance.meeting_id)
                              .where(Attendance.person_id == person.id)
                              .order_by(Meeting.held_on, Meeting.id)).all()
    fields = [Field("held_on", _l("Ngày họp"), 12), Field("meeting", _l("Cuộc họp"), 40),
              Field("kind", _l("Loại"), 18), Field("status", _l("Điểm danh"), 16), Field("reason", _l("Lý do"), 30)]
    return Section("attendance", _l("Điểm danh"), fields, [
        {"held_on": m.held_on, "meeting": m.title, "kind": label(m.kind), "status": label(a.status),
         "reason": a.reason} for a, m in rows])


def _opinions(person: Person) -> Section:
    rows = db.session.execute(select(Opinion, Meeting).join(Meeting, Meeting.id == Opinion.meeting_id)
                              .where(Opinion.person_id == person.id)
                              .order_by(Meeting.held_on, Opinion.position)).all()
    fields = [Field("held_on", _l("Ngày họp"), 12), Field("meeting", _l("Cuộc họp"), 36),
              Field("speaker_name", _l("Tên ghi trong biên bản"), 26), Field("text", _l("Nội dung ý kiến"), 60)]
    return Section("opinions", _l("Ý kiến phát biểu"), fields, [
        {"held_on": m.held_on, "meeting": m.title, "speaker_name": o.speaker_name, "text": o.text}
        for o, m in rows])


def _visits(person: Person, reader) -> Section:
    rows = db.session.scalars(select(FieldVisit).where(FieldVisit.person_id == person.id)
                              .order_by(FieldVisit.visited_on, FieldVisit.id)).all()
    fields = [Field("number", _l("Số"), 10), Field("visited_on", _l("Ngày"), 12), Field("unit", _l("Đơn vị"), 32),
              Field("findings", _l("Tình hình nắm được"), 50),
              Field("difficulties", _l("Khó khăn, kiến nghị của cơ sở"), 50)]
    texts = [visit_text(reader, v) for v in rows]
    return Section("visits", _l("Chuyến đi cơ sở"), fields, [
        {"number": v.number, "visited_on": v.visited_on, "unit": unit_label(v.unit), "findings": t.findings,
         "difficulties": t.difficulties} for v, t in zip(rows, texts)])


def _reports(person: Person) -> Section:
    rows = db.session.scalars(select(MemberReport).where(MemberReport.person_id == person.id)
                              .order_by(MemberReport.submitted_on, MemberReport.id)).all()
    fields = [Field("period", _l("Kỳ báo cáo"), 12), Field("group", _l("Đoàn công tác"), 30),
              Field("submitted_on", _l("Ngày nộp"), 12), Field("text", _l("Nội dung"), 60)]
    return Section("reports", _l("Báo cáo của thành viên"), fields, [
        {"period": r.period_key, "group": group_label(r.group), "submitted_on": r.submitted_on, "text": r.text}
        for r in rows])


def _feedback(person: Person, reader) -> Section:
    items = db.session.scalars(select(FeedbackItem).where(FeedbackItem.source_person_id == person.id)
                               .order_by(FeedbackItem.received_on, FeedbackItem.id)).all()
    fields = [Field("number", _l("Số"), 11), Field("received_on", _l("Ngày tiếp nhận"), 13),
              Field("category", _l("Lĩnh vực"), 22), Field("content", _l("Nội dung"), 60),
              Field("status", _l("Trạng thái"), 14)]
    views = [present(reader, item) for item in items]
    return Section("feedback", _l("Phản ánh do người này nêu"), fields, [
        {"number": v.number, "received_on": v.received_on, "category": v.category_name,
         "content": str(_l("(Nội dung hạn chế)")) if v.hidden else v.content, "status": label(v.status)}
        for v in views])


def _requests(person: Person) -> Section:
    rows = db.session.scalars(select(PersonalDataRequest).where(PersonalDataRequest.person_id == person.id)
                              .order_by(PersonalDataRequest.received_on, PersonalDataRequest.id)).all()
    fields = [Field("kind", _l("Yêu cầu"), 18), Field("received_on", _l("Ngày nhận"), 12),
              Field("due_on", _l("Hạn trả lời"), 12), Field("requested_by", _l("Người yêu cầu"), 24),
              Field("answered_on", _l("Ngày trả lời"), 12), Field("answer", _l("Trả lời"), 50)]
    return Section("requests", _l("Yêu cầu về dữ liệu cá nhân"), fields, [
        {"kind": label(r.kind), "received_on": r.received_on, "due_on": r.due_on, "requested_by": r.requested_by,
         "answered_on": r.answered_on, "answer": r.answer} for r in rows])


def everything(person: Person, reader) -> list[Section]:
    """Every section of `person`'s data as `reader` (the officer handling the request) may be shown it."""
    memberships, assignments = person_history(person)   # newest first: the sections list the oldest first
    return [_profile(person), _accounts(person), _memberships(memberships[::-1]), _assignments(assignments[::-1]),
            _attendance(person), _opinions(person), _visits(person, reader), _reports(person),
            _feedback(person, reader), _requests(person)]


def plain(value):
    """A value as JSON carries it: dates ISO, lazy strings as text."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value)
