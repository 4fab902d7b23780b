"""Speeches: who spoke and what they said, and the chair's conclusion with its numbered points."""
from flask import url_for
from flask_login import current_user

from ...models import ConclusionPoint, Meeting, Opinion
from ...permissions import requires
from ...rendering import render, render_or_redirect
from ...services import run_service
from .. import bp, queries, services
from ..access import RECORDERS
from ..forms import ConclusionForm, ConclusionPointForm, OpinionForm
from .common import child_or_404, detail_context, recordable


def _speeches(meeting: Meeting):
    """After a change: the speeches section for HTMX, else back to the meeting's page at that section."""
    return render_or_redirect(url_for("meetings.detail", meeting_id=meeting.id) + "#speeches",
                              "meetings/_speeches.html", **detail_context(meeting))


def _refused(meeting: Meeting, **forms):
    """The section (or the whole page) again with the refused form's errors, answered 422."""
    return render("meetings/detail.html", "meetings/_speeches.html", http_status=422,
                  **detail_context(meeting, **forms))


@bp.post("/<int:meeting_id>/opinions")
@requires(*RECORDERS)
def add_opinion(meeting_id: int):
    meeting = recordable(meeting_id)
    form = OpinionForm()
    form.setup_choices([row.person for row in queries.attendance_rows(meeting.id)],
                       queries.speaking_groups(meeting, current_user))
    if not form.validate_on_submit() or not run_service(form, services.add_opinion, meeting, form.opinion_fields()):
        return _refused(meeting, opinion_form=form)
    return _speeches(meeting)


@bp.post("/<int:meeting_id>/opinions/<int:opinion_id>/delete")
@requires(*RECORDERS)
def delete_opinion(meeting_id: int, opinion_id: int):
    meeting = recordable(meeting_id)
    run_service(None, services.delete_opinion, child_or_404(Opinion, opinion_id, meeting))
    return _speeches(meeting)


@bp.post("/<int:meeting_id>/opinions/<int:opinion_id>/follow-up")
@requires(*RECORDERS)
def follow_up(meeting_id: int, opinion_id: int):
    meeting = recordable(meeting_id)
    run_service(None, services.toggle_follow_up, child_or_404(Opinion, opinion_id, meeting))
    return _speeches(meeting)


@bp.post("/<int:meeting_id>/conclusion")
@requires(*RECORDERS)
def save_conclusion(meeting_id: int):
    meeting = recordable(meeting_id)
    form = ConclusionForm()
    if not form.validate_on_submit():
        return _refused(meeting, conclusion_form=form)
    run_service(form, services.set_conclusion, meeting, form.chair.data, form.conclusion.data)
    return _speeches(meeting)


@bp.post("/<int:meeting_id>/conclusion/points")
@requires(*RECORDERS)
def add_point(meeting_id: int):
    meeting = recordable(meeting_id)
    form = ConclusionPointForm()
    if not form.validate_on_submit() or not run_service(form, services.add_conclusion_point, meeting,
                                                        form.text.data, form.owner_text.data, form.deadline.data):
        return _refused(meeting, point_form=form)
    return _speeches(meeting)


@bp.post("/<int:meeting_id>/conclusion/points/<int:point_id>/delete")
@requires(*RECORDERS)
def delete_point(meeting_id: int, point_id: int):
    meeting = recordable(meeting_id)
    run_service(None, services.delete_conclusion_point, child_or_404(ConclusionPoint, point_id, meeting))
    return _speeches(meeting)
