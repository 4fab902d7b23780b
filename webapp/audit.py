"""Writes an AuditLog row for every insert, update and delete of a domain model, in the same transaction; the
rows are sealed into the hash chain at commit (`audit_chain`)."""
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum

from flask import has_request_context
from flask_login import current_user
from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from .audit_chain import note_unsealed
from .clock import utcnow
from .extensions import db
from .models.audit import AuditAction, AuditLog

SKIPPED_TABLES = {"audit_log", "login_attempt", "import_batch", "import_job", "import_change"}
SECRET_COLUMNS = {"password_hash", "totp_secret", "totp_recovery"}
_INSERT = AuditLog.__table__.insert()  # built once: every write and every restricted read adds entries


def _plain(value):
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    return value


def _row_values(obj) -> dict:
    mapper = inspect(obj).mapper
    return {c.key: _plain(getattr(obj, c.key)) for c in mapper.column_attrs if c.key not in SECRET_COLUMNS}


def _stored_row(session, obj) -> dict:
    """The row as the database holds it now (old values of attributes that were expired, then set)."""
    table = obj.__table__
    row = session.connection().execute(select(table).where(table.c.id == obj.id)).mappings().first()
    return dict(row) if row else {}


def _changed_values(session, obj) -> tuple[dict, dict]:
    state = inspect(obj)
    before, after, stored = {}, {}, None
    for attr in state.mapper.column_attrs:
        if attr.key in SECRET_COLUMNS:
            continue
        history = state.attrs[attr.key].history
        if not history.has_changes():
            continue
        if history.deleted:
            old = history.deleted[0]
        else:
            stored = _stored_row(session, obj) if stored is None else stored
            old = stored.get(attr.columns[0].name)
        if old != (history.added[0] if history.added else None):
            before[attr.key] = _plain(old)
            after[attr.key] = _plain(history.added[0] if history.added else None)
    return before, after


def _actor_id():
    if has_request_context() and current_user and current_user.is_authenticated:
        return current_user.id
    return None


def _audited(obj) -> bool:
    return getattr(obj, "__tablename__", None) not in SKIPPED_TABLES


@event.listens_for(Session, "before_flush")
def _record_updates_and_deletes(session, flush_context, instances):
    actor = _actor_id()
    for obj in [o for o in session.dirty if _audited(o) and session.is_modified(o)]:
        before, after = _changed_values(session, obj)
        if after:
            note_unsealed(session)
            session.add(AuditLog(user_id=actor, action=AuditAction.UPDATE.value, table_name=obj.__tablename__,
                                 row_id=getattr(obj, "id", None), before=before, after=after))
    for obj in [o for o in session.deleted if _audited(o)]:
        note_unsealed(session)
        session.add(AuditLog(user_id=actor, action=AuditAction.DELETE.value, table_name=obj.__tablename__,
                             row_id=getattr(obj, "id", None), before=_row_values(obj)))
    session.info["audit_new"] = [o for o in session.new if _audited(o)]


@event.listens_for(Session, "after_flush")
def _record_inserts(session, flush_context):
    new = session.info.pop("audit_new", [])
    if not new:
        return
    actor = _actor_id()
    rows = [
        {"user_id": actor, "action": AuditAction.INSERT.value, "table_name": o.__tablename__,
         "row_id": getattr(o, "id", None), "after": _row_values(o), "at": utcnow()}
        for o in new
    ]
    note_unsealed(session)
    session.execute(_INSERT, rows)


def log_read(obj, note: str) -> None:
    """Record that the signed-in user was shown a restricted record's content (`note` says where: the page, a
    download, an export). Flushed with the request's transaction; the caller commits (`run_service`)."""
    log_restricted_reads([obj], note)


def log_restricted_reads(records, note: str) -> None:
    """`log_read` for each record of `records` (those whose restricted content the user was shown), flushed
    together: one statement for a page of rows, not one per row (the caller commits, as for `log_read`)."""
    records = list(records)
    if not records:
        return
    session = db.session
    note_unsealed(session)
    actor, at = _actor_id(), utcnow()
    session.execute(_INSERT, [
        {"user_id": actor, "action": AuditAction.READ.value, "table_name": record.__tablename__,
         "row_id": getattr(record, "id", None), "note": note[:255], "at": at} for record in records])
