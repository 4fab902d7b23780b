"""How a view runs a service: one transaction per request, committed here and nowhere else in a view.

Services check their rules, change rows and flush, never commit; `run_service` commits when the rules hold,
or rolls back and puts the rule's message next to the form field at fault (the view then answers 422)."""
from contextlib import contextmanager

from flask import flash
from flask_babel import lazy_gettext as _
from sqlalchemy import String, event, inspect, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from .extensions import db


class RuleViolation(ValueError):
    """A business rule the requested change breaks, reported next to the form field named `field`."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def show_violation(form, violation: RuleViolation) -> None:
    """Put a service's rule violation next to its field on the form (flashed when the form has no such field)."""
    if violation.field not in form:
        flash(str(violation.message), "error")
        return
    form[violation.field].errors = [*form[violation.field].errors, violation.message]


TOO_LONG = _("Không được dài quá %(max)d ký tự.")


def _too_long(obj) -> RuleViolation | None:
    """The first text of a row longer than its String(n) column (SQLite would store it whole, PostgreSQL refuse
    it with an error), as a violation against the field of the column's name."""
    for attribute in inspect(obj).mapper.column_attrs:
        column = attribute.columns[0]
        limit = getattr(column.type, "length", None) if isinstance(column.type, String) else None
        value = getattr(obj, attribute.key, None) if limit else None
        if isinstance(value, str) and len(value) > limit:
            return RuleViolation(attribute.key, TOO_LONG % {"max": limit})
    return None


@event.listens_for(Session, "before_flush")
def _refuse_over_long_text(session, flush_context, instances):
    """No text longer than its column reaches the database, on either engine: the last guard behind the
    forms' own limits (`lengths.fits`)."""
    for obj in [*session.new, *session.dirty]:
        violation = _too_long(obj)
        if violation is not None:
            raise violation


DUPLICATE = _("Bản ghi này vừa được ghi nhận (có thể do bấm gửi hai lần); không ghi thêm lần nữa.")
BUSY = _("Cơ sở dữ liệu đang bận ghi việc khác; chưa lưu được, hãy gửi lại sau giây lát.")


def is_unique_violation(error: IntegrityError) -> bool:
    """The losing side of a race on a unique constraint (PostgreSQL 23505, SQLite 'UNIQUE constraint failed')."""
    return getattr(error.orig, "sqlstate", None) == "23505" or "UNIQUE constraint failed" in str(error.orig)


def is_busy(error: OperationalError) -> bool:
    """SQLite's writer lock not obtained in time (or a snapshot outdated by another writer)."""
    return "database is locked" in str(error.orig) or "database table is locked" in str(error.orig)


def _refuse(message) -> "Refused":
    db.session.rollback()
    flash(str(message), "error")
    return REFUSED


class Refused:
    """The falsy answer of a refused service call (a service may itself return None on success)."""

    def __bool__(self) -> bool:
        return False


REFUSED = Refused()


def run_service(form, service, *args, **kwargs):
    """Run `service(*args, **kwargs)` and commit, returning its result; when a rule refuses the change, roll
    back, show the message on `form` (flash it when there is no form) and return the falsy REFUSED. The losing
    request of a race (a unique row written by the other one first, SQLite's writer lock not obtained) is
    refused the same way, with a Vietnamese message instead of a 500."""
    try:
        result = service(*args, **kwargs)
        db.session.commit()
    except RuleViolation as violation:
        db.session.rollback()
        if form is None:
            flash(violation.message, "error")
        else:
            show_violation(form, violation)
        return REFUSED
    except IntegrityError as error:  # a double submit: the other request wrote the unique row first
        if not is_unique_violation(error):
            raise
        return _refuse(DUPLICATE)
    except OperationalError as error:
        if not is_busy(error):
            raise
        return _refuse(BUSY)
    return result


@contextmanager
def keeping_loaded():
    """Commits in the block leave the session's objects as loaded instead of expiring them: for a commit that only
    adds rows none of them holds (the read entries a page logs once it is drawn), where expiring the page's
    hundred-odd objects cost more than the commit itself. A rollback still expires them."""
    session = db.session()
    expire, session.expire_on_commit = session.expire_on_commit, False
    try:
        yield
    finally:
        session.expire_on_commit = expire


def take_turns(*rows) -> None:
    """Make requests that change what hangs on these rows take turns until the commit: the rows are locked
    (PostgreSQL: SELECT … FOR NO KEY UPDATE; SQLite: its one writer lock, taken by a no-op update) and expired, so the
    rules checked next see what a twin request (a double submit) committed first. Call it before the checks."""
    for row in sorted(rows, key=lambda row: (row.__table__.name, row.id)):   # one order: no deadlock
        table = row.__table__
        if db.session.get_bind().dialect.name == "postgresql":
            # FOR NO KEY UPDATE: twins wait for each other, rows merely referring to this one (FK) do not
            db.session.execute(select(table.c.id).where(table.c.id == row.id).with_for_update(key_share=True))
        else:
            db.session.execute(table.update().where(table.c.id == row.id).values(id=table.c.id))
        db.session.expire(row)


def chosen(model, row_id: int | None, field: str, required=None):
    """The row a form's select names (None when none is chosen); an id no longer in the database (a stale
    list) is refused against that field, and so is no row at all when a `required` message is given."""
    row = db.session.get(model, row_id) if row_id else None
    if row is None and required is not None:
        raise RuleViolation(field, required)
    if row is None and row_id:
        raise RuleViolation(field, _("Lựa chọn không hợp lệ."))
    return row
