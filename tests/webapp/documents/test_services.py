"""Storing documents: generated stored names, the original name kept, unsafe names neutralised."""
import io
from pathlib import Path

from werkzeug.datastructures import FileStorage

from webapp.documents import services


def test_add_document_keeps_the_original_name_but_stores_under_a_random_one(app):
    upload = FileStorage(io.BytesIO(b"noi dung"), filename="../../etc/Quy chế.docx",
                         content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    document = services.add_document("Quy chế", upload, None)
    assert document.file_name == "Quy chế.docx"
    assert document.stored_name.endswith(".docx") and len(document.stored_name) == 37
    stored = Path(app.config["UPLOAD_FOLDER"]) / document.stored_name
    assert stored.read_bytes() == b"noi dung" and document.size_bytes == 8
