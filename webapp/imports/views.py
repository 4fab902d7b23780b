"""Import pages: thin views over `services` (state changes) and `queries` (reads)."""

from flask import Response, abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

import importers
from importers.kinds import spec_module

from ..clock import local_today
from ..extensions import db
from ..formfields import bounded_int
from ..models import BatchStatus, ImportBatch, ImportJob, JobStatus, Role
from ..permissions import ensure, requires, scope_path
from ..rendering import hx_redirect, render
from . import access, bp, dry_run, files, jobs, queries, services, values, workbooks
from .commit import ImportRefused, Options
from .forms import CellForm, OptionsForm, SettingsForm, UndoForm, UploadForm
from .labels import committed_message
from .undo import edited_since, undo_batch

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RECEIPT_PAGE = 200
RECORDS_PAGE = 24  # a 120-record register: five pages, each within two screens at 1366 x 768
TEMPLATE_NAMES = {"roster": "mau-danh-sach-doan.xlsx", "attendance": "mau-diem-danh.xlsx",
                  "targets": "mau-chi-tieu.xlsx"}


def _batch(batch_id: int) -> ImportBatch:
    batch = db.session.get(ImportBatch, batch_id) or abort(404)
    ensure(access.can_access(current_user, batch))
    return batch


def _draft(batch_id: int) -> ImportBatch:
    batch = _batch(batch_id)
    if batch.status != BatchStatus.DRAFT:
        abort(409)
    return batch


OFFICER_KINDS = ("attendance", "targets")


def _allowed(choices) -> list:
    """Kind choices the user may pick: unit officers import their own units' records (attendance, targets),
    never rosters, and choose the kind themselves (detection could land on a roster)."""
    if current_user.role != Role.UNIT_OFFICER:
        return list(choices)
    return [c for c in choices if c.value in OFFICER_KINDS]


def _options_form(batch: ImportBatch, formdata=None) -> OptionsForm:
    options = Options.from_dict(batch.options)
    form = OptionsForm(formdata=formdata, data={**options.as_dict(), "start_date": options.start_date,
                                                "unit_parent_id": options.unit_parent_id or 0,
                                                "default_unit_id": options.default_unit_id or 0})
    choices = queries.unit_choices(current_user)
    if batch.kind == "targets":  # the same option dates the actual values of rows without a date
        form.start_date.label.text = _("Ngày cập nhật cho các dòng không ghi ngày")
    form.unit_parent_id.choices = choices
    form.default_unit_id.choices = choices
    return form


def _work_context(batch: ImportBatch, **extra) -> dict:
    summary = batch.summary or {}
    settings = SettingsForm(data={"kind": batch.kind, "sheet": batch.sheet or ""})
    settings.sheet.choices = [SelectChoice(s["name"], s["name"] + ("" if s["visible"] else " " + _("(ẩn)")))
                              for s in summary.get("sheets", [])]
    settings.kind.choices = _allowed(settings.kind.choices)
    fields = spec_module(batch.kind).FIELDS if batch.kind else ()
    return {"batch": batch, "summary": summary, "settings": settings, "fields": fields, **_records_page(summary),
            "options_form": extra.pop("options_form", None) or _options_form(batch),
            "cell_form": CellForm(), "mapping_errors": extra.pop("mapping_errors", []),
            "values": values.table(batch, scope_path(current_user)), **extra}


def _records_page(summary: dict) -> dict:
    """One page of the records the commit will write (`?page=`), problems first."""
    plan = summary.get("plan") or {}
    records = plan.get("records") or []
    pages = max((len(records) + RECORDS_PAGE - 1) // RECORDS_PAGE, 1)
    page = min(max(request.args.get("page", 1, type=bounded_int), 1), pages)
    return {"plan": plan, "records": records[(page - 1) * RECORDS_PAGE: page * RECORDS_PAGE], "page": page,
            "pages": pages}


def _work(batch_id: int, http_status: int = 200, **extra):
    batch = db.session.get(ImportBatch, batch_id)
    return render(
        "imports/preview.html", "imports/_work.html", http_status=http_status, **_work_context(batch, **extra)
    )


def _run(batch: ImportBatch, action: str) -> int | None:
    """Analyse or commit a batch: a big file as a background job (its id returned), a small one here and now (None
    returned; raises what the work raises). The one place the import views choose foreground or background."""
    scope = scope_path(current_user)
    if jobs.runs_in_background(batch.size_bytes):
        job_id = jobs.start(batch.id, action, current_user.id, scope)
        if job_id is None:
            raise services.BatchBusy(services.refusal(batch.id))
        return job_id
    if action == "commit":
        jobs.commit_here(batch.id, current_user.id, scope)
    else:
        dry_run.analyse(batch.id, scope)
    return None


def _reanalyse(batch: ImportBatch, http_status: int = 200, **extra):
    """Analyse again (in the background for big files) and show the work area."""
    try:
        job_id = _run(batch, "analyse")
    except importers.ImportFileError as exc:
        return _work(batch.id, 422, file_error=exc.message, **extra)
    if job_id is not None:
        return _work(batch.id, job=db.session.get(ImportJob, job_id), **extra)
    return _work(batch.id, http_status, **extra)


@bp.route("/", methods=["GET", "POST"])
@requires(Role.ADMIN, Role.UNIT_OFFICER)
def index():
    """Upload form, jobs in progress and recent batches."""
    form = UploadForm(kind=request.args.get("kind", ""))  # the unit page's link preselects a kind
    form.kind.choices = _allowed(form.kind.choices)
    if form.validate_on_submit():
        upload = form.file.data
        kind = form.kind.data or (OFFICER_KINDS[0] if current_user.role == Role.UNIT_OFFICER else None)
        batch_id = services.create_batch(upload.stream, upload.filename or "tep-nhap", current_user.id, kind=kind)
        try:
            _run(db.session.get(ImportBatch, batch_id), "analyse")
        except importers.ImportFileError as exc:
            if db.session.get(ImportBatch, batch_id).summary is None:  # not even readable: nothing to correct
                services.cancel_batch(batch_id)
                form.file.errors.append(exc.message)
            else:  # readable but not placed: the preview opens with the correction form
                return redirect(url_for("imports.preview", batch_id=batch_id))
        else:
            return redirect(url_for("imports.preview", batch_id=batch_id))
    status = 422 if form.errors else 200
    return render("imports/index.html", http_status=status, form=form,
                  batches=queries.visible_batches(current_user), active_jobs=queries.active_jobs(current_user))


@bp.get("/template/<kind>.xlsx")
@requires(Role.ADMIN, Role.UNIT_OFFICER)
def template(kind):
    """A blank file of the kind, with the header row and an example row."""
    if kind not in workbooks.TEMPLATES:
        abort(404)
    return Response(workbooks.blank_template(kind), mimetype=XLSX,
                    headers={"Content-Disposition": f"attachment; filename={TEMPLATE_NAMES[kind]}"})


@bp.get("/<int:batch_id>")
@requires(Role.ADMIN, Role.UNIT_OFFICER)
def preview(batch_id):
    """The work area of a draft batch (or its receipt once committed)."""
    batch = _batch(batch_id)
    if batch.status not in (BatchStatus.DRAFT, BatchStatus.COMMITTING):
        return redirect(url_for("imports.receipt", batch_id=batch_id))
    jobs.expire_stale()  # a job whose worker died is failed here, and its batch is free again
    batch = db.session.get(ImportBatch, batch_id)
    job = queries.latest_job(batch_id)
    running = job if job and job.status in (JobStatus.QUEUED, JobStatus.RUNNING) else None
    busy = _(services.BUSY[batch.status.value]) if batch.status == BatchStatus.COMMITTING else None
    return render("imports/preview.html", "imports/_records.html", **_work_context(
        batch, job=running, file_error=busy, job_error=_job_error(batch, job)))


def _job_error(batch: ImportBatch, job: ImportJob | None) -> str | None:
    """Why the last background job failed (a small file's own commit showed its reason when it was posted)."""
    if not job or job.status != JobStatus.FAILED or not job.message:
        return None
    return _(job.message) if job.message == jobs.LOST or jobs.runs_in_background(batch.size_bytes) else None


@bp.post("/<int:batch_id>/settings")
@requires(Role.ADMIN, Role.UNIT_OFFICER)
def settings(batch_id):
    """Choose another sheet or kind; the mapping is detected again."""
    batch = _draft(batch_id)
    form = SettingsForm()
    form.kind.choices = _allowed(form.kind.choices)
    if not form.validate_on_submit():
        return _work(batch_id, 422)
    names = [s["name"] for s in (batch.summary or {}).get("sheets", [])]
    sheet = form.sheet.data if form.sheet.data in names else batch.sheet
    services.configure(batch_id, kind=form.kind.data, sheet=sheet, mapping=None, overrides={}, layout=None)
    return _reanalyse(db.session.get(ImportBatch, batch_id))


def _mapping_from_form(batch: ImportBatch) -> tuple[dict, list[str]]:
    """Field -> column letter from the per-column selects, with the problems found."""
    module = spec_module(batch.kind)
    fields = {spec.name: spec for spec in module.FIELDS}
    chosen, problems = {}, []
    for column in (batch.summary or {}).get("columns", []):
        value = request.form.get(f"col_{column['index']}", "")
        if not value or (column["field"] or "").startswith(("month_", "date_")):
            continue
        if value not in fields:
            problems.append(_("Trường không hợp lệ ở cột %(col)s.", col=column["letter"]))
        elif value in chosen:
            problems.append(_("Trường \"%(field)s\" được chọn cho nhiều cột (%(a)s, %(b)s).",
                              field=fields[value].label, a=chosen[value], b=column["letter"]))
        else:
            chosen[value] = column["letter"]
    if module.ROWS.key not in chosen:
        problems.append(_("Cần chọn cột \"%(field)s\".", field=fields[module.ROWS.key].label))
    return {name: chosen.get(name) for name in fields}, problems


@bp.post("/<int:batch_id>/mapping")
@requires(Role.ADMIN, Role.UNIT_OFFICER)
def mapping(batch_id):
    """Confirm or change which field each column holds; the preview is validated again."""
    batch = _draft(batch_id)
    chosen, problems = _mapping_from_form(batch)
    if problems:
        return _work(batch_id, 422, mapping_errors=problems)
    services.configure(batch_id, mapping=chosen)
    notice = None
    if request.form.get("remember"):  # remembered for files of this header only when the officer asks
        services.remember_mapping(batch.kind, batch.signature, chosen, current_user.id)
        db.session.commit()
        notice = _("Đã lưu cách ghép cột cho các tệp có cùng dòng tiêu đề (xem hoặc xóa ở trang Mẫu đã lưu).")
    return _reanalyse(db.session.get(ImportBatch, batch_id), notice=notice)


@bp.post("/<int:batch_id>/cell")
@requires(Role.ADMIN, Role.UNIT_OFFICER)
def cell(batch_id):
    """Fix one cell of the file (kept with the batch) and validate again."""
    _draft(batch_id)
    form = CellForm()
    if not form.validate_on_submit():
        return _work(batch_id, 422, mapping_errors=[_("Ô cần sửa không hợp lệ.")])
    services.set_cell(batch_id, form.ref.data, form.value.data.strip())
    return _reanalyse(db.session.get(ImportBatch, batch_id), raw_open=True)  # the officer is at the cells


def _refused(batch_id: int, message: str):
    """Back to the batch page with the reason (a second click on Nhập, another tab, or a finished batch)."""
    flash(_(message), "error")
    return hx_redirect(url_for("imports.preview", batch_id=batch_id))


@bp.post("/<int:batch_id>/commit")
@requires(Role.ADMIN, Role.UNIT_OFFICER)
def commit(batch_id):
    """Save the options, then check again or write the batch exactly once, in one transaction."""
    batch = _batch(batch_id)
    if batch.status != BatchStatus.DRAFT:
        return _refused(batch_id, services.refusal(batch_id))
    form = _options_form(batch, request.form)
    valid = form.validate_on_submit()
    if valid and form.create_units.data and not form.unit_parent_id.data:
        form.unit_parent_id.errors = [_("Chọn đơn vị cấp trên cho các đơn vị sẽ tạo.")]
        valid = False
    if not valid:
        return _work(batch_id, 422, options_form=form)
    options = Options(start_date=form.start_date.data or local_today(), create_units=form.create_units.data,
                      unit_parent_id=form.unit_parent_id.data or None, create_persons=form.create_persons.data,
                      default_unit_id=form.default_unit_id.data or None)
    if not services.configure(batch_id, options=options.as_dict()):
        return _refused(batch_id, services.refusal(batch_id))
    batch = db.session.get(ImportBatch, batch_id)
    if request.form.get("action") != "commit":
        return _reanalyse(batch)
    try:
        job_id = _run(batch, "commit")
    except importers.ImportFileError as exc:
        return _work(batch_id, 422, file_error=exc.message)
    except services.BatchBusy as exc:  # before ImportRefused, its base
        return _refused(batch_id, exc.message)
    except ImportRefused as exc:
        return _work(batch_id, 409, file_error=exc.message)
    if job_id is not None:
        return hx_redirect(url_for("imports.preview", batch_id=batch_id))
    flash(*committed_message(db.session.get(ImportBatch, batch_id).counts))
    return hx_redirect(url_for("imports.receipt", batch_id=batch_id))


@bp.post("/<int:batch_id>/analyse")
@requires(Role.ADMIN, Role.UNIT_OFFICER)
def analyse(batch_id):
    """Check the file again (after a check that stopped half-way)."""
    return _reanalyse(_draft(batch_id))


@bp.post("/<int:batch_id>/cancel")
@requires(Role.ADMIN, Role.UNIT_OFFICER)
def cancel(batch_id):
    """Abandon a draft batch."""
    _draft(batch_id)
    if not services.cancel_batch(batch_id):
        return _refused(batch_id, services.refusal(batch_id))
    flash(_("Đã hủy lượt nhập."), "success")
    return hx_redirect(url_for("imports.index"))


@bp.get("/jobs/<int:job_id>")
@requires(Role.ADMIN, Role.UNIT_OFFICER)
def job(job_id):
    """Progress of a background job (polled every second); sends the browser on when it ends."""
    item = db.session.get(ImportJob, job_id) or abort(404)
    ensure(access.can_access(current_user, item.batch))
    if item.status == JobStatus.DONE:
        target = "imports.receipt" if item.action == "commit" else "imports.preview"
        return hx_redirect(url_for(target, batch_id=item.batch_id))
    if item.status == JobStatus.QUEUED:
        jobs.nudge()
    if item.status == JobStatus.RUNNING and jobs.expire_stale():
        db.session.refresh(item)
    if item.status == JobStatus.FAILED:  # the work area comes back with the reason and a way to retry or cancel
        return hx_redirect(url_for("imports.preview", batch_id=item.batch_id))
    return render("imports/_job.html", "imports/_job.html", job=item)


@bp.get("/<int:batch_id>/receipt")
@requires(Role.ADMIN, Role.UNIT_OFFICER)
def receipt(batch_id):
    """What a batch did, row by row, and how to undo it."""
    batch = _batch(batch_id)
    if batch.status in (BatchStatus.DRAFT, BatchStatus.COMMITTING):
        return redirect(url_for("imports.preview", batch_id=batch_id))
    outcome = request.args.get("outcome") or None
    rows = [r for r in batch.row_results or [] if outcome is None or r["outcome"] == outcome]
    page = max(request.args.get("page", 1, type=bounded_int), 1)
    shown = rows[(page - 1) * RECEIPT_PAGE: page * RECEIPT_PAGE]
    return render("imports/receipt.html", batch=batch, rows=shown, total=len(rows), page=page,
                  pages=max((len(rows) + RECEIPT_PAGE - 1) // RECEIPT_PAGE, 1), outcome=outcome,
                  members=queries.batch_members(batch_id) if batch.kind == "roster" else [],
                  indicators=queries.batch_indicators(batch_id) if batch.kind == "targets" else [],
                  undo_form=UndoForm(), edited=edited_since(batch) if batch.committed_at
                  and batch.status == BatchStatus.COMMITTED else [])


@bp.get("/<int:batch_id>/failed.xlsx")
@requires(Role.ADMIN, Role.UNIT_OFFICER)
def failed_rows(batch_id):
    """The failed rows as an .xlsx to fix and import again (formulas neutralised)."""
    batch = _batch(batch_id)
    rows = batch.row_results or []
    try:
        grid = files.grid(batch.sha256, batch.sheet, batch.file_name)
    except importers.ImportFileError:
        abort(404)
    data = workbooks.failed_rows(grid, batch.header_row or 1, rows)
    return Response(data, mimetype=XLSX,
                    headers={"Content-Disposition": f"attachment; filename=dong-loi-{batch.id}.xlsx"})


@bp.post("/<int:batch_id>/undo")
@requires(Role.ADMIN, Role.UNIT_OFFICER)
def undo(batch_id):
    """Revert a committed batch (refused when others depend on it; confirmation when rows were edited)."""
    batch = _batch(batch_id)
    form = UndoForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        undo_batch(batch.id, current_user.id, force=form.force.data)
    except ImportRefused as exc:
        flash(_(exc.message), "error")
        return hx_redirect(url_for("imports.receipt", batch_id=batch_id))
    flash(_("Đã hoàn tác lượt nhập."), "success")
    return hx_redirect(url_for("imports.receipt", batch_id=batch_id))
