"""Assessment pages: the rounds, a round's tables and thresholds, one member's assessment with its three steps,
one group's with its two, and the results as print, .xlsx, .docx and (with LibreOffice) .odt and PDF."""
from collections.abc import Callable
from dataclasses import dataclass

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from ..clock import local_today
from ..extensions import db
from ..formfields import enum_choices
from ..meetings import scorecard
from ..meetings.access import can_read_scorecard
from ..models import Assessment, AssessmentLevel, AssessmentRound, GroupAssessment, Role
from ..paperwork.files import document_file, office_formats
from ..permissions import ensure, requires, scope_path
from ..rendering import render
from ..services import REFUSED, run_service
from . import bp, services
from .access import can_decide, can_propose, can_see_round, can_self_assess, can_self_assess_group
from .forms import RoundForm, StepForm, criteria_form
from .queries import assessments_in, group_assessments_in, rounds_for
from .results import results_document
from .rules import CRITERIA_KEYS, DEFAULT_GROUP_CRITERIA, GROUP_CRITERIA_KEYS, ORDER

BOARD = (Role.ADMIN, Role.LEADERSHIP)


def _self_assess(_user, assessment: Assessment, level: AssessmentLevel, text: str, today) -> None:
    """The member's own step (the member is the assessment's person, so the user is not recorded)."""
    services.self_assess(assessment, level, text, today)


STEPS = {"self": (can_self_assess, _self_assess), "propose": (can_propose, services.propose),
         "decide": (can_decide, services.decide)}
GROUP_STEPS = {"self": (can_self_assess_group, services.group_self_assess),
               "decide": (can_decide, services.group_decide)}


@bp.get("/")
@requires()
def index(form: RoundForm | None = None, status: int = 200):
    return render("assessments/index.html", rounds=rounds_for(current_user),
                  form=form or (RoundForm() if current_user.role == Role.ADMIN else None), http_status=status)


@bp.post("/rounds")
@requires(Role.ADMIN)
def open_round():
    form = RoundForm()
    if not form.validate_on_submit():
        return index(form, 422)
    round_ = run_service(form, services.open_round, current_user, form.name.data, form.start_date.data,
                         form.end_date.data, scope_path(current_user), local_today())
    if round_ is REFUSED:
        return index(form, 422)
    flash(ngettext("Đã mở đợt đánh giá với %(num)s thành viên.", "Đã mở đợt đánh giá với %(num)s thành viên.",
                   len(round_.assessments)))
    return redirect(url_for("assessments.round_page", round_id=round_.id))


def _round(round_id: int) -> AssessmentRound:
    round_ = db.get_or_404(AssessmentRound, round_id)
    ensure(can_see_round(current_user, round_))
    return round_


@bp.get("/rounds/<int:round_id>")
@requires()
def round_page(round_id: int, criteria=None, group_criteria=None, status: int = 200):
    round_ = _round(round_id)
    is_admin = current_user.role == Role.ADMIN
    return render("assessments/round.html", round=round_, rows=assessments_in(current_user, round_),
                  group_rows=group_assessments_in(current_user, round_),
                  criteria=criteria or (criteria_form(round_.criteria) if is_admin else None),
                  group_criteria=group_criteria or (_group_criteria_form(round_) if is_admin else None),
                  levels=ORDER, keys=CRITERIA_KEYS, group_keys=GROUP_CRITERIA_KEYS, is_admin=is_admin,
                  is_board=current_user.role in BOARD, office_formats=office_formats(), http_status=status,
                  cell_evidence=scorecard.summaries(current_user, round_.start_date, round_.end_date)
                  if can_read_scorecard(current_user) else [])


@bp.post("/rounds/<int:round_id>/refresh")
@requires(Role.ADMIN)
def refresh(round_id: int):
    """Take the figures again from the records, for what is not yet decided, and add who joined since."""
    round_ = _round(round_id)
    counts = run_service(None, services.refresh_round, round_, local_today())
    if counts is not REFUSED:
        flash(_("Đã cập nhật số liệu: %(refreshed)s phiếu có số liệu mới, %(added)s phiếu thêm vào đợt.",
                refreshed=counts[0], added=counts[1]))
    return redirect(url_for("assessments.round_page", round_id=round_.id))


@bp.post("/rounds/<int:round_id>/<any(close, reopen):action>")
@requires(Role.ADMIN)
def close(round_id: int, action: str):
    round_ = _round(round_id)
    run_service(None, services.close_round, round_, action == "close")
    flash(_("Đã khóa đợt đánh giá.") if action == "close" else _("Đã mở lại đợt đánh giá."))
    return redirect(url_for("assessments.round_page", round_id=round_.id))


def _group_criteria_form(round_: AssessmentRound):
    return criteria_form(round_.group_criteria or DEFAULT_GROUP_CRITERIA, GROUP_CRITERIA_KEYS, prefix="group")


@bp.post("/rounds/<int:round_id>/criteria")
@requires(Role.ADMIN)
def set_criteria(round_id: int):
    round_ = _round(round_id)
    form = criteria_form(round_.criteria)
    if not form.validate_on_submit():
        return round_page(round_id, criteria=form, status=422)
    if run_service(form, services.set_criteria, round_, _thresholds(form, CRITERIA_KEYS)) is REFUSED:
        return round_page(round_id, criteria=form, status=422)
    flash(_("Đã lưu tiêu chí gợi ý mức xếp loại."))
    return redirect(url_for("assessments.round_page", round_id=round_.id))


def _thresholds(form, keys) -> dict:
    return {level.value: {key: form[f"{level.value}__{key}"].data for key in keys} for level in ORDER}


@bp.post("/rounds/<int:round_id>/group-criteria")
@requires(Role.ADMIN)
def set_group_criteria(round_id: int):
    round_ = _round(round_id)
    form = _group_criteria_form(round_)
    if not form.validate_on_submit():
        return round_page(round_id, group_criteria=form, status=422)
    if run_service(form, services.set_group_criteria, round_, _thresholds(form, GROUP_CRITERIA_KEYS)) is REFUSED:
        return round_page(round_id, group_criteria=form, status=422)
    flash(_("Đã lưu tiêu chí gợi ý mức xếp loại tập thể đoàn."))
    return redirect(url_for("assessments.round_page", round_id=round_.id))


def _assessment(assessment_id: int) -> Assessment:
    assessment = db.get_or_404(Assessment, assessment_id)
    visible = can_self_assess(current_user, assessment) or can_propose(current_user, assessment) \
        or can_decide(current_user, assessment)
    ensure(visible or (current_user.role == Role.LEADERSHIP and can_see_round(current_user, assessment.round)))
    return assessment


def _step_form(form: StepForm | None = None) -> StepForm:
    form = form or StepForm()
    form.level.choices = enum_choices(AssessmentLevel)
    return form


def _valid_step_form() -> tuple[StepForm, bool]:
    """The posted step and whether it is valid; a step naming no level gets its error."""
    form = _step_form()
    if not form.validate_on_submit() or form.level.data not in {level.value for level in AssessmentLevel}:
        if not form.level.errors:
            form.level.errors = [_("Lựa chọn không hợp lệ.")]
        return form, False
    return form, True


@bp.get("/rounds/<int:round_id>/results.<fmt>")
@requires(*BOARD)
def export(round_id: int, fmt: str):
    """The results as .xlsx or .docx, or .odt/PDF through LibreOffice."""
    round_ = _round(round_id)
    return document_file(results_document(current_user, round_), fmt, "ket-qua-danh-gia",
                         url_for("assessments.round_page", round_id=round_.id))


@bp.get("/rounds/<int:round_id>/print")
@requires(*BOARD)
def print_results(round_id: int):
    round_ = _round(round_id)
    return render("assessments/print.html", doc=results_document(current_user, round_), round=round_)


def _group_assessment(assessment_id: int) -> GroupAssessment:
    assessment = db.get_or_404(GroupAssessment, assessment_id)
    ensure(can_self_assess_group(current_user, assessment) or (current_user.role in BOARD
                                                               and can_see_round(current_user, assessment.round)))
    return assessment


@dataclass(frozen=True)
class _Kind:
    """A member's or a group's assessment: how it is loaded and checked, its steps, its page."""
    load: Callable
    steps: dict
    template: str
    endpoint: str


MEMBER = _Kind(_assessment, STEPS, "assessments/detail.html", "assessments.detail")
GROUP = _Kind(_group_assessment, GROUP_STEPS, "assessments/group.html", "assessments.group_detail")


def _page(kind: _Kind, assessment_id: int, step: str | None, form: StepForm | None, status: int):
    assessment = kind.load(assessment_id)
    allowed = [
        name
        for name, (may, _service) in kind.steps.items()
        if may(current_user, assessment) and (name == step or services.closed_step_message(assessment, name) is None)
    ]
    forms = {name: _step_form(form if name == step else None) for name in allowed}
    if "self" in forms and not forms["self"].level.data:
        forms["self"].level.data = (assessment.self_level or assessment.suggested_level).value
    may_reopen = assessment.decided_level is not None and not assessment.round.closed \
        and can_decide(current_user, assessment)
    return render(kind.template, a=assessment, forms=forms, may_reopen=may_reopen, http_status=status)


def _take(kind: _Kind, assessment_id: int, step: str):
    """Take one step of the assessment as the current user, dated today."""
    if step not in kind.steps:
        abort(404)
    assessment = kind.load(assessment_id)
    may, service = kind.steps[step]
    ensure(may(current_user, assessment))
    form, valid = _valid_step_form()
    if not valid:
        return _page(kind, assessment_id, step, form, 422)
    level, text = AssessmentLevel(form.level.data), form.text.data or ""
    if run_service(form, service, current_user, assessment, level, text, local_today()) is REFUSED:
        return _page(kind, assessment_id, step, form, 422)
    flash(_("Đã ghi nhận."))
    return redirect(url_for(kind.endpoint, assessment_id=assessment.id))


@bp.get("/<int:assessment_id>")
@requires()
def detail(assessment_id: int):
    return _page(MEMBER, assessment_id, None, None, 200)


@bp.post("/<int:assessment_id>/<step>")
@requires()
def take_step(assessment_id: int, step: str):
    return _take(MEMBER, assessment_id, step)


def _reopen(kind: _Kind, assessment_id: int):
    """The board opens a decided assessment again (audited like every change)."""
    assessment = kind.load(assessment_id)
    ensure(can_decide(current_user, assessment))
    if run_service(None, services.reopen, current_user, assessment) is REFUSED:
        return _page(kind, assessment_id, None, None, 422)
    flash(_("Đã mở lại đánh giá; các bước được thực hiện lại theo thứ tự."))
    return redirect(url_for(kind.endpoint, assessment_id=assessment.id))


@bp.post("/<int:assessment_id>/reopen")
@requires(*BOARD)
def reopen(assessment_id: int):
    return _reopen(MEMBER, assessment_id)


@bp.post("/groups/<int:assessment_id>/reopen")
@requires(*BOARD)
def reopen_group(assessment_id: int):
    return _reopen(GROUP, assessment_id)


@bp.get("/groups/<int:assessment_id>")
@requires()
def group_detail(assessment_id: int):
    return _page(GROUP, assessment_id, None, None, 200)


@bp.post("/groups/<int:assessment_id>/<step>")
@requires()
def take_group_step(assessment_id: int, step: str):
    return _take(GROUP, assessment_id, step)
