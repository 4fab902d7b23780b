"""Target indicators: each one's latest measurement, and the units' average achievement."""
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, select
from sqlalchemy.orm import contains_eager

from ..extensions import db
from ..models import TargetIndicator, TargetMeasurement, Unit
from ..permissions import path_under


@dataclass
class IndicatorFigure:
    indicator: TargetIndicator
    actual: float | None
    measured_on: date | None

    @property
    def percent(self) -> float | None:
        """Achievement as a percentage of the target (None before the first measurement)."""
        if self.actual is None:
            return None
        return round(float(self.actual) * 100 / float(self.indicator.target_value), 1)


def indicator_figures(year: int, unit_path: str = "/", unit_id: int | None = None,
                      as_of: date | None = None) -> list[IndicatorFigure]:
    """The year's indicators in the subtree (or of one unit) with their latest measurement up to `as_of`."""
    as_of = as_of or date(year, 12, 31)
    ranked = (select(TargetMeasurement.indicator_id, TargetMeasurement.value, TargetMeasurement.measured_on,
                     func.row_number().over(partition_by=TargetMeasurement.indicator_id,
                                            order_by=(TargetMeasurement.measured_on.desc(),
                                                      TargetMeasurement.id.desc())).label("rank"))
              .where(TargetMeasurement.measured_on <= as_of).subquery())
    stmt = (select(TargetIndicator, ranked.c.value, ranked.c.measured_on)
            .join(Unit, Unit.id == TargetIndicator.unit_id)
            .outerjoin(ranked, and_(ranked.c.indicator_id == TargetIndicator.id, ranked.c.rank == 1))
            .where(TargetIndicator.year == year, path_under(Unit.path, unit_path))
            .options(contains_eager(TargetIndicator.unit))
            .order_by(Unit.path, TargetIndicator.id))
    if unit_id is not None:
        stmt = stmt.where(TargetIndicator.unit_id == unit_id)
    return [IndicatorFigure(ind, value, day) for ind, value, day in db.session.execute(stmt)]


@dataclass(frozen=True)
class UnitAchievement:
    unit: Unit
    indicators: int
    measured: int
    average: float | None


def unit_achievements(indicators: list[IndicatorFigure]) -> list[UnitAchievement]:
    """Per unit: indicators, how many have a measurement, and the average achievement (unmeasured count as 0)."""
    by_unit: dict[int, list[IndicatorFigure]] = {}
    for figure in indicators:
        by_unit.setdefault(figure.indicator.unit_id, []).append(figure)
    return [UnitAchievement(figures[0].indicator.unit, len(figures), sum(fig.percent is not None for fig in figures),
                            round(sum(fig.percent or 0 for fig in figures) / len(figures), 1))
            for figures in by_unit.values()]


def low_achievement_units(indicators: list[IndicatorFigure], threshold: int) -> list[UnitAchievement]:
    """Units whose average achievement is below `threshold` %, lowest first."""
    return sorted((u for u in unit_achievements(indicators) if u.average < threshold), key=lambda u: u.average)
