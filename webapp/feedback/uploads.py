"""Uploaded attachments: checked by extension, stored under UPLOAD_FOLDER with a random name."""
import secrets
from pathlib import Path

from flask import current_app, send_file
from werkzeug.datastructures import FileStorage
from werkzeug.utils import secure_filename

from ..extensions import db
from ..models import Attachment

ALLOWED_EXTENSIONS = {"pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "jpg", "jpeg", "png", "txt"}
SUBFOLDER = "attachments"


def allowed_file(filename: str | None) -> bool:
    """True when the file name carries one of the accepted document or image extensions."""
    return bool(filename) and "." in filename and filename.rsplit(".", 1)[1].lower() in ALLOWED_EXTENSIONS


def _folder() -> Path:
    folder = Path(current_app.config["UPLOAD_FOLDER"]) / SUBFOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def store_attachment(upload: FileStorage, user, **owner) -> Attachment:
    """Save the upload to disk and add its Attachment row (owner: feedback_item or report_submission_id)."""
    extension = upload.filename.rsplit(".", 1)[1].lower()
    stored_name = f"{secrets.token_hex(16)}.{extension}"
    path = _folder() / stored_name
    upload.save(path)
    attachment = Attachment(file_name=secure_filename(upload.filename) or stored_name, stored_name=stored_name,
                            content_type=upload.mimetype, size_bytes=path.stat().st_size,
                            uploaded_by_id=user.id, **owner)
    db.session.add(attachment)
    return attachment


def send_attachment(attachment: Attachment):
    """The stored file as a download under its original name."""
    return send_file(_folder() / attachment.stored_name, as_attachment=True, download_name=attachment.file_name,
                     mimetype=attachment.content_type or "application/octet-stream")
