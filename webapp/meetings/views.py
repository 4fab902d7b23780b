"""Thin views of the meetings area: parse, check permission, call a service or query, render."""
from types import SimpleNamespace

from flask import abort, flash, redirect, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..formfields import bounded_int
from ..models import (
    Attendance,
    AttendanceStatus,
    ConclusionPoint,
    Meeting,
    MeetingFile,
    MeetingKind,
    Opinion,
    Person,
    Role,
    Unit,
    WorkingGroup,
)
from ..clock import local_today
from ..people.queries import name_search
from ..pagination import paginate
from ..permissions import READ_DIRECTORY, ensure, requires, unit_in_scope
from ..rendering import render, wants_fragment
from ..tasks.sources import TASK_CREATORS, tasks_by_source
from ..uploads import extension_allowed
from . import bp, queries, services
from .access import RECORDERS, can_read_meeting, can_read_record, can_record_meeting
from .forms import (
    ConclusionForm,
    ConclusionPointForm,
    FileForm,
    GuestForm,
    MeetingForm,
    OpinionForm,
    ScheduleForm,
    parse_month,
    parse_year,
)
from .labels import STATUS_KEYS, STATUS_SHORT
from .minutes import locality, minutes_organ, minutes_title


def _meeting_or_404(meeting_id: int) -> Meeting:
    meeting = db.session.get(Meeting, meeting_id, options=[selectinload(Meeting.units)])
    if meeting is None:
        abort(404)
    return meeting


def _readable(meeting_id: int) -> Meeting:
    meeting = _meeting_or_404(meeting_id)
    ensure(can_read_meeting(current_user, meeting))
    return meeting


def _recordable(meeting_id: int) -> Meeting:
    meeting = _meeting_or_404(meeting_id)
    ensure(can_record_meeting(current_user, meeting))
    return meeting


def _child_or_404(model, child_id: int, meeting: Meeting):
    child = db.session.get(model, child_id)
    if child is None or child.meeting_id != meeting.id:
        abort(404)
    return child


def _this_year() -> int:
    return local_today().year


@bp.get("/")
@requires(*READ_DIRECTORY)
def index():
    kind = request.args.get("kind") or None
    kind = kind if kind in {k.value for k in MeetingKind} else None
    unit_id = request.args.get("unit", type=bounded_int)
    month = parse_month(request.args.get("month"))
    page = paginate(queries.meeting_list(current_user, kind, unit_id, month))
    return render("meetings/index.html", "meetings/_meeting_rows.html", page=page,
                  units=queries.units_for_choice(current_user), kind=kind, unit_id=unit_id, month=month,
                  can_create=current_user.role in RECORDERS)


def _meeting_form(meeting: Meeting | None = None) -> MeetingForm:
    form = MeetingForm(obj=meeting)
    if meeting is not None and request.method == "GET":
        form.kind.data = meeting.kind.value
        form.organiser.data = meeting.organiser.value if meeting.organiser else ""
        form.unit_ids.data = [u.id for u in meeting.units]
    form.setup_choices(queries.units_for_choice(current_user), queries.groups_for_choice())
    return form


def _validated_units(form: MeetingForm) -> list[Unit] | None:
    """The chosen units when the form and the meeting date pass every check, else None (errors set)."""
    if not form.validate_on_submit():
        return None
    group = db.session.get(WorkingGroup, form.group_id.data) if form.group_id.data else None
    problem = services.date_problem(MeetingKind(form.kind.data), form.held_on.data, group)
    if problem:
        form.held_on.errors.append(problem)
        return None
    units = list(db.session.scalars(select(Unit).where(Unit.id.in_(form.unit_ids.data or []))))
    if not units and current_user.role != Role.ADMIN:
        form.unit_ids.errors.append(_("Hãy chọn ít nhất một đơn vị của bạn."))
        return None
    return units


@bp.route("/new", methods=["GET", "POST"])
@requires(*RECORDERS)
def create():
    form = _meeting_form()
    if request.method == "GET":
        form.kind.data = request.args.get("kind", MeetingKind.CELL.value)
    units = _validated_units(form) if request.method == "POST" else None
    if units is None:
        status = 422 if request.method == "POST" else 200
        return render("meetings/form.html", "meetings/_form.html", http_status=status, form=form, meeting=None)
    meeting = services.create_meeting(form.meeting_fields(), units)
    flash(_("Đã tạo cuộc họp; danh sách dự họp gồm %(n)s người.", n=len(meeting.attendances)), "success")
    return redirect(url_for("meetings.detail", meeting_id=meeting.id))


@bp.route("/<int:meeting_id>/edit", methods=["GET", "POST"])
@requires(*RECORDERS)
def edit(meeting_id: int):
    meeting = _recordable(meeting_id)
    form = _meeting_form(meeting)
    units = _validated_units(form) if request.method == "POST" else None
    if units is None:
        status = 422 if request.method == "POST" else 200
        return render("meetings/form.html", "meetings/_form.html", http_status=status, form=form, meeting=meeting)
    services.update_meeting(meeting, form.meeting_fields(), units)
    flash(_("Đã lưu cuộc họp."), "success")
    return redirect(url_for("meetings.detail", meeting_id=meeting.id))


@bp.post("/<int:meeting_id>/delete")
@requires(*RECORDERS)
def delete(meeting_id: int):
    meeting = _recordable(meeting_id)
    services.delete_meeting(meeting)
    flash(_("Đã xóa cuộc họp."), "success")
    return redirect(url_for("meetings.index"))


def _detail_context(meeting: Meeting, **overrides) -> dict:
    rows = queries.attendance_rows(meeting.id)
    opinion_form = OpinionForm(formdata=None)
    opinion_form.setup_choices([row.person for row in rows], queries.speaking_groups(meeting))
    context = {
        "meeting": meeting, "counts": queries.counters(meeting.id), "file_form": FileForm(formdata=None),
        "opinion_form": opinion_form, "point_form": ConclusionPointForm(formdata=None),
        "conclusion_form": ConclusionForm(formdata=None, obj=meeting),
        "can_record": can_record_meeting(current_user, meeting),
        "can_assign_tasks": current_user.role in TASK_CREATORS,
        "point_tasks": tasks_by_source("conclusion_point", [p.id for p in meeting.conclusion_points]),
        "opinion_tasks": tasks_by_source("opinion", [o.id for o in meeting.opinions]),
    }
    context.update(overrides)
    return context


@bp.get("/<int:meeting_id>")
@requires(*READ_DIRECTORY)
def detail(meeting_id: int):
    meeting = _readable(meeting_id)
    return render("meetings/detail.html", **_detail_context(meeting))


@bp.get("/<int:meeting_id>/minutes")
@requires(*READ_DIRECTORY)
def minutes(meeting_id: int):
    meeting = _readable(meeting_id)
    rows = queries.attendance_rows(meeting.id)
    top_unit = db.session.scalar(select(Unit).where(Unit.parent_id.is_(None)).order_by(Unit.id).limit(1))
    return render("meetings/minutes.html", meeting=meeting, rows=rows, counts=queries.counters(meeting.id),
                  top_unit=top_unit)


# --- attendance grid -------------------------------------------------------------------------------------------

def _grid_context(meeting: Meeting, **extra) -> dict:
    return {"meeting": meeting, "rows": queries.attendance_rows(meeting.id), "counts": queries.counters(meeting.id),
            "can_record": can_record_meeting(current_user, meeting), "guest_form": GuestForm(formdata=None),
            "candidates": [], **extra}


@bp.get("/<int:meeting_id>/attendance")
@requires(*READ_DIRECTORY)
def attendance(meeting_id: int):
    meeting = _readable(meeting_id)
    query = (request.args.get("q") or "").strip()
    candidates = _guest_candidates(meeting, query) if query and can_record_meeting(current_user, meeting) else []
    return render("meetings/attendance.html", "meetings/_grid.html",
                  **_grid_context(meeting, candidates=candidates, query=query))


def _guest_candidates(meeting: Meeting, query: str) -> list[Person]:

    listed = select(Attendance.person_id).where(Attendance.meeting_id == meeting.id)
    statement = select(Person).where(Person.id.not_in(listed)).order_by(Person.sort_key).limit(20)
    return list(db.session.scalars(name_search(statement, query)))


def _parse_status(value: str | None) -> AttendanceStatus | None:
    """The posted mark; '' clears it. Raises ValueError for anything else."""
    if value == "":
        return None
    return AttendanceStatus(value)


@bp.post("/<int:meeting_id>/attendance/<int:row_id>")
@requires(*RECORDERS)
def mark(meeting_id: int, row_id: int):
    meeting = _recordable(meeting_id)
    row = _child_or_404(Attendance, row_id, meeting)
    reason = request.form.get("reason", row.reason or "")
    try:
        status = _parse_status(request.form.get("status"))
    except ValueError:
        return _row_error(meeting, row, _("Trạng thái điểm danh không hợp lệ; chưa lưu thay đổi."))
    if len(reason) > 255:
        return _row_error(meeting, row, _("Lý do dài quá 255 ký tự; chưa lưu thay đổi."))
    services.mark_attendance(row, status, reason, current_user)
    if not wants_fragment():
        return redirect(url_for("meetings.attendance", meeting_id=meeting.id) + f"#att-{row.id}")
    return render("meetings/attendance.html", "meetings/_row_update.html", **_grid_context(meeting, row=row))


def _row_error(meeting: Meeting, row: Attendance, message: str):
    return render("meetings/attendance.html", "meetings/_row_update.html", http_status=422,
                  **_grid_context(meeting, row=row, row_error=message, error=message))


@bp.post("/<int:meeting_id>/attendance/all-present")
@requires(*RECORDERS)
def all_present(meeting_id: int):
    meeting = _recordable(meeting_id)
    count = services.mark_all_present(meeting, current_user)
    message = _("Đã đánh dấu có mặt cho %(n)s người.", n=count)
    if not wants_fragment():
        flash(message, "success")
        return redirect(url_for("meetings.attendance", meeting_id=meeting.id))
    return render("meetings/attendance.html", "meetings/_grid.html", **_grid_context(meeting, notice=message))


@bp.post("/<int:meeting_id>/attendance/recompute")
@requires(*RECORDERS)
def recompute(meeting_id: int):
    meeting = _recordable(meeting_id)
    added = services.recompute_roster(meeting)
    flash(_("Đã cập nhật danh sách: thêm %(n)s người.", n=added), "success")
    return redirect(url_for("meetings.attendance", meeting_id=meeting.id))


@bp.post("/<int:meeting_id>/attendance/guests")
@requires(*RECORDERS)
def add_guest(meeting_id: int):
    meeting = _recordable(meeting_id)
    form = GuestForm()
    person = db.session.get(Person, form.person_id.data) if form.validate_on_submit() else None
    if person is None:
        message = _("Không tìm thấy người cần thêm.")
        return render("meetings/attendance.html", "meetings/_grid.html", http_status=422,
                      **_grid_context(meeting, error=message))
    added = services.add_guest(meeting, person.id)
    flash(_("Đã thêm khách mời %(name)s.", name=person.full_name) if added
          else _("%(name)s đã có trong danh sách.", name=person.full_name), "success")
    return redirect(url_for("meetings.attendance", meeting_id=meeting.id))


@bp.post("/<int:meeting_id>/attendance/<int:row_id>/remove")
@requires(*RECORDERS)
def remove_guest(meeting_id: int, row_id: int):
    meeting = _recordable(meeting_id)
    row = _child_or_404(Attendance, row_id, meeting)
    if row.expected:
        flash(_("Chỉ xóa được khách mời; thành phần bắt buộc được tính từ phân công."), "error")
    else:
        services.remove_guest(row)
        flash(_("Đã xóa khách mời khỏi danh sách."), "success")
    return redirect(url_for("meetings.attendance", meeting_id=meeting.id))


# --- schedule helper --------------------------------------------------------------------------------------------

@bp.route("/schedule", methods=["GET", "POST"])
@requires(*RECORDERS)
def schedule():
    form = ScheduleForm()
    if request.method == "GET":
        form.year.data = _this_year()
    cells = [u for u in queries.units_for_choice(current_user) if u.kind.value == "cell"]
    form.setup_choices(cells)
    if not form.validate_on_submit():
        status = 422 if request.method == "POST" else 200
        return render("meetings/schedule.html", "meetings/_schedule_form.html", http_status=status, form=form)
    units = [u for u in cells if u.id in set(form.unit_ids.data)]
    created = services.schedule_cell_meetings(units, form.year.data, form.day_of_month.data,
                                              (form.place.data or "").strip() or None)
    flash(_("Đã tạo %(n)s cuộc sinh hoạt chi bộ; các tháng đã có lịch được giữ nguyên.", n=created), "success")
    return redirect(url_for("meetings.index", kind=MeetingKind.CELL.value))


# --- attachments --------------------------------------------------------------------------------------------------

@bp.post("/<int:meeting_id>/files")
@requires(*RECORDERS)
def upload_file(meeting_id: int):
    meeting = _recordable(meeting_id)
    form = FileForm()
    upload = form.file.data if form.validate_on_submit() else None
    if not upload or not upload.filename:
        form.file.errors = [_("Hãy chọn tệp cần tải lên.")]
    elif not extension_allowed(upload.filename):
        form.file.errors = [_("Chỉ nhận tệp PDF, Word, Excel, OpenDocument, ảnh hoặc văn bản.")]
    else:
        services.attach_file(meeting, upload, current_user)
        flash(_("Đã tải lên %(name)s.", name=upload.filename), "success")
        return redirect(url_for("meetings.detail", meeting_id=meeting.id))
    return render("meetings/detail.html", http_status=422, **_detail_context(meeting, file_form=form))


@bp.get("/<int:meeting_id>/files/<int:file_id>")
@requires(*READ_DIRECTORY)
def download_file(meeting_id: int, file_id: int):
    meeting = _readable(meeting_id)
    record = _child_or_404(MeetingFile, file_id, meeting)
    return send_file(services.file_path(record), download_name=record.file_name, as_attachment=True,
                     mimetype=record.content_type or "application/octet-stream")


@bp.post("/<int:meeting_id>/files/<int:file_id>/delete")
@requires(*RECORDERS)
def delete_file(meeting_id: int, file_id: int):
    meeting = _recordable(meeting_id)
    services.delete_file(_child_or_404(MeetingFile, file_id, meeting))
    flash(_("Đã xóa tệp."), "success")
    return redirect(url_for("meetings.detail", meeting_id=meeting.id))


# --- opinions and conclusion ----------------------------------------------------------------------------------

def _speech_response(meeting: Meeting, http_status: int = 200, **overrides):
    context = _detail_context(meeting, **overrides)
    if not wants_fragment() and http_status == 200:
        return redirect(url_for("meetings.detail", meeting_id=meeting.id) + "#speeches")
    return render("meetings/detail.html", "meetings/_speeches.html", http_status=http_status, **context)


@bp.post("/<int:meeting_id>/opinions")
@requires(*RECORDERS)
def add_opinion(meeting_id: int):
    meeting = _recordable(meeting_id)
    form = OpinionForm()
    form.setup_choices([row.person for row in queries.attendance_rows(meeting.id)], queries.speaking_groups(meeting))
    if not form.validate_on_submit():
        return _speech_response(meeting, 422, opinion_form=form)
    services.add_opinion(meeting, form.opinion_fields())
    return _speech_response(meeting)


@bp.post("/<int:meeting_id>/opinions/<int:opinion_id>/delete")
@requires(*RECORDERS)
def delete_opinion(meeting_id: int, opinion_id: int):
    meeting = _recordable(meeting_id)
    services.delete_opinion(_child_or_404(Opinion, opinion_id, meeting))
    return _speech_response(meeting)


@bp.post("/<int:meeting_id>/opinions/<int:opinion_id>/follow-up")
@requires(*RECORDERS)
def follow_up(meeting_id: int, opinion_id: int):
    meeting = _recordable(meeting_id)
    services.toggle_follow_up(_child_or_404(Opinion, opinion_id, meeting))
    return _speech_response(meeting)


@bp.post("/<int:meeting_id>/conclusion")
@requires(*RECORDERS)
def save_conclusion(meeting_id: int):
    meeting = _recordable(meeting_id)
    form = ConclusionForm()
    if not form.validate_on_submit():
        return _speech_response(meeting, 422, conclusion_form=form)
    services.set_conclusion(meeting, form.chair.data, form.conclusion.data)
    return _speech_response(meeting)


@bp.post("/<int:meeting_id>/conclusion/points")
@requires(*RECORDERS)
def add_point(meeting_id: int):
    meeting = _recordable(meeting_id)
    form = ConclusionPointForm()
    if not form.validate_on_submit():
        return _speech_response(meeting, 422, point_form=form)
    services.add_conclusion_point(meeting, form.text.data, form.owner_text.data, form.deadline.data)
    return _speech_response(meeting)


@bp.post("/<int:meeting_id>/conclusion/points/<int:point_id>/delete")
@requires(*RECORDERS)
def delete_point(meeting_id: int, point_id: int):
    meeting = _recordable(meeting_id)
    services.delete_conclusion_point(_child_or_404(ConclusionPoint, point_id, meeting))
    return _speech_response(meeting)


# --- matrix (paper register) ----------------------------------------------------------------------------------

@bp.get("/matrix/unit/<int:unit_id>")
@requires(*READ_DIRECTORY)
def unit_matrix(unit_id: int):
    unit = db.session.get(Unit, unit_id) or abort(404)
    ensure(unit_in_scope(current_user, unit))
    year = parse_year(request.args.get("year"), _this_year())
    return render("meetings/matrix.html", "meetings/_matrix.html",
                  matrix=queries.unit_matrix(unit.id, year, current_user),
                  subject=unit.name, year=year, can_edit=current_user.role in RECORDERS)


@bp.get("/matrix/group/<int:group_id>")
@requires(*READ_DIRECTORY)
def group_matrix(group_id: int):
    group = db.session.get(WorkingGroup, group_id) or abort(404)
    year = parse_year(request.args.get("year"), _this_year())
    return render("meetings/matrix.html", "meetings/_matrix.html",
                  matrix=queries.group_matrix(group.id, year, current_user),
                  subject=group.name, year=year, can_edit=current_user.role in RECORDERS)


@bp.post("/attendance/<int:row_id>/cycle")
@requires(*RECORDERS)
def cycle_cell(row_id: int):
    row = db.session.get(Attendance, row_id) or abort(404)
    meeting = _recordable(row.meeting_id)
    try:
        status = _parse_status(request.form["status"]) if "status" in request.form else services.next_status(row.status)
    except ValueError:
        return _cell(row, meeting, http_status=422)
    services.mark_attendance(row, status, row.reason, current_user)
    if not wants_fragment():
        return redirect(url_for("meetings.unit_matrix", unit_id=meeting.units[0].id, year=meeting.held_on.year)
                        if meeting.units else url_for("meetings.attendance", meeting_id=meeting.id))
    return _cell(row, meeting)


def _cell(row: Attendance, meeting: Meeting, http_status: int = 200):
    """One matrix cell, described like the rows of `queries.unit_matrix`."""
    mark = SimpleNamespace(id=row.id, status=row.status, expected=row.expected, held_on=meeting.held_on,
                           title=meeting.title)
    return render("meetings/_matrix_cell.html", "meetings/_matrix_cell.html", http_status=http_status,
                  mark=mark, can_edit=True)


# --- members' records (embedded in person and group pages) ------------------------------------------------------

@bp.get("/person/<int:person_id>/record")
@requires()
def person_record(person_id: int):
    person = db.session.get(Person, person_id) or abort(404)
    ensure(can_read_record(current_user, person.id))
    year = parse_year(request.args.get("year"), 0) or None
    return render("meetings/person_record.html", "meetings/_person_record.html", person=person, year=year,
                  meetings=queries.person_meetings(person.id, year, current_user),
                  rate=queries.attendance_rate(person.id, year, current_user),
                  streaks=queries.absence_streaks(person.id, year, current_user))


@bp.get("/group/<int:group_id>/record")
@requires(*READ_DIRECTORY)
def group_record(group_id: int):
    group = db.session.get(WorkingGroup, group_id) or abort(404)
    year = parse_year(request.args.get("year"), 0) or None
    return render("meetings/group_record.html", "meetings/_group_record.html", group=group, year=year,
                  records=queries.group_record(group.id, year, current_user))


@bp.context_processor
def _meeting_helpers() -> dict:
    return {"next_status": services.next_status, "STATUS_KEYS": STATUS_KEYS, "STATUS_SHORT": STATUS_SHORT,
            "minutes_title": minutes_title, "minutes_organ": minutes_organ, "locality": locality}
