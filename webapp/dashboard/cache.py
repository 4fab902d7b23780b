"""Dashboard figures kept in memory per scope, filters and day until the data changes.

The data version is the last change entry of the audit chain (`audit_chain.data_head`; the entries that record a
restricted record being shown are left out): every committed write of a domain record, an import's commit and its
undo add an entry to the audit log, and entries are sealed in commit order under a lock, so the version moves with
each committed write, in this process or any other on the same database.
It is read from the database once per request (`data_cache.request_version`, one indexed row) and *before* the
figures are computed, so a figure is never filed under a newer version than the data it was computed from; a
request holding uncommitted writes of its own computes afresh. Nothing expires on a timer.

Only plain values are kept (counts, member figures): no ORM instance outlives its request."""
import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import date

from ..data_cache import request_version
from .filters import Filters

MAX_ENTRIES = 32

_entries: OrderedDict = OrderedDict()  # figures of the newest data version seen, the least recently used first
_seen = {"version": None}
_lock = threading.Lock()


def filters_key(f: Filters) -> tuple:
    """Everything the figures depend on: the user's scope, the period's days, the term, group, unit and
    thresholds, and the day it is (overdue tasks, 'so far this period')."""
    return (f.scope, f.start, f.end, f.today, tuple(sorted(f.args().items())))


def cached(kind: str, f: Filters, today: date, compute: Callable):
    """`compute()` for these filters, reused while the database holds the same data."""
    version = request_version()  # read once per request, shared with `data_cache`
    if version is None:  # the request's own writes are not committed yet: nothing to reuse or keep
        return compute()
    key = (kind, filters_key(f), today)
    with _lock:
        if version != _seen["version"]:  # the data changed (or another database): nothing kept holds any more
            _entries.clear()
            _seen["version"] = version
        elif key in _entries:
            _entries.move_to_end(key)
            return _entries[key]
    value = compute()
    with _lock:
        if version == _seen["version"]:  # not when a request that saw newer data cleared the store meanwhile
            _entries[key] = value
            while len(_entries) > MAX_ENTRIES:
                _entries.popitem(last=False)
    return value


def clear() -> None:
    """Forget every kept figure (tests empty the database between them; a version may then repeat)."""
    with _lock:
        _entries.clear()
        _seen["version"] = None
