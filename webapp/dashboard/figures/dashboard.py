"""The whole dashboard: every figure for one view, each computed when first asked for, so a page (the headline,
one section) runs the queries of what it shows and no more."""
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from ... import data_cache
from ...clock import local_today
from ...meetings.rates import Counts
from ...targets.figures import indicator_figures, low_achievement_units
from ..filters import Filters
from .activity import feedback_breakdown, report_standings, tasks_by_status_age
from .cells import cell_evidence, missing_rows
from .coverage import split_enterprise, unattended_cells, uncovered_units
from .groups import group_figures, groups_in_view
from .members import MemberBoard, member_board, totals
from .obligations import member_obligations
from .visits import member_visits, visit_gaps


@dataclass(frozen=True)
class Headline:
    """The figures on the dashboard's first screen, as plain numbers (kept by `cache` across requests)."""

    groups: int
    members: int
    total: Counts
    flagged: int
    uncovered: int
    unattended: int


class Dashboard:
    """Every figure for the filters. With `cached`, the member figures and the headline are reused until the data
    changes (`data_cache`); the other figures hold database rows and are computed per request."""

    def __init__(self, f: Filters, today: date | None = None, *, cached: bool = False, viewer=None):
        self.filters = f
        self.today = today or local_today()
        self._cached = cached
        self.viewer = viewer  # the logged-in user, for the figures read through another area's scope (`cells`)

    def _keep(self, kind: str, compute):
        if not self._cached:
            return compute()
        return data_cache.cached(("dashboard", kind, self.filters.cache_key(), self.today), compute)

    @cached_property
    def board(self) -> MemberBoard:
        return self._keep("board", lambda: member_board(self.filters, self.today))

    @property
    def members(self):
        return self.board.members

    @property
    def ranking(self):
        return self.board.ranking

    @property
    def heat_peak(self) -> int:
        return self.board.heat_peak

    @cached_property
    def flagged(self):
        return [fig for fig in self.board.ranking if fig.flagged]

    @cached_property
    def total(self) -> Counts:
        return totals(self.board.members)

    @cached_property
    def groups_in_view(self) -> list:
        """The working groups the filters select, by number (rows, without figures)."""
        return groups_in_view(self.filters)

    @cached_property
    def groups(self):
        return group_figures(self.groups_in_view, self.board.members, report_standings(self.filters, self.today))

    @cached_property
    def uncovered(self) -> tuple[list, list]:
        return split_enterprise(uncovered_units(self.filters))

    @cached_property
    def unattended(self) -> tuple[list, list]:
        return split_enterprise(unattended_cells(self.filters), lambda cell: cell.unit)

    @cached_property
    def headline(self) -> Headline:
        def compute() -> Headline:
            return Headline(groups=len(self.groups_in_view), members=len(self.board.members),
                            total=totals(self.board.members), flagged=sum(fig.flagged for fig in self.board.members),
                            uncovered=len(uncovered_units(self.filters)),
                            unattended=len(unattended_cells(self.filters)))

        return self._keep("headline", compute)

    @cached_property
    def indicators(self):
        return indicator_figures(self.filters.end.year, self.filters.unit_path, as_of=self.filters.end)

    @cached_property
    def low_units(self):
        return low_achievement_units(self.indicators, self.filters.target_threshold)

    @cached_property
    def feedback(self):
        return feedback_breakdown(self.filters)

    @cached_property
    def tasks(self) -> dict[str, dict[str, int]]:
        return tasks_by_status_age(self.filters, self.today)

    @cached_property
    def visits(self) -> list:
        return member_visits(self.filters, self.board.people)

    @cached_property
    def visit_gaps(self) -> list:
        return visit_gaps(self.visits, self.filters.gap_start)

    @cached_property
    def _obligations(self):
        return member_obligations(self.filters, self.board.people, self.board.cube)

    @cached_property
    def obligations(self) -> list:
        return sorted(self._obligations[0], key=lambda o: (o.compliance.rate is None, o.compliance.rate or 0))

    @property
    def obligation_legend(self) -> dict:
        return self._obligations[1]

    @cached_property
    def cells(self) -> list:
        """The cell scorecard's figures per quarter (plain values, kept per scope like the member figures: the
        dashboard's readers, admins and leadership, see the cells of their scope whatever their role)."""
        return self._keep("cells", lambda: cell_evidence(self.filters, self.viewer))

    @property
    def cell_misses(self) -> list:
        return missing_rows(self.cells)

    def computed(self) -> "Dashboard":
        """Every figure at once (reports, assessments)."""
        for name in ("groups", "flagged", "total", "uncovered", "unattended", "low_units", "feedback", "tasks",
                     "visit_gaps", "obligations"):
            getattr(self, name)
        return self


def build_dashboard(f: Filters, today: date | None = None) -> Dashboard:
    """Every figure for the filters (a fixed number of queries), computed now."""
    return Dashboard(f, today).computed()


def dashboard_view(f: Filters, today: date | None = None, viewer=None) -> Dashboard:
    """The figures a dashboard page asks for, computed when it asks; the member figures, the headline and the
    cell scorecard's figures are kept until the data changes."""
    return Dashboard(f, today, cached=True, viewer=viewer)
