"""Rescue controls of the preview (the officer corrects what detection got wrong) and the saved templates."""
from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from importers.kinds import spec_module

from ..extensions import db
from ..models import ImportBatch, ImportMapping, ImportTemplate, Role
from ..permissions import ensure, requires, scope_path
from ..rendering import hx_redirect, render, wants_fragment
from . import access, bp, layouts, queries, services
from .views import _draft, _reanalyse, _work


@bp.post("/<int:batch_id>/layout")
@requires(Role.ADMIN, Role.UNIT_OFFICER)
def layout(batch_id):
    """Apply the officer's corrections (sheets, header rows, joins, context rows, legend, year and the whole-column
    and whole-sheet ones) and read again; every correction posted is kept, none resets another."""
    batch = _draft(batch_id)
    summary = batch.summary or {}
    names = [s["name"] for s in summary.get("sheets", [])]
    letters = [c["letter"] for c in summary.get("columns", [])]
    fields = [spec.name for spec in spec_module(batch.kind).FIELDS] if batch.kind else []
    chosen, problems = layouts.layout_from_form(request.form, names, letters, fields)
    if problems:
        return _work(batch_id, 422, layout_errors=problems)
    services.configure(batch_id, layout=chosen)  # the mapping and cell fixes stay (a misfit is dropped with a notice)
    response = _reanalyse(db.session.get(ImportBatch, batch_id))
    status = response[1] if isinstance(response, tuple) else response.status_code
    if wants_fragment() or status != 200:
        return response  # htmx swaps the work area in; errors are shown with their status
    return redirect(url_for("imports.preview", batch_id=batch_id))


@bp.post("/<int:batch_id>/save-template")
@requires(Role.ADMIN, Role.UNIT_OFFICER)
def save_template(batch_id):
    """Remember the batch's corrections for files of the same layout of the officer's unit ("Lưu mẫu")."""
    batch = _draft(batch_id)
    if layouts.save_template(batch, scope_path(current_user), current_user.id):
        flash(_("Đã lưu mẫu: lần sau tệp cùng bố cục sẽ được đọc theo các sửa đổi này."), "success")
    else:
        flash(_("Chưa có sửa đổi nào để lưu thành mẫu."), "error")
    return hx_redirect(url_for("imports.preview", batch_id=batch_id))


@bp.get("/templates")
@requires(Role.ADMIN, Role.UNIT_OFFICER)
def templates():
    """The saved templates of the units in the officer's scope."""
    return render("imports/templates.html", templates=layouts.visible_templates(scope_path(current_user)),
                  mappings=queries.visible_mappings(current_user))


@bp.post("/templates/<int:template_id>/delete")
@requires(Role.ADMIN, Role.UNIT_OFFICER)
def delete_template(template_id):
    """Forget a saved template of a unit in scope."""
    template = db.session.get(ImportTemplate, template_id) or abort(404)
    ensure(layouts.template_in_scope(template, scope_path(current_user)))
    layouts.delete_template(template_id)
    flash(_("Đã xóa mẫu."), "success")
    return hx_redirect(url_for("imports.templates"))


@bp.post("/templates/mappings/<int:mapping_id>/delete")
@requires(Role.ADMIN, Role.UNIT_OFFICER)
def delete_mapping(mapping_id):
    """Forget a remembered column mapping: files with its header are read by their column names again."""
    mapping = db.session.get(ImportMapping, mapping_id) or abort(404)
    ensure(access.can_manage_mapping(current_user, mapping))
    services.delete_mapping(mapping_id)
    flash(_("Đã xóa cách ghép cột đã lưu."), "success")
    return hx_redirect(url_for("imports.templates"))
