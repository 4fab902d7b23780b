"""The values table of a batch: each distinct unit text, person identity, group, role and mark of the parsed file
once, with how many records carry it and what it resolves to.

It is built from the very run the dry run makes (`commit.execute`, then rolled back), so it shows what the commit
would do: a unit found exactly (shown with its ward), a new one, or one waiting for the officer's confirmation
(a near match or a name borne in several wards, never applied on its own). The officer's answers are kept on the
batch (`ImportBatch.confirmations`) and read by the commit through `Context.confirmations`."""
import numpy as np
import pandas as pd
from sqlalchemy import select

from ..extensions import db
from ..i18n import in_vietnamese
from ..models import AttendanceStatus, ImportBatch, MemberRole, Person, Unit
from ..models.labels import LABELS
from ..permissions import within
from .commit.context import confirmed_units, ended_heads
from .matching import UnitIndex
from .services import update_batch

LINES_MAX = 300  # per section: a register of thousands of names lists the first ones and counts the rest
PENDING = "confirm"


def _count(values: pd.Series) -> dict:
    return {k: int(n) for k, n in values.dropna().value_counts(sort=False).items()}


def _units(frame: pd.DataFrame, plan: dict) -> list[dict]:
    counts = _count(frame["unit"]) if "unit" in frame else {}
    lines = [{**line, "count": counts.get(text, 0)} for text, line in plan.get("units", {}).items()]
    order = {PENDING: 0, "new": 1, "created": 2, "confirmed": 3, "exact": 4}
    return sorted(lines, key=lambda line: (order.get(line["state"], 5), line["text"]))


def _persons(frame: pd.DataFrame, batch_id: int) -> tuple[list[dict], int]:
    """(name, birth date) identities: the existing person matched, new, or the reason none could be chosen
    (vectorised: a register of a million marks has a hundred thousand names)."""
    if "full_name" not in frame or "person_id" not in frame:
        return [], 0
    created = list(db.session.scalars(select(Person.id).where(Person.import_batch_id == batch_id)))
    name_codes, names = pd.factorize(frame["full_name"], use_na_sentinel=True)  # a record without a name: none
    if "birth_date" in frame:
        births = frame["birth_date"]
        birth_codes, birth_texts = pd.factorize(births.where(births.notna(), ""))
    else:  # a register's marks: no column of a million empty births to factorize
        birth_codes, birth_texts = np.zeros(len(frame), dtype=np.intp), np.array([""], dtype=object)
    named, width = name_codes >= 0, max(len(birth_texts), 1)
    people = pd.DataFrame({"key": name_codes[named].astype(np.int64) * width + birth_codes[named],
                           "person_id": frame["person_id"].astype(float).to_numpy()[named],
                           "reason": frame["reason"].to_numpy(dtype=object)[named]})
    grouped = people.groupby("key", sort=False).agg(
        n=("key", "size"), person_id=("person_id", "min"), reason=("reason", "first")).reset_index()
    grouped["name"] = np.asarray(names, dtype=object)[grouped["key"].to_numpy() // width]
    grouped["birth"] = np.asarray(birth_texts, dtype=object)[grouped["key"].to_numpy() % width]
    grouped["state"] = "exact"
    grouped.loc[grouped["person_id"].isin(created), "state"] = "new"
    grouped.loc[grouped["person_id"].isna(), "state"] = "problem"
    grouped["rank"] = grouped["state"].map({"problem": 0, "new": 1, "exact": 2})
    shown = grouped.sort_values(["rank", "name", "birth"]).head(LINES_MAX)  # (name, birth) is one line
    lines = [{"text": r.name, "birth": r.birth or None, "count": int(r.n), "state": r.state,
              "person_id": int(r.person_id) if r.state == "exact" else None,
              "reason": str(r.reason) if r.state == "problem" and r.reason == r.reason and r.reason else None}
             for r in shown.itertuples(index=False)]
    return lines, len(grouped)


def _groups(frame: pd.DataFrame, plan: dict) -> list[dict]:
    if "group" not in frame:
        return []
    heads = plan.get("heads", {})
    lines = []
    for text, rows in frame.groupby("group", sort=True):
        number = rows["group_number"].dropna() if "group_number" in rows else pd.Series(dtype=float)
        number = int(number.iloc[0]) if len(number) else None
        known = "group_id" in rows and rows["group_id"].notna().any()
        lines.append({"text": text, "count": len(rows), "number": number,
                      "state": "problem" if number is None else "exact" if known else "new",
                      "head": heads.get(str(number)) if number is not None else None})
    return lines


def words(frame: pd.DataFrame, grid: list[list], columns: list[dict], field: str,
          blocks: list[dict] = ()) -> pd.Series | None:
    """The cell text each record's `field` was read from, when one column of one sheet holds it (None otherwise:
    month columns, fields joined or split from others); rows of a block read by its own header (`blocks`, the
    parse's) are read in that block's column."""
    chosen = [c["index"] for c in columns if c.get("field") == field]
    if len(chosen) != 1 or "src_row" not in frame:
        return None
    texts = {}
    for row in pd.unique(frame["src_row"]):
        column = _block_column(blocks, int(row), field, chosen[0])
        cells = grid[int(row) - 1] if 0 < int(row) <= len(grid) else []
        cell = cells[column] if column is not None and column < len(cells) else None
        texts[row] = "" if cell is None else str(cell).strip()
    return frame["src_row"].map(texts)


def _block_column(blocks: list[dict], row: int, field: str, column: int) -> int | None:
    """The column `field` is read from on `row`: its block's own (None when the block has none), else `column`."""
    for block in blocks:
        if block["first_row"] <= row <= block["last_row"]:
            return next((c["index"] for c in block["columns"] if c["field"] == field), None)
    return column


def _pairs(read: pd.Series, named: dict, raw: pd.Series | None) -> list[tuple[tuple[str, str], int]]:
    """((cell text, value read), records) of a column, "" for a missing value; without the cell text, a value
    stands for its label (each distinct value counted once: a million marks hold a handful of letters)."""
    if raw is not None:
        read = read.where(read.notna(), None)
        return list(pd.DataFrame({"text": raw.fillna(""), "value": read.fillna("")}).value_counts(sort=False).items())
    codes, uniques = pd.factorize(read, use_na_sentinel=True)
    counts = np.bincount(codes + 1, minlength=len(uniques) + 1)  # slot 0: the missing values
    found = {}
    for value, n in zip([None, *uniques], counts.tolist()):
        if n:
            key = (named.get(value, value), value) if value is not None else ("", "")
            found[key] = found.get(key, 0) + n
    return list(found.items())


def _vocabulary(frame: pd.DataFrame, column: str, labels: dict, raw: pd.Series | None) -> list[dict]:
    """Each word of the file's role or mark column once, with what it was read as."""
    if column not in frame:
        return []
    named = {getattr(k, "value", k): in_vietnamese(v) for k, v in labels.items()}  # kept in the plan
    lines = [{"text": text, "value": value or None, "label": named.get(value, value) if value else "không đọc được",
              "count": int(n), "state": "exact" if value in named else "problem"}
             for (text, value), n in _pairs(frame[column], named, raw)]
    return sorted(lines, key=lambda line: (line["state"] != "problem", line["label"], line["text"]))[:LINES_MAX]


def build(frame: pd.DataFrame, ctx, kind: str, raw: dict | None = None) -> dict:
    """The values table of a run (call it before the run is rolled back: it reads the persons the run created);
    `raw` holds the cell text of the role or mark column per record (see `words`) when there is one."""
    raw = raw or {}
    persons, person_total = _persons(frame, ctx.batch_id)
    units = _units(frame, ctx.plan)
    return {"kind": kind, "units": units, "persons": persons, "person_total": person_total,
            "groups": _groups(frame, ctx.plan) if kind == "roster" else [],
            "roles": _vocabulary(frame, "role", LABELS[MemberRole], raw.get("role")) if kind == "roster" else [],
            "marks": _vocabulary(frame, "status", LABELS[AttendanceStatus], raw.get("status")) if kind == "attendance"
            else [],
            "pending": [line["text"] for line in units if line["state"] == PENDING]}


def pending_message(values: dict) -> str | None:
    """The Vietnamese line naming the values the officer still has to confirm (None when there are none)."""
    if not values or not values.get("pending"):
        return None
    return "Cần xác nhận trước khi nhập: " + "; ".join(f"«{t}»" for t in values["pending"])


def warnings(values: dict | None) -> list[dict]:
    """The values table's findings as warnings (Vietnamese), as `flask import --dry-run` prints them."""
    found = []
    for line in (values or {}).get("units", []):
        names = ", ".join(f"«{s['label']}»" for s in line["suggestions"])
        if line["state"] == PENDING:
            what = "trùng tên các đơn vị" if line.get("ambiguous") else "gần giống"
            found.append({"field": "unit", "value": line["text"], "message":
                          f"Đơn vị «{line['text']}» ({line['count']} dòng) {what} {names}: "
                          "cần xác nhận trước khi nhập."})
        elif line["state"] == "new":
            found.append({"field": "unit", "value": line["text"], "message":
                          f"Đơn vị «{line['text']}» ({line['count']} dòng) chưa có"
                          + (f" (gần nhất: {names})" if names else "") + "."})
    for line in (values or {}).get("groups", []):
        head = line.get("head")
        if head and not head["ended"]:
            found.append({"field": "group", "value": line["text"], "message":
                          f"{line['text']}: đã có Trưởng đoàn {head['head']}; tệp ghi Trưởng đoàn khác "
                          f"(có thể kết thúc nhiệm vụ Trưởng đoàn hiện tại ngày {head['end_on']})."})
    for line in (values or {}).get("persons", []):
        if line["state"] == "problem" and line.get("reason"):
            found.append({"field": "person", "value": line["text"], "message": f"{line['text']}: {line['reason']}"})
    return found


def unit_choices(scope_path: str) -> list[tuple[int, str]]:
    """Every active unit in scope, with its enclosing units, for "pick any unit"."""
    index = UnitIndex.load(scope_path)
    return sorted(((unit_id, label) for unit_id, label in index.labels.items()), key=lambda item: item[1])


def table(batch: ImportBatch, scope_path: str) -> dict | None:
    """What the preview shows: the batch's values table with the officer's confirmations and the units to pick."""
    values = (batch.summary or {}).get("values")
    if not values:
        return None
    return {**values, "batch_id": batch.id, "confirmed_units": confirmed_units(batch.confirmations),
            "ended_heads": sorted(ended_heads(batch.confirmations)), "choices": unit_choices(scope_path),
            "message": pending_message(values)}


def confirm(batch_id: int, section: str, key: str, choice: str, scope_path: str = "/") -> str | None:
    """Store the officer's answer for one line; returns a Vietnamese problem, or None when stored.

    units: `choice` is a unit id, "new", or "" (forget the answer); heads: `key` is the group number, `choice`
    "end" or ""."""
    batch = db.session.get(ImportBatch, batch_id)
    answers = {k: dict(v) for k, v in (batch.confirmations or {}).items()}
    if section == "units":
        units = answers.setdefault("units", {})
        if choice == "new":
            units[key] = {"new": True}
        elif choice.isdigit() and (unit := db.session.get(Unit, int(choice))) is not None \
                and within(unit.path, scope_path):
            units[key] = {"unit_id": int(choice)}
        elif choice == "":
            units.pop(key, None)
        else:
            return "Lựa chọn đơn vị không hợp lệ."
    elif section == "heads" and key.isdigit() and choice in ("end", ""):
        heads = answers.setdefault("heads", {})
        if choice:
            heads[key] = True
        else:
            heads.pop(key, None)
    else:
        return "Dòng giá trị không hợp lệ."
    update_batch(batch_id, confirmations=answers)
    db.session.commit()
    return None
