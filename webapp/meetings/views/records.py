"""Records: the printed minutes, the paper attendance register of a unit or a group, and members' records."""
from flask import abort, request
from flask_login import current_user

from ...clock import local_today
from ...extensions import db
from ...models import Person, Unit, WorkingGroup
from ...permissions import READ_DIRECTORY, ensure, requires, unit_in_scope
from ...rendering import render
from ...unit_labels import group_label, unit_label
from .. import bp, queries
from ..access import RECORDERS, can_read_record
from ..forms import parse_year
from .common import readable


@bp.get("/<int:meeting_id>/minutes")
@requires(*READ_DIRECTORY)
def minutes(meeting_id: int):
    meeting = readable(meeting_id)
    return render("meetings/minutes.html", meeting=meeting, rows=queries.attendance_rows(meeting.id),
                  counts=queries.counters(meeting.id), top_unit=queries.top_unit())


@bp.get("/matrix/unit/<int:unit_id>")
@requires(*READ_DIRECTORY)
def unit_matrix(unit_id: int):
    unit = db.session.get(Unit, unit_id) or abort(404)
    ensure(unit_in_scope(current_user, unit))
    year = parse_year(request.args.get("year"), local_today().year)
    return render("meetings/matrix.html", "meetings/_matrix.html",
                  matrix=queries.unit_matrix(unit.id, year, current_user),
                  subject=unit_label(unit), year=year, can_edit=current_user.role in RECORDERS)


@bp.get("/matrix/group/<int:group_id>")
@requires(*READ_DIRECTORY)
def group_matrix(group_id: int):
    group = db.session.get(WorkingGroup, group_id) or abort(404)
    year = parse_year(request.args.get("year"), local_today().year)
    return render("meetings/matrix.html", "meetings/_matrix.html",
                  matrix=queries.group_matrix(group.id, year, current_user),
                  subject=group_label(group), year=year, can_edit=current_user.role in RECORDERS)


@bp.get("/person/<int:person_id>/record")
@requires()
def person_record(person_id: int):
    person = db.session.get(Person, person_id) or abort(404)
    ensure(can_read_record(current_user, person.id))
    year = parse_year(request.args.get("year"), 0) or None
    return render("meetings/person_record.html", "meetings/_person_record.html", person=person, year=year,
                  meetings=queries.person_meetings(person.id, year, current_user),
                  rate=queries.attendance_rate(person.id, year, current_user),
                  counted=queries.counted_attendance_ids(person.id, year, current_user),
                  streaks=queries.absence_streaks(person.id, year, current_user))


@bp.get("/group/<int:group_id>/record")
@requires(*READ_DIRECTORY)
def group_record(group_id: int):
    group = db.session.get(WorkingGroup, group_id) or abort(404)
    year = parse_year(request.args.get("year"), 0) or None
    return render("meetings/group_record.html", "meetings/_group_record.html", group=group, year=year,
                  records=queries.group_record(group.id, year, current_user))
