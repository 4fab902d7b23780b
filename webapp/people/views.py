"""Views of the people area."""
from flask import abort, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..clock import local_today
from ..exports import Column, xlsx_response
from ..extensions import db
from ..models import Person, Role, Unit
from ..pagination import paginate
from ..permissions import READ_DIRECTORY, can_read_person, ensure, requires
from ..rendering import render
from ..services import chosen, run_service
from ..template_helpers import label
from ..units.queries import unit_choices
from . import bp, queries, services
from .access import can_create_person, can_edit_person
from .forms import PersonForm

EDITORS = (Role.ADMIN, Role.UNIT_OFFICER)


@bp.get("/")
@requires(*READ_DIRECTORY)
def index():
    """List persons in Vietnamese name order, with a search that ignores diacritics."""
    search = request.args.get("q", "")
    page = paginate(queries.persons_statement(search), counted=True)
    groups = queries.current_memberships([p.id for p in page.items], local_today())
    return render("people/index.html", "people/_rows.html", page=page, groups=groups, search=search,
                  can_create=can_create_person(current_user))


@bp.get("/export.xlsx")
@requires(*READ_DIRECTORY)
def export():
    """The directory (filtered by the same search) as .xlsx, formula-safe like every export."""
    persons = db.session.scalars(queries.persons_statement(request.args.get("q", ""))).all()
    groups = queries.current_memberships([p.id for p in persons], local_today())
    columns = [Column(_("Họ và tên"), 28), Column(_("Ngày sinh"), 12), Column(_("Chức vụ"), 36),
               Column(_("Điện thoại"), 14), Column(_("Sinh hoạt tại"), 32), Column(_("Thuộc"), 30),
               Column(_("Đoàn công tác, nhiệm vụ"), 40)]
    rows = [[p.full_name, p.birth_date, p.position, p.phone, p.home_unit.name if p.home_unit else None,
             p.home_unit.parent.name if p.home_unit and p.home_unit.parent else None,
             "\n".join(f"{m.group_name} — {label(m.role)}" for m in groups[p.id])] for p in persons]
    return xlsx_response("ca-nhan.xlsx", _("DANH SÁCH CÁ NHÂN"), columns, rows)


@bp.get("/picker")
@requires(*READ_DIRECTORY)
def picker():
    """Person options for the add-member select (a plain results page without JavaScript)."""
    search = request.args.get("person_q", "")
    return render("people/picker.html", "people/_options.html", persons=queries.person_options(search), person_q=search)


@bp.get("/<int:person_id>")
@requires()
def detail(person_id: int):
    """The person page: details, groups and assignments, current and past."""
    person = db.session.get(Person, person_id) or abort(404)
    ensure(can_read_person(current_user, person.id))
    memberships, assignments = queries.person_history(person)
    today = local_today()
    return render("people/detail.html", person=person, today=today,
                  current=[m for m in memberships if m.is_active(today) or m.start_date > today],
                  past=[m for m in memberships if m.end_date is not None and m.end_date < today],
                  current_assignments=[a for a in assignments if a.end_date is None or a.end_date >= today],
                  past_assignments=[a for a in assignments if a.end_date is not None and a.end_date < today],
                  can_edit=can_edit_person(current_user, person))


@bp.route("/new", methods=["GET", "POST"])
@requires(*EDITORS)
def create():
    """Add a person to the directory."""
    form = PersonForm()
    form.home_unit_id.choices = unit_choices(current_user)
    if form.validate_on_submit():
        person = _save(form, None)
        if person:
            return redirect(url_for("people.detail", person_id=person.id))
    return render("people/form.html", form=form, person=None, http_status=422 if form.errors else 200)


@bp.route("/<int:person_id>/edit", methods=["GET", "POST"])
@requires(*EDITORS)
def edit(person_id: int):
    """Edit a person's name, details and home unit."""
    person = db.session.get(Person, person_id) or abort(404)
    ensure(can_edit_person(current_user, person))
    form = PersonForm(obj=person)
    form.home_unit_id.choices = unit_choices(current_user)
    if form.validate_on_submit():
        if _save(form, person):
            return redirect(url_for("people.detail", person_id=person.id))
    return render("people/form.html", form=form, person=person, http_status=422 if form.errors else 200)


def _save(form: PersonForm, person: Person | None) -> Person | None:
    """Create or update the person from a validated form; None (with field errors) when a rule fails."""
    fields = {name: form[name].data for name in ("full_name", "birth_date", "position", "phone", "email",
                                                  "is_council_delegate", "notes")}

    def save() -> Person:
        home_unit = chosen(Unit, form.home_unit_id.data, "home_unit_id")
        return services.update_person(person, user=current_user, home_unit=home_unit, **fields) if person \
            else services.create_person(user=current_user, home_unit=home_unit, **fields)

    return run_service(form, save)
