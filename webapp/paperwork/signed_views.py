"""A number's signed PDF: brought back after the signer signed it on their token with the office's own plugin,
checked (integrity, the chain to the office's trust roots, the signing time), kept unchanged, and downloaded."""
import os
from pathlib import Path

from flask import abort, current_app, flash, redirect, send_from_directory, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..extensions import db
from ..models import Role, SignedCopy
from ..permissions import requires
from ..services import REFUSED, run_service
from ..uploads import upload_folder
from . import bp
from .forms import SignedCopyForm
from .services import SIGNED_FOLDER, attach_signed_copy
from .signatures import NotAPdf, trust_roots, verify
from .views import READERS, document_in_scope, document_page

MAX_SIGNED_BYTES = 30 * 1024 * 1024


def office_trust_roots_folder() -> Path:
    """The folder of root certificates the office trusts: the setting or environment variable SIGNING_TRUST_ROOTS,
    else instance/trust-roots."""
    configured = current_app.config.get("SIGNING_TRUST_ROOTS") or os.environ.get("SIGNING_TRUST_ROOTS")
    return Path(configured) if configured else Path(current_app.instance_path) / "trust-roots"


@bp.post("/<int:doc_id>/signed")
@requires(Role.ADMIN)
def upload_signed(doc_id: int):
    row = document_in_scope(doc_id)
    form = SignedCopyForm()
    if not form.validate_on_submit():
        return document_page(row, form, 422)
    upload = form.file.data
    name = (upload.filename or "").replace("\\", "/").rsplit("/", 1)[-1].strip() or f"{row.symbol}.pdf"
    data = upload.read(MAX_SIGNED_BYTES + 1)
    try:
        if len(data) > MAX_SIGNED_BYTES:
            raise NotAPdf
        verdict = verify(data, trust_roots(office_trust_roots_folder()))
    except NotAPdf:
        form.file.errors = [_("Tệp này không phải tệp PDF đọc được (tối đa 30 MB); hãy tải lên tệp PDF đã ký số.")]
        return document_page(row, form, 422)
    if run_service(form, attach_signed_copy, current_user, row, name, data, verdict, form.replace.data) is REFUSED:
        return document_page(row, form, 422)
    flash(_("Đã lưu bản ký số của văn bản số %(symbol)s.", symbol=row.symbol))
    return redirect(url_for("paperwork.detail", doc_id=row.id))


@bp.get("/<int:doc_id>/signed/<int:copy_id>")
@requires(*READERS)
def signed_file(doc_id: int, copy_id: int):
    """The signed PDF exactly as it was uploaded."""
    row = document_in_scope(doc_id)
    copy = db.session.scalar(select(SignedCopy).where(SignedCopy.id == copy_id, SignedCopy.document_id == row.id))
    if copy is None:
        abort(404)
    return send_from_directory(upload_folder(SIGNED_FOLDER), copy.stored_name, as_attachment=True,
                               download_name=copy.file_name, mimetype="application/pdf")
