"""One person read twice: two records for one meeting, twice in a roster, two roles in one group."""

import numpy as np
import pandas as pd

from .findings import EXAMPLES, LIKELY, SURE, place, warning
from .view import SheetView, codes_of

ROLE_WORDS = {"head": "trưởng đoàn", "deputy": "phó đoàn", "member": "thành viên"}


def _rows(view: SheetView, positions) -> list[int]:
    if view.record_rows is None:
        return []
    return sorted({int(row) for row in view.record_rows[list(positions)]})


def _summary(view: SheetView, groups: list[tuple[str, list[int]]], text: str, severity: int) -> list[dict]:
    """'<place>: <n> <text>: «A» (dòng 8, 12), …' with the first rows of the first group as the warning's row."""
    if not groups:
        return []
    examples = "; ".join(f"{label} ({'dòng ' + ', '.join(map(str, rows)) if rows else ''})".replace(" ()", "")
                         for label, rows in groups[:EXAMPLES]) + ("…" if len(groups) > EXAMPLES else "")
    letter = view.letter("full_name")
    message = f"{place(view.sheet, letter, view.header('full_name'))}: {len(groups)} {text}: {examples}"
    first_rows = groups[0][1]
    return [warning(view.sheet, first_rows[0] if first_rows else None, letter, "full_name", None, message, severity)]


def attendance_duplicates(view: SheetView) -> list[dict]:
    """Two records for one person (name and unit) and one meeting date."""
    records = view.records
    if not {"full_name", "date"} <= set(records.columns) or not len(records):
        return []
    key = np.zeros(len(records), dtype=np.int64)
    for field_name in ("full_name", "unit", "date"):
        codes, uniques = codes_of(records[field_name]) if field_name in records.columns else (
            np.zeros(len(records), dtype=np.int64), np.empty(0))
        key = key * (len(uniques) + 1) + (codes.astype(np.int64) + 1)
    twice = pd.Series(key).duplicated(keep=False).to_numpy()
    if not twice.any():
        return []
    positions = np.flatnonzero(twice)
    groups: dict[int, list[int]] = {}
    for position in positions:
        groups.setdefault(int(key[position]), []).append(int(position))
    found = []
    for members in groups.values():
        first = records.iloc[members[0]]
        found.append((f"«{first['full_name']}» ngày {first['date']}", _rows(view, members)))
    return _summary(view, found, "lần một người có hai bản ghi cho cùng một buổi sinh hoạt", SURE)


def roster_duplicates(view: SheetView) -> list[dict]:
    """One person (name with birth date, else phone) twice in the roster, or with two roles in one group."""
    records = view.records
    if not {"full_name", "birth_date", "phone", "group", "role"} <= set(records.columns) or len(records) < 2:
        return []
    other = records["birth_date"].where(records["birth_date"].notna(), records["phone"])
    known = records["full_name"].notna() & other.notna()
    person = records["full_name"].astype(str) + "|" + other.astype(str)
    if view.record_rows is not None:  # one row's records (a person ticked under two units) are one listing
        person = person.where(~pd.Series(list(zip(person, view.record_rows)), index=records.index).duplicated())
        known &= person.notna()
    repeated = known & person.duplicated(keep=False)
    if not repeated.any():
        return []
    frame = records[repeated].assign(person=person[repeated])
    roles = frame.groupby(["person", "group"], sort=False)["role"].nunique()
    two_roles = roles[roles > 1]
    found_roles = []
    for person_key, group in two_roles.index:
        members = frame.index[(frame["person"] == person_key) & (frame["group"] == group)]
        words = ", ".join(dict.fromkeys(ROLE_WORDS.get(r, str(r)) for r in records.loc[members, "role"]))
        name = records.loc[members[0], "full_name"]
        found_roles.append((f"«{name}» trong {group}: {words}", _rows(view, records.index.get_indexer(members))))
    settled = set(two_roles.index.get_level_values(0))
    found_twice = []
    for person_key, members in frame[~frame["person"].isin(settled)].groupby("person", sort=False).groups.items():
        name, other_value = person_key.split("|", 1)
        found_twice.append((f"«{name}» ({other_value})", _rows(view, records.index.get_indexer(members))))
    return _summary(view, found_roles, "người có hai nhiệm vụ trong cùng một đoàn", SURE) + _summary(
        view, found_twice, "người có hơn một dòng trong danh sách (cùng họ tên và ngày sinh hoặc số điện thoại)",
        LIKELY)
