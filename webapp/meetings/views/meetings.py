"""The meetings themselves: the list, a meeting's page, creating, editing and deleting one, the year's cell
meetings at once, and the files attached to a meeting."""
from datetime import date

from flask import flash, redirect, request, send_file, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from ...clock import local_today
from ...exports import book_response
from ...extensions import db
from ...formfields import bounded_int
from ...models import MeetingFile, MeetingKind, Role, Unit, WorkingGroup
from ...pagination import paginate
from ...permissions import READ_DIRECTORY, requires
from ...rendering import hx_redirect, render
from ...services import run_service
from ...uploads import extension_allowed
from .. import bp, queries, services
from ..access import RECORDERS
from ..export import sheets as export_sheets
from ..forms import FileForm, MeetingForm, ScheduleForm, parse_month
from .common import child_or_404, detail_context, readable, recordable


@bp.get("/")
@requires(*READ_DIRECTORY)
def index():
    kind, unit_id, month = _list_filters()
    page = paginate(queries.meeting_rows(current_user, kind, unit_id, month), scalars=False, counted=True)
    return render("meetings/index.html", "meetings/_meeting_rows.html", page=page,
                  unit_labels=queries.unit_labels_of([meeting.id for meeting in page.items]),
                  units=queries.unit_filter_choices(current_user), kind=kind, unit_id=unit_id, month=month,
                  can_create=current_user.role in RECORDERS)


def _list_filters() -> tuple[str | None, int | None, date | None]:
    """The list's filters from the query string (kind, unit id, month); unknown values are ignored."""
    kind = request.args.get("kind") or None
    kind = kind if kind in {k.value for k in MeetingKind} else None
    return kind, request.args.get("unit", type=bounded_int), parse_month(request.args.get("month"))


@bp.get("/export.xlsx")
@requires(*READ_DIRECTORY)
def export():
    """The meetings of the list (same filters and scope) and their attendance, as .xlsx."""
    return book_response("cuoc-hop.xlsx", export_sheets(current_user, *_list_filters()))


def _meeting_form(meeting=None) -> MeetingForm:
    form = MeetingForm(obj=meeting)
    if meeting is not None and request.method == "GET":
        form.kind.data = meeting.kind.value
        form.organiser.data = meeting.organiser.value if meeting.organiser else ""
        form.unit_ids.data = [u.id for u in meeting.units]
    form.setup_choices(queries.units_for_choice(current_user), queries.groups_for_choice(current_user))
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
    units = queries.units_by_ids(form.unit_ids.data)
    if not units and current_user.role != Role.ADMIN:
        form.unit_ids.errors.append(_("Hãy chọn ít nhất một đơn vị của bạn."))
        return None
    return units


def _form_page(form: MeetingForm, meeting):
    status = 422 if request.method == "POST" else 200
    return render("meetings/form.html", "meetings/_form.html", http_status=status, form=form, meeting=meeting)


@bp.route("/new", methods=["GET", "POST"])
@requires(*RECORDERS)
def create():
    form = _meeting_form()
    if request.method == "GET":
        form.kind.data = request.args.get("kind", MeetingKind.CELL.value)
    units = _validated_units(form) if request.method == "POST" else None
    meeting = units is not None and run_service(form, services.create_meeting, form.meeting_fields(), units)
    if not meeting:
        return _form_page(form, None)
    flash(_("Đã tạo cuộc họp; danh sách dự họp gồm %(n)s người.", n=len(meeting.attendances)), "success")
    return hx_redirect(url_for("meetings.detail", meeting_id=meeting.id))


@bp.route("/<int:meeting_id>/edit", methods=["GET", "POST"])
@requires(*RECORDERS)
def edit(meeting_id: int):
    meeting = recordable(meeting_id)
    form = _meeting_form(meeting)
    units = _validated_units(form) if request.method == "POST" else None
    if units is None or not run_service(form, services.update_meeting, meeting, form.meeting_fields(), units):
        return _form_page(form, meeting)
    flash(_("Đã lưu cuộc họp."), "success")
    return hx_redirect(url_for("meetings.detail", meeting_id=meeting.id))


@bp.post("/<int:meeting_id>/delete")
@requires(*RECORDERS)
def delete(meeting_id: int):
    meeting = recordable(meeting_id)
    run_service(None, services.delete_meeting, meeting)
    flash(_("Đã xóa cuộc họp."), "success")
    return redirect(url_for("meetings.index"))


@bp.get("/<int:meeting_id>")
@requires(*READ_DIRECTORY)
def detail(meeting_id: int):
    meeting = readable(meeting_id)
    return render("meetings/detail.html", **detail_context(meeting))


@bp.route("/schedule", methods=["GET", "POST"])
@requires(*RECORDERS)
def schedule():
    form = ScheduleForm()
    if request.method == "GET":
        form.year.data = local_today().year
    cells = [u for u in queries.units_for_choice(current_user) if u.kind.value == "cell"]
    form.setup_choices(cells)
    if not form.validate_on_submit():
        status = 422 if request.method == "POST" else 200
        return render("meetings/schedule.html", "meetings/_schedule_form.html", http_status=status, form=form)
    units = [u for u in cells if u.id in set(form.unit_ids.data)]
    created = run_service(form, services.schedule_cell_meetings, units, form.year.data, form.day_of_month.data,
                          (form.place.data or "").strip() or None)
    flash(ngettext("Đã tạo %(num)s cuộc sinh hoạt chi bộ; các tháng đã có lịch được giữ nguyên.",
                   "Đã tạo %(num)s cuộc sinh hoạt chi bộ; các tháng đã có lịch được giữ nguyên.", created), "success")
    return redirect(url_for("meetings.index", kind=MeetingKind.CELL.value))


@bp.post("/<int:meeting_id>/files")
@requires(*RECORDERS)
def upload_file(meeting_id: int):
    meeting = recordable(meeting_id)
    form = FileForm()
    upload = form.file.data if form.validate_on_submit() else None
    if not upload or not upload.filename:
        form.file.errors = [_("Hãy chọn tệp cần tải lên.")]
    elif not extension_allowed(upload.filename):
        form.file.errors = [_("Chỉ nhận tệp PDF, Word, Excel, OpenDocument, ảnh hoặc văn bản.")]
    elif run_service(form, services.attach_file, meeting, upload, current_user):
        flash(_("Đã tải lên %(name)s.", name=upload.filename), "success")
        return redirect(url_for("meetings.detail", meeting_id=meeting.id))
    return render("meetings/detail.html", http_status=422, **detail_context(meeting, file_form=form))


@bp.get("/<int:meeting_id>/files/<int:file_id>")
@requires(*READ_DIRECTORY)
def download_file(meeting_id: int, file_id: int):
    meeting = readable(meeting_id)
    record = child_or_404(MeetingFile, file_id, meeting)
    return send_file(services.file_path(record), download_name=record.file_name, as_attachment=True,
                     mimetype=record.content_type or "application/octet-stream")


@bp.post("/<int:meeting_id>/files/<int:file_id>/delete")
@requires(*RECORDERS)
def delete_file(meeting_id: int, file_id: int):
    meeting = recordable(meeting_id)
    run_service(None, services.delete_file, child_or_404(MeetingFile, file_id, meeting))
    flash(_("Đã xóa tệp."), "success")
    return redirect(url_for("meetings.detail", meeting_id=meeting.id))
