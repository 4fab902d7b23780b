"""Target pages: a unit's indicators as a self-refreshing HTMX component, and the forms that change them."""
from flask import abort, request
from flask_login import current_user
from sqlalchemy import select

from ..clock import local_today
from ..extensions import db
from ..models import Role, TargetIndicator, TargetMeasurement, Unit
from ..permissions import READ_DIRECTORY, can_record_for_unit, ensure, in_scope, requires, scope_path, unit_in_scope
from ..rendering import render
from ..services import REFUSED, run_service
from . import bp, services
from .figures import UnitAchievement, indicator_figures, unit_achievements
from .forms import FIRST_YEAR, LAST_YEAR, IndicatorForm, MeasurementForm

EDIT_ROLES = (Role.ADMIN, Role.UNIT_OFFICER)


def _year() -> int:
    raw = request.args.get("year", "")
    if raw and (not raw.isdigit() or not FIRST_YEAR <= int(raw) <= LAST_YEAR):
        abort(400)
    return int(raw) if raw else local_today().year


def _unit(unit_id: int) -> Unit:
    unit = db.session.get(Unit, unit_id) or abort(404)
    ensure(unit_in_scope(current_user, unit))
    return unit


def _component(unit: Unit, year: int, *, indicator_form=None, measurement_forms=None, http_status=200,
               editing: int | None = None):
    """The unit's targets for the year (page or fragment), with empty or failed forms."""
    can_edit = can_record_for_unit(current_user, unit)
    figures = indicator_figures(year, unit_id=unit.id)
    form = indicator_form or IndicatorForm(formdata=None, year=year)
    forms = measurement_forms or {}
    return render("targets/unit.html", "targets/_unit_targets.html", http_status=http_status, unit=unit,
                  year=year, years=(FIRST_YEAR, LAST_YEAR), figures=figures, can_edit=can_edit, indicator_form=form,
                  measurement_forms=forms,
                  new_measurement=lambda: MeasurementForm(formdata=None, measured_on=local_today()),
                  editing=editing)


@bp.get("/")
@requires(*READ_DIRECTORY)
def index():
    year = _year()
    scope = scope_path(current_user)
    units = db.session.scalars(select(Unit).where(Unit.active.is_(True), in_scope(current_user))
                               .order_by(Unit.path))
    achieved = {a.unit.id: a for a in unit_achievements(indicator_figures(year, scope))}
    rows = [achieved.get(unit.id) or UnitAchievement(unit, 0, 0, None) for unit in units]
    return render("targets/index.html", rows=rows, year=year)


@bp.get("/unit/<int:unit_id>")
@requires(*READ_DIRECTORY)
def unit_targets(unit_id):
    return _component(_unit(unit_id), _year())


@bp.post("/unit/<int:unit_id>/indicators")
@requires(*EDIT_ROLES)
def create_indicator(unit_id):
    unit = _unit(unit_id)
    ensure(can_record_for_unit(current_user, unit))
    form = IndicatorForm()
    if not form.validate():
        year = form.year.data if not form.year.errors and form.year.data else _year()
        return _component(unit, year, indicator_form=form, http_status=422)
    if not run_service(form, services.create_indicator, unit, form.year.data, form.name.data,
                       form.measure_unit.data, form.target_value.data, form.notes.data):
        return _component(unit, form.year.data, indicator_form=form, http_status=422)
    return _component(unit, form.year.data)


def _indicator(indicator_id: int) -> TargetIndicator:
    indicator = db.session.get(TargetIndicator, indicator_id) or abort(404)
    ensure(can_record_for_unit(current_user, indicator.unit))
    return indicator


@bp.post("/indicator/<int:indicator_id>/edit")
@requires(*EDIT_ROLES)
def update_indicator(indicator_id):
    indicator = _indicator(indicator_id)
    form = IndicatorForm()
    if not form.validate():
        return _component(indicator.unit, indicator.year, indicator_form=form, http_status=422, editing=indicator.id)
    done = run_service(form, services.update_indicator, indicator, year=form.year.data, name=form.name.data,
                       measure_unit=form.measure_unit.data, target_value=form.target_value.data,
                       notes=form.notes.data or None)
    if done is REFUSED:
        return _component(indicator.unit, indicator.year, indicator_form=form, http_status=422, editing=indicator.id)
    return _component(indicator.unit, indicator.year)


@bp.get("/indicator/<int:indicator_id>/edit")
@requires(*EDIT_ROLES)
def edit_indicator(indicator_id):
    indicator = _indicator(indicator_id)
    form = IndicatorForm(obj=indicator)
    return _component(indicator.unit, indicator.year, indicator_form=form, editing=indicator.id)


@bp.post("/indicator/<int:indicator_id>/delete")
@requires(*EDIT_ROLES)
def delete_indicator(indicator_id):
    indicator = _indicator(indicator_id)
    unit, year = indicator.unit, indicator.year
    run_service(None, services.delete_indicator, indicator)
    return _component(unit, year)


@bp.post("/indicator/<int:indicator_id>/measurements")
@requires(*EDIT_ROLES)
def record_measurement(indicator_id):
    indicator = _indicator(indicator_id)
    form = MeasurementForm()
    if not form.validate():
        return _component(indicator.unit, indicator.year, measurement_forms={indicator.id: form}, http_status=422)
    run_service(form, services.record_measurement, indicator, form.measured_on.data, form.value.data, form.note.data,
                current_user.id)
    return _component(indicator.unit, indicator.year)


@bp.post("/measurement/<int:measurement_id>/delete")
@requires(*EDIT_ROLES)
def delete_measurement(measurement_id):
    measurement = db.session.get(TargetMeasurement, measurement_id) or abort(404)
    indicator = _indicator(measurement.indicator_id)
    run_service(None, services.delete_measurement, measurement)
    return _component(indicator.unit, indicator.year)
