"""Storing uploaded documents: the file under a generated name, its original name kept in the row."""
import uuid
from pathlib import Path

from flask import current_app
from flask_babel import lazy_gettext as _
from werkzeug.datastructures import FileStorage

from ..extensions import db
from ..formfields import RuleViolation
from ..models import Document

ALLOWED_EXTENSIONS = {"pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "jpg", "jpeg", "png", "txt"}


def upload_folder() -> Path:
    """The folder holding uploaded files (created when missing)."""
    folder = Path(current_app.config["UPLOAD_FOLDER"])
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _extension(file_name: str) -> str:
    return file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""


def add_document(title: str, upload: FileStorage, uploaded_by_id: int | None, number: str | None = None,
                 issued_on=None, term=None, summary: str | None = None) -> Document:
    """Save the uploaded file under a random name and record the document (the caller commits)."""
    original = (upload.filename or "").replace("\\", "/").rsplit("/", 1)[-1].strip() if upload else ""
    if not original:
        raise RuleViolation("file", _("Hãy chọn tệp văn bản."))
    if _extension(original) not in ALLOWED_EXTENSIONS:
        raise RuleViolation("file", _("Chỉ nhận tệp %(types)s.", types=", ".join(sorted(ALLOWED_EXTENSIONS))))
    stored = f"{uuid.uuid4().hex}.{_extension(original)}"
    target = upload_folder() / stored
    upload.save(target)
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
