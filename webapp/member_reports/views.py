"""Members' report pages: what I owe and writing it; the group's view of who reported; compiling the group's
report from them into the reporting ledger; the group's reporting rule."""
from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..clock import local_today
from ..extensions import db
from ..models import MemberReport, MemberReportRule, ReportFrequency, ReportSchedule, ReportSubmission, WorkingGroup
from ..permissions import can_manage_group, ensure, requires
from ..rendering import render
from ..reports.periods import parse_period_key, period_bounds, period_key, period_label, periods_between
from ..reports.services import submit_report
from ..services import run_service
from ..template_helpers import label
from . import bp
from .access import can_oversee_group, can_read_report
from .figures import period_figures
from .forms import CompileForm, MemberReportForm, RuleForm
from .queries import coordinating_reports, group_standings, headed_rules, owed_by, reports_within
from .services import compile_draft, set_rule, submit_member_report


@bp.get("/")
@requires()
def index():
    today = local_today()
    owed = owed_by(current_user.person_id, today) if current_user.person_id else []
    return render("member_reports/index.html", owed=owed, rules=headed_rules(current_user), today=today,
                  partners=coordinating_reports(current_user, today))


def _rule(rule_id: int) -> MemberReportRule:
    return db.get_or_404(MemberReportRule, rule_id)


def _key(rule: MemberReportRule, key: str) -> str:
    try:
        parse_period_key(rule.frequency, key)
    except ValueError:
        abort(404)
    return key


@bp.route("/write/<int:rule_id>/<key>", methods=["GET", "POST"])
@requires()
def write(rule_id: int, key: str):
    rule = _rule(rule_id)
    key = _key(rule, key)
    if current_user.person_id is None:
        abort(403)
    today = local_today()
    start, end = period_bounds(rule.frequency, key)
    figures = period_figures(current_user.person_id, rule.group_id, start, min(end, today))
    form = MemberReportForm()
    if form.validate_on_submit():
        report = run_service(form, submit_member_report, current_user, rule, current_user.person_id, key,
                             form.text.data, today)
        if report:
            flash(_("Đã gửi báo cáo kỳ %(key)s.", key=key))
            return redirect(url_for("member_reports.detail", report_id=report.id))
    return render("member_reports/write.html", form=form, rule=rule, key=key, start=start, end=end, figures=figures,
                  http_status=422 if request.method == "POST" else 200)


@bp.get("/<int:report_id>")
@requires()
def detail(report_id: int):
    report = db.get_or_404(MemberReport, report_id)
    ensure(can_read_report(current_user, report))
    return render("member_reports/detail.html", report=report)


def _group(group_id: int) -> WorkingGroup:
    group = db.get_or_404(WorkingGroup, group_id)
    ensure(can_oversee_group(current_user, group))
    return group


def _group_page(group: WorkingGroup, form: CompileForm | None = None, status: int = 200):
    rule = db.session.scalar(select(MemberReportRule).where(MemberReportRule.group_id == group.id))
    today = local_today()
    if rule is None:
        return render(
            "member_reports/group.html",
            group=group,
            rule=None,
            can_manage=can_manage_group(current_user, group),
            http_status=status,
        )
    key = request.args.get("period") or period_key(rule.frequency, today)
    key = _key(rule, key)
    start, end = period_bounds(rule.frequency, key)
    schedules = db.session.scalars(select(ReportSchedule).where(ReportSchedule.group_id == group.id,
                                                                ReportSchedule.active.is_(True))).all()
    can_manage = can_manage_group(current_user, group)
    if can_manage and form is None and schedules:
        form = CompileForm()
        schedule = schedules[0]
        form.period_key.data = period_key(schedule.frequency, start)
        group_start, group_end = period_bounds(schedule.frequency, form.period_key.data)
        form.text.data = compile_draft(reports_within(group.id, group_start, group_end))
    if form is not None:
        form.schedule_id.choices = [(s.id, label(s.frequency)) for s in schedules]
    periods = [(k, period_label(rule.frequency, k))
               for k in reversed(periods_between(rule.frequency, rule.starts_on, max(today, rule.starts_on)))]
    if key not in dict(periods):
        periods.insert(0, (key, period_label(rule.frequency, key)))
    return render("member_reports/group.html", group=group, rule=rule, key=key, start=start, end=end,
                  key_label=period_label(rule.frequency, key), periods=periods,
                  rows=group_standings(rule, key, today), form=form, can_manage=can_manage, http_status=status)


@bp.get("/group/<int:group_id>")
@requires()
def group_view(group_id: int):
    return _group_page(_group(group_id))


@bp.post("/group/<int:group_id>/compile")
@requires()
def compile_report(group_id: int):
    """The head's edited draft enters the group's reporting ledger as the report of the chosen period."""
    group = _group(group_id)
    ensure(can_manage_group(current_user, group))
    form = CompileForm()
    schedules = {s.id: s for s in db.session.scalars(select(ReportSchedule).where(
        ReportSchedule.group_id == group.id, ReportSchedule.active.is_(True)))}
    form.schedule_id.choices = [(s.id, label(s.frequency)) for s in schedules.values()]
    schedule = schedules.get(form.schedule_id.data) if form.validate_on_submit() else None
    if schedule is not None:
        key = form.period_key.data.strip().upper()
        try:
            parse_period_key(schedule.frequency, key)
        except ValueError:
            form.period_key.errors = [_("Kỳ báo cáo không đúng dạng (ví dụ: %(example)s).",
                                        example=period_key(schedule.frequency, local_today()))]
            schedule = None
        else:
            if db.session.scalar(select(ReportSubmission.id).where(ReportSubmission.schedule_id == schedule.id,
                                                                   ReportSubmission.period_key == key)):
                form.period_key.errors = [_("Báo cáo kỳ này đã được ghi nhận.")]
                schedule = None
    elif form.schedule_id.data and not form.schedule_id.errors:
        form.schedule_id.errors = [_("Lựa chọn không hợp lệ.")]
    if schedule is None:
        return _group_page(group, form, 422)
    submission = run_service(form, submit_report, schedule, current_user, key, form.text.data)
    if not submission:
        return _group_page(group, form, 422)
    flash(_("Đã ghi nhận báo cáo kỳ %(key)s.", key=submission.period_key))
    return redirect(url_for("reports.submission", submission_id=submission.id))


@bp.route("/group/<int:group_id>/rule", methods=["GET", "POST"])
@requires()
def rule(group_id: int):
    group = db.get_or_404(WorkingGroup, group_id)
    ensure(can_manage_group(current_user, group))
    existing = db.session.scalar(select(MemberReportRule).where(MemberReportRule.group_id == group.id))
    form = RuleForm(obj=existing) if request.method == "GET" and existing else RuleForm()
    if request.method == "GET" and existing:
        form.frequency.data = existing.frequency.value
    if form.validate_on_submit() and run_service(form, set_rule, group, ReportFrequency(form.frequency.data),
                                                 form.due_day.data, form.months_after.data, form.starts_on.data):
        flash(_("Đã lưu chế độ báo cáo của thành viên."))
        return redirect(url_for("member_reports.group_view", group_id=group.id))
    return render("member_reports/rule.html", form=form, group=group,
                  http_status=422 if request.method == "POST" else 200)
