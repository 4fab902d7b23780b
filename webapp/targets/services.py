"""Named state changes for targets: each flushes, the caller commits (views through `run_service`); each one is
audited through the ORM."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..extensions import db
from ..models import TargetIndicator, TargetMeasurement, Unit
from ..names import fold
from ..services import RuleViolation, take_turns


def _check_name_free(unit: Unit, year: int, name: str, other_than: int | None = None) -> None:
    """One indicator of a name per unit and year (names compared as the import compares them: without case,
    diacritics or punctuation), so measurements and imports always know which indicator they are for."""
    take_turns(unit)  # a double submit's twin waits, then finds the first one's indicator
    held = db.session.scalars(select(TargetIndicator.name).where(TargetIndicator.unit_id == unit.id,
                                                                 TargetIndicator.year == year,
                                                                 TargetIndicator.id != (other_than or 0))).all()
    if fold(name) in {fold(other) for other in held}:
        raise RuleViolation("name", _l("Đơn vị đã có chỉ tiêu «%(name)s» trong năm %(year)s.", name=name.strip(),
                                       year=year))


def create_indicator(unit: Unit, year: int, name: str, measure_unit: str, target_value: float,
                     notes: str | None = None) -> TargetIndicator:
    """Add a yearly indicator to a unit."""
    _check_name_free(unit, year, name)
    indicator = TargetIndicator(unit=unit, year=year, name=name.strip(), measure_unit=measure_unit.strip(),
                                target_value=target_value, notes=notes or None)
    db.session.add(indicator)
    db.session.flush()
    return indicator


def update_indicator(indicator: TargetIndicator, **fields) -> None:
    """Change an indicator's name, unit of measure, target or notes."""
    _check_name_free(indicator.unit, fields.get("year", indicator.year), fields.get("name", indicator.name),
                     indicator.id)
    for key, value in fields.items():
        setattr(indicator, key, value.strip() if isinstance(value, str) else value)
    db.session.flush()


def delete_indicator(indicator: TargetIndicator) -> None:
    """Remove an indicator with its measurements."""
    db.session.delete(indicator)
    db.session.flush()


def record_measurement(indicator: TargetIndicator, measured_on, value: float, note: str | None,
                       user_id: int | None) -> TargetMeasurement:
    """Record the actual (cumulative) value of an indicator as of a date."""
    measurement = TargetMeasurement(indicator=indicator, measured_on=measured_on, value=value, note=note or None,
                                    recorded_by_id=user_id)
    db.session.add(measurement)
    db.session.flush()
    return measurement


def delete_measurement(measurement: TargetMeasurement) -> None:
    """Remove a wrongly recorded measurement."""
    db.session.delete(measurement)
    db.session.flush()
