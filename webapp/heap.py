"""Keep the garbage collector off what the server built at start-up.

A request allocates tens of thousands of objects, so CPython's collector runs about once per request, and every
so often a full collection walks every object the process holds: the app, its templates, the ORM mappers and the
caches, most of them built once and kept for the life of the process. Freezing the heap once the app is built moves
those objects out of the collector's reach (they are still freed by reference counting), so a full collection walks
only what requests left behind. Only the serving processes do this; tests build many apps and must not keep them.
"""
import gc


def freeze_start_up_heap() -> None:
    """Collect what start-up left as garbage, then exclude every surviving object from later collections."""
    gc.collect()
    gc.freeze()
