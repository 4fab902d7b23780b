"""Assessment pages: the rounds, a round's table and thresholds, one member's assessment with its three steps,
and the results as print and .xlsx."""
from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from ..clock import local_today
from ..dashboard.exports import DocSection, DocTable, OfficialDocument
from ..dashboard.reports import letterhead, recipients, signature
from ..exports import Column, xlsx_response
from ..extensions import db
from ..models import Assessment, AssessmentLevel, AssessmentRound, Role
from ..permissions import ensure, requires, scope_path
from ..rendering import render
from ..services import REFUSED, run_service
from ..template_helpers import label
from ..units.identity import identity_for
from . import bp, services
from .forms import RoundForm, StepForm, criteria_form
from .queries import assessments_in, may_decide, may_propose, may_see_round, may_self_assess, rounds_for
from .rules import CRITERIA_KEYS, ORDER

BOARD = (Role.ADMIN, Role.LEADERSHIP)
STEPS = {"self": (may_self_assess, services.self_assess), "propose": (may_propose, services.propose),
         "decide": (may_decide, services.decide)}


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
    if not round_:
        return index(form, 422)
    flash(_("Đã mở đợt đánh giá với %(n)s thành viên.", n=len(round_.assessments)))
    return redirect(url_for("assessments.round_page", round_id=round_.id))


def _round(round_id: int) -> AssessmentRound:
    round_ = db.get_or_404(AssessmentRound, round_id)
    ensure(may_see_round(current_user, round_))
    return round_


@bp.get("/rounds/<int:round_id>")
@requires()
def round_page(round_id: int, criteria=None, status: int = 200):
    round_ = _round(round_id)
    is_admin = current_user.role == Role.ADMIN
    return render("assessments/round.html", round=round_, rows=assessments_in(current_user, round_),
                  criteria=criteria or (criteria_form(round_.criteria) if is_admin else None), levels=ORDER,
                  keys=CRITERIA_KEYS, is_board=current_user.role in BOARD, http_status=status)


@bp.post("/rounds/<int:round_id>/criteria")
@requires(Role.ADMIN)
def set_criteria(round_id: int):
    round_ = _round(round_id)
    form = criteria_form(round_.criteria)
    if not form.validate_on_submit():
        return round_page(round_id, criteria=form, status=422)
    criteria = {level.value: {key: form[f"{level.value}__{key}"].data for key in CRITERIA_KEYS} for level in ORDER}
    if run_service(form, services.set_criteria, round_, criteria) is REFUSED:
        return round_page(round_id, criteria=form, status=422)
    flash(_("Đã lưu tiêu chí gợi ý mức xếp loại."))
    return redirect(url_for("assessments.round_page", round_id=round_.id))


def _assessment(assessment_id: int) -> Assessment:
    assessment = db.get_or_404(Assessment, assessment_id)
    visible = may_self_assess(current_user, assessment) or may_propose(current_user, assessment) \
        or may_decide(current_user, assessment)
    ensure(visible or (current_user.role == Role.LEADERSHIP and may_see_round(current_user, assessment.round)))
    return assessment


def _step_form(form: StepForm | None = None) -> StepForm:
    form = form or StepForm()
    form.level.choices = [SelectChoice(level.value, label(level)) for level in AssessmentLevel]
    return form


@bp.get("/<int:assessment_id>")
@requires()
def detail(assessment_id: int, step: str | None = None, form: StepForm | None = None, status: int = 200):
    assessment = _assessment(assessment_id)
    allowed = [name for name, (may, _service) in STEPS.items() if may(current_user, assessment)]
    forms = {name: _step_form(form if name == step else None) for name in allowed}
    if "self" in forms and not forms["self"].level.data:
        forms["self"].level.data = (assessment.self_level or assessment.suggested_level).value
    return render("assessments/detail.html", a=assessment, forms=forms, http_status=status)


@bp.post("/<int:assessment_id>/<step>")
@requires()
def take_step(assessment_id: int, step: str):
    if step not in STEPS:
        abort(404)
    assessment = _assessment(assessment_id)
    may, service = STEPS[step]
    ensure(may(current_user, assessment))
    form = _step_form()
    if not form.validate_on_submit() or form.level.data not in {level.value for level in AssessmentLevel}:
        if not form.level.errors:
            form.level.errors = [_("Lựa chọn không hợp lệ.")]
        return detail(assessment_id, step, form, 422)
    level, text = AssessmentLevel(form.level.data), form.text.data or ""
    actor = () if step == "self" else (current_user,)
    if run_service(form, service, *actor, assessment, level, text, local_today()) is REFUSED:
        return detail(assessment_id, step, form, 422)
    flash(_("Đã ghi nhận."))
    return redirect(url_for("assessments.detail", assessment_id=assessment.id))


def _results(round_: AssessmentRound) -> list[list]:
    return [[index, a.person.full_name, a.group.name, label(a.suggested_level) if a.suggested_level else "",
             label(a.self_level) if a.self_level else "", label(a.proposed_level) if a.proposed_level else "",
             label(a.decided_level) if a.decided_level else ""]
            for index, a in enumerate(assessments_in(current_user, round_), start=1)]


HEADERS = ["STT", "Họ và tên", "Đoàn công tác", "Gợi ý từ số liệu", "Tự đánh giá", "Trưởng đoàn đề xuất",
           "Quyết định xếp loại"]


@bp.get("/rounds/<int:round_id>/results.xlsx")
@requires(*BOARD)
def export(round_id: int):
    round_ = _round(round_id)
    columns = [Column(h, w) for h, w in zip(HEADERS, (6, 26, 22, 24, 24, 24, 24))]
    return xlsx_response("ket-qua-danh-gia.xlsx", round_.name.upper(), columns, _results(round_))


@bp.get("/rounds/<int:round_id>/print")
@requires(*BOARD)
def print_results(round_id: int):
    round_ = _round(round_id)
    who = identity_for(round_.scope_unit)
    org, place_date = letterhead(who)
    doc = OfficialDocument(org, place_date, "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI", round_.name,
                           [DocSection("", table=DocTable(HEADERS, _results(round_)))], signature(who), recipients(who),
                           landscape=True)
    return render("assessments/print.html", doc=doc, round=round_)
