"""Which level the figures suggest, as a pure function over the round's criteria (settings, edited per round)."""
from ..models import AssessmentLevel

# Level → the least each figure must reach to suggest it; a rate that had nothing to measure counts as met.
DEFAULT_CRITERIA = {
    AssessmentLevel.EXCELLENT.value: {"attendance_rate": 90, "visits": 4, "reports_on_time_rate": 90},
    AssessmentLevel.GOOD.value: {"attendance_rate": 75, "visits": 2, "reports_on_time_rate": 70},
    AssessmentLevel.COMPLETE.value: {"attendance_rate": 50, "visits": 1, "reports_on_time_rate": 50},
}
CRITERIA_KEYS = ("attendance_rate", "visits", "reports_on_time_rate")
ORDER = (AssessmentLevel.EXCELLENT, AssessmentLevel.GOOD, AssessmentLevel.COMPLETE)


def _meets(figures: dict, thresholds: dict) -> bool:
    for key, least in thresholds.items():
        value = figures.get(key)
        if value is not None and value < least:
            return False
    return True


def suggest_level(figures: dict, criteria: dict) -> AssessmentLevel:
    """The highest level whose thresholds the figures all reach; Không hoàn thành nhiệm vụ otherwise."""
    for level in ORDER:
        if _meets(figures, criteria.get(level.value, {})):
            return level
    return AssessmentLevel.INCOMPLETE
