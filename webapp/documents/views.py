"""Views of the documents area."""
from flask import abort, flash, redirect, send_from_directory, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..clock import local_today
from ..extensions import db
from ..groups.queries import terms
from ..models import Document, Role, Term
from ..pagination import paginate
from ..permissions import READ_DIRECTORY, ensure, requires
from ..rendering import render
from ..services import REFUSED, run_service
from ..template_helpers import vn_date
from ..uploads import upload_folder
from . import bp, services
from .access import can_manage_documents
from .forms import CellRulesForm, CommentForm, DocumentForm
from .rules import CELL_RULE_DEFAULTS, in_force


@bp.get("/")
@requires(*READ_DIRECTORY)
def index():
    """List documents, newest first."""
    page = paginate(select(Document).options(joinedload(Document.term))
                    .order_by(Document.issued_on.desc().nulls_last(), Document.id.desc()))
    return render("documents/index.html", "documents/_rows.html", page=page,
                  can_upload=can_manage_documents(current_user))


@bp.route("/new", methods=["GET", "POST"])
@requires(Role.ADMIN)
def upload():
    """Upload a document file with its number, title, date and term."""
    ensure(can_manage_documents(current_user))
    form = DocumentForm()
    form.term_id.choices = [("", _("— Không gắn nhiệm kỳ —"))] + [(t.id, t.name) for t in terms()]
    form.related_id.choices = [("", "—")] + [(d.id, f"{d.number or ''} {d.title}".strip()) for d in db.session.scalars(
        select(Document).where(Document.status == "issued").order_by(Document.issued_on.desc().nulls_last()))]
    if form.validate_on_submit():
        term = db.session.get(Term, form.term_id.data) if form.term_id.data else None
        related = db.session.get(Document, form.related_id.data) if form.related_id.data else None
        if run_service(form, services.add_document, form.title.data, form.file.data, current_user.id,
                       number=form.number.data, issued_on=form.issued_on.data, term=term, summary=form.summary.data,
                       draft=form.draft.data, relation=form.relation.data or None, related=related,
                       effective_from=form.effective_from.data, attendance_times=form.attendance_times.data,
                       attendance_months=int(form.attendance_months.data)
                       if form.attendance_months.data in ("1", "3", "6", "12") else 3) is not REFUSED:
            return redirect(url_for("documents.index"))
    return render("documents/form.html", form=form, http_status=422 if form.errors else 200)


@bp.get("/<int:document_id>/download")
@requires(*READ_DIRECTORY)
def download(document_id: int):
    """Send the stored file under its original name."""
    document = db.session.get(Document, document_id)
    if document is None or not document.stored_name:
        abort(404)
    return send_from_directory(upload_folder(), document.stored_name, as_attachment=True,
                               download_name=document.file_name, mimetype=document.content_type)


def _document(document_id: int) -> Document:
    return db.session.get(Document, document_id) or abort(404)


def _detail(document: Document, form: CommentForm | None = None, status: int = 200,
            rules_form: CellRulesForm | None = None):
    today = local_today()
    can_manage = can_manage_documents(current_user)
    if rules_form is None and can_manage:
        rules_form = (CellRulesForm(obj=document.cell_rules) if document.cell_rules
                      else CellRulesForm(data=CELL_RULE_DEFAULTS))
    later = db.session.scalars(select(Document).where(Document.related_id == document.id)).all()
    return render("documents/detail.html", document=document, later=later, today=today, http_status=status,
                  in_force=in_force(document.status, document.effective_from, document.effective_to, today),
                  form=form or (CommentForm() if document.status == "draft" else None),
                  can_issue=can_manage and document.status == "draft", rules_form=rules_form)


@bp.get("/<int:document_id>")
@requires(*READ_DIRECTORY)
def detail(document_id: int):
    """A version: its dates in force, what it replaces or amends and what later replaced it, comments on a draft."""
    return _detail(_document(document_id))


@bp.post("/<int:document_id>/comments")
@requires(*READ_DIRECTORY)
def add_comment(document_id: int):
    document = _document(document_id)
    form = CommentForm()
    if not form.validate_on_submit():
        return _detail(document, form, 422)
    if run_service(form, services.comment, document, current_user, form.text.data) is REFUSED:
        return _detail(document, form, 422)
    flash(_("Đã ghi góp ý."))
    return redirect(url_for("documents.detail", document_id=document.id))


@bp.post("/<int:document_id>/issue")
@requires(Role.ADMIN)
def issue(document_id: int):
    document = _document(document_id)
    ensure(can_manage_documents(current_user))
    if document.status != "draft":
        abort(409)
    if run_service(None, services.issue, document, local_today()):
        flash(_("Đã ban hành văn bản; có hiệu lực từ %(day)s.", day=vn_date(document.effective_from)))
    return redirect(url_for("documents.detail", document_id=document.id))


@bp.post("/<int:document_id>/cell-rules")
@requires(Role.ADMIN)
def cell_rules(document_id: int):
    """Adopt or change the cell meeting rule set this version carries."""
    document = _document(document_id)
    ensure(can_manage_documents(current_user))
    form = CellRulesForm()
    if not form.validate_on_submit() or run_service(form, services.adopt_cell_rules, document,
                                                    form.figures()) is REFUSED:
        return _detail(document, status=422, rules_form=form)
    flash(_("Đã lưu bộ quy tắc sinh hoạt chi bộ."))
    return redirect(url_for("documents.detail", document_id=document.id) + "#cell-rules")
