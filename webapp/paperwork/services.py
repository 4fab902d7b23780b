"""Issuing a document: the next number of its kind in the issuer's year, the symbol from the issuer's identity,
and the document kept as data. Numbers are unique per (issuer, kind, year); a concurrent issue retries."""
import hashlib
import uuid
from dataclasses import asdict
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ..clock import utcnow
from ..extensions import db
from ..models import OutgoingDocument, SignedCopy, Unit
from ..services import RuleViolation, take_turns
from ..units.identity import identity_for, own_settings
from ..uploads import upload_folder
from .document import DocSection, DocTable, OfficialDocument
from .docx import xml_safe
from .queries import current_signed_copy
from .signatures import Verdict

ATTEMPTS = 5


def _clean(value):
    """Every text of the document as plain, XML-safe strings (set → sorted list for JSON)."""
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, dict):
        return {key: _clean(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_clean(item) for item in (sorted(value) if isinstance(value, set) else value)]
    return value


def document_to_data(doc: OfficialDocument) -> dict:
    data = asdict(doc)
    for section in data["sections"]:
        if section["table"]:
            section["table"]["rows"] = [
                [None if v is None else str(v) for v in row] for row in section["table"]["rows"]
            ]
    return _clean(data)


def document_from_data(data: dict) -> OfficialDocument:
    sections = [DocSection(s["title"], s["paragraphs"], s["items"],
                           DocTable(s["table"]["headers"], s["table"]["rows"], s["table"]["widths"],
                                    set(s["table"]["group_rows"])) if s["table"] else None)
                for s in data["sections"]]
    return OfficialDocument(**{**data, "sections": sections})


def _next_number(issuer: Unit, kind: str, year: int) -> int:
    last = db.session.scalar(select(func.max(OutgoingDocument.number)).where(
        OutgoingDocument.issuer_unit_id == issuer.id, OutgoingDocument.kind == kind, OutgoingDocument.year == year))
    return (last or 0) + 1


def issued_with_token(token: str | None) -> OutgoingDocument | None:
    """The document an issuing form with this one-time token already entered in the register."""
    if not token:
        return None
    return db.session.scalar(select(OutgoingDocument).where(OutgoingDocument.request_token == token))


def check_issuer_identity(issuer: Unit) -> None:
    """A ward issues under its own header, symbol and signer: until its identity is set it issues nothing (it
    would otherwise print the town's header and symbol and collide with the town's numbers in meaning)."""
    if issuer.parent_id is not None and own_settings(issuer) is None:
        raise RuleViolation("issuer", _("%(unit)s chưa khai báo thông tin ban hành văn bản (tên cơ quan, ký hiệu, "
                                        "người ký). Hãy khai báo ở trang của đơn vị, mục «Thông tin ban hành», "
                                        "trước khi cấp số.", unit=issuer.name))


def issue_document(user, issuer: Unit, kind: str, doc: OfficialDocument, issued_on: date,
                   source: tuple[str, int] | None = None, token: str | None = None) -> OutgoingDocument:
    """Give the document the next number of its kind this year and enter it in the register; a form submitted
    twice (same `token`) gets the document of its first submit, never a second number."""
    existing = issued_with_token(token)
    if existing is not None:
        return existing
    check_issuer_identity(issuer)
    symbol = identity_for(issuer).symbol
    for _attempt in range(ATTEMPTS):
        number = _next_number(issuer, kind, issued_on.year)
        doc.number_line = f"Số {number}-{kind}/{symbol}"
        row = OutgoingDocument(issuer_unit_id=issuer.id, kind=kind, year=issued_on.year, number=number,
                               symbol=f"{number}-{kind}/{symbol}", title=doc.title[:500], issued_on=issued_on,
                               source_kind=source[0] if source else None, source_id=source[1] if source else None,
                               content=document_to_data(doc), created_by_id=user.id, request_token=token or None)
        try:
            with db.session.begin_nested():
                db.session.add(row)
        except IntegrityError:  # another office took this number at the same moment, or this form's twin did
            existing = issued_with_token(token)
            if existing is not None:
                return existing
            continue
        return row
    raise RuntimeError("could not allocate a document number")


SIGNED_FOLDER = "signed"


def attach_signed_copy(user, document: OutgoingDocument, file_name: str, data: bytes, verdict: Verdict,
                       replace: bool) -> SignedCopy:
    """Keep the signed PDF byte for byte against the number with its check; a number that has one already takes
    another only when the officer confirms the replacement, and the replaced copy is kept as history. A double
    submit takes turns on the number, so its second upload meets the first and is refused."""
    take_turns(document)
    earlier = current_signed_copy(document)
    if earlier is not None and not replace:
        raise RuleViolation("replace", _("Số %(symbol)s đã có bản ký số (tải lên lúc trước). Muốn thay bằng tệp "
                                         "này, hãy đánh dấu ô xác nhận thay thế; bản cũ vẫn được lưu.",
                                         symbol=document.symbol))
    stored_name = f"{uuid.uuid4().hex}.pdf"
    (upload_folder(SIGNED_FOLDER) / stored_name).write_bytes(data)
    if earlier is not None:
        earlier.replaced_at = utcnow()
    row = SignedCopy(document_id=document.id, file_name=file_name[:255], stored_name=stored_name,
                     size_bytes=len(data), sha256=hashlib.sha256(data).hexdigest(), status=verdict.status,
                     signer_name=verdict.signer, signed_at=verdict.signed_at, uploaded_by_id=user.id)
    db.session.add(row)
    db.session.flush()
    return row
