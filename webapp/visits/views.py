"""Field visit pages: the list (filters, export), recording a visit, its page, and raising feedback from it."""
from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..audit import log_restricted_reads
from ..clock import local_today
from ..exports import Column, xlsx_response
from ..extensions import db
from ..feedback.access import can_read as can_read_feedback
from ..feedback.access import can_record as can_record_feedback
from ..feedback.queries import category_choices
from ..models import FeedbackCategory, FeedbackItem, FieldVisit, Unit
from ..pagination import paginate
from ..permissions import ensure, requires
from ..rendering import render
from ..services import chosen, run_service
from ..tasks.access import can_create_tasks
from ..tasks.sources import tasks_by_source
from ..unit_labels import group_label, unit_label
from . import bp
from .access import can_read_visit
from .forms import RaiseFeedbackForm, VisitForm
from .queries import VisitFilters, followed_assignments, visit_text, visits_select
from .services import raise_feedback, record_visit


@bp.get("/")
@requires()
def index():
    filters = VisitFilters.from_args(request.args)
    page = paginate(visits_select(current_user, filters, local_today()))
    texts = {v.id: visit_text(current_user, v) for v in page.items}
    _log_shown(page.items, texts.values(), "xem danh sách chuyến đi")
    return render("visits/index.html", "visits/_rows.html", page=page, filters=filters,
                  can_record=current_user.person_id is not None, texts=texts)


def _log_shown(visits, texts, where: str) -> None:
    """Log the reads of restricted visits whose text is shown (a withheld text is not read)."""
    shown = [visit for visit, text in zip(visits, texts) if visit.restricted and not text.withheld]
    if shown:
        run_service(None, log_restricted_reads, shown, where)


@bp.get("/export.xlsx")
@requires()
def export():
    visits = db.session.scalars(visits_select(current_user, VisitFilters.from_args(request.args), local_today())).all()
    columns = [Column(_("Số"), 10), Column(_("Ngày"), 12), Column(_("Thành viên"), 26), Column(_("Đơn vị"), 32),
               Column(_("Đoàn công tác"), 22), Column(_("Làm việc với"), 26), Column(_("Tình hình nắm được"), 50),
               Column(_("Khó khăn, kiến nghị của cơ sở"), 50)]
    texts = [visit_text(current_user, v) for v in visits]
    rows = [[v.number, v.visited_on, v.person.full_name, unit_label(v.unit), group_label(v.group) if v.group else "",
             t.met_with, t.findings, t.difficulties] for v, t in zip(visits, texts)]
    _log_shown(visits, texts, "xuất Excel chuyến đi cơ sở")
    return xlsx_response("di-co-so.xlsx", _("DANH SÁCH CHUYẾN ĐI CƠ SỞ"), columns, rows)


def _unit_choices(day) -> list[tuple[int, str]]:
    seen, choices = set(), []
    for assignment in followed_assignments(current_user.person_id, day):
        if assignment.unit_id not in seen:
            seen.add(assignment.unit_id)
            choices.append((assignment.unit_id, unit_label(assignment.unit)))
    return choices


@bp.route("/new", methods=["GET", "POST"])
@requires()
def create():
    if current_user.person_id is None:
        abort(403)
    form = VisitForm()
    form.unit_id.choices = _unit_choices(form.visited_on.data or local_today())
    if request.method == "GET" and request.args.get("unit", type=int) in dict(form.unit_id.choices):
        form.unit_id.data = request.args.get("unit", type=int)
    if form.validate_on_submit():
        def record():
            unit = chosen(Unit, form.unit_id.data, "unit_id", required=_("Lựa chọn không hợp lệ."))
            return record_visit(current_user, visitor_id=current_user.person_id, unit=unit,
                                visited_on=form.visited_on.data, findings=form.findings.data,
                                met_with=form.met_with.data, difficulties=form.difficulties.data)

        visit = run_service(form, record)
        if visit:
            flash(_("Đã ghi nhận chuyến đi cơ sở %(number)s.", number=visit.number))
            return redirect(url_for("visits.detail", visit_id=visit.id))
    return render("visits/form.html", form=form, http_status=422 if request.method == "POST" else 200)


def _readable(visit_id: int) -> FieldVisit:
    visit = db.get_or_404(FieldVisit, visit_id)
    ensure(can_read_visit(current_user, visit, local_today()))
    return visit


def _detail(visit: FieldVisit, raise_form: RaiseFeedbackForm | None = None, status: int = 200):
    items = db.session.scalars(select(FeedbackItem).where(FeedbackItem.field_visit_id == visit.id)
                               .order_by(FeedbackItem.id)).all()
    text = visit_text(current_user, visit)
    if status == 200:
        _log_shown([visit], [text], "xem chuyến đi cơ sở")
    can_raise = bool(visit.difficulties) and not text.withheld and can_record_feedback(current_user, visit.unit)
    if can_raise and raise_form is None:
        raise_form = RaiseFeedbackForm()
    if raise_form is not None:
        raise_form.category_id.choices = category_choices()
    return render("visits/detail.html", http_status=status, visit=visit, raise_form=raise_form if can_raise else None,
                  text=text,
                  feedback_items=[item for item in items if can_read_feedback(current_user, item)],
                  tasks=tasks_by_source("field_visit", [visit.id]).get(visit.id, []),
                  can_create_task=bool(visit.difficulties) and not text.withheld and can_create_tasks(current_user))


@bp.get("/<int:visit_id>")
@requires()
def detail(visit_id: int):
    return _detail(_readable(visit_id))


@bp.post("/<int:visit_id>/feedback")
@requires()
def to_feedback(visit_id: int):
    visit = _readable(visit_id)
    ensure(bool(visit.difficulties) and not visit_text(current_user, visit).withheld
           and can_record_feedback(current_user, visit.unit))
    form = RaiseFeedbackForm()
    form.category_id.choices = category_choices()
    if not form.validate_on_submit() or form.category_id.data not in dict(form.category_id.choices):
        if not form.category_id.errors:
            form.category_id.errors = [_("Lựa chọn không hợp lệ.")]
        return _detail(visit, raise_form=form, status=422)
    item = run_service(
        form, raise_feedback, current_user, visit, db.session.get(FeedbackCategory, form.category_id.data)
    )
    if not item:
        return _detail(visit, raise_form=form, status=422)
    flash(_("Đã chuyển khó khăn, kiến nghị thành phản ánh %(number)s.", number=item.number))
    return redirect(url_for("feedback.detail", item_id=item.id))
