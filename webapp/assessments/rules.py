"""Which level the figures suggest, as a pure function over the round's criteria (settings, edited per round)."""
from flask_babel import lazy_gettext as _l

from ..models import AssessmentLevel

# Level → the least each figure must reach to suggest it; a rate that had nothing to measure counts as met.
DEFAULT_CRITERIA = {
    AssessmentLevel.EXCELLENT.value: {"attendance_rate": 90, "visits": 4, "reports_on_time_rate": 90},
    AssessmentLevel.GOOD.value: {"attendance_rate": 75, "visits": 2, "reports_on_time_rate": 70},
    AssessmentLevel.COMPLETE.value: {"attendance_rate": 50, "visits": 1, "reports_on_time_rate": 50},
}
CRITERIA_KEYS = ("attendance_rate", "visits", "reports_on_time_rate")
# A group is measured on its members' attendance against the obligation, its visits per member, its members'
# reports on time and its own reports on time (the reporting ledger).
DEFAULT_GROUP_CRITERIA = {
    AssessmentLevel.EXCELLENT.value: {"attendance_rate": 90, "visits_per_member": 4, "reports_on_time_rate": 90,
                                      "group_reports_on_time_rate": 90},
    AssessmentLevel.GOOD.value: {"attendance_rate": 75, "visits_per_member": 2, "reports_on_time_rate": 70,
                                 "group_reports_on_time_rate": 70},
    AssessmentLevel.COMPLETE.value: {"attendance_rate": 50, "visits_per_member": 1, "reports_on_time_rate": 50,
                                     "group_reports_on_time_rate": 50},
}
GROUP_CRITERIA_KEYS = ("attendance_rate", "visits_per_member", "reports_on_time_rate", "group_reports_on_time_rate")
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


def round_name_taken(name: str, taken: bool) -> str | None:
    """A round is known by its name in its scope: a second one of the same name (a form sent twice) is refused."""
    return _l("Đã có đợt đánh giá “%(name)s” trong phạm vi này; không mở thêm lần nữa.", name=name) if taken else None
