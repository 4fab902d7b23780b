"""Match canonical records against what the database holds: units and persons (reads only, vectorised).

Who a record is once the candidates are loaded is decided by the pure rules in `importers.planning`."""
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from sqlalchemy import select

from ..extensions import db
from ..models import Person, Unit
from ..names import clean_name, fold
from ..permissions import within

UNIT_PREFIXES = re.compile(r"^(chi bo|dang bo|dang uy)\s+")
NUMBERS = re.compile(r"\d+[a-z]?\b")  # "3" and "3a" are different residential groups
NEAR_UNIT = 80  # a unit this close to the text is a suggestion the officer must confirm or refuse
SUGGEST_UNIT = 60
SUGGESTIONS = 3


def fold_column(values: pd.Series) -> pd.Series:
    """Search keys of a text column, folding each distinct value once."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    folded = np.array([fold(v) for v in uniques] + [None], dtype=object)
    return pd.Series(folded[codes], index=values.index, dtype=object)


def _bare(key: str) -> str:
    return UNIT_PREFIXES.sub("", key)


@dataclass
class UnitMatch:
    """What a unit text of a file names: one unit exactly (`unit_id`), units to choose from (`candidates`, ids:
    the text is a near match or ambiguous, never applied on its own), or nothing (`candidates` empty: new)."""

    key: str
    unit_id: int | None = None
    candidates: list = field(default_factory=list)
    ambiguous: bool = False

    @property
    def state(self) -> str:
        if self.unit_id is not None:
            return "exact"
        return "confirm" if self.candidates else "new"


@dataclass
class UnitIndex:
    """Units within the importing user's scope, searchable by folded name, alone or followed by the name of
    an enclosing unit ("Chi bộ TDP 1 phường Bắc Sơn"). Only an exact (folded) match resolves on its own."""

    frame: pd.DataFrame
    by_key: dict = field(default_factory=dict)
    labels: dict = field(default_factory=dict)
    ancestors: dict = field(default_factory=dict)
    keys: dict = field(default_factory=dict)

    @classmethod
    def load(cls, scope_path: str) -> "UnitIndex":
        every = db.session.execute(select(Unit.id, Unit.name, Unit.search_key, Unit.path, Unit.active)).all()
        names = {row.id: row.name for row in every}
        keys = {row.id: row.search_key for row in every}
        rows = [row for row in every if within(row.path, scope_path) and row.active]
        index = cls(rows_frame([row[:4] for row in rows], ["id", "name", "search_key", "path"]))
        for row in rows:
            index.by_key.setdefault(row.search_key, []).append(row.id)
            index.keys[row.id] = row.search_key
            chain = [int(part) for part in row.path.strip("/").split("/") if part]
            index.ancestors[row.id] = [keys[a] for a in chain[:-1] if a in keys]
            index.labels[row.id] = " › ".join(names[a] for a in chain[1:] if a in names) or row.name
        return index

    def label(self, unit_id: int) -> str:
        """The unit with its enclosing units below the top committee (its ward), e.g. "Đảng bộ phường Bắc Sơn ›
        Chi bộ Tổ dân phố 1"."""
        return self.labels.get(unit_id, "")

    def _with_ward(self, key: str) -> list[int]:
        """Units whose name starts the text and one of whose enclosing units' names ends it."""
        found = []
        for unit_key, ids in self.by_key.items():
            if not key.startswith(unit_key + " "):
                continue
            rest = _bare(key[len(unit_key) + 1:])
            found += [i for i in ids if any(_bare(a) == rest for a in self.ancestors.get(i, []))]
        return found

    def match(self, text: str) -> UnitMatch:
        """The unit a name typed in a file names: exact (folded) only; near matches and names several units
        bear come back as candidates for the officer."""
        key = fold(text)
        exact = self.by_key.get(key) or self._with_ward(key)
        if len(exact) == 1:
            return UnitMatch(key, exact[0])
        if exact:
            return UnitMatch(key, None, exact[:10], ambiguous=True)
        numbers = NUMBERS.findall(key)  # "Tổ dân phố 3" is another unit than "Tổ dân phố 1", not a slip
        return UnitMatch(key, None, [i for i in self.near(key, NEAR_UNIT) if NUMBERS.findall(self.keys[i]) == numbers])

    def near(self, key: str, cutoff: int) -> list[int]:
        """Up to three units whose name (with or without its ward) is closest to the folded text."""
        if self.frame.empty:
            return []
        choices = {}
        for unit_id, unit_key in zip(self.frame["id"], self.frame["search_key"]):
            choices[(int(unit_id), 0)] = _bare(unit_key)
            if self.ancestors.get(int(unit_id)):
                choices[(int(unit_id), 1)] = _bare(unit_key) + " " + _bare(self.ancestors[int(unit_id)][-1])
        best = process.extract(_bare(key), choices, scorer=fuzz.ratio, limit=SUGGESTIONS * 2, score_cutoff=cutoff)
        return list(dict.fromkeys(choice[0] for _, _, choice in best))[:SUGGESTIONS]

    def resolve(self, text: str) -> tuple[int | None, list[str]]:
        """Unit id for a unit name typed in a file when it names one unit exactly, else None with up to three
        suggested units (with their wards)."""
        found = self.match(text)
        if found.unit_id is not None:
            return found.unit_id, []
        return None, [self.label(i) for i in (found.candidates or self.near(found.key, SUGGEST_UNIT))]

    def add(self, unit_id: int, name: str) -> None:
        """Make a unit created during this import findable."""
        self.by_key[fold(name)] = [unit_id]
        self.keys[unit_id] = fold(name)
        self.labels[unit_id] = clean_name(name)

    def in_scope(self, unit_id) -> bool:
        return unit_id in self.labels


def rows_frame(rows, columns: list[str]) -> pd.DataFrame:
    """A frame from result rows; pandas probes SQLAlchemy Row objects as mappings (seconds per 100,000 rows),
    plain tuples it takes at once."""
    return pd.DataFrame([tuple(row) for row in rows], columns=columns)


def load_persons(keys) -> pd.DataFrame:
    """Existing persons whose search key is among `keys` (chunked IN lists)."""
    keys = [k for k in pd.unique(pd.Series(list(keys), dtype=object)) if k]
    columns = ["id", "search_key", "birth_date", "phone", "position", "home_unit_id"]
    parts = []
    for start in range(0, len(keys), 900):
        chunk = keys[start:start + 900]
        rows = db.session.execute(
            select(Person.id, Person.search_key, Person.birth_date, Person.phone, Person.position,
                   Person.home_unit_id).where(Person.search_key.in_(chunk))
        ).all()
        parts.append(rows_frame(rows, columns))
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)
    frame["birth_date"] = frame["birth_date"].map(lambda d: d.isoformat() if d is not None else None)
    return frame
