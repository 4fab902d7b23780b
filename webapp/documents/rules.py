"""Regulations by version, as pure rules: which version is in force on a day, and what issuing one does to the
version it replaces, amends or annuls."""
from datetime import date, timedelta

RELATIONS = ("replaces", "amends", "annuls")

# The figures a new cell meeting rule set starts from: HD 42-HD/BTCTW (28/10/2025) and HD 12-HD/BTCTW (2018);
# a committee adopts its own (models.CellMeetingRules).
# HD 42-HD/BTCTW (2025): a thematic meeting at least once a quarter, about 90 minutes; HD 12-HD/BTCTW (2018):
# attendance above 85 %, no member excused more than three times in a row. Neither names how many days ahead the
# members, the assigned committee member and the documents must be reached: those three are the app's own defaults
# (the form says so), for the committee to set.
CELL_RULE_DEFAULTS = {"member_notice_days": 3, "committee_notice_days": 5, "documents_days": 3,
                      "thematic_per_quarter": 1, "min_minutes": 90, "attendance_percent": 85,
                      "max_excused_in_row": 3}


def in_force(status: str, effective_from: date | None, effective_to: date | None, day: date) -> bool:
    """An issued version is in force from its first day to its last (open-ended until something ends it)."""
    return status == "issued" and effective_from is not None and effective_from <= day \
        and (effective_to is None or day <= effective_to)


def ends_related(relation: str | None, starts: date) -> date | None:
    """The last day of the related version when this one starts: replacing or annulling ends it the day before;
    amending leaves it in force."""
    return starts - timedelta(days=1) if relation in ("replaces", "annuls") else None
