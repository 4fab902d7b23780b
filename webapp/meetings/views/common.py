"""What the meetings views share: finding a meeting the user may read or record, and the detail page's context."""
from flask import abort
from flask_login import current_user

from ...extensions import db
from ...models import Meeting
from ...permissions import ensure
from ...tasks.sources import TASK_CREATORS, tasks_by_sources
from .. import queries
from ..access import can_read_meeting, can_record_meeting
from ..forms import ConclusionForm, ConclusionPointForm, FileForm, OpinionForm


def meeting_or_404(meeting_id: int) -> Meeting:
    meeting = queries.meeting_with_units(meeting_id)
    if meeting is None:
        abort(404)
    return meeting


def readable(meeting_id: int) -> Meeting:
    """The meeting, when the current user may read it (403 otherwise, 404 when there is none)."""
    meeting = meeting_or_404(meeting_id)
    ensure(can_read_meeting(current_user, meeting))
    return meeting


def recordable(meeting_id: int) -> Meeting:
    """The meeting, when the current user may record it (403 otherwise, 404 when there is none)."""
    meeting = meeting_or_404(meeting_id)
    ensure(can_record_meeting(current_user, meeting))
    return meeting


def child_or_404(model, child_id: int, meeting: Meeting):
    """A row that belongs to the meeting (an attendance row, a file, an opinion, a point), else 404."""
    child = db.session.get(model, child_id)
    if child is None or child.meeting_id != meeting.id:
        abort(404)
    return child


def detail_context(meeting: Meeting, **overrides) -> dict:
    """Everything the detail page and its speeches section show, with blank forms unless given. The forms (and
    the attendance rows and groups their selects list) only for those who may record: readers see none of them."""
    can_record = can_record_meeting(current_user, meeting)
    tasks = tasks_by_sources({"conclusion_point": [p.id for p in meeting.conclusion_points],
                              "opinion": [o.id for o in meeting.opinions]})
    context = {
        "meeting": meeting, "counts": queries.counters(meeting.id), "can_record": can_record,
        "can_assign_tasks": current_user.role in TASK_CREATORS,
        "point_tasks": tasks["conclusion_point"], "opinion_tasks": tasks["opinion"],
        "file_form": None, "opinion_form": None, "point_form": None, "conclusion_form": None,
    }
    if can_record:
        opinion_form = OpinionForm(formdata=None)
        opinion_form.setup_choices([row.person for row in queries.attendance_rows(meeting.id)],
                                   queries.speaking_groups(meeting, current_user))
        context.update(file_form=FileForm(formdata=None), opinion_form=opinion_form,
                       point_form=ConclusionPointForm(formdata=None),
                       conclusion_form=ConclusionForm(formdata=None, obj=meeting))
    context.update(overrides)
    return context
