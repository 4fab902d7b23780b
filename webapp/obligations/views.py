"""A group's attendance rule, and members' declared absences (leave, illness, training)."""
from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from ..extensions import db
from ..models import Absence, AbsenceReason, AttendanceRule, ObligationMode, WorkingGroup
from ..pagination import paginate
from ..permissions import can_manage_group, ensure, requires
from ..rendering import render
from ..services import run_service
from ..template_helpers import label
from . import bp
from .access import can_manage_absence
from .forms import AbsenceForm, RuleForm
from .queries import absences_for, person_choices
from .services import declare_absence, set_attendance_rule, withdraw_absence


@bp.route("/group/<int:group_id>", methods=["GET", "POST"])
@requires()
def rule(group_id: int):
    group = db.get_or_404(WorkingGroup, group_id)
    ensure(can_manage_group(current_user, group))
    existing = db.session.query(AttendanceRule).filter_by(group_id=group.id).one_or_none()
    form = RuleForm()
    form.mode.choices = [SelectChoice(m.value, label(m)) for m in ObligationMode]
    if request.method == "GET" and existing:
        form.mode.data, form.times.data, form.months.data = existing.mode.value, existing.times, str(existing.months)
    if form.validate_on_submit() and form.mode.data in {m.value for m in ObligationMode} \
            and form.months.data in {"1", "3", "6", "12"} \
            and run_service(form, set_attendance_rule, group, ObligationMode(form.mode.data), form.times.data,
                            int(form.months.data)):
        flash(_("Đã lưu nghĩa vụ dự sinh hoạt của đoàn."))
        return redirect(url_for("groups.detail", group_id=group.id))
    return render("obligations/rule.html", form=form, group=group, http_status=422 if request.method == "POST" else 200)


@bp.get("/absences")
@requires()
def absences():
    return render("obligations/absences.html", page=paginate(absences_for(current_user)),
                  can_declare=bool(person_choices(current_user)))


@bp.route("/absences/new", methods=["GET", "POST"])
@requires()
def declare():
    form = AbsenceForm()
    form.person_id.choices = person_choices(current_user)
    form.reason.choices = [SelectChoice(r.value, label(r)) for r in AbsenceReason]
    if request.method == "GET" and current_user.person_id:
        form.person_id.data = current_user.person_id
    if form.validate_on_submit():
        if form.person_id.data not in dict(form.person_id.choices):
            form.person_id.errors = [_("Đồng chí không khai báo được cho người này.")]
        elif form.reason.data not in {r.value for r in AbsenceReason}:
            form.reason.errors = [_("Lựa chọn không hợp lệ.")]
        elif run_service(form, declare_absence, current_user, form.person_id.data, form.start_date.data,
                         form.end_date.data, AbsenceReason(form.reason.data), form.note.data):
            flash(_("Đã khai báo thời gian vắng; các buổi sinh hoạt trong thời gian này không tính vào nghĩa vụ."))
            return redirect(url_for("obligations.absences"))
    return render("obligations/declare.html", form=form, http_status=422 if request.method == "POST" else 200)


@bp.post("/absences/<int:absence_id>/delete")
@requires()
def delete(absence_id: int):
    absence = db.get_or_404(Absence, absence_id)
    ensure(can_manage_absence(current_user, absence))
    run_service(None, withdraw_absence, absence)
    flash(_("Đã xóa khai báo."))
    return redirect(url_for("obligations.absences"))
