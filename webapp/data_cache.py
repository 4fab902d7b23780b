"""Values computed from the database kept in memory until the data changes: the facts every page reads (the
directory of unit and group names, the committee's identity) and the dashboard's figures per scope, filters and day.

The data version is the last entry of the audit chain that records a change (`audit_chain.data_head`): every
committed write of a domain record, an import's commit and its undo add one, sealed in commit order under a lock,
in this process or any other on the same database, so the version moves with each; the entry
a page writes when it shows a restricted record is a read, and leaves it where it was. It is read once per
request (per transaction: again after the request's own commit), before anything is computed, so a value is never
filed under a newer version than the data it came from. A session holding writes of its own that are not committed
yet neither reads nor fills the store: what it sees may still be rolled back. Nothing expires on a timer; the
store holds at most MAX_ENTRIES values, the least recently used going first. Only plain values are kept, never an
ORM instance."""
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from flask import g, has_app_context

from .audit_chain import UNSEALED, data_head
from .extensions import db

MAX_ENTRIES = 64

_store: OrderedDict = OrderedDict()  # key -> value, for the newest data version seen, the least recently used first
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


def cached(key: Hashable, compute: Callable):
    """`compute()`, reused while the database holds the same data (computed afresh outside an app context).
    `key` names the value and everything it depends on besides the data (a dashboard's scope, filters and day)."""
    version = request_version() if has_app_context() else None
    if version is None:
        return compute()
    with _lock:
        if version != _seen["version"]:  # the data changed (or another database): nothing kept holds any more
            _store.clear()
            _seen["version"] = version
        elif key in _store:
            _store.move_to_end(key)
            return _store[key]
    value = compute()
    with _lock:
        if version == _seen["version"]:  # not when a request that saw newer data cleared the store meanwhile
            _store[key] = value
            while len(_store) > MAX_ENTRIES:
                _store.popitem(last=False)
    return value


def clear() -> None:
    """Forget every kept value (tests empty the database between them; a version may then repeat)."""
    with _lock:
        _store.clear()
        _seen["version"] = None
