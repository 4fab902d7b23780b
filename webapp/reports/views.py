"""Reporting ledger, its export, schedules and report submissions."""
import calendar
from datetime import date

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..clock import local_today
from ..exports import Column, xlsx_response
from ..extensions import db
from ..feedback import queries as choices
from ..feedback.forms import uploaded_files
from ..feedback.uploads import send_attachment
from ..formfields import bounded_int
from ..models import Attachment, ReportFrequency, ReportSchedule, ReportSubmission, Role, WorkingGroup
from ..permissions import READ_DIRECTORY, headed_group_ids, managed_groups, requires
from ..rendering import render
from ..services import run_service
from ..template_helpers import label
from . import bp
from .forms import ScheduleForm, SubmissionForm
from .ledger import ledger_rows, summarise
from .periods import Standing, parse_period_key, period_key
from .services import create_schedule, submit_report


def _month(value: str | None, fallback: date, last_day: bool) -> date:
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        day = calendar.monthrange(year, month)[1] if last_day else 1
        return date(year, month, day)
    except (ValueError, TypeError):
        return fallback


def _window() -> tuple[date, date]:
    today = local_today()
    start = _month(request.args.get("from"), date(today.year, 1, 1), last_day=False)
    end = _month(
        request.args.get("to"), date(today.year, today.month, calendar.monthrange(today.year, today.month)[1]), True
    )
    return (start, end) if start <= end else (end.replace(day=1), start)


def _ledger():
    start, end = _window()
    rows = ledger_rows(start, end, local_today(), request.args.get("group", type=bounded_int))
    summaries, overall = summarise(rows)
    return start, end, rows, summaries, overall


@bp.get("/")
@requires(*READ_DIRECTORY)
def index():
    start, end, rows, summaries, overall = _ledger()
    return render("reports/index.html", "reports/_ledger.html", rows=rows, summaries=summaries, overall=overall,
                  start=start, end=end, groups=choices.group_choices(blank=False), Standing=Standing,
                  group_id=request.args.get("group", type=bounded_int), can_submit=_can_submit_any())


def _standing_text(row) -> str:
    if row.standing.standing == Standing.LATE:
        return ngettext("Trễ %(num)s ngày", "Trễ %(num)s ngày", row.standing.days_late)
    return label(row.standing.standing)


@bp.get("/export.xlsx")
@requires(*READ_DIRECTORY)
def export():
    start, end, rows, _summaries, overall = _ledger()
    columns = [Column(_("Đoàn công tác"), 28), Column(_("Kỳ báo cáo"), 14), Column(_("Kỳ"), 10),
               Column(_("Hạn nộp"), 13), Column(_("Ngày nộp"), 13), Column(_("Tình trạng"), 20)]
    data = [[r.schedule.group.name, label(r.schedule.frequency), r.period_key, r.due_on,
             r.submission.submitted_on if r.submission else None, _standing_text(r)] for r in rows]
    title = _(
        "SỔ THEO DÕI CHẾ ĐỘ BÁO CÁO (%(start)s – %(end)s)", start=start.strftime("%m/%Y"), end=end.strftime("%m/%Y")
    )
    return xlsx_response("so-theo-doi-bao-cao.xlsx", title, columns, data)


@bp.route("/schedules", methods=["GET", "POST"])
@requires(Role.ADMIN)
def schedules():
    form = ScheduleForm()
    form.group_id.choices = [(g.id, g.name) for g in db.session.scalars(
        select(WorkingGroup).where(WorkingGroup.id.in_(managed_groups(current_user))).order_by(WorkingGroup.number))]
    form.frequency.choices = [(f.value, label(f)) for f in ReportFrequency]
    if form.validate_on_submit():
        if run_service(form, create_schedule, db.session.get(WorkingGroup, form.group_id.data),
                       ReportFrequency(form.frequency.data), form.due_day.data, form.months_after.data,
                       form.starts_on.data):
            flash(_("Đã thêm chế độ báo cáo."))
            return redirect(url_for("reports.schedules"))
    listing = db.session.scalars(select(ReportSchedule).options(selectinload(ReportSchedule.group))
                                 .order_by(ReportSchedule.group_id, ReportSchedule.frequency))
    return render("reports/schedules.html", form=form, schedules=list(listing),
                  http_status=422 if request.method == "POST" else 200)


def _can_submit_any() -> bool:
    return current_user.role == Role.ADMIN or (
        current_user.role == Role.GROUP_HEAD and bool(headed_group_ids(current_user))
    )


def _submittable_schedules() -> list[ReportSchedule]:
    statement = (select(ReportSchedule).where(ReportSchedule.active.is_(True))
                 .options(selectinload(ReportSchedule.group)).order_by(ReportSchedule.group_id))
    return list(db.session.scalars(statement.where(ReportSchedule.group_id.in_(managed_groups(current_user)))))


def _check_period(form: SubmissionForm, schedule: ReportSchedule) -> bool:
    key = form.period_key.data.strip().upper()
    try:
        parse_period_key(schedule.frequency, key)
    except ValueError:
        example = period_key(schedule.frequency, local_today())
        form.period_key.errors = [_("Kỳ báo cáo không đúng dạng (ví dụ: %(example)s).", example=example)]
        return False
    if db.session.scalar(select(ReportSubmission.id).where(ReportSubmission.schedule_id == schedule.id,
                                                           ReportSubmission.period_key == key)):
        form.period_key.errors = [_("Báo cáo kỳ này đã được ghi nhận.")]
        return False
    form.period_key.data = key
    return True


@bp.route("/submit", methods=["GET", "POST"])
@requires(Role.ADMIN, Role.GROUP_HEAD)
def submit():
    available = {s.id: s for s in _submittable_schedules()}
    form = SubmissionForm()
    form.schedule_id.choices = [(s.id, f"{s.group.name} — {label(s.frequency)}") for s in available.values()]
    if request.method == "GET" and not form.period_key.data and available:
        form.period_key.data = period_key(next(iter(available.values())).frequency, local_today())
    if form.validate_on_submit() and _check_period(form, available[form.schedule_id.data]):
        submission = run_service(form, submit_report, available[form.schedule_id.data], current_user,
                                 form.period_key.data, form.text.data, uploaded_files(form.files))
        if submission:
            flash(_("Đã ghi nhận báo cáo kỳ %(key)s.", key=submission.period_key))
            return redirect(url_for("reports.submission", submission_id=submission.id))
    return render("reports/submit.html", form=form, http_status=422 if request.method == "POST" else 200)


@bp.get("/submissions/<int:submission_id>")
@requires(*READ_DIRECTORY)
def submission(submission_id: int):
    return render("reports/submission.html", submission=db.get_or_404(ReportSubmission, submission_id))


@bp.get("/attachments/<int:attachment_id>")
@requires(*READ_DIRECTORY)
def download(attachment_id: int):
    attachment = db.get_or_404(Attachment, attachment_id)
    if attachment.report_submission_id is None:
        abort(404)
    return send_attachment(attachment)
