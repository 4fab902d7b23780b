"""Task pages: list with filters and export, create, detail with status and progress notes, my work."""

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..clock import local_today
from ..exports import Column, xlsx_response
from ..extensions import db
from ..feedback import queries as choices
from ..formfields import bounded_int, enum_choices
from ..models import ConclusionPoint, Person, Role, Task, TaskStatus, Unit, WorkingGroup
from ..pagination import paginate
from ..permissions import ensure, requires
from ..rendering import render
from ..services import run_service
from ..template_helpers import label
from ..unit_labels import unit_label
from . import bp
from .access import can_create_tasks, can_manage_task, can_read_task
from .forms import NoteForm, StatusForm, TaskForm
from .queries import TaskFilters, is_task_overdue, my_work, task_select, task_text
from .services import add_note, create_task, set_status
from .sources import SOURCE_LABELS, source_description, source_in_scope, source_url, source_url_for


@bp.get("/")
@requires()
def index():
    filters = TaskFilters.from_args(request.args)
    page = paginate(task_select(current_user, filters), counted=True)
    return render("tasks/index.html", "tasks/_rows.html", page=page, filters=filters, statuses=list(TaskStatus),
                  texts={t.id: task_text(current_user, t) for t in page.items},
                  overdue=is_task_overdue, page_today=local_today(), can_create=can_create_tasks(current_user))


@bp.get("/export.xlsx")
@requires()
def export():
    tasks = db.session.scalars(task_select(current_user, TaskFilters.from_args(request.args))).all()
    columns = [Column(_("Số"), 10), Column(_("Nhiệm vụ"), 50), Column(_("Đơn vị thực hiện"), 30),
               Column(_("Thời hạn"), 13), Column(_("Trạng thái"), 16), Column(_("Quá hạn"), 9),
               Column(_("Ngày hoàn thành"), 14)]
    rows = [[f"NV-{t.id:05d}", task_text(current_user, t).title, unit_label(t.owner_unit) if t.owner_unit
             else t.owner_name, t.deadline, label(t.status),
             _("Có") if is_task_overdue(t.status, t.deadline, local_today()) else "", t.completed_on] for t in tasks]
    return xlsx_response("nhiem-vu.xlsx", _("DANH SÁCH NHIỆM VỤ"), columns, rows)


def _fill_choices(form: TaskForm) -> None:
    form.owner_group_id.choices = choices.recordable_group_choices(current_user)
    form.owner_person_id.choices = choices.person_choices()
    form.owner_unit_id.choices = [(0, "—")] + choices.unit_choices(current_user)


def _linked_source() -> tuple[str, int | None] | None:
    """The source named by the link the task is made from (a conclusion point, an opinion, a feedback item, a
    visit): it is fixed for the whole creation, shown and never taken from the posted form."""
    kind = request.args.get("source_kind")
    if kind not in SOURCE_LABELS:
        return None
    return kind, request.args.get("source_id", type=bounded_int)


def _prefill(form: TaskForm, source: tuple[str, int | None]) -> None:
    kind, source_id = source
    form.title.data = request.args.get("title", "")[:300]
    point = db.session.get(ConclusionPoint, source_id or 0) if kind == "conclusion_point" else None
    if point and point.deadline:
        form.deadline.data = point.deadline


@bp.route("/new", methods=["GET", "POST"])
@requires(Role.ADMIN, Role.GROUP_HEAD, Role.UNIT_OFFICER)
def create():
    form = TaskForm()
    _fill_choices(form)
    source = _linked_source()
    if source:
        form.source_kind.data, form.source_id.data = source
        if request.method == "GET":
            _prefill(form, source)
    if form.validate_on_submit():
        ids = form.owner_ids()

        def assign() -> Task:
            task = create_task(
                current_user, title=form.title.data.strip(), description=form.description.data,
                deadline=form.deadline.data,
                owner_group=db.session.get(WorkingGroup, ids["group"]) if ids["group"] else None,
                owner_person=db.session.get(Person, ids["person"]) if ids["person"] else None,
                owner_unit=db.session.get(Unit, ids["unit"]) if ids["unit"] else None,
                source_kind=form.source_kind.data or None, source_id=form.source_id.data)
            # a 403 here leaves the transaction uncommitted
            ensure(can_manage_task(current_user, task) and source_in_scope(current_user, task.source_kind,
                                                                             task.source_id))
            return task

        task = run_service(form, assign)
        if task:
            flash(_("Đã giao nhiệm vụ NV-%(id)05d.", id=task.id))
            return redirect(url_for("tasks.detail", task_id=task.id))
    return render("tasks/form.html", form=form, http_status=422 if request.method == "POST" else 200,
                  source=source, source_text=source and source_description(*source),
                  source_link=source and source_url_for(*source))


def _task(task_id: int) -> Task:
    task = db.get_or_404(Task, task_id)
    ensure(can_read_task(current_user, task))
    return task


def _detail(task: Task, note_form: NoteForm | None = None, status: int = 200):
    status_form = StatusForm(status=task.status.value)
    status_form.status.choices = enum_choices(TaskStatus)
    return render("tasks/detail.html", "tasks/_detail.html", http_status=status, task=task,
                  text=task_text(current_user, task),
                  overdue=is_task_overdue(task.status, task.deadline, local_today()),
                  can_manage=can_manage_task(current_user, task), status_form=status_form,
                  note_form=note_form or NoteForm(), source_text=source_description(task.source_kind, task.source_id),
                  source_link=source_url(task))


@bp.get("/<int:task_id>")
@requires()
def detail(task_id: int):
    return _detail(_task(task_id))


@bp.post("/<int:task_id>/status")
@requires()
def change_status(task_id: int):
    task = _task(task_id)
    ensure(can_manage_task(current_user, task))
    value = request.form.get("status")
    if value not in {s.value for s in TaskStatus}:
        flash(_("Trạng thái không hợp lệ."), "error")
        return _detail(task, status=422)
    if not run_service(None, set_status, task, TaskStatus(value)):
        return _detail(task, status=422)
    flash(_("Đã cập nhật trạng thái: %(status)s.", status=label(task.status)))
    return redirect(url_for("tasks.detail", task_id=task.id))


@bp.post("/<int:task_id>/notes")
@requires()
def add_progress(task_id: int):
    task = _task(task_id)
    ensure(can_manage_task(current_user, task))
    form = NoteForm()
    if not form.validate_on_submit():
        return _detail(task, note_form=form, status=422)
    if not run_service(form, add_note, task, current_user, form.text.data.strip(), form.noted_on.data):
        return _detail(task, note_form=form, status=422)
    flash(_("Đã ghi tiến độ."))
    return redirect(url_for("tasks.detail", task_id=task.id))


@bp.get("/mine")
@requires()
def mine():
    return render("tasks/mine.html", items=my_work(current_user))
