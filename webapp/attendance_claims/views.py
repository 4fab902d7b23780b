"""Self-declared attendance pages: declaring from an invitation, my declarations and those waiting for me, the
officer's decision, and the fragments the home page, the meeting page and the menu load."""
from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..clock import local_today
from ..extensions import db
from ..meetings.access import can_read_meeting
from ..models import AttendanceClaim, Meeting
from ..permissions import ensure, requires
from ..rendering import render
from ..services import run_service
from . import bp
from .access import can_decide, can_declare_here
from .forms import DeclareForm, RejectForm
from .queries import claim_of, claims_of, declarable, pending_count, pending_for
from .services import confirm_claim, declare_attendance, reject_claim


def _index(reject_form: RejectForm | None = None, failed_id: int | None = None, http_status: int = 200):
    return render("attendance_claims/index.html", mine=claims_of(current_user.person_id),
                  pending=pending_for(current_user), reject_form=reject_form, failed_id=failed_id,
                  http_status=http_status)


@bp.get("/")
@requires()
def index():
    return _index()


@bp.route("/meeting/<int:meeting_id>/declare", methods=["GET", "POST"])
@requires()
def declare(meeting_id: int):
    meeting = db.get_or_404(Meeting, meeting_id)
    ensure(can_declare_here(current_user, meeting))
    form = DeclareForm()
    if form.validate_on_submit() and run_service(form, declare_attendance, current_user, meeting, form.note.data):
        flash(_("Đã khai báo dự cuộc họp; đang chờ cán bộ đơn vị xác nhận."))
        return redirect(url_for("attendance_claims.index"))
    return render("attendance_claims/declare.html", form=form, meeting=meeting,
                  claim=claim_of(meeting.id, current_user.person_id),
                  http_status=422 if request.method == "POST" else 200)


def _decidable(claim_id: int) -> AttendanceClaim:
    claim = db.get_or_404(AttendanceClaim, claim_id)
    ensure(can_decide(current_user, claim))
    return claim


@bp.post("/<int:claim_id>/confirm")
@requires()
def confirm(claim_id: int):
    claim = _decidable(claim_id)
    if run_service(None, confirm_claim, current_user, claim):
        flash(_("Đã xác nhận %(name)s dự cuộc họp.", name=claim.person.full_name))
    return redirect(url_for("attendance_claims.index"))


@bp.post("/<int:claim_id>/reject")
@requires()
def reject(claim_id: int):
    claim = _decidable(claim_id)
    form = RejectForm()
    if form.validate_on_submit() and run_service(form, reject_claim, current_user, claim, form.reason.data):
        flash(_("Đã không xác nhận khai báo của %(name)s.", name=claim.person.full_name))
        return redirect(url_for("attendance_claims.index"))
    return _index(reject_form=form, failed_id=claim.id, http_status=422)


@bp.get("/home")
@requires()
def home():
    """The home page's list: recent meetings the member may still declare."""
    meetings = declarable(current_user.person_id, local_today()) if current_user.person_id else []
    return render("attendance_claims/_home.html", "attendance_claims/_home.html", meetings=meetings,
                  pending=pending_count(current_user))


@bp.get("/meeting/<int:meeting_id>/box")
@requires()
def meeting_box(meeting_id: int):
    """The meeting page's box: the reader's own declaration, and the pending ones an officer may decide."""
    meeting = db.get_or_404(Meeting, meeting_id)
    ensure(can_read_meeting(current_user, meeting))
    pending = [claim for claim in pending_for(current_user) if claim.meeting_id == meeting.id]
    own = claim_of(meeting.id, current_user.person_id)
    return render("attendance_claims/_meeting_box.html", "attendance_claims/_meeting_box.html", meeting=meeting,
                  own=own, pending=pending, can_declare=can_declare_here(current_user, meeting),
                  today=local_today())


@bp.get("/badge")
@requires()
def badge():
    return render("attendance_claims/_badge.html", "attendance_claims/_badge.html", count=pending_count(current_user))
