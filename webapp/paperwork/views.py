"""The register of outgoing documents, a document's page and files, and issuing the documents the app drafts."""
from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..clock import local_today
from ..extensions import db
from ..formfields import bounded_int
from ..meetings.queries import visible_meetings_condition
from ..models import Meeting, MeetingKind, OutgoingDocument, Role, Unit, WorkingGroup
from ..pagination import paginate
from ..permissions import can_manage_group, ensure, in_scope, requires
from ..rendering import render
from ..units.identity import identity_for
from . import bp, drafts
from .document import OfficialDocument
from .files import document_file, office_formats
from .forms import SignedCopyForm
from .issuing import issue, issuer
from .queries import current_copies, current_signed_copy, replaced_copies
from .services import document_from_data

READERS = (Role.ADMIN, Role.LEADERSHIP)
KINDS = {"BC": "Báo cáo", "TB": "Thông báo", "QĐ": "Quyết định", "GM": "Giấy mời"}


def _in_scope():
    return in_scope(current_user)


@bp.get("/")
@requires(*READERS)
def index():
    year = request.args.get("year", local_today().year, type=bounded_int)
    statement = (select(OutgoingDocument).join(Unit, Unit.id == OutgoingDocument.issuer_unit_id)
                 .where(_in_scope(), OutgoingDocument.year == year)
                 .order_by(OutgoingDocument.issued_on.desc(), OutgoingDocument.id.desc()))
    page = paginate(statement)
    return render("paperwork/index.html", page=page, year=year, kinds=KINDS,
                  signed=current_copies([row.id for row in page.items]))


def document_in_scope(doc_id: int) -> OutgoingDocument:
    row = db.session.scalar(select(OutgoingDocument).join(Unit, Unit.id == OutgoingDocument.issuer_unit_id)
                            .where(OutgoingDocument.id == doc_id, _in_scope()))
    return row or abort(404)


@bp.get("/<int:doc_id>")
@requires(*READERS)
def detail(doc_id: int):
    return document_page(document_in_scope(doc_id))


def document_page(row: OutgoingDocument, form: SignedCopyForm | None = None, status: int = 200):
    """A document's page: the printed document, its downloads, its signed copy and the form bringing one back."""
    return render("paperwork/document.html", row=row, doc=document_from_data(row.content), kinds=KINDS,
                  office_formats=office_formats(), signed=current_signed_copy(row), replaced=replaced_copies(row),
                  form=form or SignedCopyForm(), can_upload=current_user.role == Role.ADMIN, http_status=status)


@bp.get("/<int:doc_id>.<fmt>")
@requires(*READERS)
def download(doc_id: int, fmt: str):
    row = document_in_scope(doc_id)
    return document_file(document_from_data(row.content), fmt, row.symbol.replace("/", "-"),
                         url_for("paperwork.detail", doc_id=row.id))


def _meeting(meeting_id: int) -> Meeting:
    meeting = db.session.scalar(select(Meeting).where(Meeting.id == meeting_id,
                                                      visible_meetings_condition(current_user)))
    return meeting or abort(404)


@bp.post("/issue/conclusion/<int:meeting_id>")
@requires(Role.ADMIN)
def issue_conclusion(meeting_id: int):
    meeting = _meeting(meeting_id)
    if meeting.kind != MeetingKind.BRIEFING or not (meeting.conclusion or meeting.conclusion_points):
        flash(_("Chỉ ra thông báo kết luận cho buổi giao ban đã có kết luận."), "error")
        return redirect(url_for("meetings.detail", meeting_id=meeting.id))
    doc = drafts.conclusion_notice(identity_for(issuer()), meeting, local_today())
    return issue("TB", doc, ("meeting", meeting.id), url_for("meetings.detail", meeting_id=meeting.id))


@bp.post("/issue/invitation/<int:meeting_id>")
@requires(Role.ADMIN)
def issue_invitation(meeting_id: int):
    meeting = _meeting(meeting_id)
    return issue("GM", drafts.meeting_invitation(identity_for(issuer()), meeting, local_today()),
                  ("meeting", meeting.id), url_for("meetings.detail", meeting_id=meeting.id))


def _assignment_decision(group_id: int) -> tuple[WorkingGroup, OfficialDocument]:
    """A group the user manages and its assignment decision as drafted today: the preview shows what the issue
    numbers."""
    group = db.get_or_404(WorkingGroup, group_id)
    ensure(can_manage_group(current_user, group))
    return group, drafts.assignment_decision(identity_for(issuer()), group, local_today())


@bp.get("/issue/assignment/<int:group_id>")
@requires(Role.ADMIN)
def preview_assignment(group_id: int):
    """The decision as it will be printed, with the number left blank, before a number is taken."""
    group, doc = _assignment_decision(group_id)
    return render("paperwork/preview.html", doc=doc, action=url_for("paperwork.issue_assignment", group_id=group.id),
                  back=url_for("groups.detail", group_id=group.id))


@bp.post("/issue/assignment/<int:group_id>")
@requires(Role.ADMIN)
def issue_assignment(group_id: int):
    group, doc = _assignment_decision(group_id)
    return issue("QĐ", doc, ("group", group.id), url_for("groups.detail", group_id=group.id))
