"""Named changes of the personal-data area: record a request, answer it, erase a person (anonymise them where
the records of the work must stay). Each checks its rules, flushes and never commits (`run_service` does)."""
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select, update

from ..clock import local_today
from ..extensions import db
from ..models import (
    Assignment,
    Attendance,
    DataRequestKind,
    FeedbackItem,
    FieldVisit,
    MemberReport,
    Membership,
    Opinion,
    Person,
    PersonalDataRequest,
    User,
)
from ..services import RuleViolation
from .rules import answer_refused, erasure_refused, received_refused


def due_date(received_on):
    """The day the answer is due: `PERSONAL_DATA_ANSWER_DAYS` after the request arrived."""
    return received_on + timedelta(days=current_app.config["PERSONAL_DATA_ANSWER_DAYS"])


def record_request(person: Person, user, *, kind: DataRequestKind, received_on, requested_by: str,
                   details: str | None) -> PersonalDataRequest:
    """Put a person's request in the register, with its deadline."""
    refusal = received_refused(received_on, local_today())
    if refusal:
        raise RuleViolation("received_on", refusal)
    request = PersonalDataRequest(person=person, kind=kind, received_on=received_on, due_on=due_date(received_on),
                                  requested_by=requested_by.strip(), details=(details or "").strip() or None,
                                  recorded_by_id=user.id)
    db.session.add(request)
    db.session.flush()
    return request


def answer_request(request: PersonalDataRequest, *, answered_on, answer: str) -> PersonalDataRequest:
    """Record the answer given to a request."""
    refusal = answer_refused(request.received_on, answered_on, local_today(), request.answered_on is not None)
    if refusal:
        raise RuleViolation("answered_on", refusal)
    request.answered_on, request.answer = answered_on, answer.strip()
    db.session.flush()
    return request


def _count(model, column, person_id: int) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(column == person_id))


def _kept(person_id: int) -> list[str]:
    """What stays after the erasure, and why: the records of the work, now under the anonymous name."""
    reasons = [
        (Attendance, Attendance.person_id, _("lượt điểm danh"), _("sổ sinh hoạt của chi bộ phải lưu đủ")),
        (Opinion, Opinion.person_id, _("lượt phát biểu"), _("biên bản cuộc họp là hồ sơ phải lưu")),
        (Membership, Membership.person_id, _("lần tham gia đoàn công tác"),
         _("quyết định phân công và kết quả của đoàn phải lưu")),
        (Assignment, Assignment.person_id, _("phân công theo dõi cơ sở"),
         _("quyết định phân công và kết quả của đoàn phải lưu")),
        (FieldVisit, FieldVisit.person_id, _("chuyến đi cơ sở"), _("kết quả nắm tình hình cơ sở phải lưu")),
        (MemberReport, MemberReport.person_id, _("báo cáo định kỳ"), _("báo cáo đã gửi cấp trên phải lưu")),
        (FeedbackItem, FeedbackItem.source_person_id, _("phản ánh do người này nêu"),
         _("phản ánh của nhân dân phải được theo dõi đến khi trả lời")),
    ]
    kept = []
    for model, column, what, why in reasons:
        count = _count(model, column, person_id)
        if count:
            kept.append(_("%(count)s %(what)s: giữ lại dưới tên ẩn danh vì %(why)s.", count=count, what=what,
                          why=why))
    kept.append(_("Nhật ký kiểm tra giữ các giá trị cũ (không sửa được để bảo đảm toàn vẹn); chúng được lưu trữ và "
                  "hủy theo thời hạn lưu nhật ký (%(months)s tháng).",
                  months=current_app.config["AUDIT_RETENTION_MONTHS"]))
    kept.append(_("Tên người có thể còn trong nội dung do người khác viết (phản ánh, biên bản); hãy rà soát nếu "
                  "người yêu cầu chỉ rõ."))
    return kept


def erase_person(request: PersonalDataRequest) -> list[str]:
    """Answer an erasure request: the person's own details are cleared and their name replaced wherever the app
    copied it (speaker names in minutes); their accounts are closed and renamed. The records of the work stay,
    under the anonymous name. Returns what was kept and why (also written as the request's answer)."""
    refusal = erasure_refused(request.kind == DataRequestKind.ERASURE, request.answered_on is not None)
    if refusal:
        raise RuleViolation("confirm", refusal)
    person = request.person
    anonymous = _("Người đã ẩn danh #%(id)s", id=person.id)
    person.set_name(anonymous)
    person.birth_date = person.position = person.phone = person.email = person.notes = None
    person.is_council_delegate = False
    db.session.execute(update(Opinion).where(Opinion.person_id == person.id).values(speaker_name=anonymous))
    for user in db.session.scalars(select(User).where(User.person_id == person.id)):
        user.active = False
        user.username = f"an-danh-{user.id}"
        user.display_name = anonymous
    kept = _kept(person.id)
    request.answered_on = local_today()
    request.answer = "\n".join([_("Đã xóa thông tin cá nhân và thay tên bằng \"%(name)s\".", name=anonymous), *kept])
    db.session.flush()
    return kept
