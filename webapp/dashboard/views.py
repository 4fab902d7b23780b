"""Dashboard pages: thin views over `figures` (numbers), `queries` (records) and `reports` (official documents,
written and issued by `paperwork`)."""
import io
from dataclasses import replace

from flask import Response, abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..clock import local_today
from ..extensions import db
from ..formfields import bounded_int, is_db_id
from ..models import AttendanceStatus, Person, Role, WorkingGroup
from ..pagination import Page, paginate
from ..paperwork import sheets
from ..paperwork.issuing import issue
from ..permissions import requires
from ..rendering import render, wants_fragment
from ..template_helpers import label
from ..unit_labels import group_label, unit_label
from . import bp, queries, reports
from .figures.coverage import unattended_cells, uncovered_units
from .figures.dashboard import build_dashboard, dashboard_view
from .figures.groups import group_in_scope, groups_in_view
from .figures.members import assigned_units
from .filters import PERIOD_LABELS, parse_filters

DASHBOARD_ROLES = (Role.ADMIN, Role.LEADERSHIP)


def current_filters():
    """Filters from the query string; an out-of-scope group is reported like an unknown one."""
    f = parse_filters(request.args, current_user)
    if f.group is not None and not group_in_scope(f, f.group):
        f.errors.append(_("Đoàn công tác đã chọn nằm ngoài phạm vi được giao của bạn."))
        f.group = None
    return f


def filter_context(f) -> dict:
    """What the filter form needs: choices for term, group and unit."""
    return {"f": f, "period_labels": PERIOD_LABELS, "terms": queries.term_choices(),
            "group_choices": groups_in_view(_without_group(f)), "unit_choices": queries.unit_choices(f)}


def _without_group(f):
    return replace(f, group=None)


MEMBER_ROWS = 50
# The sections below the headline (each a partial, `section_template`), and for the paged ones the member list they
# page through. The first response carries the headline and a placeholder per section, loaded when scrolled to.
SECTIONS = {"groups": None, "obligations": None, "visits": None, "flagged": None, "ranking": "ranking",
            "heatmap": "members", "coverage": None, "cells": None, "feedback-tasks": None, "targets": None}


def section_template(name: str) -> str:
    return f"dashboard/_{name.replace('-', '_')}.html"


def member_page(dash, name: str) -> Page:
    """One page of a per-member section, so the page stays light with thousands of members."""
    items = getattr(dash, SECTIONS[name]) if dash else []
    pages = max(1, -(-len(items) // MEMBER_ROWS))
    number = min(max(request.args.get(f"{name}_page", 1, type=bounded_int) or 1, 1), pages)
    start = (number - 1) * MEMBER_ROWS
    return Page(items=items[start:start + MEMBER_ROWS], page=number, per_page=MEMBER_ROWS, total=len(items))


@bp.get("/")
@requires(*DASHBOARD_ROLES)
def index():
    """The headline figures and the filters; every section comes at its own URL when scrolled to."""
    f = current_filters()
    dash = None if f.errors else dashboard_view(f, viewer=current_user)
    return render("dashboard/index.html", "dashboard/_body.html", http_status=400 if f.errors else 200,
                  **board_context(f, dash))


def board_context(f, dash, section_name: str | None = None) -> dict:
    """What the dashboard page shows: the headline, the filters, and the section opened in place (its own URL
    loaded as a page), with its page of members when it is paged."""
    # The filter form is outside every fragment: its choices are only queried for a whole page.
    context = {"dash": dash, "open_section": section_name, **({"f": f} if wants_fragment() else filter_context(f))}
    if section_name and SECTIONS[section_name]:
        context[f"{section_name}_page"] = member_page(dash, section_name)
    return context


@bp.get("/section/<name>")
@requires(*DASHBOARD_ROLES)
def section(name: str):
    """One section of the dashboard: HTMX gets the section alone (when scrolled to, or another page of the
    ranking or the heatmap); loaded as a page, the URL is the dashboard with this section open in place."""
    if name not in SECTIONS:
        abort(404)
    f = current_filters()
    if f.errors:
        return render("dashboard/index.html", "dashboard/_errors.html", http_status=400, errors=f.errors,
                      dash=None, open_section=None, **filter_context(f))
    dash = dashboard_view(f, viewer=current_user)
    return render("dashboard/index.html", section_template(name), **board_context(f, dash, name))


RECORD_KINDS = ("attendance", "group_meetings", "opinions", "feedback", "tasks", "uncovered", "unattended")


def _int_or_none(name: str) -> int | None:
    raw = request.args.get(name, "")
    if raw == "":
        return None
    if not is_db_id(raw):
        abort(400)
    return int(raw)


@bp.get("/records/<kind>")
@requires(*DASHBOARD_ROLES)
def records(kind):
    """The records behind a figure (the drill-down). HTMX gets the panel alone and puts this URL in the address
    bar; the URL loaded as a page is the whole dashboard with the panel open, scrolled to."""
    f = current_filters()
    if kind not in RECORD_KINDS:
        abort(404)
    context = {"f": f, "kind": kind, "page": None, "units": None, "cells": None, "errors": list(f.errors)}
    days = None
    if request.args.get("month") and f.period != "month":  # a monthly dashboard's `month` is its own filter
        days = queries.month_range(request.args["month"], f)
        if days is None:
            context["errors"].append(_("Tháng không hợp lệ (dạng YYYY-MM)."))
    status = request.args.get("status") or None
    if status and status not in queries.STATUS_CHOICES:
        context["errors"].append(_("Trạng thái dự họp không hợp lệ."))
    if context["errors"]:
        return render("dashboard/records.html", "dashboard/_records.html", http_status=400, **context)
    person_id, group_id, unit_id = _int_or_none("person"), _int_or_none("group"), _int_or_none("unit_id")
    if kind == "attendance":
        statuses = queries.STATUS_CHOICES[status] if status else None
        context["page"] = paginate(queries.attendance_records(f, person_id, group_id, unit_id, statuses, days),
                                   scalars=False)
    elif kind == "group_meetings":
        context["page"] = paginate(queries.group_meeting_records(f, person_id, group_id, days), scalars=False)
    elif kind == "opinions":
        context["page"] = paginate(queries.opinion_records(f, person_id, group_id, days), scalars=False)
    elif kind == "feedback":
        context["page"] = paginate(queries.feedback_records(f, current_user, person_id, group_id, days), scalars=False)
    elif kind == "tasks":
        context["page"] = paginate(queries.task_records(f, local_today(), current_user, person_id, group_id),
                                   scalars=False)
    elif kind == "uncovered":
        context["units"] = uncovered_units(f)
    else:
        context["cells"] = unattended_cells(f)
    context.update(status=_status_text(status), period_text=_period_text(f, days),
                   who=_who(person_id, group_id, unit_id))
    whole = {} if wants_fragment() else board_context(f, dashboard_view(f, viewer=current_user))
    body, http_status = render("dashboard/index.html", "dashboard/_records.html", **{**whole, **context})
    return body, http_status, {"HX-Push-Url": request.script_root + request.full_path.rstrip("?")}


def _period_text(f, days) -> str:
    """The period the records cover, as the drill-down's heading names it: 'tháng 11/2026' for a month (the
    heatmap's column or a monthly dashboard), else the dashboard's own words ('năm 2026', 'quý I năm 2026')."""
    if days:
        return _("tháng %(m)02d/%(y)s", m=days[0].month, y=days[0].year)
    if f.period == "month":
        return _("tháng %(m)02d/%(y)s", m=f.month, y=f.year)
    return f.label()


def _who(person_id, group_id, unit_id) -> list[str]:
    """Whose records these are, in words: the member, the group, the unit the figure was drawn for."""
    person = db.session.get(Person, person_id) if person_id else None
    return [text for text in (person.full_name if person else None, group_label(group_id) if group_id else None,
                              unit_label(unit_id) if unit_id else None) if text]


def _status_text(status: str | None) -> str | None:
    """The drill-down's status filter in words, never its code ('attended' is present or late)."""
    if not status:
        return None
    if status == "attended":
        return _("Có dự (có mặt hoặc đến muộn)")
    return label(AttendanceStatus(status))


def _dashboard_or_400():
    """The dashboard for the request's filters, or a 400 page listing what is wrong with them."""
    f = current_filters()
    if f.errors:
        abort(Response(render_template("dashboard/records.html", f=f, kind="uncovered", page=None, units=[],
                                       cells=None, errors=f.errors, status=None), 400))
    return f


def _download(doc, fmt: str, stem: str):
    f_name = f"{stem}.{fmt}"
    if fmt == "xlsx":
        body, mimetype = sheets.to_xlsx(doc), sheets.XLSX_TYPE
    elif fmt == "ods":
        body, mimetype = sheets.to_ods(doc), sheets.ODS_TYPE
    else:
        abort(404)
    return send_file(io.BytesIO(body), mimetype=mimetype, as_attachment=True, download_name=f_name)


@bp.get("/report")
@requires(*DASHBOARD_ROLES)
def report():
    f = _dashboard_or_400()
    return render("dashboard/document.html", doc=reports.activity_report(build_dashboard(f)), f=f,
                  can_issue=current_user.role == Role.ADMIN)


@bp.post("/report/issue")
@requires(Role.ADMIN)
def issue_report():
    """The activity report for the posted period, numbered and entered in the register of outgoing documents."""
    f = parse_filters(request.form, current_user)
    if f.errors:
        flash("; ".join(f.errors), "error")
        return redirect(url_for("dashboard.index"))
    return issue("BC", reports.activity_report(build_dashboard(f)), None, url_for("dashboard.index"))


@bp.get("/report.<fmt>")
@requires(*DASHBOARD_ROLES)
def report_file(fmt):
    f = _dashboard_or_400()
    return _download(
        reports.activity_report(build_dashboard(f)), fmt, f"bao-cao-doan-cong-tac-{f.start:%Y%m%d}-{f.end:%Y%m%d}"
    )


@bp.get("/roster.<fmt>")
@requires(*DASHBOARD_ROLES)
def roster_file(fmt):
    f = _dashboard_or_400()
    return _download(reports.roster(f), fmt, f"danh-sach-doan-cong-tac-{f.end:%Y%m%d}")


@bp.get("/register.<fmt>")
@requires(*DASHBOARD_ROLES)
def register_file(fmt):
    f = _dashboard_or_400()
    return _download(reports.attendance_register(f), fmt, f"so-theo-doi-du-sinh-hoat-{f.start:%Y%m%d}-{f.end:%Y%m%d}")


@bp.get("/roster")
@requires(*DASHBOARD_ROLES)
def roster():
    f = _dashboard_or_400()
    return render("dashboard/document.html", doc=reports.roster(f), f=f)


@bp.get("/register")
@requires(*DASHBOARD_ROLES)
def register():
    f = _dashboard_or_400()
    return render("dashboard/document.html", doc=reports.attendance_register(f), f=f)


def _group_for_scorecard(group_id: int):
    f = _dashboard_or_400()
    group = db.session.get(WorkingGroup, group_id)
    if group is None or not group_in_scope(replace(f, term=group.term), group):
        abort(404)
    return replace(f, group=group, term=group.term)


@bp.get("/scorecard/group/<int:group_id>")
@requires(*DASHBOARD_ROLES)
def group_scorecard(group_id):
    f = _group_for_scorecard(group_id)
    dash = build_dashboard(f)
    return render("dashboard/scorecard_group.html", dash=dash, f=f, group=dash.groups[0] if dash.groups else None,
                  units=assigned_units(f))


@bp.get("/scorecard/member/<int:group_id>/<int:person_id>")
@requires(*DASHBOARD_ROLES)
def member_scorecard(group_id, person_id):
    f = _group_for_scorecard(group_id)
    dash = build_dashboard(f)
    figure = next((fig for fig in dash.members if fig.member.person_id == person_id), None)
    if figure is None:
        abort(404)
    return render("dashboard/scorecard_member.html", dash=dash, f=f, fig=figure,
                  units=assigned_units(f).get(figure.member.key, []))
