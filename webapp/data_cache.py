"""Facts read from the whole database for every page (the directory of unit and group names, the committee's
identity) kept in memory until the data changes.

The data version is the last entry of the audit chain that records a change (`audit_chain.data_head`), as for the
dashboard's figures (`dashboard.cache`): every committed write adds one, so the version moves with each; the entry
a page writes when it shows a restricted record is a read, and leaves it where it was. It is read once per
request (per transaction: again after the request's own commit), before anything is computed, so a value is never
filed under a newer version than the data it came from. A session holding writes of its own that are not committed
yet neither reads nor fills the store: what it sees may still be rolled back. Only plain values are kept, never an
ORM instance."""
import threading
from collections.abc import Callable

from flask import g, has_app_context

from .audit_chain import UNSEALED, data_head
from .extensions import db

_store: dict = {}  # name -> value, for the newest data version seen
_seen = {"version": None}
_lock = threading.Lock()


def _clean(session) -> bool:
    """No pending changes and nothing flushed but not yet committed (the audit listener marks every write)."""
    return not (session.new or session.deleted or session.dirty) and not session.info.get(UNSEALED)


def request_version():
    """This request's data version (database URL, chain head), read once per transaction; None when the session
    has uncommitted writes."""
    session = db.session()  # the request's Session itself (the scoped proxy lacks `get_transaction`)
    if not _clean(session):
        return None
    transaction = session.get_transaction()
    kept = g.get("_data_version")
    if kept is not None and transaction is not None and kept[0] is transaction:
        return kept[1]
    version = (str(db.engine.url), data_head(session.connection()))
    g._data_version = (session.get_transaction(), version)
    return version


def cached(name: str, compute: Callable):
    """`compute()`, reused while the database holds the same data (computed afresh outside an app context)."""
    version = request_version() if has_app_context() else None
    if version is None:
        return compute()
    with _lock:
        if version != _seen["version"]:  # the data changed (or another database): nothing kept holds any more
            _store.clear()
            _seen["version"] = version
        elif name in _store:
            return _store[name]
    value = compute()
    with _lock:
        if version == _seen["version"]:  # not when a request that saw newer data cleared the store meanwhile
            _store[name] = value
    return value


def clear() -> None:
    """Forget every kept value (tests empty the database between them; a version may then repeat)."""
    with _lock:
        _store.clear()
        _seen["version"] = None
