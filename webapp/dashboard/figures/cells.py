"""Cell meetings by the rules: the quarterly cell scorecard's own verdicts (`meetings.scorecard`) for the quarters of
the dashboard's period, over the cells of its scope and unit, counted as evidence beside the one rate, never as a
second rate. Nothing here judges a meeting."""
from ...meetings.scorecard import QuarterEvidence, quarter_evidence
from ..filters import Filters

MOST_QUARTERS = 4


def cell_evidence(f: Filters, viewer) -> list[QuarterEvidence]:
    """The scorecard's figures for each quarter of the period that has begun (the latest MOST_QUARTERS), for the
    viewer's cells under the dashboard's unit; the group filter does not narrow them (the scorecard has no
    groups)."""
    return quarter_evidence(viewer, f.start, f.as_of, f.unit_path, MOST_QUARTERS)


def missing_rows(evidence: list[QuarterEvidence]) -> list[tuple[QuarterEvidence, int, tuple[str, ...]]]:
    """(quarter, cell id, the rules it misses) for every cell missing a rule, the latest quarter first."""
    return [(quarter, unit_id, keys) for quarter in reversed(evidence) for unit_id, keys in quarter.missing_cells]
