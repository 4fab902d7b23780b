"""The register of outgoing documents, a document's page and files, and issuing the documents the app drafts."""
from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..clock import local_today
from ..dashboard.figures.dashboard import build_dashboard
from ..dashboard.filters import parse_filters
from ..dashboard.reports import activity_report
from ..extensions import db
from ..formfields import bounded_int
from ..meetings.queries import visible_meetings_condition
from ..models import Meeting, MeetingKind, OutgoingDocument, Role, Unit, UnitKind, WorkingGroup
from ..pagination import paginate
from ..permissions import can_manage_group, ensure, in_scope, requires
from ..rendering import render
from ..services import run_service
from ..units.identity import identity_for
from . import bp, drafts
from .files import document_file, office_formats
from .services import document_from_data, issue_document, issued_with_token

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
    return render("paperwork/index.html", page=paginate(statement), year=year, kinds=KINDS)


def _document(doc_id: int) -> OutgoingDocument:
    row = db.session.scalar(select(OutgoingDocument).join(Unit, Unit.id == OutgoingDocument.issuer_unit_id)
                            .where(OutgoingDocument.id == doc_id, _in_scope()))
    return row or abort(404)


@bp.get("/<int:doc_id>")
@requires(*READERS)
def detail(doc_id: int):
    row = _document(doc_id)
    return render("paperwork/document.html", row=row, doc=document_from_data(row.content), kinds=KINDS,
                  office_formats=office_formats())


@bp.get("/<int:doc_id>.<fmt>")
@requires(*READERS)
def download(doc_id: int, fmt: str):
    row = _document(doc_id)
    return document_file(document_from_data(row.content), fmt, row.symbol.replace("/", "-"),
                         url_for("paperwork.detail", doc_id=row.id))


def _issuer() -> Unit:
    """Documents are issued by the admin's scope unit, or the root for an admin of the whole install."""
    if current_user.scope_unit_id:
        return current_user.scope_unit
    return db.session.scalar(select(Unit).where(Unit.kind == UnitKind.ROOT).order_by(Unit.id).limit(1)) or abort(404)


def _issue(kind: str, doc, source, back: str):
    """Issue through the one service; the form's one-time token makes a double submit land on the same number."""
    token = (request.form.get("once") or "").strip()
    token = token if token.isalnum() and len(token) <= 40 else None
    earlier = issued_with_token(token)
    row = run_service(None, issue_document, current_user, _issuer(), kind, doc, local_today(), source, token)
    if not row:
        return redirect(back)
    if earlier is not None:
        flash(_("Văn bản này đã được vào sổ với số %(symbol)s; không cấp số lần nữa.", symbol=row.symbol))
    else:
        flash(_("Đã vào sổ văn bản đi số %(symbol)s.", symbol=row.symbol))
    return redirect(url_for("paperwork.detail", doc_id=row.id))


@bp.post("/issue/briefing-report")
@requires(Role.ADMIN)
def issue_briefing_report():
    """The dashboard's activity report for the posted period, numbered and entered in the register."""
    f = parse_filters(request.form, current_user)
    if f.errors:
        flash("; ".join(f.errors), "error")
        return redirect(url_for("dashboard.index"))
    return _issue("BC", activity_report(build_dashboard(f)), None, url_for("dashboard.index"))


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
    doc = drafts.conclusion_notice(identity_for(_issuer()), meeting, local_today())
    return _issue("TB", doc, ("meeting", meeting.id), url_for("meetings.detail", meeting_id=meeting.id))


@bp.post("/issue/invitation/<int:meeting_id>")
@requires(Role.ADMIN)
def issue_invitation(meeting_id: int):
    meeting = _meeting(meeting_id)
    return _issue("GM", drafts.meeting_invitation(identity_for(_issuer()), meeting, local_today()),
                  ("meeting", meeting.id), url_for("meetings.detail", meeting_id=meeting.id))


@bp.get("/issue/assignment/<int:group_id>")
@requires(Role.ADMIN)
def preview_assignment(group_id: int):
    """The decision as it will be printed, with the number left blank, before a number is taken."""
    group = db.get_or_404(WorkingGroup, group_id)
    ensure(can_manage_group(current_user, group))
    doc = drafts.assignment_decision(identity_for(_issuer()), group, local_today())
    return render("paperwork/preview.html", doc=doc, action=url_for("paperwork.issue_assignment", group_id=group.id),
                  back=url_for("groups.detail", group_id=group.id))


@bp.post("/issue/assignment/<int:group_id>")
@requires(Role.ADMIN)
def issue_assignment(group_id: int):
    group = db.get_or_404(WorkingGroup, group_id)
    ensure(can_manage_group(current_user, group))
    return _issue("QĐ", drafts.assignment_decision(identity_for(_issuer()), group, local_today()),
                  ("group", group.id), url_for("groups.detail", group_id=group.id))
