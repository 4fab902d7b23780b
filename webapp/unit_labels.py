"""How pages and documents name a unit or a group: by its name, followed by its ward (the unit above it) or
owner when the name alone is ambiguous.

A town has six "Chi bộ Tổ dân phố 1", one per ward, and group numbers restart in every owner's list, so a
bare name or number can point at the wrong one. The directory of names is read once (one statement for units,
one for groups) and kept until the data changes (`data_cache`), so that labelling a long list costs no query
per row and a page no query at all.
"""
from dataclasses import dataclass
from functools import lru_cache

from flask import has_request_context, request
from sqlalchemy import select

from . import data_cache
from .extensions import db
from .models import Unit, WorkingGroup
from .names import fold

# Every page labels the units and groups of its filters and rows, and the same names come back request after request:
# each is folded once per process (folding is a pure function of the text, and the costliest step of a label).
_fold = lru_cache(maxsize=65536)(fold)


@dataclass(frozen=True)
class _Directory:
    units: dict[int, tuple[str, int | None]]          # id → (name, parent id)
    ambiguous_units: frozenset[str]                   # folded names held by more than one unit
    groups: dict[int, tuple[str, int, int]]           # id → (name, term id, owner unit id)
    ambiguous_groups: frozenset[tuple[int, str]]      # (term id, folded name) held by more than one group


def _duplicates(keys) -> frozenset:
    seen, twice = set(), set()
    for key in keys:
        (twice if key in seen else seen).add(key)
    return frozenset(twice)


def _load() -> _Directory:
    units = db.session.execute(select(Unit.id, Unit.name, Unit.parent_id)).all()
    groups = db.session.execute(select(WorkingGroup.id, WorkingGroup.name, WorkingGroup.term_id,
                                       WorkingGroup.owner_unit_id)).all()
    return _Directory(
        units={u.id: (u.name, u.parent_id) for u in units},
        ambiguous_units=_duplicates(_fold(u.name) for u in units),
        groups={g.id: (g.name, g.term_id, g.owner_unit_id) for g in groups},
        ambiguous_groups=frozenset((term, name) for term, name in
                                   _duplicates((g.term_id, _fold(g.name)) for g in groups)),
    )


def _directory() -> _Directory:
    """The directory of this request (looked up at its first label), or a fresh one outside a request."""
    if not has_request_context():
        return _load()
    directory = getattr(request, "_unit_labels_directory", None)
    if directory is None:
        directory = data_cache.cached("unit_labels", _load)
        request._unit_labels_directory = directory
    return directory


def _key(value) -> int | None:
    return value if isinstance(value, int) or value is None else value.id


def unit_label(unit) -> str:
    """'Chi bộ Tổ dân phố 1 (Đảng bộ phường Bắc Hồng)' when another unit has the same name, else the name.
    `unit` is a Unit or its id."""
    if unit is None:
        return ""
    directory = _directory()
    name, parent_id = directory.units.get(_key(unit), (getattr(unit, "name", ""), None))
    parent = directory.units.get(parent_id)
    if parent is None or _fold(name) not in directory.ambiguous_units:
        return name
    return f"{name} ({parent[0]})"


def group_label(group) -> str:
    """A group's name, with its owner unit when another group of the same term has the same name (group
    numbers restart in every owner's list, so a number alone never names a group). A WorkingGroup or its id."""
    if group is None:
        return ""
    directory = _directory()
    known = directory.groups.get(_key(group))
    if known is None:
        return getattr(group, "name", "")
    name, term_id, owner_id = known
    if (term_id, _fold(name)) not in directory.ambiguous_groups or owner_id not in directory.units:
        return name
    return f"{name} ({directory.units[owner_id][0]})"
