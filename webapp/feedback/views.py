"""Feedback register pages: list with filters, record, detail with workflow, attachments, categories, export."""
from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from ..audit import log_restricted_reads
from ..exports import Column, xlsx_response
from ..extensions import db
from ..formfields import enum_choices
from ..models import Attachment, FeedbackCategory, FeedbackItem, FeedbackStatus, Person, Role, Unit, User, WorkingGroup
from ..pagination import paginate
from ..permissions import ensure, group_in_scope, is_town_admin, requires
from ..rendering import render, wants_fragment
from ..services import REFUSED, keeping_loaded, run_service
from ..template_helpers import label
from . import bp, queries
from .access import can_act, can_credit, can_read, can_record
from .forms import AttachmentForm, CategoryForm, FeedbackForm, TransitionForm, uploaded_files
from .services import attach_files, ensure_default_categories, record_feedback, save_category, transition
from .visibility import FeedbackFilters, can_see_content, feedback_select, present, present_many
from .workflow import allowed_targets


def _log_shown(items, views, where: str) -> None:
    """Log the reads of restricted items whose content these views show (a restricted item shown blanked is not
    read)."""
    shown = [item for item, view in zip(items, views) if view.restricted and not view.hidden]
    if shown:
        with keeping_loaded():  # the page is drawn: what it read need not be read again
            run_service(None, log_restricted_reads, shown, where)


def _filter_context(filters: FeedbackFilters) -> dict:
    return {"filters": filters, "statuses": list(FeedbackStatus), "categories": queries.category_choices(False),
            "units": queries.unit_choices(current_user), "groups": queries.group_choices(blank=False)}


@bp.get("/")
@requires()
def index():
    filters = FeedbackFilters.from_args(request.args)
    page = paginate(feedback_select(current_user, filters), counted=True)
    rows = present_many(current_user, page.items)
    # the filters' choices only for the whole page: a filter change swaps the rows alone
    filter_context = {} if wants_fragment() else _filter_context(filters)
    response = render("feedback/index.html", "feedback/_rows.html", page=page, rows=rows,
                      can_record=can_record(current_user, None), **filter_context)
    # logged once the page is drawn, before it is sent: the commit would expire what the drawing reads
    _log_shown(page.items, rows, "xem danh sách phản ánh")
    return response


@bp.get("/export.xlsx")
@requires()
def export():
    filters = FeedbackFilters.from_args(request.args)
    items = db.session.scalars(feedback_select(current_user, filters)).all()
    columns = [Column(_("Số"), 11), Column(_("Ngày tiếp nhận"), 13), Column(_("Lĩnh vực"), 22),
               Column(_("Đơn vị"), 28), Column(_("Nội dung"), 60), Column(_("Trạng thái"), 14),
               Column(_("Hạn trả lời"), 13), Column(_("Quá hạn"), 9), Column(_("Chuyển đến"), 24),
               Column(_("Trả lời"), 40), Column(_("Số ngày xử lý"), 10)]
    views = present_many(current_user, items)
    rows = [[v.number, v.received_on, v.category_name, v.unit_name,
             _("(Nội dung hạn chế)") if v.hidden else v.content, label(v.status), v.due_on,
             _("Có") if v.overdue else "", v.forwarded_to or "", v.answer or "", v.elapsed_days]
            for v in views]
    _log_shown(items, views, "xuất Excel sổ phản ánh")
    return xlsx_response("so-theo-doi-phan-anh.xlsx", _("SỔ THEO DÕI PHẢN ÁNH, KIẾN NGHỊ"), columns, rows)


def _fill_feedback_choices(form: FeedbackForm) -> None:
    form.category_id.choices = queries.category_choices()
    form.unit_id.choices = queries.recordable_unit_choices(current_user)
    form.group_id.choices = queries.recordable_group_choices(current_user)
    form.source_person_id.choices = queries.creditable_person_choices(current_user)


@bp.route("/new", methods=["GET", "POST"])
@requires(Role.ADMIN, Role.UNIT_OFFICER, Role.GROUP_HEAD, Role.MEMBER)
def create():
    form = FeedbackForm()
    if request.method == "GET" and current_user.person_id:
        form.source_person_id.data = current_user.person_id
    _fill_feedback_choices(form)
    if form.validate_on_submit():
        unit = db.get_or_404(Unit, form.unit_id.data)
        group = db.session.get(WorkingGroup, form.group_id.data) if form.group_id.data else None
        ensure(can_record(current_user, unit) and can_credit(current_user, form.source_person_id.data)
               and group_in_scope(current_user, group))
        item = run_service(
            form, record_feedback, current_user, received_on=form.received_on.data,
            category=db.get_or_404(FeedbackCategory, form.category_id.data),
            unit=unit, content=form.content.data.strip(), citizen_ref=(form.citizen_ref.data or "").strip(),
            group=group,
            source_person=db.session.get(Person, form.source_person_id.data) if form.source_person_id.data else None,
            files=uploaded_files(form.files))
        if item:
            flash(_("Đã ghi nhận phản ánh %(number)s.", number=item.number))
            return redirect(url_for("feedback.detail", item_id=item.id))
    status = 422 if request.method == "POST" else 200
    return render("feedback/form.html", form=form, http_status=status)


def _readable_item(item_id: int) -> FeedbackItem:
    item = db.get_or_404(FeedbackItem, item_id)
    ensure(can_read(current_user, item))
    return item


def _transition_form(item: FeedbackItem) -> TransitionForm:
    form = TransitionForm()
    form.target.choices = enum_choices(FeedbackStatus, members=allowed_targets(item.status))
    form.forwarded_group_id.choices = queries.group_choices()
    form.handler_id.choices = queries.user_choices()
    return form


def _detail(item: FeedbackItem, form: TransitionForm | None = None, attach_form: AttachmentForm | None = None,
            status: int = 200):
    acting = can_act(current_user, item)
    return render("feedback/detail.html", "feedback/_detail.html", http_status=status,
                  view=present(current_user, item, with_history=True), can_act=acting,
                  form=form or (_transition_form(item) if acting else None),
                  attach_form=attach_form or (AttachmentForm() if acting else None))


@bp.get("/<int:item_id>")
@requires()
def detail(item_id: int):
    item = _readable_item(item_id)
    if item.category.restricted and can_see_content(current_user, item):
        run_service(None, log_restricted_reads, [item], "xem phản ánh")
    return _detail(item)


def _parse_target(form: TransitionForm) -> FeedbackStatus | None:
    try:
        return FeedbackStatus(form.target.data)
    except ValueError:
        form.target.errors = [_("Bước xử lý không hợp lệ.")]
        return None


@bp.post("/<int:item_id>/transition")
@requires(Role.ADMIN, Role.UNIT_OFFICER, Role.GROUP_HEAD, Role.MEMBER)
def change_status(item_id: int):
    item = _readable_item(item_id)
    ensure(can_act(current_user, item))
    form = _transition_form(item)
    target = _parse_target(form) if form.validate_on_submit() else None
    moved = target is not None and run_service(
        form,
        transition,
        item,
        current_user,
        target,
        note=form.note.data,
        forwarded_to=(form.forwarded_to.data or "").strip(),
        forwarded_group=db.session.get(WorkingGroup, form.forwarded_group_id.data)
        if form.forwarded_group_id.data
        else None,
        handler=db.session.get(User, form.handler_id.data) if form.handler_id.data else None,
    )
    if not moved:
        return _detail(item, form, status=422)
    flash(_("Đã chuyển phản ánh %(number)s sang “%(status)s”.", number=item.number, status=label(target)))
    return redirect(url_for("feedback.detail", item_id=item.id))


@bp.post("/<int:item_id>/attachments")
@requires(Role.ADMIN, Role.UNIT_OFFICER, Role.GROUP_HEAD, Role.MEMBER)
def add_attachments(item_id: int):
    item = _readable_item(item_id)
    ensure(can_act(current_user, item))
    attach_form = AttachmentForm()
    if not attach_form.validate_on_submit():
        return _detail(item, attach_form=attach_form, status=422)
    count = run_service(attach_form, attach_files, item, current_user, uploaded_files(attach_form.files))
    if count is REFUSED:
        return _detail(item, attach_form=attach_form, status=422)
    flash(ngettext("Đã thêm %(num)s tệp đính kèm.", "Đã thêm %(num)s tệp đính kèm.", count))
    return redirect(url_for("feedback.detail", item_id=item.id))


@bp.get("/attachments/<int:attachment_id>")
@requires()
def download(attachment_id: int):
    from .uploads import send_attachment

    attachment = db.get_or_404(Attachment, attachment_id)
    if attachment.feedback_item is None:
        abort(404)
    item = _readable_item(attachment.feedback_item_id)
    ensure(can_see_content(current_user, item))
    if item.category.restricted:
        run_service(None, log_restricted_reads, [item], "tải tệp đính kèm")
    return send_attachment(attachment)


@bp.get("/categories")
@requires(Role.ADMIN)
def categories():
    return render("feedback/categories.html", categories=queries.all_categories())


@bp.post("/categories/defaults")
@requires(Role.ADMIN)
def category_defaults():
    ensure(is_town_admin(current_user))
    added = run_service(None, ensure_default_categories)
    flash(_("Đã thêm %(count)s lĩnh vực mặc định.", count=added))
    return redirect(url_for("feedback.categories"))


@bp.route("/categories/new", methods=["GET", "POST"], defaults={"category_id": None})
@bp.route("/categories/<int:category_id>/edit", methods=["GET", "POST"])
@requires(Role.ADMIN)
def edit_category(category_id: int | None):
    # Categories are town-wide: un-restricting one opens every ward's complaints, so only the town office may.
    ensure(is_town_admin(current_user))
    category = db.get_or_404(FeedbackCategory, category_id) if category_id else None
    form = CategoryForm(obj=category)
    if form.validate_on_submit():
        name = form.name.data.strip()
        if run_service(form, save_category, category, name=name, restricted=form.restricted.data,
                       sla_days=form.sla_days.data, active=form.active.data):
            flash(_("Đã lưu lĩnh vực “%(name)s”.", name=name))
            return redirect(url_for("feedback.categories"))
    status = 422 if request.method == "POST" else 200
    return render("feedback/category_form.html", form=form, category=category, http_status=status)
