"""Write validated records into the database in bulk (Core executemany), one transaction, dry run = rolled back.

Every state change of an import goes through `execute`: the web preview (dry run), the web commit, the
background job and the `flask import` command all call it."""
import itertools
import json
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime

import numpy as np
import pandas as pd
from sqlalchemy import bindparam, func, insert, select, update

from importers.planning import match_attendance_persons, match_roster_persons

from ..clock import local_today
from ..extensions import db
from ..models import (
    Assignment,
    Attendance,
    ImportChange,
    Meeting,
    MeetingKind,
    MemberRole,
    Membership,
    Person,
    Term,
    Unit,
    UnitKind,
    WorkingGroup,
)
from ..clock import utcnow
from ..groups import rules as group_rules
from ..i18n import in_vietnamese as vietnamese  # receipts keep their reasons in Vietnamese
from ..models.groups import active_on
from ..models.meetings import meeting_unit
from ..names import clean_name, fold, sort_key
from .matching import UnitIndex, fold_column, load_persons, rows_frame

CHUNK = 20_000
REBUILD_MIN_ROWS = 100_000
GROUP_NUMBER = re.compile(r"(\d+)")


class ImportRefused(Exception):
    """The whole import cannot run (e.g. no current term); `.message` is Vietnamese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Options:
    """Choices the officer makes on the preview page."""

    start_date: date = field(default_factory=local_today)
    create_units: bool = False
    unit_parent_id: int | None = None
    create_persons: bool = False
    default_unit_id: int | None = None

    @classmethod
    def from_dict(cls, data: dict | None) -> "Options":
        data = dict(data or {})
        if isinstance(data.get("start_date"), str):
            data["start_date"] = date.fromisoformat(data["start_date"])
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})

    def as_dict(self) -> dict:
        return {"start_date": self.start_date.isoformat(), "create_units": self.create_units,
                "unit_parent_id": self.unit_parent_id, "create_persons": self.create_persons,
                "default_unit_id": self.default_unit_id}


@dataclass
class Context:
    """What one run needs besides the records: the batch, the options, the user's scope, progress callback."""

    batch_id: int
    options: Options
    scope_path: str = "/"
    progress: object = None
    created: dict = field(default_factory=dict)
    updated: dict = field(default_factory=dict)

    def tick(self, percent: int) -> None:
        if self.progress:
            self.progress(percent)

    def count(self, bucket: dict, table: str, n: int) -> None:
        bucket[table] = bucket.get(table, 0) + int(n)


def source_rows(result) -> np.ndarray:
    """Excel row of every record: the pipeline emits records in row order, `record_count` per row."""
    rows = [r for r in result.rows if r["outcome"] == "record" and r["record_count"]]
    return np.repeat(np.array([r["row"] for r in rows], dtype=np.int64),
                     np.array([r["record_count"] for r in rows], dtype=np.int64))


def _executemany(statement, rows: list[dict]) -> None:
    for start in range(0, len(rows), CHUNK):
        db.session.execute(statement, rows[start:start + CHUNK])


def bulk_insert(table, columns: list[str], rows, fixed: dict | None = None) -> int:
    """Insert tuples of `columns` (plus `fixed` values, the same for every row) inside the session's transaction;
    returns the number of rows.

    The hot path of an import: Core/ORM per-row parameter processing costs more than the insert itself. PostgreSQL
    (psycopg) gets the rows through COPY (executemany manages ~26,000 rows/s there); SQLite gets each chunk as one
    JSON parameter unpacked by json_each (a third faster than the DBAPI's executemany for a million rows); any
    other database gets the DBAPI's executemany."""
    connection = db.session.connection()
    fixed = fixed or {}
    quote = connection.dialect.identifier_preparer.quote
    target = f"{quote(table.name)} ({', '.join(quote(c) for c in [*columns, *fixed])})"
    tail = tuple(fixed.values())
    if connection.dialect.driver == "psycopg":
        return _copy_rows(connection, target, rows, tail)
    if _json_each_available(connection):
        connection.exec_driver_sql("PRAGMA cache_size=-32768")  # index pages of a million-row insert stay in memory
        picks = ", ".join([f"value->>{i}" for i in range(len(columns))] + ["?"] * len(fixed))
        sql = f"INSERT INTO {target} SELECT {picks} FROM json_each(?)"
        return _insert_chunks(rows, lambda chunk: connection.exec_driver_sql(
            sql, (*tail, json.dumps(chunk, ensure_ascii=False, allow_nan=False))))
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    sql = f"INSERT INTO {target} VALUES ({', '.join([mark] * (len(columns) + len(fixed)))})"
    return _insert_chunks(rows, lambda chunk: connection.exec_driver_sql(sql, [row + tail for row in chunk]))


def _copy_rows(connection, target: str, rows, tail: tuple) -> int:
    """COPY … FROM STDIN on the session's own psycopg connection (so inside its transaction)."""
    total = 0
    with connection.connection.dbapi_connection.cursor() as cursor, \
            cursor.copy(f"COPY {target} FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row + tail)
            total += 1
    return total


def _json_each_available(connection) -> bool:
    """SQLite with the JSON functions and the ->> operator built in (3.38 and later)."""
    return connection.dialect.name == "sqlite" and connection.dialect.dbapi.sqlite_version_info >= (3, 38)


def _insert_chunks(rows, insert_chunk) -> int:
    rows, total = iter(rows), 0
    while True:
        chunk = list(itertools.islice(rows, CHUNK))
        if not chunk:
            return total
        insert_chunk(chunk)
        total += len(chunk)


@contextmanager
def index_built_after(table, name: str, new_rows: int):
    """Around a big insert into SQLite, drop an index whose keys arrive in random order and build it once
    afterwards: one sort instead of a B-tree descent per row (per million marks ~1.5 s of inserting becomes
    ~0.5 s of building). Only when the insert at least doubles the table (else rebuilding costs more) and only
    inside an open transaction, so a failed import rolls the drop back with everything else."""
    connection = db.session.connection()
    index = next(i for i in table.indexes if i.name == name)
    rebuild = (connection.dialect.name == "sqlite" and new_rows >= REBUILD_MIN_ROWS
               and connection.connection.dbapi_connection.in_transaction
               and new_rows >= (connection.scalar(select(func.max(table.c.id))) or 0))
    if rebuild:
        index.drop(connection)
    yield
    if rebuild:
        index.create(connection)


def db_value(value):
    """A Python value as the DBAPI stores it for SQLAlchemy's column types (SQLite keeps datetimes as text)."""
    if db.session.connection().dialect.name == "sqlite" and isinstance(value, (datetime, date)):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    return value


def pair_keys(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """One int64 per pair of non-negative ints (ids, codes): cheap to hash, index and compare."""
    return first.astype(np.int64) * (1 << 32) + second.astype(np.int64)


def take(values: np.ndarray, positions: np.ndarray, missing) -> np.ndarray:
    """values[positions], with `missing` where a position is -1 (not found); also when `values` is empty."""
    result = np.full(len(positions), missing, dtype=object if values.dtype == object else float)
    found = positions >= 0
    result[found] = values[positions[found]]
    return result


def int_ids(values: pd.Series) -> np.ndarray:
    """Float ids with NaN as int64 with -1."""
    return values.astype(float).fillna(-1).to_numpy(dtype=np.int64)


def _records_frame(result) -> pd.DataFrame:
    frame = result.frame.reset_index(drop=True).astype(object)  # wide attendance comes categorical
    frame["src_row"] = source_rows(result)[:len(frame)]
    frame["outcome"] = None
    frame["reason"] = None
    return frame


def fail(frame: pd.DataFrame, mask, reason) -> None:
    """Mark records failed (unless already failed) with a reason (scalar or aligned Series)."""
    mask = pd.Series(mask, index=frame.index).fillna(False).astype(bool) & frame["outcome"].isna()
    frame.loc[mask, "outcome"] = "failed"
    frame.loc[mask, "reason"] = reason[mask] if isinstance(reason, pd.Series) else reason


def log_changes(ctx: Context, table: str, action: str, rows: list[tuple[int, dict | None]]) -> None:
    if rows:
        _executemany(insert(ImportChange.__table__), [
            {"batch_id": ctx.batch_id, "table_name": table, "row_id": int(row_id), "action": action, "before": before}
            for row_id, before in rows])


# ---------------------------------------------------------------- units
def _create_unit(ctx: Context, name: str, parent: Unit | None) -> int:
    """Insert a unit under `parent` (at the top of the tree when there is none yet)."""
    kind = UnitKind.CELL if fold(name).startswith("chi bo") else UnitKind.PARTY_COMMITTEE
    table = Unit.__table__
    unit_id = db.session.execute(insert(table).values(
        name=clean_name(name), search_key=fold(name), kind=kind.value,
        sector=parent.sector.value if parent else "other", parent_id=parent.id if parent else None, path="/",
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
        return parent.path.startswith(ctx.scope_path), parent
    has_units = db.session.scalar(select(Unit.id).limit(1)) is not None
    return ctx.scope_path == "/" and not has_units, None


def resolve_units(frame: pd.DataFrame, ctx: Context) -> None:
    """Set `unit_id` per record; unknown units fail with suggestions unless the officer chose to create them."""
    index = UnitIndex.load(ctx.scope_path)
    may_create, parent = _creation_parent(ctx)
    ids, reasons = {}, {}
    for text in frame["unit"].dropna().unique():
        unit_id, suggestions = index.resolve(text)
        if unit_id is None and may_create:
            unit_id = _create_unit(ctx, text, parent)
            index.add(unit_id, text)
        ids[text] = unit_id
        if unit_id is None:
            hint = f"; có phải: {', '.join(suggestions)}?" if suggestions else ""
            reasons[text] = f"không tìm thấy đơn vị '{text}' trong phạm vi của bạn{hint}"
    frame["unit_id"] = frame["unit"].map(ids).astype(float)
    fail(frame, frame["unit"].notna() & frame["unit_id"].isna(), frame["unit"].map(reasons))


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
        new_values = {f: getattr(rec, f) for f in ("position", "phone", "birth_date")
                      if getattr(rec, f) is not None and getattr(rec, f) == getattr(rec, f) and getattr(rec, f) != old[f]}
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
        created = _created_persons(ctx)
        created_keys = pair_keys(pd.Index(pairs["key"].unique()).get_indexer(created["key"]),
                                 int_ids(created["home_unit_id"]) + 1)
        todo_keys = pair_keys(pd.Index(pairs["key"].unique()).get_indexer(todo["key"]), int_ids(todo["unit_id"]) + 1)
        found = pd.Index(created_keys).get_indexer(todo_keys)
        pairs.loc[todo.index, "person_id"] = take(created["id"].to_numpy(dtype=float), found, np.nan)
    elif missing.any():
        pairs.loc[missing, "problem"] = "không tìm thấy '" + pairs.loc[missing, "full_name"].astype(str) + \
            "' trong danh bạ"
    where = first.get_indexer(frame_pairs)
    frame["person_id"] = take(pairs["person_id"].to_numpy(dtype=float), where, np.nan)
    problems = pd.Series(take(pairs["problem"].to_numpy(dtype=object), where, None), index=frame.index, dtype=object)
    fail(frame, problems.notna(), problems)


# ---------------------------------------------------------------- roster: groups, memberships, assignments
def _roster_term(frame: pd.DataFrame, ctx: Context) -> tuple[Term, Unit]:
    """The current term and root committee; every record fails when the start date lies outside the term,
    with the message the group forms give."""
    term = db.session.scalar(select(Term).where(Term.is_current.is_(True)))
    root = db.session.scalar(select(Unit).where(Unit.parent_id.is_(None), Unit.kind == UnitKind.ROOT))
    if term is None or root is None:
        raise ImportRefused("Chưa có nhiệm kỳ hiện tại hoặc Đảng bộ cấp trên; hãy khai báo trước khi nhập danh sách đoàn.")
    reason = group_rules.outside_term(ctx.options.start_date, term.name, term.start_date, term.end_date)
    if reason is not None:
        fail(frame, frame["outcome"].isna(), vietnamese(reason))
    return term, root


def _group_numbers(frame: pd.DataFrame, term: Term, root: Unit) -> dict[int, int]:
    """Read each record's group number (natural key of a group within term and committee); returns the
    numbers already known with their group ids, and sets `group_id` for them."""
    numbers = frame["group"].map(lambda g: int(GROUP_NUMBER.search(g).group(1)) if isinstance(g, str)
                                 and GROUP_NUMBER.search(g) else None)
    fail(frame, numbers.isna(), "không đọc được số của đoàn công tác")
    frame["group_number"] = numbers.astype(float)
    existing = dict(db.session.execute(select(WorkingGroup.number, WorkingGroup.id).where(
        WorkingGroup.term_id == term.id, WorkingGroup.owner_unit_id == root.id)).all())
    frame["group_id"] = frame["group_number"].map(existing).astype(float)
    return existing


def _groups(frame: pd.DataFrame, ctx: Context, term: Term, root: Unit, existing: dict[int, int]) -> None:
    """Create the groups that records still standing name but that do not exist yet."""
    wanted = {int(n) for n in frame.loc[frame["outcome"].isna(), "group_number"].dropna()}
    table = WorkingGroup.__table__
    for number in sorted(wanted - set(existing)):
        existing[number] = db.session.execute(insert(table).values(
            number=number, name=f"Đoàn công tác số {number}", term_id=term.id, owner_unit_id=root.id
        ).returning(table.c.id)).scalar_one()
        log_changes(ctx, "working_group", "insert", [(existing[number], None)])
        ctx.count(ctx.created, "working_group", 1)
    frame["group_id"] = frame["group_number"].map(existing).astype(float)


def _who(frame: pd.DataFrame) -> pd.Series:
    """Who a record names: the matched person's id, else the new person's name, birth date and phone."""
    new = "new:" + frame["key"].astype(str) + "|" + frame.get("birth_date", pd.Series(None, index=frame.index)) \
        .astype(str) + "|" + frame.get("phone", pd.Series(None, index=frame.index)).astype(str)
    return frame["person_id"].astype(object).where(frame["person_id"].notna(), new)


def _single_heads(frame: pd.DataFrame, ctx: Context) -> None:
    """Refuse a head record when its group already has a head in force that this file does not move to
    another role, or an earlier head record of the file: the group form's single-head rule, per group."""
    day = ctx.options.start_date
    planned = frame[frame["outcome"].isna()].assign(who=_who(frame))
    planned = planned.drop_duplicates(["who", "group_number"], keep="last")  # the last row of a member wins
    group_ids = [int(g) for g in planned["group_id"].dropna().unique()]
    heads = rows_frame(db.session.execute(select(Membership.group_id, Membership.person_id).where(
        Membership.group_id.in_(group_ids), Membership.role == MemberRole.HEAD,
        (Membership.end_date.is_(None)) | (Membership.end_date >= day))).all(), ["group_id", "person_id"])
    number_of = {float(g): n for g, n in zip(planned["group_id"], planned["group_number"]) if g == g}
    held = {(number_of[float(g)], float(p)) for g, p in zip(heads["group_id"], heads["person_id"])}
    others = planned[planned["role"] != group_rules.HEAD]
    moved = set(zip(others["group_number"], others["who"]))
    staying = pd.Series([n for n, p in held if (n, p) not in moved], dtype=float).value_counts()
    heads_rows = planned[planned["role"] == group_rules.HEAD]
    new_heads = heads_rows[pd.Series([(n, p) not in held for n, p in zip(heads_rows["group_number"],
                                                                         heads_rows["who"])],
                                     index=heads_rows.index, dtype=bool)]
    in_force = new_heads["group_number"].map(staying).fillna(0) + new_heads.groupby("group_number").cumcount()
    reasons = {(n, p): group_rules.second_head(group_rules.HEAD, int(k))
               for n, p, k in zip(new_heads["group_number"], new_heads["who"], in_force)}
    refused = {key: vietnamese(reason) for key, reason in reasons.items() if reason is not None}
    if refused:
        keys = pd.Series(list(zip(frame["group_number"], _who(frame))), index=frame.index)
        fail(frame, keys.isin(list(refused)), keys.map(refused))


def _memberships(frame: pd.DataFrame, ctx: Context) -> tuple[pd.Series, pd.Series]:
    """Open memberships unless an identical active one exists; a changed role ends the old row first."""
    day = ctx.options.start_date
    ok = frame[frame["outcome"].isna()].drop_duplicates(["person_id", "group_id"], keep="last")
    rows = db.session.execute(select(Membership.id, Membership.person_id, Membership.group_id, Membership.role,
                                     Membership.start_date, Membership.end_date).where(
        Membership.group_id.in_([int(g) for g in ok["group_id"].unique()]), active_on(Membership, day))).all()
    active = rows_frame(rows, ["mid", "person_id", "group_id", "old_role", "old_start", "old_end"])
    active["old_role"] = active["old_role"].map(lambda r: r.value)
    merged = ok.reset_index().merge(active.astype({"person_id": float, "group_id": float}),
                                    on=["person_id", "group_id"], how="left")
    same = merged["old_role"].eq(merged["role"])
    changed = merged["mid"].notna() & ~same
    ends = merged[changed]
    for row in ends.itertuples():
        end = group_rules.handover_end(day, row.old_start)
        db.session.execute(update(Membership.__table__).where(Membership.__table__.c.id == int(row.mid))
                           .values(end_date=end))
    log_changes(ctx, "membership", "update", [(int(r.mid), {"end_date": r.old_end.isoformat() if r.old_end else None})
                                               for r in ends.itertuples()])
    ctx.count(ctx.updated, "membership", len(ends))
    new = merged[~same]
    _executemany(insert(Membership.__table__), [
        {"person_id": int(r.person_id), "group_id": int(r.group_id), "role": r.role, "start_date": day,
         "import_batch_id": ctx.batch_id} for r in new.itertuples()])
    ctx.count(ctx.created, "membership", len(new))
    created = rows_frame(db.session.execute(select(Membership.id, Membership.person_id, Membership.group_id).where(
        Membership.import_batch_id == ctx.batch_id)).all(), ["mid", "person_id", "group_id"])
    _carry_over(ctx, ends, created)
    current = pd.concat([merged.loc[same, ["mid", "person_id", "group_id"]],
                         created.astype({"person_id": float, "group_id": float})])
    keys = list(zip(frame["person_id"], frame["group_id"]))
    lookup = dict(zip(zip(current["person_id"], current["group_id"]), current["mid"]))
    frame["membership_id"] = [lookup.get(k, np.nan) for k in keys]
    new_keys = set(zip(new["person_id"], new["group_id"]))
    changed_keys = set(zip(ends["person_id"], ends["group_id"]))
    created_mask = pd.Series([k in new_keys and k not in changed_keys for k in keys], index=frame.index)
    updated_mask = pd.Series([k in changed_keys for k in keys], index=frame.index)
    return created_mask, updated_mask


def _carry_over(ctx: Context, ends: pd.DataFrame, created: pd.DataFrame) -> None:
    """Units a member still follows move to the membership that replaces theirs (as a role change on the
    group page does): the open assignment ends, a copy opens on the successor."""
    if not len(ends):
        return
    successor = dict(zip(zip(created["person_id"].astype(float), created["group_id"].astype(float)), created["mid"]))
    old_to_new = {int(r.mid): int(successor[(float(r.person_id), float(r.group_id))]) for r in ends.itertuples()}
    still_open = []
    mids = list(old_to_new)
    for start in range(0, len(mids), 900):
        still_open += db.session.execute(select(Assignment.id, Assignment.membership_id, Assignment.person_id,
                                                Assignment.unit_id, Assignment.start_date, Assignment.notes).where(
            Assignment.membership_id.in_(mids[start:start + 900]), Assignment.end_date.is_(None))).all()
    moves = group_rules.carried_over([(a.unit_id, a.start_date) for a in still_open], ctx.options.start_date)
    table = Assignment.__table__
    for row, (_unit, old_end, _new_start) in zip(still_open, moves):
        db.session.execute(update(table).where(table.c.id == row.id).values(end_date=old_end))
    log_changes(ctx, "assignment", "update", [(row.id, {"end_date": None}) for row in still_open])
    _executemany(insert(table), [
        {"membership_id": old_to_new[row.membership_id], "person_id": row.person_id, "unit_id": unit_id,
         "start_date": new_start, "notes": row.notes, "import_batch_id": ctx.batch_id}
        for row, (unit_id, _end, new_start) in zip(still_open, moves)])
    ctx.count(ctx.updated, "assignment", len(still_open))
    ctx.count(ctx.created, "assignment", len(still_open))


def _assignments(frame: pd.DataFrame, ctx: Context) -> pd.Series:
    """Assign each member to the record's unit unless that assignment is already in force."""
    day = ctx.options.start_date
    todo = frame[frame["outcome"].isna() & frame["unit_id"].notna() & frame["membership_id"].notna()]
    todo = todo.drop_duplicates(["membership_id", "unit_id"])
    mids = [int(m) for m in todo["membership_id"].unique()]
    existing = set()
    for start in range(0, len(mids), 900):
        existing |= set(db.session.execute(select(Assignment.membership_id, Assignment.unit_id).where(
            Assignment.membership_id.in_(mids[start:start + 900]), active_on(Assignment, day))).all())
    fresh = [(int(m), int(u)) not in existing for m, u in zip(todo["membership_id"], todo["unit_id"])]
    new = todo[pd.Series(fresh, index=todo.index, dtype=bool)]
    _executemany(insert(Assignment.__table__), [
        {"membership_id": int(r.membership_id), "person_id": int(r.person_id), "unit_id": int(r.unit_id),
         "start_date": day, "import_batch_id": ctx.batch_id} for r in new.itertuples()])
    ctx.count(ctx.created, "assignment", len(new))
    new_keys = set(zip(new["membership_id"], new["unit_id"]))
    return pd.Series([k in new_keys for k in zip(frame["membership_id"], frame["unit_id"])], index=frame.index)


def refuse_groups_out_of_scope(frame: pd.DataFrame, ctx: Context) -> None:
    """Roster groups belong to the top committee: an importer scoped below it may not fill them."""
    root = db.session.scalar(select(Unit).where(Unit.parent_id.is_(None), Unit.kind == UnitKind.ROOT))
    if root is None or root.path.startswith(ctx.scope_path):
        return
    reason = frame["group"].map(lambda g: f"“{g}” do {root.name} quản lý, ngoài phạm vi quản lý của bạn")
    fail(frame, frame["group"].notna(), reason)


def run_roster(frame: pd.DataFrame, ctx: Context) -> None:
    """Persons, groups, memberships and assignments for roster records."""
    refuse_groups_out_of_scope(frame, ctx)
    term, root = _roster_term(frame, ctx)
    resolve_units(frame, ctx)
    ctx.tick(30)
    persons = match_roster(frame)
    existing_groups = _group_numbers(frame, term, root)
    _single_heads(frame, ctx)
    person_updated = resolve_roster_persons(frame, ctx, persons)
    ctx.tick(55)
    _groups(frame, ctx, term, root, existing_groups)
    created_membership, updated_membership = _memberships(frame, ctx)
    ctx.tick(75)
    created_assignment = _assignments(frame, ctx)
    ok = frame["outcome"].isna()
    created = frame["new_person"] | created_membership | created_assignment
    frame.loc[ok & created, "outcome"] = "created"
    frame.loc[ok & ~created & (person_updated | updated_membership), "outcome"] = "updated"
    frame.loc[frame["outcome"].isna(), "outcome"] = "unchanged"


# ---------------------------------------------------------------- attendance: meetings, marks
def _meetings(frame: pd.DataFrame, ctx: Context) -> list[tuple[int, str, float]]:
    """Find or create the cell meeting of every (date, cell); returns the created ones as (id, date, unit)."""
    ok = frame[frame["outcome"].isna()]
    pairs = ok[["date", "unit_id"]].drop_duplicates()
    days = sorted({date.fromisoformat(d) for d in pairs["date"]})
    rows = []
    for start in range(0, len(days), 900):
        rows += db.session.execute(select(Meeting.id, Meeting.held_on, meeting_unit.c.unit_id)
                                   .join(meeting_unit, meeting_unit.c.meeting_id == Meeting.id)
                                   .where(Meeting.kind == MeetingKind.CELL,
                                          Meeting.held_on.in_(days[start:start + 900]))).all()
    existing = {(held.isoformat(), float(unit)): mid for mid, held, unit in rows}
    missing = [(d, u) for d, u in zip(pairs["date"], pairs["unit_id"]) if (d, u) not in existing]
    if missing:
        now = utcnow()
        _executemany(insert(Meeting.__table__), [
            {"kind": MeetingKind.CELL.value, "held_on": date.fromisoformat(d), "created_at": now,
             "title": f"Sinh hoạt chi bộ {date.fromisoformat(d):%d/%m/%Y}", "import_batch_id": ctx.batch_id}
            for d, _ in missing])
        # ids ascend in insertion order within the transaction, so they line up with `missing`
        created = db.session.scalars(select(Meeting.id).where(Meeting.import_batch_id == ctx.batch_id)
                                     .order_by(Meeting.id)).all()
        _executemany(insert(meeting_unit), [{"meeting_id": mid, "unit_id": int(u)}
                                            for mid, (_, u) in zip(created, missing)])
        existing.update({key: mid for mid, key in zip(created, missing)})
        ctx.count(ctx.created, "meeting", len(created))
    date_codes, date_values = pd.factorize(frame["date"], use_na_sentinel=True)
    dates = pd.Index(date_values)
    known = list(existing.items())
    table_keys = pair_keys(dates.get_indexer([d for (d, _), _ in known]), np.array([u for (_, u), _ in known]) + 1)
    where = pd.Index(table_keys).get_indexer(pair_keys(date_codes, int_ids(frame["unit_id"]) + 1))
    frame["meeting_id"] = take(np.array([m for _, m in known], dtype=float), where, np.nan)
    return [(mid, day, unit) for mid, (day, unit) in zip(created, missing)] if missing else []


def _expected_rosters(ctx: Context, meetings: list[tuple[int, str, float]]) -> None:
    """Give the meetings this import created their expected list, as the meeting form does (`cell_roster`):
    every member following the cell on the day and not marked by the file is added, unmarked."""
    if not meetings:
        return
    planned = pd.DataFrame(meetings, columns=["meeting_id", "day", "unit_id"])
    planned["day"] = planned["day"].map(date.fromisoformat)
    units = sorted({int(u) for u in planned["unit_id"]})
    rows = []
    for start in range(0, len(units), 900):
        rows += db.session.execute(select(Assignment.unit_id, Assignment.person_id, Assignment.start_date,
                                          Assignment.end_date, Membership.start_date, Membership.end_date)
                                   .join(Membership, Membership.id == Assignment.membership_id)
                                   .where(Assignment.unit_id.in_(units[start:start + 900]))).all()
    followers = rows_frame(rows, ["unit_id", "person_id", "a_start", "a_end", "m_start", "m_end"])
    pairs = planned.astype({"unit_id": int}).merge(followers, on="unit_id")
    far = date.max
    in_force = ((pairs["a_start"] <= pairs["day"]) & (pairs["a_end"].fillna(far) >= pairs["day"])
                & (pairs["m_start"] <= pairs["day"]) & (pairs["m_end"].fillna(far) >= pairs["day"]))
    expected = pairs[in_force].drop_duplicates(["meeting_id", "person_id"])[["meeting_id", "person_id"]]
    if expected.empty:  # nobody follows these cells: nothing to add (and no need to read back the marks)
        return
    marked = _existing_attendance(sorted({int(m) for m in expected["meeting_id"]}))
    missing = expected.astype("int64").merge(marked[["meeting_id", "person_id"]].astype("int64"),
                                             on=["meeting_id", "person_id"], how="left",
                                             indicator=True)
    missing = missing[missing["_merge"] == "left_only"]
    todo = list(zip(missing["meeting_id"].astype(int).tolist(), missing["person_id"].astype(int).tolist()))
    bulk_insert(Attendance.__table__, ["meeting_id", "person_id"], iter(todo),
                {"expected": db_value(True), "import_batch_id": ctx.batch_id})


def _existing_attendance(meeting_ids: list[int]) -> pd.DataFrame:
    parts = []
    for start in range(0, len(meeting_ids), 900):
        parts += db.session.execute(select(Attendance.id, Attendance.meeting_id, Attendance.person_id,
                                           Attendance.status, Attendance.marked_at).where(
            Attendance.meeting_id.in_(meeting_ids[start:start + 900]))).all()
    existing = rows_frame(parts, ["aid", "meeting_id", "person_id", "old_status", "old_marked"])
    existing["old_status"] = existing["old_status"].map(lambda s: s.value if s is not None else None)
    return existing


def _insert_rows(keys: np.ndarray, statuses: np.ndarray):
    """(meeting, person, status) tuples, built a chunk at a time (a million tuples at once would not fit the
    memory budget)."""
    for start in range(0, len(keys), CHUNK):
        part = keys[start:start + CHUNK]
        yield from zip((part >> 32).tolist(), (part & 0xFFFFFFFF).tolist(), statuses[start:start + CHUNK].tolist())


def _last_of_each(keys: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """Positions of the last occurrence of every key (the last mark in the file wins), sort-based (lean)."""
    unique, first_from_end = np.unique(keys[::-1], return_index=True)
    if len(unique) == len(keys):
        return positions
    return np.sort(positions[len(keys) - 1 - first_from_end])


def _attendance(frame: pd.DataFrame, ctx: Context) -> None:
    """Upsert one mark per (meeting, person): insert new ones, update changed ones (before-image kept)."""
    ok = frame["outcome"].isna().to_numpy()
    keys = pair_keys(int_ids(frame["meeting_id"]), int_ids(frame["person_id"]))
    statuses = frame["status"].to_numpy(dtype=object)
    chosen = _last_of_each(keys[ok], np.flatnonzero(ok))
    chosen_keys, chosen_statuses = keys[chosen], statuses[chosen]
    existing = _existing_attendance(np.unique(chosen_keys >> 32).tolist())
    stored = pd.Index(pair_keys(existing["meeting_id"].to_numpy(), existing["person_id"].to_numpy()))
    where = stored.get_indexer(chosen_keys)
    fresh = where < 0
    old = existing.iloc[where[~fresh]].assign(status=chosen_statuses[~fresh])
    changed = old[old["old_status"].to_numpy() != old["status"].to_numpy()]
    now = utcnow()
    in_key_order = np.argsort(chosen_keys[fresh], kind="stable")  # (meeting, person) indexes then grow at their end
    with index_built_after(Attendance.__table__, "ix_attendance_person_meeting", int(fresh.sum())):
        bulk_insert(Attendance.__table__, ["meeting_id", "person_id", "status"],
                    _insert_rows(chosen_keys[fresh][in_key_order], chosen_statuses[fresh][in_key_order]),
                    {"expected": db_value(True), "marked_at": db_value(now), "import_batch_id": ctx.batch_id})
    ctx.tick(95)
    table = Attendance.__table__
    _executemany(update(table).where(table.c.id == bindparam("aid")).values(status=bindparam("new_status"),
                                                                            marked_at=now),
                 [{"aid": int(r.aid), "new_status": r.status} for r in changed.itertuples()])
    log_changes(ctx, "attendance", "update", [
        (int(r.aid), {"status": r.old_status, "marked_at": r.old_marked.isoformat() if r.old_marked else None})
        for r in changed.itertuples()])
    ctx.count(ctx.created, "attendance", int(fresh.sum()))
    ctx.count(ctx.updated, "attendance", len(changed))
    outcome = frame["outcome"].to_numpy(dtype=object).copy()
    outcome[ok] = "unchanged"
    if len(changed):
        changed_keys = pd.Index(pair_keys(changed["meeting_id"].to_numpy(), changed["person_id"].to_numpy()))
        outcome[ok & (changed_keys.get_indexer(keys) >= 0)] = "updated"
    outcome[ok & (stored.get_indexer(keys) < 0)] = "created"
    frame["outcome"] = outcome


def run_attendance(frame: pd.DataFrame, ctx: Context) -> None:
    """Persons, meetings and attendance marks for attendance records."""
    if ctx.options.default_unit_id:
        default = db.session.get(Unit, ctx.options.default_unit_id)
        if default is not None and default.path.startswith(ctx.scope_path):
            frame["unit"] = frame["unit"].where(frame["unit"].notna(), default.name)
    resolve_units(frame, ctx)
    fail(frame, frame["unit_id"].isna(), "thiếu chi bộ (chọn chi bộ mặc định cho các dòng không ghi chi bộ)")
    ctx.tick(30)
    resolve_attendance_persons(frame, ctx)
    ctx.tick(50)
    created_meetings = _meetings(frame, ctx)
    ctx.tick(65)
    _attendance(frame, ctx)
    _expected_rosters(ctx, created_meetings)


def execute(result, ctx: Context) -> pd.DataFrame:
    """Apply a parse result inside the current transaction; returns the records with outcome and reason."""
    frame = _records_frame(result)
    if len(frame) and result.kind == "targets":
        from .targets import run_targets  # its own module, built on this one
        run_targets(frame, ctx)
        return frame
    if len(frame):
        (run_roster if result.kind == "roster" else run_attendance)(frame, ctx)
    return frame
