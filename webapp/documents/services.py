"""Storing uploaded documents: the file under a generated name, its original name kept in the row."""
from flask_babel import lazy_gettext as _
from werkzeug.datastructures import FileStorage

from ..extensions import db
from ..formfields import RuleViolation
from ..models import Document
from ..uploads import ALLOWED_EXTENSIONS, extension_allowed, save_upload


def add_document(title: str, upload: FileStorage, uploaded_by_id: int | None, number: str | None = None,
                 issued_on=None, term=None, summary: str | None = None) -> Document:
    """Save the uploaded file under a random name and record the document (the caller commits)."""
    original = (upload.filename or "").replace("\\", "/").rsplit("/", 1)[-1].strip() if upload else ""
    if not original:
        raise RuleViolation("file", _("Hãy chọn tệp văn bản."))
    if not extension_allowed(original):
        raise RuleViolation("file", _("Chỉ nhận tệp %(types)s.", types=", ".join(sorted(ALLOWED_EXTENSIONS))))
    stored, target = save_upload(upload, file_name=original)
    size = target.stat().st_size
    if size == 0:
        target.unlink()
        raise RuleViolation("file", _("Tệp rỗng, hãy chọn lại."))
    document = Document(title=title.strip(), number=(number or "").strip() or None, issued_on=issued_on, term=term,
                        summary=(summary or "").strip() or None, file_name=original[:255], stored_name=stored,
                        content_type=upload.mimetype or "application/octet-stream", size_bytes=size,
                        uploaded_by_id=uploaded_by_id)
    db.session.add(document)
    db.session.flush()
    return document
