"""Files officers upload (documents, minutes, attachments): checked by extension, stored under UPLOAD_FOLDER
with a random name, the original name kept in the database row by the caller."""
import uuid
from pathlib import Path

from flask import current_app
from werkzeug.datastructures import FileStorage

ALLOWED_EXTENSIONS = {"pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "jpg", "jpeg", "png", "txt"}


def extension(file_name: str | None) -> str:
    """The lower-case extension of a file name, '' when it has none."""
    return file_name.rsplit(".", 1)[1].lower() if file_name and "." in file_name else ""


def extension_allowed(file_name: str | None) -> bool:
    """True when the name carries one of the accepted document or image extensions."""
    return extension(file_name) in ALLOWED_EXTENSIONS


def upload_folder(subfolder: str = "") -> Path:
    """The folder holding one area's uploads (created when missing)."""
    folder = Path(current_app.config["UPLOAD_FOLDER"]) / subfolder
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_upload(upload: FileStorage, subfolder: str = "", file_name: str | None = None) -> tuple[str, Path]:
    """Write the upload under a random name keeping its extension; return that name and the file's path."""
    stored_name = f"{uuid.uuid4().hex}.{extension(file_name or upload.filename)}"
    path = upload_folder(subfolder) / stored_name
    upload.save(path)
    return stored_name, path
