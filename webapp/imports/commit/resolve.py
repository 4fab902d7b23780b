"""Who and where a record names: units found (or created) in the officer's scope, persons matched (or created,
or updated) by the one matching rule of `importers.planning`."""
from datetime import date

import numpy as np
import pandas as pd
from sqlalchemy import insert, select, update

from importers.planning import match_attendance_persons, match_roster_persons

from ...extensions import db
from ...models import RETIRED_SECTORS, Person, Sector, Unit, UnitKind
from ...names import clean_name, fold, sort_key
from ...permissions import within
from ...unit_labels import unit_label
from ...units.queries import namesake_under
from ...units.rules import name_taken
from ..matching import SUGGEST_UNIT, UnitIndex, fold_column, load_persons, rows_frame
from .bulk import bulk_insert, db_value
from .context import Context, ImportRefused, confirmed_units
from .frames import fail, int_ids, log_changes, pair_keys, take


# ---------------------------------------------------------------- units
def _inherited_sector(parent: Unit | None) -> str:
    """A created unit takes its parent's sector, except a retired one (a district-level town's)."""
    return parent.sector.value if parent and parent.sector not in RETIRED_SECTORS else Sector.OTHER.value


def _create_unit(ctx: Context, name: str, parent: Unit | None) -> int:
    """Insert a unit under `parent` (at the top of the tree when there is none yet)."""
    kind = UnitKind.CELL if fold(name).startswith("chi bo") else UnitKind.PARTY_COMMITTEE
    table = Unit.__table__
    unit_id = db.session.execute(insert(table).values(
        name=clean_name(name), search_key=fold(name), kind=kind.value,
        sector=_inherited_sector(parent), parent_id=parent.id if parent else None, path="/",
        active=True).returning(table.c.id)).scalar_one()
    prefix = parent.path if parent else "/"
    db.session.execute(update(table).where(table.c.id == unit_id).values(path=f"{prefix}{unit_id}/"))
    log_changes(ctx, "unit", "insert", [(unit_id, None)])
    ctx.count(ctx.created, "unit", 1)
    return unit_id


def _creation_parent(ctx: Context) -> tuple[bool, Unit | None]:
    """Whether missing units may be created, and under which unit (within the user's scope)."""
    if not ctx.options.create_units:
        return False, None
    parent = db.session.get(Unit, ctx.options.unit_parent_id) if ctx.options.unit_parent_id else None
    if parent is not None:
        return within(parent.path, ctx.scope_path), parent
    has_units = db.session.scalar(select(Unit.id).limit(1)) is not None
    return ctx.scope_path == "/" and not has_units, None


def _confirmed_parent(ctx: Context) -> Unit | None:
    """Where a unit the officer confirmed as new goes: the chosen parent, else the scope's own unit, else the
    top committee."""
    parent = db.session.get(Unit, ctx.options.unit_parent_id) if ctx.options.unit_parent_id else None
    if parent is not None and within(parent.path, ctx.scope_path):
        return parent
    if ctx.scope_path != "/":
        return db.session.scalar(select(Unit).where(Unit.path == ctx.scope_path))
    return db.session.scalar(select(Unit).where(Unit.parent_id.is_(None)).order_by(Unit.id).limit(1))


def _unit_reason(text: str, found, index: UnitIndex) -> str:
    names = ", ".join(f"«{index.label(i)}»" for i in found.candidates)
    if found.ambiguous:
        return f"đơn vị '{text}' trùng tên ở nhiều nơi ({names}): cần xác nhận đơn vị đúng trong bảng giá trị"
    return f"đơn vị '{text}' gần giống {names}: cần xác nhận trong bảng giá trị (chọn đơn vị đúng hoặc tạo mới)"


def _unit_line(text: str, found, index: UnitIndex, unit_id, state: str) -> dict:
    return {"text": text, "key": found.key, "state": state, "unit_id": unit_id,
            "target": index.label(unit_id) if unit_id is not None else None,
            "suggestions": [{"id": int(i), "label": index.label(i)} for i in found.candidates]
            or [{"id": int(i), "label": index.label(i)} for i in index.near(found.key, SUGGEST_UNIT)],
            "ambiguous": found.ambiguous}


def resolve_units(frame: pd.DataFrame, ctx: Context) -> None:
    """Set `unit_id` per record. Only an exact (folded) name, or one the officer confirmed, resolves: a near match
    or a name several units bear waits for confirmation (the commit refuses, naming the values; the dry run fails
    their rows); an unknown unit is created when the officer chose so, else its rows fail with suggestions."""
    index = UnitIndex.load(ctx.scope_path)
    may_create, parent = _creation_parent(ctx)
    confirmed = confirmed_units(ctx.confirmations)
    ids, reasons, lines, pending = {}, {}, {}, []
    codes, texts = pd.factorize(frame["unit"], use_na_sentinel=True)  # each distinct text once, in file order
    for text in texts:
        found = index.match(text)
        choice = confirmed.get(found.key) or {}
        unit_id, state = found.unit_id, found.state
        if choice.get("unit_id") is not None and index.in_scope(int(choice["unit_id"])):
            unit_id, state = int(choice["unit_id"]), "confirmed"
        elif choice.get("new") and found.unit_id is None:
            target = _confirmed_parent(ctx)
            namesake = namesake_under(target.id if target else None, text)
            if namesake is not None:
                reasons[text] = str(name_taken(unit_label(namesake)))
            else:
                unit_id, state = _create_unit(ctx, text, target), "created"
                index.add(unit_id, text)
        elif state == "confirm":
            pending.append(text)
            reasons[text] = _unit_reason(text, found, index)
        elif state == "new" and may_create:
            unit_id = _create_unit(ctx, text, parent)
            index.add(unit_id, text)
        elif state == "new":
            suggestions = [index.label(i) for i in index.near(found.key, SUGGEST_UNIT)]
            hint = f"; có phải: {', '.join(suggestions)}?" if suggestions else ""
            reasons[text] = f"không tìm thấy đơn vị '{text}' trong phạm vi của bạn{hint}"
        ids[text] = unit_id
        lines[text] = _unit_line(text, found, index, unit_id, state)
    ctx.plan["units"] = lines
    if pending and ctx.strict:
        raise ImportRefused("Chưa xác nhận đơn vị: " + "; ".join(f"«{t}»" for t in pending)
                            + ". Mỗi tên này gần giống hoặc trùng tên một đơn vị đã có; hãy chọn đơn vị đúng hoặc "
                            "«Tạo mới» trong bảng giá trị rồi nhập lại.")
    unit_ids = np.array([np.nan if ids[text] is None else ids[text] for text in texts], dtype=float)
    frame["unit_id"] = take(unit_ids, codes, np.nan)
    why = pd.Series(take(np.array([reasons.get(text) for text in texts], dtype=object), codes, None),
                    index=frame.index, dtype=object)
    fail(frame, (codes >= 0) & np.isnan(frame["unit_id"].to_numpy()), why)


# ---------------------------------------------------------------- persons
def _per_name(names: pd.Series, function) -> pd.Series:
    """Apply a name function once per distinct name."""
    codes, uniques = pd.factorize(names, use_na_sentinel=True)
    done = np.array([function(v) for v in uniques] + [None], dtype=object)
    return pd.Series(done[codes], index=names.index, dtype=object)


def _insert_persons(ctx: Context, new: pd.DataFrame) -> None:
    """Bulk-insert persons; name, search key and sort key as `Person.set_name` computes them."""
    names = _per_name(new["full_name"], clean_name)
    nothing = pd.Series(None, index=new.index, dtype=object)
    births = new.get("birth_date", nothing).map(lambda v: db_value(date.fromisoformat(v)) if isinstance(v, str)
                                               else None)
    units = new.get("unit_id", pd.Series(np.nan, index=new.index))
    columns = {
        "full_name": names, "search_key": new["key"], "sort_key": _per_name(names, sort_key), "birth_date": births,
        "position": new.get("position", nothing), "phone": new.get("phone", nothing),
        "home_unit_id": units.astype(object).where(units.notna(), None).map(lambda v: v if v is None else int(v)),
    }
    frame = pd.DataFrame(columns).astype(object)
    frame = frame.where(frame.notna(), None)
    bulk_insert(Person.__table__, list(columns), zip(*(frame[c].tolist() for c in columns)),
                {"is_council_delegate": db_value(False), "import_batch_id": ctx.batch_id})
    ctx.count(ctx.created, "person", len(frame))


def _created_persons(ctx: Context) -> pd.DataFrame:
    rows = db.session.execute(select(Person.id, Person.search_key, Person.birth_date, Person.phone,
                                     Person.home_unit_id).where(Person.import_batch_id == ctx.batch_id)).all()
    frame = rows_frame(rows, ["id", "key", "birth_date", "phone", "home_unit_id"])
    frame["birth_date"] = frame["birth_date"].map(lambda d: d.isoformat() if d else None)
    return frame


def _json_value(value):
    """A stored value as the change log keeps it: NULL (NaN in a frame) as None, dates as ISO text."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    return value.isoformat() if isinstance(value, date) else value


def _update_persons(ctx: Context, frame: pd.DataFrame, persons: pd.DataFrame) -> pd.Series:
    """Fill in or correct position, phone and birth date of matched persons; returns the updated records mask."""
    ok = frame["outcome"].isna() & frame["person_id"].notna() & ~frame["new_person"]
    matched = frame[ok].drop_duplicates("person_id", keep="last")
    stored = persons.set_index("id")
    changes, befores = [], []
    for rec in matched.itertuples():
        old = stored.loc[int(rec.person_id)]
        new_values = {
            f: getattr(rec, f)
            for f in ("position", "phone", "birth_date")
            if getattr(rec, f) is not None and getattr(rec, f) == getattr(rec, f) and getattr(rec, f) != old[f]
        }
        if new_values:
            befores.append((int(rec.person_id), {f: _json_value(old[f]) for f in new_values}))
            if "birth_date" in new_values:
                new_values["birth_date"] = date.fromisoformat(new_values["birth_date"])
            changes.append((int(rec.person_id), new_values))
    for person_id, values in changes:
        db.session.execute(update(Person.__table__).where(Person.__table__.c.id == person_id).values(**values))
    log_changes(ctx, "person", "update", befores)
    ctx.count(ctx.updated, "person", len(changes))
    return ok & frame["person_id"].isin([pid for pid, _ in changes])


def match_roster(frame: pd.DataFrame) -> pd.DataFrame:
    """Match roster records to existing persons (nothing written yet); returns the candidate persons."""
    frame["key"] = fold_column(frame["full_name"])
    persons = load_persons(frame["key"])
    person_id, problem = match_roster_persons(frame, persons)
    frame["person_id"] = person_id
    fail(frame, problem.notna(), problem)
    return persons


def resolve_roster_persons(frame: pd.DataFrame, ctx: Context, persons: pd.DataFrame) -> pd.Series:
    """Create the persons of matched roster records still standing (refused rows create nobody); returns the
    mask of records whose person was updated."""
    frame["new_person"] = frame["outcome"].isna() & frame["person_id"].isna()
    todo = frame[frame["new_person"]]
    if len(todo):
        _insert_persons(ctx, todo.drop_duplicates(["key", "birth_date", "phone"]))
        created = _created_persons(ctx).drop(columns=["home_unit_id"])
        merged = todo[["key", "birth_date", "phone"]].reset_index().merge(
            created, on=["key", "birth_date", "phone"], how="left").drop_duplicates("index").set_index("index")
        frame.loc[merged.index, "person_id"] = merged["id"].astype(float)
    return _update_persons(ctx, frame, persons)


def resolve_attendance_persons(frame: pd.DataFrame, ctx: Context) -> None:
    """Match attendance records to persons by name (and unit), once per distinct name and unit; unknown
    names fail unless creation was chosen."""
    frame["key"] = fold_column(frame["full_name"])
    key_codes, _ = pd.factorize(frame["key"], use_na_sentinel=True)
    frame_pairs = pair_keys(key_codes, int_ids(frame["unit_id"]) + 1)
    live = frame["outcome"].isna().to_numpy()
    unique_keys, first_at = np.unique(frame_pairs[live], return_index=True)
    first = pd.Index(unique_keys)
    positions = np.flatnonzero(live)[first_at]
    pairs = frame.iloc[positions][["full_name", "key", "unit_id"]].reset_index(drop=True)
    persons = load_persons(pairs["key"])
    person_id, problem = match_attendance_persons(pairs, persons)
    pairs["person_id"], pairs["problem"] = person_id, problem
    missing = pairs["person_id"].isna() & pairs["problem"].isna()
    if ctx.options.create_persons and missing.any():
        todo = pairs[missing]
        _insert_persons(ctx, todo[["full_name", "key", "unit_id"]])
        # ids ascend in insertion order within the transaction (as the meetings' do), so they line up with `todo`
        created = db.session.scalars(select(Person.id).where(Person.import_batch_id == ctx.batch_id)
                                     .order_by(Person.id)).all()
        pairs.loc[todo.index, "person_id"] = np.array(created, dtype=float)
    elif missing.any():
        pairs.loc[missing, "problem"] = "không tìm thấy '" + pairs.loc[missing, "full_name"].astype(str) + \
            "' trong danh bạ"
    where = first.get_indexer(frame_pairs)
    frame["person_id"] = take(pairs["person_id"].to_numpy(dtype=float), where, np.nan)
    problems = pd.Series(take(pairs["problem"].to_numpy(dtype=object), where, None), index=frame.index, dtype=object)
    fail(frame, problems.notna(), problems)
