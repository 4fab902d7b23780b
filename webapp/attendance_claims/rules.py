"""The rules of a self-declared attendance, as pure predicates over plain values: None when allowed, else the
(field, Vietnamese message) at fault."""
from datetime import date

from flask_babel import lazy_gettext as _l

NO_PERSON = _l("Tài khoản này chưa gắn với một cá nhân trong danh sách đoàn công tác.")
IN_THE_FUTURE = _l("Chỉ khai báo được cuộc họp đã diễn ra (hôm nay hoặc trước đó).")
NOT_FOLLOWED = _l("Đồng chí không được phân công theo dõi đơn vị của cuộc họp này vào ngày họp.")
ALREADY_PRESENT = _l("Đồng chí đã được ghi nhận có mặt tại cuộc họp này.")
ALREADY_CLAIMED = _l("Đồng chí đã khai báo dự cuộc họp này.")
ALREADY_DECIDED = _l("Khai báo này đã được xử lý.")
NO_REASON = _l("Hãy ghi lý do không xác nhận.")


def claim_problem(*, person_id: int | None, held_on: date, today: date, follows_a_unit: bool, attended: bool,
                  open_claim: bool) -> tuple[str, str] | None:
    """A person declares only a meeting held today or earlier, of a unit they followed on that day, at which they
    are not already marked present and which they have not already declared (a rejected declaration may be
    made again)."""
    if person_id is None:
        return "note", str(NO_PERSON)
    if held_on > today:
        return "note", str(IN_THE_FUTURE)
    if not follows_a_unit:
        return "note", str(NOT_FOLLOWED)
    if attended:
        return "note", str(ALREADY_PRESENT)
    if open_claim:
        return "note", str(ALREADY_CLAIMED)
    return None


def decision_problem(*, pending: bool, rejecting: bool, reason: str | None) -> tuple[str, str] | None:
    """Only a pending declaration is decided; a rejection says why."""
    if not pending:
        return "reason", str(ALREADY_DECIDED)
    if rejecting and not (reason or "").strip():
        return "reason", str(NO_REASON)
    return None
