"""Plan an import against a snapshot of existing persons/units/groups (pure: plain dicts in, a Plan out).

`existing` = {"persons": [{"id", "full_name", "birth_date", "phone", ...}], "units": [{"id", "name"}],
"groups": [{"id", "name"}]}; dates as ISO text. Persons match by name without diacritics plus birth date or
phone; several possible matches are reported as ambiguous and never merged.
"""

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from .normalising import fold
from .results import Plan, PlanItem

SUGGESTION_CUTOFF = 80
PERSON_FIELDS = ("birth_date", "phone", "position")


AMBIGUOUS = "trùng tên với nhiều người trong danh bạ, cần xử lý thủ công"


def roster_candidates(records: pd.DataFrame, persons: pd.DataFrame) -> pd.DataFrame:
    """(rec, id) pairs: the persons each roster record may be. Namesakes (same name key) confirmed by birth
    date or phone; when none confirms, the namesakes nothing contradicts. `records` has key, birth_date, phone
    (index = record); `persons` has id, search_key, birth_date, phone."""
    left = records[["key", "birth_date", "phone"]].rename_axis("rec").reset_index()
    merged = left.merge(persons, left_on="key", right_on="search_key", how="inner", suffixes=("", "_p"))
    same_birth = merged["birth_date"].notna() & merged["birth_date"].eq(merged["birth_date_p"])
    same_phone = merged["phone"].notna() & merged["phone"].eq(merged["phone_p"])
    strong = merged[same_birth | same_phone]
    no_conflict = (merged["birth_date"].isna() | merged["birth_date_p"].isna() | same_birth) & \
                  (merged["phone"].isna() | merged["phone_p"].isna() | same_phone)
    weak = merged[no_conflict & ~merged["rec"].isin(strong["rec"])]
    return pd.concat([strong, weak])[["rec", "id"]].drop_duplicates()


def attendance_candidates(records: pd.DataFrame, persons: pd.DataFrame) -> pd.DataFrame:
    """(rec, id) pairs for attendance records: namesakes, narrowed to those whose home unit is the record's
    unit when that leaves exactly one. `records` has key, unit_id; `persons` has id, search_key, home_unit_id."""
    left = records[["key", "unit_id"]].rename_axis("rec").reset_index()
    merged = left.merge(persons, left_on="key", right_on="search_key", how="inner").drop_duplicates(["rec", "id"])
    at_home = merged[merged["unit_id"].notna() & merged["home_unit_id"].eq(merged["unit_id"])]
    home_counts = at_home.groupby("rec")["id"].nunique()
    settled = home_counts.index[home_counts.eq(1)]
    return pd.concat([merged[~merged["rec"].isin(settled)], at_home[at_home["rec"].isin(settled)]])[["rec", "id"]]


def decide(candidates: pd.DataFrame, index: pd.Index) -> tuple[pd.Series, pd.Series]:
    """(person id or NaN, problem or None) per record: one candidate is the person, several are ambiguous
    (reported, never merged), none means a person not in the directory."""
    counts = candidates.groupby("rec")["id"].nunique()
    person_id = pd.Series(np.nan, index=index)
    problem = pd.Series(None, index=index, dtype=object)
    single = counts.index[counts.eq(1)]
    person_id.loc[single] = candidates.drop_duplicates("rec").set_index("rec")["id"].loc[single].astype(float)
    problem.loc[counts.index[counts.gt(1)]] = AMBIGUOUS
    return person_id, problem


def match_roster_persons(records: pd.DataFrame, persons: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Person id (or NaN) and problem (or None) per roster record."""
    return decide(roster_candidates(records, persons), records.index)


def match_attendance_persons(records: pd.DataFrame, persons: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Person id (or NaN) and problem (or None) per attendance record."""
    return decide(attendance_candidates(records, persons), records.index)


def suggest(name: str | None, known: dict) -> tuple[dict | None, list[str]]:
    """(the existing unit/group with this name, []) or (None, close names to offer); `known` maps folded
    names to the snapshot's units or groups."""
    if not name:
        return None, []
    exact = known.get(fold(name))
    if exact:
        return exact, []
    close = process.extract(fold(name), list(known), scorer=fuzz.ratio, limit=3, score_cutoff=SUGGESTION_CUTOFF)
    return None, [known[key].get("name") for key, _, _ in close]


def _changes(record: dict, person: dict) -> dict:
    return {f: {"before": person.get(f), "after": record[f]} for f in PERSON_FIELDS
            if record.get(f) and record.get(f) != person.get(f)}


def _plan_record(record: dict, kind: str, candidates: list[dict], names: dict) -> PlanItem:
    suggestions = {}
    for field, table in (("unit", "units"), ("group", "groups")):
        found, close = suggest(record.get(field), names[table])
        if record.get(field) and not found:
            suggestions[field] = close
    if len(candidates) > 1:
        return PlanItem("skip", record, reason=AMBIGUOUS, candidates=sorted(c["id"] for c in candidates),
                        suggestions=suggestions)
    person = candidates[0] if candidates else None
    if kind == "attendance":
        if person is None:
            return PlanItem("skip", record, reason="không tìm thấy người trong danh sách", suggestions=suggestions)
        return PlanItem("create", record, person_id=person.get("id"), suggestions=suggestions)
    if person is None:
        return PlanItem("create", record, suggestions=suggestions)
    changes = _changes(record, person)
    return PlanItem("update" if changes else "unchanged", record, person_id=person.get("id"), changes=changes,
                    suggestions=suggestions)


def _record_key(record: dict, kind: str) -> tuple:
    base = (fold(record.get("full_name")), record.get("birth_date"), record.get("group"))
    return base + ((record.get("date"),) if kind == "attendance" else ())


def _candidates(records: list[dict], kind: str, existing: dict, units: dict) -> dict[int, list[dict]]:
    """Snapshot persons each record may be, by the same rules the web import applies."""
    persons = existing.get("persons", [])
    people = pd.DataFrame({"id": [p.get("id") for p in persons],
                           "search_key": [fold(p.get("full_name")) for p in persons],
                           "birth_date": [p.get("birth_date") for p in persons],
                           "phone": [p.get("phone") for p in persons],
                           "home_unit_id": [p.get("home_unit_id") for p in persons]}, dtype=object)
    frame = pd.DataFrame({"key": [fold(r.get("full_name")) for r in records],
                          "birth_date": [r.get("birth_date") for r in records],
                          "phone": [r.get("phone") for r in records],
                          "unit_id": [(units.get(fold(r.get("unit"))) or {}).get("id") for r in records]},
                         dtype=object)
    pairs = (attendance_candidates if kind == "attendance" else roster_candidates)(frame, people)
    by_id = {p.get("id"): p for p in persons}
    found: dict[int, list[dict]] = {}
    for rec, person_id in zip(pairs["rec"], pairs["id"]):
        found.setdefault(int(rec), []).append(by_id[person_id])
    return found


def plan_import(result, existing: dict) -> Plan:
    """What importing `result` would do per record: create / update / unchanged / skip (nothing is written)."""
    records = result.records()
    names = {kind: {fold(item.get("name")): item for item in existing.get(kind, [])} for kind in ("units", "groups")}
    candidates = _candidates(records, result.kind, existing, names["units"])
    seen, items = set(), []
    for position, record in enumerate(records):
        key = _record_key(record, result.kind)
        if key in seen:
            items.append(PlanItem("skip", record, reason="trùng với một dòng khác trong tệp"))
            continue
        seen.add(key)
        items.append(_plan_record(record, result.kind, candidates.get(position, []), names))
    return Plan(items=items, ambiguous=[item for item in items if item.candidates])
