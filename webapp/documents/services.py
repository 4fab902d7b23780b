"""Storing uploaded documents: the file under a generated name, its original name kept in the row."""
from datetime import date

from flask_babel import lazy_gettext as _
from sqlalchemy import select
from werkzeug.datastructures import FileStorage

from ..clock import local_today
from ..extensions import db
from ..models import CellMeetingRules, Document, DocumentComment
from ..services import RuleViolation, take_turns
from ..uploads import ALLOWED_EXTENSIONS, extension_allowed, save_upload
from .rules import ends_related, in_force


def add_document(
    title: str,
    upload: FileStorage,
    uploaded_by_id: int | None,
    number: str | None = None,
    issued_on=None,
    term=None,
    summary: str | None = None,
    draft: bool = False,
    relation: str | None = None,
    related: Document | None = None,
    effective_from=None,
    attendance_times: int | None = None,
    attendance_months: int | None = None,
) -> Document:
    """Save the uploaded file under a random name and record the document (the caller commits)."""
    if relation and related is None:
        raise RuleViolation("related_id", _("Hãy chọn văn bản được thay thế, sửa đổi hoặc bãi bỏ."))
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
    document = Document(
        title=title.strip(),
        number=(number or "").strip() or None,
        issued_on=issued_on,
        term=term,
        summary=(summary or "").strip() or None,
        file_name=original[:255],
        stored_name=stored,
        content_type=upload.mimetype or "application/octet-stream",
        size_bytes=size,
        uploaded_by_id=uploaded_by_id,
        status="draft" if draft else "issued",
        relation=relation if related is not None else None,
        related=related,
        attendance_times=attendance_times,
        attendance_months=attendance_months if attendance_times else None,
    )
    db.session.add(document)
    db.session.flush()
    if not draft:
        issue(document, issued_on or local_today(), effective_from)
    return document


def issue(document: Document, issued_on: date, effective_from: date | None = None) -> Document:
    """Issue a version: in force from `effective_from` (its issue date by default); the version it replaces or annuls
    ends the day before."""
    if document.related is not None and document.related_id == document.id:
        raise RuleViolation("related_id", _("Văn bản không thể thay thế chính nó."))
    document.status, document.issued_on = "issued", document.issued_on or issued_on
    document.effective_from = effective_from or document.issued_on
    last_day = ends_related(document.relation, document.effective_from)
    if document.related is not None and last_day is not None:
        document.related.effective_to = last_day
    db.session.flush()
    return document


def comment(document: Document, user, text: str) -> DocumentComment:
    """A comment on a draft; an issued version takes no more comments."""
    if document.status != "draft":
        raise RuleViolation("text", _("Chỉ góp ý vào dự thảo."))
    row = DocumentComment(document=document, user_id=user.id, text=text.strip())
    db.session.add(row)
    db.session.flush()
    return row


def regulation_in_force(day: date) -> Document | None:
    """The latest issued version that sets an attendance obligation and is in force on `day`."""
    candidates = db.session.scalars(select(Document).where(Document.status == "issued",
                                                           Document.attendance_times.is_not(None),
                                                           Document.effective_from <= day)
                                    .order_by(Document.effective_from.desc(), Document.id.desc()))
    return next((d for d in candidates if in_force(d.status, d.effective_from, d.effective_to, day)), None)


def adopt_cell_rules(document: Document, figures: dict) -> CellMeetingRules:
    """Give a regulation version its cell meeting rule set, or change the one it has (a twin request waits and
    then changes the set the first one made)."""
    take_turns(document)
    rules = document.cell_rules
    if rules is None:
        rules = CellMeetingRules(document=document)
        db.session.add(rules)
    for name, value in figures.items():
        setattr(rules, name, value)
    db.session.flush()
    return rules


def cell_rule_versions() -> list[Document]:
    """Every issued version that carries a cell meeting rule set, the latest in force first."""
    return list(db.session.scalars(
        select(Document).join(CellMeetingRules, CellMeetingRules.document_id == Document.id)
        .where(Document.status == "issued", Document.effective_from.is_not(None))
        .order_by(Document.effective_from.desc(), Document.id.desc())))


def cell_rules_on(day: date, versions: list[Document] | None = None) -> CellMeetingRules | None:
    """The rule set of the version in force on `day` (the one that started last), or None."""
    versions = cell_rule_versions() if versions is None else versions
    return next((d.cell_rules for d in versions if in_force(d.status, d.effective_from, d.effective_to, day)), None)
