"""Views of the groups area: thin wrappers around queries, forms and services."""
from flask import abort, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from ..clock import local_today
from ..exports import book_response
from ..extensions import db
from ..models import Assignment, Membership, Person, Role, Term, Unit, WorkingGroup
from ..pagination import paginate
from ..people.queries import person_options
from ..permissions import READ_DIRECTORY, can_manage_group, ensure, is_town_admin, requires, scope_path
from ..rendering import render, wants_fragment
from ..services import REFUSED, chosen, run_service
from ..template_helpers import vn_date
from ..unit_labels import unit_label
from ..units.queries import unit_choices
from . import bp, queries, services
from .access import can_edit_group, can_read_group
from .export import sheets as export_sheets
from .forms import AddMemberForm, AssignForm, ChangeUnitForm, EditMembershipForm, EndForm, GroupForm, TermForm

ROW_FORMS = {"edit": EditMembershipForm, "end": EndForm, "assign": AssignForm,
             "unit": ChangeUnitForm, "endassign": EndForm}
# Forms whose select lists every unit in scope (hundreds of options)
UNIT_FORMS = {"assign", "unit"}


def row_form(kind: str, row, unit_choices: list):
    """A fresh inline form of `kind` for the membership or assignment `row`."""
    key = f"{kind}-{row.id}"
    data = {"role": row.role.value, "responsibilities": row.responsibilities} if kind == "edit" else {}
    form = ROW_FORMS[kind](formdata=None, prefix=key, **data)
    if hasattr(form, "unit_id"):
        form.unit_id.choices = unit_choices
    return form


class RowForms:
    """The inline forms of the members section. Each is sent when opened (from `lazy_row_form`), not with the
    page: a row's forms are None, except the one that has just failed (with its errors) and the one asked for with
    ?form=KEY (the page opened without JavaScript)."""

    def __init__(self, unit_choices, failed: tuple[str, object] | None = None, requested: str | None = None):
        self.unit_choices = unit_choices  # a callable: the choices are only queried when a form needs them
        self.failed_key, self.failed_form = failed or (None, None)
        self.requested = requested

    def get(self, kind: str, row):
        """The form of `kind` for `row`, or None when it is loaded on opening."""
        key = f"{kind}-{row.id}"
        if key == self.failed_key:
            return self.failed_form
        if not self.is_open(kind, row):
            return None
        return row_form(kind, row, self.unit_choices() if kind in UNIT_FORMS else [])

    def is_open(self, kind: str, row) -> bool:
        return f"{kind}-{row.id}" in (self.failed_key, self.requested)


def _group_or_404(group_id: int) -> WorkingGroup:
    return queries.group_with_heading(group_id) or abort(404)


def _fill_group_choices(form: GroupForm) -> None:
    form.term_id.choices = [("", _("— Chọn nhiệm kỳ —"))] + [(t.id, t.name) for t in queries.terms()]
    form.owner_unit_id.choices = unit_choices(current_user)
    form.works_with_group_id.choices = [("", _("— Không —"))] + queries.link_choices(current_user)


def _pick(model, form_field, message: str):
    """The row whose id the field holds, else an error next to the field."""
    row = db.session.get(model, form_field.data) if form_field.data else None
    if row is None:
        form_field.errors = [*form_field.errors, message]
    return row


@bp.get("/")
@requires(*READ_DIRECTORY)
def index():
    """List the groups, filtered by name, with their heads and sizes."""
    search = request.args.get("q", "")
    page = paginate(queries.groups_statement(search), counted=True)
    summaries = queries.group_summaries(page.items, local_today())
    return render("groups/index.html", "groups/_rows.html", page=page, summaries=summaries, search=search,
                  can_create=current_user.role == Role.ADMIN)


@bp.get("/export.xlsx")
@requires(*READ_DIRECTORY)
def export():
    """The groups owned within the user's scope (filtered by the list's search) and their members, as .xlsx."""
    return book_response("doan-cong-tac.xlsx", export_sheets(current_user, request.args.get("q", ""), local_today()))


@bp.route("/new", methods=["GET", "POST"])
@requires(Role.ADMIN)
def create():
    """Create a working group."""
    form = GroupForm()
    _fill_group_choices(form)
    if form.validate_on_submit():
        group = _save_group(form, None)
        if group:
            return redirect(url_for("groups.detail", group_id=group.id))
    return render("groups/form.html", form=form, group=None, http_status=422 if form.errors else 200)


@bp.route("/<int:group_id>/edit", methods=["GET", "POST"])
@requires(Role.ADMIN)
def edit(group_id: int):
    """Edit a group's number, name, term, owning committee and notes."""
    group = _group_or_404(group_id)
    ensure(can_edit_group(current_user, group))
    form = GroupForm(obj=group)
    _fill_group_choices(form)
    if form.validate_on_submit():
        if _save_group(form, group):
            return redirect(url_for("groups.detail", group_id=group.id))
    return render("groups/form.html", form=form, group=group, http_status=422 if form.errors else 200)


def _save_group(form: GroupForm, group: WorkingGroup | None) -> WorkingGroup | None:
    """Create or update the group from a validated form; None (with field errors) when a rule fails."""
    term = _pick(Term, form.term_id, _("Hãy chọn nhiệm kỳ."))
    owner = _pick(Unit, form.owner_unit_id, _("Hãy chọn cấp ủy quản lý."))
    works_with = _pick(WorkingGroup, form.works_with_group_id, _("Lựa chọn không hợp lệ.")) \
        if form.works_with_group_id.data else None
    if not term or not owner or form.works_with_group_id.errors:
        return None
    values = dict(number=form.number.data, name=form.name.data, term=term, owner_unit=owner,
                  notes=form.notes.data, scope=scope_path(current_user), works_with=works_with)
    return run_service(form, services.update_group, group, **values) if group \
        else run_service(form, services.create_group, **values)


@bp.get("/<int:group_id>")
@requires()
def detail(group_id: int):
    """The group page: members by role, their units, and the history."""
    group = _group_or_404(group_id)
    ensure(can_read_group(current_user, group))
    return _members_response(group)


def _members_response(group: WorkingGroup, add_form: AddMemberForm | None = None,
                      failed: tuple[str, object] | None = None, http_status: int = 200, notice: str | None = None):
    """The group page, or its members section for HTMX, with any failed form shown open with its errors."""
    return render("groups/detail.html", "groups/_members.html", http_status=http_status,
                  **_members_context(group, add_form, failed, request.args.get("form"), notice))


def _members_context(group: WorkingGroup, add_form: AddMemberForm | None = None,
                     failed: tuple[str, object] | None = None, requested: str | None = None,
                     notice: str | None = None) -> dict:
    """What the group page and its members section show; the inline form `requested` ("kind-id") is open."""
    today = local_today()
    can_manage = can_manage_group(current_user, group)
    person_q = request.args.get("person_q", "")
    if can_manage and add_form is None:
        add_form = AddMemberForm(formdata=None)
    if add_form is not None:
        add_form.person_id.choices = _person_choices(person_q, add_form.person_id.data)
    forms = RowForms(lambda: unit_choices(current_user), failed, requested) if can_manage else None
    return dict(group=group, roster=queries.roster(group, today), today=today, can_manage=can_manage,
                can_edit=can_edit_group(current_user, group), add_form=add_form, forms=forms, person_q=person_q,
                current_assignments=queries.current_assignments, notice=notice)


def _person_choices(search: str, chosen_id: int | None) -> list[tuple]:
    """Options of the person select: the search's matches, keeping a person already chosen."""
    persons = person_options(search)
    chosen = db.session.get(Person, chosen_id) if chosen_id else None
    if chosen and chosen not in persons:
        persons.insert(0, chosen)
    return [("", _("— Chọn cá nhân —"))] + [(p.id, p.full_name + (f" — {p.position}" if p.position else ""))
                                           for p in persons]


def _apply(group: WorkingGroup, change, form, failed_key: str | None, notice=None):
    """Run a service change for a validated form and answer with the members section (422 on failure);
    `notice`, called after a success, words the confirmation shown above the section."""
    if form.validate() and run_service(form, change) is not REFUSED:
        return _members_response(group, notice=notice() if notice else None)
    if failed_key is None:
        return _members_response(group, add_form=form, http_status=422)
    return _members_response(group, failed=(failed_key, form), http_status=422)


def _managed_group(group_id: int) -> WorkingGroup:
    group = _group_or_404(group_id)
    ensure(can_manage_group(current_user, group))
    return group


def _membership_of(group: WorkingGroup, membership_id: int) -> Membership:
    membership = db.session.get(Membership, membership_id)
    if membership is None or membership.group_id != group.id:
        abort(404)
    return membership


def _assignment_of(group: WorkingGroup, assignment_id: int) -> Assignment:
    assignment = db.session.get(Assignment, assignment_id)
    if assignment is None or assignment.membership.group_id != group.id:
        abort(404)
    return assignment


@bp.post("/<int:group_id>/members")
@requires(Role.ADMIN, Role.GROUP_HEAD)
def add_member(group_id: int):
    """Add a head, deputy or member to the group."""
    group = _managed_group(group_id)
    form = AddMemberForm()

    def change():
        person = chosen(Person, form.person_id.data, "person_id", required=_("Hãy chọn một cá nhân."))
        return services.add_member(group, person, form.role.data, form.start_date.data, form.responsibilities.data)

    return _apply(group, change, form, None)


@bp.post("/<int:group_id>/members/<int:membership_id>/edit")
@requires(Role.ADMIN, Role.GROUP_HEAD)
def edit_membership(group_id: int, membership_id: int):
    """Reword responsibilities, or change the role from a date (closing the old row)."""
    group = _managed_group(group_id)
    membership = _membership_of(group, membership_id)
    key = f"edit-{membership.id}"
    form = EditMembershipForm(prefix=key)

    def change():
        if form.role.data == membership.role:
            services.update_responsibilities(membership, form.responsibilities.data)
        else:
            services.change_role(membership, form.role.data, form.on_date.data, form.responsibilities.data)

    return _apply(group, change, form, key)


@bp.post("/<int:group_id>/members/<int:membership_id>/end")
@requires(Role.ADMIN, Role.GROUP_HEAD)
def end_membership(group_id: int, membership_id: int):
    """End a membership and the assignments it holds."""
    group = _managed_group(group_id)
    membership = _membership_of(group, membership_id)
    key = f"end-{membership.id}"
    form = EndForm(prefix=key)

    def notice():
        return _("Đã ghi nhận: %(name)s thôi tham gia đoàn từ ngày %(d)s (ngày cuối là thành viên: %(last)s).",
                 name=membership.person.full_name, d=vn_date(form.on_date.data), last=vn_date(membership.end_date))

    return _apply(group, lambda: services.leave_group(membership, form.on_date.data), form, key, notice)


def _chosen_unit(form) -> Unit:
    """The unit picked on an assignment form, or a rule violation next to its field."""
    return chosen(Unit, form.unit_id.data, "unit_id", required=_("Hãy chọn đơn vị."))


# The inline forms of a row: the row they act on (a membership or an assignment), the endpoint they post to
# (with its argument naming the row) and their submit label
ROW_FORM_TARGETS = {"edit": (Membership, "groups.edit_membership", "membership_id", _l("Lưu")),
                    "end": (Membership, "groups.end_membership", "membership_id", _l("Kết thúc thành viên")),
                    "assign": (Membership, "groups.assign_unit", "membership_id", _l("Phân công")),
                    "unit": (Assignment, "groups.change_assignment_unit", "assignment_id", _l("Đổi đơn vị")),
                    "endassign": (Assignment, "groups.end_assignment", "assignment_id", _l("Kết thúc phân công"))}


@bp.get("/<int:group_id>/row-form/<kind>/<int:row_id>")
@requires(Role.ADMIN, Role.GROUP_HEAD)
def lazy_row_form(group_id: int, kind: str, row_id: int):
    """An inline form of a member row, fetched by HTMX when the officer opens it; opened directly (without
    JavaScript), the group page with that form open."""
    group = _managed_group(group_id)
    if kind not in ROW_FORM_TARGETS:
        abort(404)
    model, endpoint, argument, submit = ROW_FORM_TARGETS[kind]
    row = _membership_of(group, row_id) if model is Membership else _assignment_of(group, row_id)
    if wants_fragment():  # the form's body alone: the page's roster is not needed
        context = dict(form=row_form(kind, row, unit_choices(current_user) if kind in UNIT_FORMS else []),
                       action=url_for(endpoint, group_id=group.id, **{argument: row.id}), submit=submit)
    else:
        context = _members_context(group, requested=f"{kind}-{row.id}")
    return render("groups/detail.html", "groups/_row_form.html", **context)


@bp.post("/<int:group_id>/members/<int:membership_id>/assignments")
@requires(Role.ADMIN, Role.GROUP_HEAD)
def assign_unit(group_id: int, membership_id: int):
    """Have a member follow one more unit."""
    group = _managed_group(group_id)
    membership = _membership_of(group, membership_id)
    key = f"assign-{membership.id}"
    form = AssignForm(prefix=key)
    form.unit_id.choices = unit_choices(current_user)

    def change():
        services.assign_unit(membership, _chosen_unit(form), form.start_date.data, scope=scope_path(current_user))

    return _apply(group, change, form, key)


@bp.post("/<int:group_id>/assignments/<int:assignment_id>/unit")
@requires(Role.ADMIN, Role.GROUP_HEAD)
def change_assignment_unit(group_id: int, assignment_id: int):
    """Move an assignment to another unit from a date (closing the old row)."""
    group = _managed_group(group_id)
    assignment = _assignment_of(group, assignment_id)
    key = f"unit-{assignment.id}"
    form = ChangeUnitForm(prefix=key)
    form.unit_id.choices = unit_choices(current_user)

    def change():
        services.change_assignment_unit(assignment, _chosen_unit(form), form.on_date.data,
                                        scope=scope_path(current_user))

    return _apply(group, change, form, key)


@bp.post("/<int:group_id>/assignments/<int:assignment_id>/end")
@requires(Role.ADMIN, Role.GROUP_HEAD)
def end_assignment(group_id: int, assignment_id: int):
    """Stop following a unit."""
    group = _managed_group(group_id)
    assignment = _assignment_of(group, assignment_id)
    key = f"endassign-{assignment.id}"
    form = EndForm(prefix=key)

    def notice():
        return _("Đã ghi nhận: %(name)s thôi theo dõi %(unit)s từ ngày %(d)s.", name=assignment.person.full_name,
                 unit=unit_label(assignment.unit), d=vn_date(form.on_date.data))

    return _apply(group, lambda: services.stop_following(assignment, form.on_date.data), form, key, notice)


@bp.route("/terms", methods=["GET", "POST"])
@requires(Role.ADMIN)
def terms():
    """List the terms and open a new one."""
    form = TermForm()
    if request.method == "POST":
        ensure(is_town_admin(current_user))  # terms are town-wide
    if form.validate_on_submit():
        if run_service(form, services.create_term, form.name.data, form.start_date.data, form.end_date.data,
                       form.is_current.data):
            return redirect(url_for("groups.terms"))
    return render("groups/terms.html", form=form, terms=queries.terms(), http_status=422 if form.errors else 200)
