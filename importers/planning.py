"""Plan an import against a snapshot of existing persons/units/groups (pure: plain dicts in, a Plan out).

`existing` = {"persons": [{"id", "full_name", "birth_date", "phone", ...}], "units": [{"id", "name"}],
"groups": [{"id", "name"}]}; dates as ISO text. Persons match by name without diacritics plus birth date or
phone; several possible matches are reported as ambiguous and never merged.
"""

from collections import defaultdict

from rapidfuzz import fuzz, process

from .normalising import fold
from .results import Plan, PlanItem

SUGGESTION_CUTOFF = 80
PERSON_FIELDS = ("birth_date", "phone", "position")


class _Index:
    """Lookups over the existing snapshot."""

    def __init__(self, existing: dict):
        self.persons = defaultdict(list)
        for person in existing.get("persons", []):
            self.persons[fold(person.get("full_name"))].append(person)
        self.names = {kind: {fold(item.get("name")): item for item in existing.get(kind, [])}
                      for kind in ("units", "groups")}


def _differs(record: dict, person: dict, field: str) -> bool:
    return bool(record.get(field)) and bool(person.get(field)) and record[field] != person[field]


def _agrees(record: dict, person: dict) -> bool:
    return any(record.get(f) and record.get(f) == person.get(f) for f in ("birth_date", "phone"))


def match_person(record: dict, index: _Index) -> tuple[dict | None, list[dict]]:
    """(the matching person, []) or (None, candidates) when several could match; (None, []) means new."""
    namesakes = index.persons.get(fold(record.get("full_name")), [])
    confirmed = [person for person in namesakes if _agrees(record, person)]
    if len(confirmed) == 1:
        return confirmed[0], []
    if confirmed:
        return None, confirmed
    undecided = [p for p in namesakes if not (_differs(record, p, "birth_date") or _differs(record, p, "phone"))]
    if len(undecided) == 1:  # the only namesake and nothing contradicts: the same person
        return undecided[0], []
    return None, undecided


def suggest(name: str | None, kind: str, index: _Index) -> tuple[dict | None, list[str]]:
    """(the existing unit/group with this name, []) or (None, close names to offer)."""
    if not name:
        return None, []
    known = index.names[kind]
    exact = known.get(fold(name))
    if exact:
        return exact, []
    close = process.extract(fold(name), list(known), scorer=fuzz.ratio, limit=3, score_cutoff=SUGGESTION_CUTOFF)
    return None, [known[key].get("name") for key, _, _ in close]


def _changes(record: dict, person: dict) -> dict:
    return {f: {"before": person.get(f), "after": record[f]} for f in PERSON_FIELDS
            if record.get(f) and record.get(f) != person.get(f)}


def _plan_record(record: dict, kind: str, index: _Index) -> PlanItem:
    person, candidates = match_person(record, index)
    suggestions = {}
    for field, table in (("unit", "units"), ("group", "groups")):
        found, close = suggest(record.get(field), table, index)
        if record.get(field) and not found:
            suggestions[field] = close
    if candidates:
        return PlanItem("skip", record, reason="nhiều người trùng tên, cần chọn thủ công",
                        candidates=[c.get("id") for c in candidates], suggestions=suggestions)
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


def plan_import(result, existing: dict) -> Plan:
    """What importing `result` would do per record: create / update / unchanged / skip (nothing is written)."""
    index, seen, items = _Index(existing), set(), []
    for record in result.records():
        key = _record_key(record, result.kind)
        if key in seen:
            items.append(PlanItem("skip", record, reason="trùng với một dòng khác trong tệp"))
            continue
        seen.add(key)
        items.append(_plan_record(record, result.kind, index))
    return Plan(items=items, ambiguous=[item for item in items if item.candidates])
