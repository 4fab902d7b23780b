"""Attendance: the meeting's list as a grid of marks, guests, and the one-click marks of the paper register."""
from types import SimpleNamespace

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...extensions import db
from ...models import Attendance, AttendanceStatus, Meeting, Person
from ...permissions import READ_DIRECTORY, requires
from ...rendering import render, render_or_redirect
from ...services import run_service
from .. import bp, queries, services
from ..access import RECORDERS, can_record_meeting
from ..forms import GuestForm
from .common import child_or_404, readable, recordable


def _grid_context(meeting: Meeting, **extra) -> dict:
    return {"meeting": meeting, "rows": queries.attendance_rows(meeting.id), "counts": queries.counters(meeting.id),
            "can_record": can_record_meeting(current_user, meeting), "guest_form": GuestForm(formdata=None),
            "candidates": [], **extra}


def _grid_url(meeting: Meeting) -> str:
    return url_for("meetings.attendance", meeting_id=meeting.id)


@bp.get("/<int:meeting_id>/attendance")
@requires(*READ_DIRECTORY)
def attendance(meeting_id: int):
    meeting = readable(meeting_id)
    query = (request.args.get("q") or "").strip()
    searching = query and can_record_meeting(current_user, meeting)
    candidates = queries.guest_candidates(meeting.id, query) if searching else []
    return render("meetings/attendance.html", "meetings/_grid.html",
                  **_grid_context(meeting, candidates=candidates, query=query))


def _parse_status(value: str | None) -> AttendanceStatus | None:
    """The posted mark; '' clears it. Raises ValueError for anything else."""
    if value == "":
        return None
    return AttendanceStatus(value)


@bp.post("/<int:meeting_id>/attendance/<int:row_id>")
@requires(*RECORDERS)
def mark(meeting_id: int, row_id: int):
    meeting = recordable(meeting_id)
    row = child_or_404(Attendance, row_id, meeting)
    reason = request.form.get("reason", row.reason or "")
    try:
        status = row.status if request.form.get("keep_status") else _parse_status(request.form.get("status"))
    except ValueError:
        return _row_error(meeting, row, _("Trạng thái điểm danh không hợp lệ; chưa lưu thay đổi."))
    if len(reason) > 255:
        return _row_error(meeting, row, _("Lý do dài quá 255 ký tự; chưa lưu thay đổi."))
    run_service(None, services.mark_attendance, row, status, reason, current_user)
    return render_or_redirect(_grid_url(meeting) + f"#att-{row.id}", "meetings/_row_update.html",
                              **_grid_context(meeting, row=row))


def _row_error(meeting: Meeting, row: Attendance, message: str):
    return render("meetings/attendance.html", "meetings/_row_update.html", http_status=422,
                  **_grid_context(meeting, row=row, row_error=message, error=message))


@bp.post("/<int:meeting_id>/attendance/all-present")
@requires(*RECORDERS)
def all_present(meeting_id: int):
    meeting = recordable(meeting_id)
    count = run_service(None, services.mark_all_present, meeting, current_user)
    message = _("Đã đánh dấu có mặt cho %(n)s người.", n=count)
    return render_or_redirect(_grid_url(meeting), "meetings/_grid.html", flashed=message,
                              **_grid_context(meeting, notice=message))


@bp.post("/<int:meeting_id>/attendance/recompute")
@requires(*RECORDERS)
def recompute(meeting_id: int):
    meeting = recordable(meeting_id)
    added = run_service(None, services.recompute_roster, meeting)
    flash(_("Đã cập nhật danh sách: thêm %(n)s người.", n=added), "success")
    return redirect(_grid_url(meeting))


@bp.post("/<int:meeting_id>/attendance/guests")
@requires(*RECORDERS)
def add_guest(meeting_id: int):
    meeting = recordable(meeting_id)
    form = GuestForm()
    person = db.session.get(Person, form.person_id.data) if form.validate_on_submit() else None
    if person is None:
        message = _("Không tìm thấy người cần thêm.")
        return render("meetings/attendance.html", "meetings/_grid.html", http_status=422,
                      **_grid_context(meeting, error=message))
    added = run_service(form, services.add_guest, meeting, person.id)
    flash(_("Đã thêm khách mời %(name)s.", name=person.full_name) if added
          else _("%(name)s đã có trong danh sách.", name=person.full_name), "success")
    return redirect(_grid_url(meeting))


@bp.post("/<int:meeting_id>/attendance/<int:row_id>/remove")
@requires(*RECORDERS)
def remove_guest(meeting_id: int, row_id: int):
    meeting = recordable(meeting_id)
    row = child_or_404(Attendance, row_id, meeting)
    if row.expected:
        flash(_("Chỉ xóa được khách mời; thành phần bắt buộc được tính từ phân công."), "error")
    else:
        run_service(None, services.remove_guest, row)
        flash(_("Đã xóa khách mời khỏi danh sách."), "success")
    return redirect(_grid_url(meeting))


@bp.post("/attendance/<int:row_id>/cycle")
@requires(*RECORDERS)
def cycle_cell(row_id: int):
    row = db.session.get(Attendance, row_id) or abort(404)
    meeting = recordable(row.meeting_id)
    try:
        status = _parse_status(request.form["status"]) if "status" in request.form else services.next_status(row.status)
    except ValueError:
        return _cell(row, meeting, http_status=422)
    run_service(None, services.mark_attendance, row, status, row.reason, current_user)
    register = (url_for("meetings.unit_matrix", unit_id=meeting.units[0].id, year=meeting.held_on.year)
                if meeting.units else _grid_url(meeting))
    return render_or_redirect(register, "meetings/_matrix_cell.html", **_cell_context(row, meeting))


def _cell_context(row: Attendance, meeting: Meeting) -> dict:
    """One matrix cell, described like the rows of `queries.unit_matrix`."""
    mark = SimpleNamespace(id=row.id, status=row.status, expected=row.expected, held_on=meeting.held_on,
                           title=meeting.title)
    return {"mark": mark, "can_edit": True}


def _cell(row: Attendance, meeting: Meeting, http_status: int = 200):
    return render("meetings/_matrix_cell.html", "meetings/_matrix_cell.html", http_status=http_status,
                  **_cell_context(row, meeting))
