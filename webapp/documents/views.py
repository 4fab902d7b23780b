"""Views of the documents area."""
from flask import abort, redirect, send_from_directory, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..groups.queries import terms
from ..models import Document, Role, Term
from ..pagination import paginate
from ..permissions import READ_DIRECTORY, requires
from ..rendering import render
from ..services import REFUSED, run_service
from ..uploads import upload_folder
from . import bp, services
from .forms import DocumentForm


@bp.get("/")
@requires(*READ_DIRECTORY)
def index():
    """List documents, newest first."""
    page = paginate(select(Document).options(joinedload(Document.term))
                    .order_by(Document.issued_on.desc().nulls_last(), Document.id.desc()))
    return render("documents/index.html", "documents/_rows.html", page=page,
                  can_upload=current_user.role == Role.ADMIN)


@bp.route("/new", methods=["GET", "POST"])
@requires(Role.ADMIN)
def upload():
    """Upload a document file with its number, title, date and term."""
    form = DocumentForm()
    form.term_id.choices = [("", _("— Không gắn nhiệm kỳ —"))] + [(t.id, t.name) for t in terms()]
    if form.validate_on_submit():
        term = db.session.get(Term, form.term_id.data) if form.term_id.data else None
        if run_service(form, services.add_document, form.title.data, form.file.data, current_user.id,
                       number=form.number.data, issued_on=form.issued_on.data, term=term,
                       summary=form.summary.data) is not REFUSED:
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
