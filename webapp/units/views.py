"""Views of the units area."""
from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..clock import local_today
from ..exports import Column, xlsx_response
from ..extensions import db
from ..models import Role, Unit
from ..permissions import READ_DIRECTORY, ensure, requires, unit_in_scope
from ..rendering import render
from ..services import chosen, run_service
from ..template_helpers import label
from ..unit_labels import unit_label
from . import bp, queries, services
from .access import can_edit_unit, can_read_unit_record, can_set_identity
from .forms import IdentityForm, UnitForm, sector_choices
from .identity import identity_for

EDITORS = (Role.ADMIN, Role.UNIT_OFFICER)


def _unit_or_404(unit_id: int) -> Unit:
    return db.session.get(Unit, unit_id) or abort(404)


@bp.get("/")
@requires(*READ_DIRECTORY)
def index():
    """The whole unit tree."""
    return render("units/index.html", tree=queries.unit_tree(), can_create=current_user.role in EDITORS)


@bp.get("/export.xlsx")
@requires(*READ_DIRECTORY)
def export():
    """The unit tree as .xlsx in tree order, each unit with the unit it belongs to."""
    columns = [Column(_("Tổ chức đảng"), 40), Column(_("Thuộc"), 36), Column(_("Loại"), 18),
               Column(_("Khối"), 18), Column(_("Đang hoạt động"), 14)]
    rows = []

    def walk(nodes, parent_name):
        for node in nodes:
            unit = node.unit
            rows.append(
                [
                    ("   " * unit.depth) + unit.name,
                    parent_name,
                    label(unit.kind),
                    label(unit.sector),
                    _("Có") if unit.active else _("Không"),
                ]
            )
            walk(node.children, unit.name)

    walk(queries.unit_tree(), None)
    return xlsx_response("to-chuc-dang.xlsx", _("DANH SÁCH TỔ CHỨC ĐẢNG"), columns, rows)


@bp.get("/<int:unit_id>")
@requires(*READ_DIRECTORY)
def detail(unit_id: int):
    """The unit page: groups and members following it, and its sub-units."""
    unit = _unit_or_404(unit_id)
    today = local_today()
    followers = queries.followers(unit, today)
    return render("units/detail.html", unit=unit, followers=followers, groups=queries.groups_following(followers),
                  children=queries.children(unit), can_edit=can_edit_unit(current_user, unit),
                  can_set_identity=can_set_identity(current_user, unit),
                  show_targets=unit_in_scope(current_user, unit),
                  show_timeline=can_read_unit_record(current_user, unit, today))


def _form(unit: Unit | None) -> UnitForm:
    form = UnitForm(obj=unit, kind=unit.kind.value if unit else None, sector=unit.sector.value if unit else None)
    top_level = [("", _("— Cấp cao nhất —"))] if can_edit_unit(current_user, None) else []
    choices = top_level + queries.unit_choices(current_user)[1:]
    if unit and unit.parent and unit.parent_id not in {value for value, _label in choices}:
        choices.insert(0, (unit.parent_id, unit_label(unit.parent)))
    form.parent_id.choices = choices
    form.sector.choices = sector_choices(unit.sector if unit else None)
    return form


@bp.route("/new", methods=["GET", "POST"])
@requires(*EDITORS)
def create():
    """Add a unit under a parent in the user's scope."""
    form = _form(None)
    if form.validate_on_submit():
        unit = _save(form, None)
        if unit:
            return redirect(url_for("units.detail", unit_id=unit.id))
    return render("units/form.html", form=form, unit=None, http_status=422 if form.errors else 200)


@bp.route("/<int:unit_id>/edit", methods=["GET", "POST"])
@requires(*EDITORS)
def edit(unit_id: int):
    """Rename, reclassify or move a unit."""
    unit = _unit_or_404(unit_id)
    ensure(can_edit_unit(current_user, unit))
    form = _form(unit)
    if form.validate_on_submit():
        if _save(form, unit):
            return redirect(url_for("units.detail", unit_id=unit.id))
    return render("units/form.html", form=form, unit=unit, http_status=422 if form.errors else 200)


def _save(form: UnitForm, unit: Unit | None) -> Unit | None:
    """Create or update the unit from a validated form; None (with field errors) when a rule fails."""
    def save() -> Unit:
        values = dict(name=form.name.data, kind=form.kind.data, sector=form.sector.data,
                      parent=chosen(Unit, form.parent_id.data, "parent_id"), short_name=form.short_name.data,
                      user=current_user)
        return services.update_unit(unit, **values) if unit else services.create_unit(**values)

    return run_service(form, save)


IDENTITY_FIELDS = ("superior_name", "issuer_name", "committee_name", "symbol", "place_name", "signer_on_behalf",
                   "signer_title", "signer_name", "recipients")


@bp.route("/<int:unit_id>/identity", methods=["GET", "POST"])
@requires(Role.ADMIN)
def identity(unit_id: int):
    """The identity under which the unit issues documents: names, symbol, place, signer, recipients."""
    unit = _unit_or_404(unit_id)
    ensure(can_set_identity(current_user, unit))
    current = identity_for(unit)
    form = IdentityForm(data={name: getattr(current, name) for name in IDENTITY_FIELDS if name != "recipients"}
                        | {"recipients": "\n".join(current.recipients)}) if request.method == "GET" else IdentityForm()
    if form.validate_on_submit() and run_service(
            form, services.save_identity, unit, **{name: getattr(form, name).data for name in IDENTITY_FIELDS}):
        flash(_("Đã lưu thông tin cơ quan ban hành văn bản."))
        return redirect(url_for("units.detail", unit_id=unit.id))
    return render("units/identity.html", form=form, unit=unit, http_status=422 if request.method == "POST" else 200)
