"""The records a commit will write, as the preview shows them: one line per record in the app's terms (who, which
unit with its ward, which group and role, which meeting and mark), where each field came from, and the tallies
above them.

Built from the dry run's records frame while its transaction is still open, so units and persons the run would
create are told apart from those that exist already."""
import numpy as np
import pandas as pd
from sqlalchemy import select

from importers.mapping import column_index

from ..extensions import db
from ..models import ImportChange, Person, Unit

RECORDS_MAX = 5000  # lines kept for the preview's pages; the tallies count every record
TALLY_MAX = 12
SHOWN_FIELDS = {
    "roster": ("full_name", "birth_date", "position", "group", "role", "unit", "phone"),
    "attendance": ("full_name", "unit", "date", "status"),
}
ORDER = {"error": 0, "warning": 1, None: 2}
ROLE_ORDER = {"head": 0, "deputy": 1, "member": 2}
WILL = {"created": "write", "updated": "write", "failed": "error", "unchanged": "same"}


def _record_sheets(result, positions) -> list:
    """The sheet of the records at `positions` (a register read from several sheets names each row's own), found
    from where each row's records end: only the records shown, not one entry per record of the file."""
    columns = result.row_columns()
    named = columns.get("sheet") or [None] * len(columns["row"])
    rows = [(sheet, count) for sheet, outcome, count in zip(named, columns["outcome"], columns["record_count"])
            if outcome == "record" and count]
    names = [sheet or result.first_sheet or "" for sheet, _ in rows]
    ends = np.cumsum(np.array([count for _, count in rows], dtype=np.int64))
    return [names[at] if at < len(names) else "" for at in np.searchsorted(ends, np.asarray(positions), side="right")]


def _sources(result, layout: dict | None) -> tuple[dict, dict, dict]:
    """Column letters per field, per meeting day and per month (wide registers keep one column per meeting)."""
    by_field, by_day, by_month = {}, {}, {}
    for column in result.columns:
        if column.day:
            by_day[column.day] = column.letter
        elif column.month:
            by_month[column.month] = column.letter
        elif column.field and not column.field.startswith(("month_", "date_")):
            by_field.setdefault(column.field, []).append(column.letter)
    for join in (layout or {}).get("joins") or []:  # a joined field reads the officer's columns, not the virtual one
        by_field[join["field"]] = list(join["columns"])
    return by_field, by_day, by_month


def _cells(field: str, record: dict, sheet: str, row: int, sources: tuple[dict, dict, dict]) -> str:
    """The cell(s) a field of a record was read from ("Trang1!C7"); empty when it came from the sheet's context."""
    by_field, by_day, by_month = sources
    letters = by_field.get(field)
    if not letters and field in ("date", "status"):
        day = record.get("date")
        letter = by_day.get(day) if day else None
        if letter is None and isinstance(day, str) and len(day) >= 7 and day[5:7].isdigit():
            letter = by_month.get(int(day[5:7]))
        letters = [letter] if letter else []
    prefix = f"{sheet}!" if sheet else ""
    return ", ".join(f"{prefix}{letter}{row}" for letter in letters or [])


def unit_labels(unit_ids) -> dict[int, str]:
    """Each unit's name with the units above it, below the root ("Đảng bộ phường X › Chi bộ Tổ dân phố 1"):
    names such as "Chi bộ Tổ dân phố 1" repeat across wards."""
    ids = {int(u) for u in unit_ids}
    if not ids:
        return {}
    paths = dict(db.session.execute(select(Unit.id, Unit.path).where(Unit.id.in_(ids))).all())
    wanted = {int(part) for path in paths.values() for part in path.strip("/").split("/") if part}
    rows = db.session.execute(select(Unit.id, Unit.name, Unit.parent_id).where(Unit.id.in_(wanted))).all()
    names = {r.id: r.name for r in rows}
    roots = {r.id for r in rows if r.parent_id is None}
    labels = {}
    for unit_id, path in paths.items():
        chain = [int(p) for p in path.strip("/").split("/") if p and int(p) not in roots]
        labels[unit_id] = " › ".join(names[p] for p in chain if p in names) or names.get(unit_id, "")
    return labels


def _created(batch_id: int) -> tuple[set, set]:
    """Units and persons the open dry run has created (rolled back afterwards)."""
    units = set(db.session.scalars(select(ImportChange.row_id).where(
        ImportChange.batch_id == batch_id, ImportChange.table_name == "unit", ImportChange.action == "insert")))
    persons = set(db.session.scalars(select(Person.id).where(Person.import_batch_id == batch_id)))
    return units, persons


def _issues(result) -> dict[int, tuple[str, str]]:
    """The first error (else warning) of each source row: (level, message)."""
    found = {}
    for level, items in (("error", result.errors), ("warning", result.warnings)):
        for issue in items:
            if issue.get("row") and int(issue["row"]) not in found:
                found[int(issue["row"])] = (level, issue["message"])
    return found


def _value(value):
    if value is None or (isinstance(value, float) and value != value):
        return None
    return value.item() if hasattr(value, "item") else value


def _tally(values: pd.Series) -> list[list]:
    """[(value, count)] most frequent first, the rest summed under None."""
    counts = values.value_counts()  # NaN and None left out
    counts = counts[counts.index.astype(str) != ""]
    top = counts.head(TALLY_MAX)
    rest = int(counts.sum() - top.sum())
    return [[_value(k), int(n)] for k, n in top.items()] + ([[None, rest]] if rest else [])


def _tallies(kind: str, frame: pd.DataFrame, unit_text: pd.Series) -> dict:
    """Counts above the rows: by unit, by group and role, by status and month (every record, not one page)."""
    tallies = {"unit": _tally(unit_text)}
    if kind == "roster" and "group" in frame and "role" in frame:
        pairs = frame[["group", "role"]].fillna("").value_counts().sort_index()
        groups = {}
        for (group, role), n in pairs.items():
            groups.setdefault(group, []).append([role, int(n)])
        tallies["group"] = [[group, sorted(roles, key=lambda item: ROLE_ORDER.get(item[0], 9))]
                            for group, roles in groups.items()][:TALLY_MAX]
    if kind == "attendance":
        tallies["status"] = _tally(frame.get("status", pd.Series(dtype=object)))
        codes, days = pd.factorize(frame.get("date", pd.Series(dtype=object)))  # a few hundred distinct days
        month_of = np.array([d[:7] if isinstance(d, str) else None for d in days] + [None], dtype=object)
        months = pd.Series(month_of[codes], dtype=object)
        tallies["month"] = sorted(_tally(months), key=lambda item: item[0] or "9999")
    return tallies


def _levels(frame: pd.DataFrame, issues: dict) -> pd.Series:
    """0 for a record that fails or whose row has an error, 1 for a warning, 2 for the rest."""
    levels = np.full(len(frame), 2, dtype=np.int64)  # numpy, not Series.map/fillna/where: a million records
    if issues:
        where = pd.Index(list(issues)).get_indexer(frame["src_row"].to_numpy())
        by_row = np.array([0 if level == "error" else 1 for level, _ in issues.values()], dtype=np.int64)
        levels[where >= 0] = by_row[where[where >= 0]]
    levels[frame["outcome"].eq("failed").to_numpy()] = 0
    return pd.Series(levels, index=frame.index)


def _line(record: dict, sheet: str, fields, sources, issues, labels, new_units, new_persons) -> dict:
    row = int(record["src_row"])
    unit_id = _value(record.get("unit_id"))
    unit_id = int(unit_id) if unit_id is not None else None
    person_id = _value(record.get("person_id"))
    new_person = bool(_value(record.get("new_person"))) or (person_id is not None and int(person_id) in new_persons)
    will = WILL.get(record.get("outcome") or "", "write")
    level, message = issues.get(row, (None, None))
    if will == "error":
        level, message = "error", record.get("reason") or message
    return {"row": row, "sheet": sheet, "will": will, "level": level, "message": message,
            "values": {f: _value(record.get(f)) for f in fields},
            "cells": {f: _cells(f, record, sheet, row, sources) for f in fields},
            "unit_label": labels.get(unit_id, "") if unit_id is not None else "", "new_unit": unit_id in new_units,
            "person": "new" if new_person else "matched" if person_id is not None else None}


def _failed_rows(result, fields, sources, issues, grid_of) -> list[dict]:
    """Rows that fail before giving a record, each as a line of the cells its fields would have read."""
    lines = []
    by_field = sources[0]
    columns = result.row_columns()
    named = columns.get("sheet") or [None] * len(columns["row"])
    for row, outcome, reason, sheet in zip(columns["row"], columns["outcome"], columns["reason"], named):
        if outcome != "failed" or len(lines) >= RECORDS_MAX:
            continue
        row, sheet = int(row), sheet or result.first_sheet or ""
        grid = grid_of(sheet)
        cells = grid[row - 1] if 0 < row <= len(grid) else []
        values = {}
        for f in fields:
            texts = [cells[column_index(letter)] for letter in by_field.get(f, [])
                     if column_index(letter) < len(cells) and cells[column_index(letter)] not in (None, "")]
            values[f] = " ".join(str(v) for v in texts) or None
        message = issues.get(row, (None, None))[1] or reason
        lines.append({"row": row, "sheet": sheet, "will": "error", "level": "error", "message": message,
                      "values": values, "cells": {f: _cells(f, {}, sheet, row, sources) for f in fields},
                      "unit_label": "", "new_unit": False, "person": None})
    return lines


def planned(result, frame: pd.DataFrame, batch_id: int, layout: dict | None, grid_of) -> dict:
    """The preview's records (problems first, then file order) and tallies; call before the dry run rolls back.
    `grid_of(sheet)` gives a sheet's cells, for the rows that fail before giving a record."""
    fields = SHOWN_FIELDS.get(result.kind) or tuple(result.frame.columns)
    sources = _sources(result, layout)
    issues = _issues(result)
    failed = _failed_rows(result, fields, sources, issues, grid_of)
    if not len(frame):
        return {"fields": list(fields), "records": failed, "tallies": {}, "total": len(failed),
                "levels": {"error": len(failed), "warning": 0}}
    new_units, new_persons = _created(batch_id)
    unit_ids = frame["unit_id"] if "unit_id" in frame else pd.Series(np.nan, index=frame.index)
    labels = unit_labels(unit_ids.dropna().unique())
    named = unit_ids.astype(float).map({float(k): v for k, v in labels.items()})
    unit_text = named.where(named.notna(), frame["unit"] if "unit" in frame else None)
    levels = _levels(frame, issues)
    chosen = frame.index[np.argsort(levels.to_numpy(), kind="stable")[:RECORDS_MAX - len(failed)]]
    sheets = _record_sheets(result, chosen)
    lines = [_line(record, sheet, fields, sources, issues, labels, new_units, new_persons)
             for sheet, record in zip(sheets, frame.loc[chosen].to_dict("records"))]
    ordered = failed + lines
    ordered.sort(key=lambda line: ORDER[line["level"]])  # stable: within a level, file order
    return {"fields": list(fields), "records": ordered, "total": len(frame) + len(failed),
            "levels": {"error": int((levels == 0).sum()) + len(failed), "warning": int((levels == 1).sum())},
            "tallies": _tallies(result.kind, frame, unit_text)}
