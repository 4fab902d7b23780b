"""The whole dashboard: every figure for one view, assembled."""
from dataclasses import dataclass, field
from datetime import date

from ...clock import local_today
from ...meetings.rates import Counts
from ...targets.figures import IndicatorFigure, UnitAchievement, indicator_figures, low_achievement_units
from ..filters import Filters
from .activity import FeedbackBreakdown, feedback_breakdown, report_standings, tasks_by_status_age
from .coverage import split_enterprise, unattended_cells, uncovered_units
from .groups import GroupFigure, group_figures, groups_in_view
from .members import MemberFigure, member_board, totals
from .obligations import member_obligations
from .visits import member_visits, visit_gaps


@dataclass
class Dashboard:
    filters: Filters
    groups: list[GroupFigure]
    members: list[MemberFigure]
    ranking: list[MemberFigure]
    flagged: list[MemberFigure]
    heat_peak: int
    total: Counts
    uncovered: tuple[list, list]
    unattended: tuple[list, list]
    indicators: list[IndicatorFigure]
    low_units: list[UnitAchievement]
    feedback: FeedbackBreakdown
    tasks: dict[str, dict[str, int]]
    visits: list = field(default_factory=list)
    visit_gaps: list = field(default_factory=list)
    obligations: list = field(default_factory=list)
    obligation_legend: dict = field(default_factory=dict)


def build_dashboard(f: Filters, today: date | None = None) -> Dashboard:
    """Run every figure for the filters (a fixed number of queries) and assemble them."""
    today = today or local_today()
    board = member_board(f, today)
    figures = board.members
    visits = member_visits(f, board.people)
    obligations, obligation_legend = member_obligations(f, board.people, board.cube)
    indicators = indicator_figures(f.end.year, f.unit_path, as_of=f.end)
    return Dashboard(
        filters=f, groups=group_figures(groups_in_view(f), figures, report_standings(f, today)), members=figures,
        ranking=board.ranking, flagged=[fig for fig in board.ranking if fig.flagged], heat_peak=board.heat_peak,
        total=totals(figures), uncovered=split_enterprise(uncovered_units(f)),
        unattended=split_enterprise(unattended_cells(f), lambda cell: cell.unit),
        indicators=indicators, low_units=low_achievement_units(indicators, f.target_threshold),
        feedback=feedback_breakdown(f), tasks=tasks_by_status_age(f, today), visits=visits,
        visit_gaps=visit_gaps(visits, f.gap_start), obligation_legend=obligation_legend,
        obligations=sorted(obligations, key=lambda o: (o.compliance.rate is None, o.compliance.rate or 0)),
    )
