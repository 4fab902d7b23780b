"""An official document as a download: .docx and .xlsx always, .odt and PDF through LibreOffice when the server
has it; without it (or when it fails) the office is told so in Vietnamese and sent back."""
from urllib.parse import quote

from flask import Response, abort, flash, redirect
from flask_babel import gettext as _

from .convert import FORMATS, ConversionFailed, convert, converter
from .document import OfficialDocument
from .docx import to_docx
from .sheets import XLSX_TYPE, to_xlsx

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def office_formats() -> tuple[str, ...]:
    """The converted formats the pages offer: none when no converter is installed."""
    return tuple(FORMATS) if converter() else ()


def document_file(doc: OfficialDocument, fmt: str, stem: str, back: str) -> Response:
    """The document as a `fmt` attachment named `stem.fmt`, or back to `back` with a message."""
    if fmt == "docx":
        body, mimetype = to_docx(doc), DOCX_TYPE
    elif fmt == "xlsx":
        body, mimetype = to_xlsx(doc), XLSX_TYPE
    elif fmt in FORMATS:
        if converter() is None:
            flash(
                _("Máy chủ chưa cài LibreOffice nên chưa tải được bản .%(fmt)s; hãy tải bản .docx.", fmt=fmt), "error"
            )
            return redirect(back)
        try:
            body, mimetype = convert(to_docx(doc), fmt), FORMATS[fmt]
        except ConversionFailed:
            flash(_("Không chuyển được văn bản sang .%(fmt)s; hãy tải bản .docx.", fmt=fmt), "error")
            return redirect(back)
    else:
        abort(404)
    name = f"{stem}.{fmt}"
    return Response(
        body, mimetype=mimetype, headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"}
    )
