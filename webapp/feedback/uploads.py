"""Uploaded attachments: checked by extension, stored under UPLOAD_FOLDER with a random name."""
from flask import send_file
from werkzeug.datastructures import FileStorage
from werkzeug.utils import secure_filename

from ..extensions import db
from ..models import Attachment
from ..uploads import save_upload, upload_folder

SUBFOLDER = "attachments"


def store_attachment(upload: FileStorage, user, **owner) -> Attachment:
    """Save the upload to disk and add its Attachment row (owner: feedback_item or report_submission_id)."""
    stored_name, path = save_upload(upload, SUBFOLDER)
    attachment = Attachment(file_name=secure_filename(upload.filename) or stored_name, stored_name=stored_name,
                            content_type=upload.mimetype, size_bytes=path.stat().st_size,
                            uploaded_by_id=user.id, **owner)
    db.session.add(attachment)
    return attachment


def send_attachment(attachment: Attachment):
    """The stored file as a download under its original name."""
    return send_file(
        upload_folder(SUBFOLDER) / attachment.stored_name,
        as_attachment=True,
        download_name=attachment.file_name,
        mimetype=attachment.content_type or "application/octet-stream",
    )
