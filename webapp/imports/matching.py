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
from ..names import fold

UNIT_PREFIXES = re.compile(r"^(chi bo|dang bo|dang uy)\s+")
NUMBERS = re.compile(r"\d+[a-z]?\b")  # "3" and "3a" are different residential groups
FUZZY_UNIT = 90
SUGGEST_UNIT = 60


def fold_column(values: pd.Series) -> pd.Series:
    """Search keys of a text column, folding each distinct value once."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    folded = np.array([fold(v) for v in uniques] + [None], dtype=object)
    return pd.Series(folded[codes], index=values.index, dtype=object)


def _bare(key: str) -> str:
    return UNIT_PREFIXES.sub("", key)


@dataclass
class UnitIndex:
    """Units within the importing user's scope, searchable by folded name (exact, then fuzzy)."""

    frame: pd.DataFrame
    by_key: dict = field(default_factory=dict)

    @classmethod
    def load(cls, scope_path: str) -> "UnitIndex":
        rows = db.session.execute(
            select(Unit.id, Unit.name, Unit.search_key, Unit.path).where(Unit.path.startswith(scope_path),
                                                                         Unit.active.is_(True))
        ).all()
        frame = rows_frame(rows, ["id", "name", "search_key", "path"])
        index = cls(frame)
        for row in rows:
            index.by_key.setdefault(row.search_key, row.id)
        return index

    def resolve(self, text: str) -> tuple[int | None, list[str]]:
        """Unit id for a unit name typed in a file, or None with up to three suggested names."""
        key = fold(text)
        if key in self.by_key:
            return self.by_key[key], []
        if self.frame.empty:
            return None, []
        choices = dict(zip(self.frame["id"], self.frame["search_key"].map(_bare)))
        best = process.extract(_bare(key), choices, scorer=fuzz.ratio, limit=3)
        # "Tổ dân phố 3" is never "Tổ dân phố 1": a fuzzy match must keep every number
        if best and best[0][1] >= FUZZY_UNIT and (len(best) == 1 or best[1][1] < best[0][1]) \
                and NUMBERS.findall(key) == NUMBERS.findall(best[0][0]):
            return int(best[0][2]), []
        names = dict(zip(self.frame["id"], self.frame["name"]))
        return None, [names[b[2]] for b in best if b[1] >= SUGGEST_UNIT]

    def add(self, unit_id: int, name: str) -> None:
        """Make a unit created during this import findable."""
        self.by_key[fold(name)] = unit_id


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
