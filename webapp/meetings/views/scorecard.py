"""The quarterly cell scorecard: each cell's rules met, missed or unknown, with the meetings behind them."""
from flask import abort, request
from flask_login import current_user

from ...clock import local_today
from ...extensions import db
from ...formfields import bounded_int
from ...models import Unit
from ...permissions import READ_DIRECTORY, ensure, path_in_scope, requires
from ...rendering import render
from .. import bp, scorecard
from ..access import can_read_scorecard
from ..forms import parse_year


@bp.get("/cells/scorecard")
@requires()
def scorecard_page():
    """Per cell and quarter; `missing` keeps the cells that miss one rule (or any), for leadership's follow-up;
    `unit` keeps the cells under one unit of the viewer's scope (a cell: that cell), as the dashboard links it."""
    ensure(can_read_scorecard(current_user))
    unit_id = request.args.get("unit", type=bounded_int)
    unit = db.session.get(Unit, unit_id) if unit_id else None
    if unit_id and (unit is None or not path_in_scope(current_user, unit.path)):
        abort(404)
    this_year, this_quarter = scorecard.quarter_of(local_today())
    year = parse_year(request.args.get("year"), this_year)
    quarter = request.args.get("quarter", type=bounded_int)
    quarter = quarter if quarter in (1, 2, 3, 4) else this_quarter
    missing = request.args.get("missing") or ""
    missing = missing if missing == "any" or missing in scorecard.RULES else ""
    start, end = scorecard.quarter_bounds(year, quarter)
    under = unit.path if unit else "/"
    units = scorecard.visible_cells(current_user, start, end, under)
    cards = scorecard.cell_cards(units, start, end)
    shown = [card for card in cards if not missing or card.misses(None if missing == "any" else missing)]
    previous = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    following = (year, quarter + 1) if quarter < 4 else (year + 1, 1)
    return render("meetings/scorecard.html", cards=shown, total=len(cards), year=year, quarter=quarter,
                  start=start, end=end, missing=missing, rules=scorecard.RULES, previous=previous,
                  following=following, link_meetings=current_user.role in READ_DIRECTORY, unit=unit,
                  flags=scorecard.excused_flags(current_user, units, start, end, under))
