"""The three steps of a member's assessment (366-QĐ/TW): self-assessment, the head's proposal, the board's
decision; and a group's two: the head's self-assessment of the group, the board's decision. Each step is dated,
signed and, like every change, written to the audit log. Services flush; callers commit."""
import copy
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select

from ..extensions import db
from ..models import Assessment, AssessmentLevel, AssessmentRound, GroupAssessment
from ..services import RuleViolation, take_turns
from .figures import round_figures
from .queries import is_own
from .rules import DEFAULT_CRITERIA, DEFAULT_GROUP_CRITERIA, round_name_taken, suggest_level


def open_round(user, name: str, start: date, end: date, scope: str, today: date) -> AssessmentRound:
    """A round for every member and every group in scope, each with their figures as the records stand today."""
    if end < start:
        raise RuleViolation("end_date", _("Ngày kết thúc phải từ ngày bắt đầu trở đi."))
    take_turns(user)   # the user's double submit waits, then finds the round opened by the first
    name = name.strip()
    taken = db.session.scalar(select(AssessmentRound.id).where(
        AssessmentRound.name == name, AssessmentRound.scope_unit_id.is_(None) if user.scope_unit_id is None
        else AssessmentRound.scope_unit_id == user.scope_unit_id).limit(1)) is not None
    message = round_name_taken(name, taken)
    if message is not None:
        raise RuleViolation("name", message)
    round_ = AssessmentRound(
        name=name,
        start_date=start,
        end_date=end,
        criteria=copy.deepcopy(DEFAULT_CRITERIA),
        group_criteria=copy.deepcopy(DEFAULT_GROUP_CRITERIA),
        scope_unit_id=user.scope_unit_id,
        created_by_id=user.id,
    )
    db.session.add(round_)
    db.session.flush()
    refresh_round(round_, today, scope)
    return round_


def _round_scope(round_: AssessmentRound) -> str:
    return round_.scope_unit.path if round_.scope_unit_id else "/"


def refresh_round(round_: AssessmentRound, today: date, scope: str | None = None) -> tuple[int, int]:
    """The figures as the records stand today for every assessment not yet decided, and an assessment for each
    member and group that came into the round's scope after it was opened. A decided assessment keeps the figures
    its decision was made on. Returns (assessments refreshed, assessments added)."""
    if round_.closed:
        raise RuleViolation("round", _("Đợt đánh giá đã khóa."))
    figures = round_figures(scope or _round_scope(round_), round_.start_date, round_.end_date, today)
    members = {(a.group_id, a.person_id): a for a in round_.assessments}
    groups = {a.group_id: a for a in round_.group_assessments}
    refreshed = added = 0
    for key, member in figures.members.items():
        assessment = members.get(key)
        if assessment is None:
            round_.assessments.append(Assessment(group_id=key[0], person_id=key[1], figures=member,
                                                 suggested_level=suggest_level(member, round_.criteria)))
            added += 1
        elif assessment.decided_level is None and assessment.figures != member:
            assessment.figures, assessment.suggested_level = member, suggest_level(member, round_.criteria)
            refreshed += 1
    criteria = round_.group_criteria or DEFAULT_GROUP_CRITERIA
    for group_id, group in figures.groups.items():
        assessment = groups.get(group_id)
        if assessment is None:
            round_.group_assessments.append(GroupAssessment(group_id=group_id, figures=group,
                                                            suggested_level=suggest_level(group, criteria)))
            added += 1
        elif assessment.decided_level is None and assessment.figures != group:
            assessment.figures, assessment.suggested_level = group, suggest_level(group, criteria)
            refreshed += 1
    db.session.flush()
    return refreshed, added


def close_round(round_: AssessmentRound, closed: bool) -> None:
    """Lock the round (no step, no refresh) once the board's decisions are final, or open it again."""
    round_.closed = closed
    db.session.flush()


def set_criteria(round_: AssessmentRound, criteria: dict) -> None:
    """New thresholds for the round; every suggestion is worked out again from them."""
    round_.criteria = criteria
    for assessment in round_.assessments:
        assessment.suggested_level = suggest_level(assessment.figures, criteria)
    db.session.flush()


def set_group_criteria(round_: AssessmentRound, criteria: dict) -> None:
    """New thresholds for the groups; every group's suggestion is worked out again from them."""
    round_.group_criteria = criteria
    for assessment in round_.group_assessments:
        assessment.suggested_level = suggest_level(assessment.figures, criteria)
    db.session.flush()


def _open(assessment: Assessment | GroupAssessment) -> None:
    if assessment.round.closed:
        raise RuleViolation("level", _("Đợt đánh giá đã khóa."))


def closed_step_message(assessment: Assessment | GroupAssessment, step: str) -> str | None:
    """Why `step` can no longer be taken, or None while it is open (366-QĐ/TW: each step closes the one before
    it; a member's steps are self -> propose -> decide, a group's self -> decide). A closed step opens again only
    through `reopen`, an explicit action of the board."""
    if assessment.decided_level is not None:
        return _("Đã có quyết định xếp loại; Thường trực phải mở lại đánh giá trước khi sửa.")
    if step == "self" and getattr(assessment, "proposed_level", None) is not None:
        return _("Trưởng đoàn đã đề xuất mức xếp loại; không sửa tự đánh giá được nữa.")
    return None


def _step_open(assessment: Assessment | GroupAssessment, step: str) -> None:
    take_turns(assessment)
    _open(assessment)
    message = closed_step_message(assessment, step)
    if message:
        raise RuleViolation("level", message)


def _after(assessment: Assessment | GroupAssessment, step: str, prior_level, message: str) -> None:
    """A step comes after the one before it (whose level is `prior_level`) and while it is still open."""
    _step_open(assessment, step)
    if prior_level is None:
        raise RuleViolation("level", message)


def _not_own(user, assessment: Assessment | GroupAssessment) -> None:
    if is_own(user, assessment):
        raise RuleViolation("level", _("Không ai tự đề xuất hay quyết định xếp loại cho chính mình."))


def self_assess(assessment: Assessment, level: AssessmentLevel, text: str, today: date) -> None:
    _step_open(assessment, "self")
    assessment.self_level, assessment.self_text, assessment.self_on = level, text.strip(), today
    db.session.flush()


def _sign(assessment: Assessment | GroupAssessment, step: str, note_field: str, user, level: AssessmentLevel, text: str,
          today: date) -> None:
    """Record a step taken by `user`: its level, comment, signer and date."""
    setattr(assessment, f"{step}_level", level)
    setattr(assessment, note_field, text.strip() or None)
    setattr(assessment, f"{step}_by_id", user.id)
    setattr(assessment, f"{step}_on", today)
    db.session.flush()


def propose(user, assessment: Assessment, level: AssessmentLevel, comment: str, today: date) -> None:
    _not_own(user, assessment)
    _after(assessment, "propose", assessment.self_level, _("Thành viên chưa tự đánh giá."))
    _sign(assessment, "proposed", "proposal_comment", user, level, comment, today)


def decide(user, assessment: Assessment, level: AssessmentLevel, note: str, today: date) -> None:
    _not_own(user, assessment)
    _after(assessment, "decide", assessment.proposed_level, _("Trưởng đoàn chưa đề xuất mức xếp loại."))
    _sign(assessment, "decided", "decision_note", user, level, note, today)


def group_self_assess(user, assessment: GroupAssessment, level: AssessmentLevel, text: str, today: date) -> None:
    """The head's self-assessment of the group as a whole."""
    _step_open(assessment, "self")
    _sign(assessment, "self", "self_text", user, level, text, today)


def group_decide(user, assessment: GroupAssessment, level: AssessmentLevel, note: str, today: date) -> None:
    _not_own(user, assessment)
    _after(assessment, "decide", assessment.self_level, _("Trưởng đoàn chưa tự đánh giá tập thể đoàn."))
    _sign(assessment, "decided", "decision_note", user, level, note, today)


def reopen(user, assessment: Assessment | GroupAssessment) -> None:
    """The board opens a decided assessment again: the decision (and a member's proposal) is cleared, so the
    steps are taken again in order. The audit log keeps the cleared values and who cleared them."""
    _open(assessment)
    _not_own(user, assessment)
    if assessment.decided_level is None:
        raise RuleViolation("level", _("Đánh giá chưa có quyết định xếp loại nên không cần mở lại."))
    assessment.decided_level = assessment.decided_by_id = assessment.decided_on = assessment.decision_note = None
    if isinstance(assessment, Assessment):
        assessment.proposed_level = assessment.proposed_by_id = assessment.proposed_on = None
        assessment.proposal_comment = None
    db.session.flush()
