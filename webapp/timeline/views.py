"""The unit timeline page and its HTMX fragment (also loaded by the unit page)."""
from flask import abort, request
from flask_login import current_user

from ..clock import local_today
from ..dates import add_months
from ..extensions import db
from ..formfields import bounded_int
from ..models import Unit
from ..permissions import ensure, requires
from ..rendering import render
from ..units.access import can_read_unit_record
from . import bp
from .entries import unit_timeline

TIMELINE_MONTHS = 6


@bp.get("/<int:unit_id>/timeline")
@requires()
def unit(unit_id: int):
    """Everything about the unit from every level, newest first: readers of the unit, and the members who follow it."""
    unit = db.session.get(Unit, unit_id) or abort(404)
    today = local_today()
    ensure(can_read_unit_record(current_user, unit, today))
    months = min(max(request.args.get("months", TIMELINE_MONTHS, type=bounded_int) or TIMELINE_MONTHS, 1), 60)
    start = add_months(today, -months)
    return render("timeline/unit.html", "timeline/_unit.html", unit=unit, months=months, start=start,
                  entries=unit_timeline(current_user, unit, start, today))
