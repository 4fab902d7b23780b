"""Targets-area fixtures: the shared town and one indicator of the ward with a measurement."""
from datetime import date

import pytest

from tests.webapp.town import login_as, town  # noqa: F401  (shared directory fixtures)
from webapp.extensions import db
from webapp.models import TargetIndicator, TargetMeasurement


@pytest.fixture
def indicator(town):  # noqa: F811  (the shared town fixture, imported above)
    indicator = TargetIndicator(unit=town.ward, year=2026, name="Kết nạp đảng viên mới", measure_unit="đảng viên",
                                target_value=10.0)
    indicator.measurements = [TargetMeasurement(measured_on=date(2026, 3, 31), value=4.0)]
    db.session.add(indicator)
    db.session.commit()
    return indicator
