"""The values table's one route: the officer confirms or changes one line (a unit, or ending a group's head), and
the batch is checked again with the answer."""
from datetime import date

from flask import redirect, request, url_for
from flask_login import current_user

from ..extensions import db
from ..models import ImportBatch, Role
from ..permissions import requires, scope_path
from ..rendering import wants_fragment
from ..template_helpers import vn_date
from . import bp, values
from .views import _draft, _reanalyse, _work


@bp.app_template_filter("vn_date_iso")
def vn_date_iso(text) -> str:
    """An ISO date kept in a batch's JSON, the way officers write dates."""
    try:
        return vn_date(date.fromisoformat(text))
    except (TypeError, ValueError):
        return text or ""


@bp.post("/<int:batch_id>/values")
@requires(Role.ADMIN, Role.UNIT_OFFICER)
def confirm_value(batch_id):
    """Store the answer for one line of the values table (a suggestion, any unit in scope, "tạo mới", ending the
    current head, or forgetting the answer) and check the batch again."""
    _draft(batch_id)
    choice = request.form.get("choice", "")
    if choice == "pick":
        choice = request.form.get("unit", "")
    problem = values.confirm(batch_id, request.form.get("section", ""), request.form.get("key", ""), choice,
                             scope_path(current_user))
    if problem:
        return _work(batch_id, 422, mapping_errors=[problem])
    response = _reanalyse(db.session.get(ImportBatch, batch_id))
    status = response[1] if isinstance(response, tuple) else response.status_code
    if wants_fragment() or status != 200:
        return response
    return redirect(url_for("imports.preview", batch_id=batch_id))
