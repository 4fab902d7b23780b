"""How a view runs a service: one transaction per request, committed here and nowhere else in a view.

Services check their rules, change rows and flush, never commit; `run_service` commits when the rules hold,
or rolls back and puts the rule's message next to the form field at fault (the view then answers 422)."""
from flask import flash
from flask_babel import lazy_gettext as _

from .extensions import db
from .formfields import RuleViolation, show_violation


class Refused:
    """The falsy answer of a refused service call (a service may itself return None on success)."""

    def __bool__(self) -> bool:
        return False


REFUSED = Refused()


def run_service(form, service, *args, **kwargs):
    """Run `service(*args, **kwargs)` and commit, returning its result; when a rule refuses the change, roll
    back, show the message on `form` (flash it when there is no form) and return the falsy REFUSED."""
    try:
        result = service(*args, **kwargs)
    except RuleViolation as violation:
        db.session.rollback()
        if form is None:
            flash(violation.message, "error")
        else:
            show_violation(form, violation)
        return REFUSED
    db.session.commit()
    return result


def chosen(model, row_id: int | None, field: str, required=None):
    """The row a form's select names (None when none is chosen); an id no longer in the database (a stale
    list) is refused against that field, and so is no row at all when a `required` message is given."""
    row = db.session.get(model, row_id) if row_id else None
    if row is None and required is not None:
        raise RuleViolation(field, required)
    if row is None and row_id:
        raise RuleViolation(field, _("Lựa chọn không hợp lệ."))
    return row
