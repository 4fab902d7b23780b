"""Attendance records: the cell meeting of every (date, cell), one mark per (meeting, person), and the expected
list of the meetings the import created."""
from datetime import date

import numpy as np
import pandas as pd
from sqlalchemy import bindparam, insert, select, update

from ...clock import utcnow
from ...extensions import db
from ...models import Assignment, Attendance, Meeting, MeetingKind, Membership, Unit
from ...models.meetings import meeting_unit
from ...permissions import within
from ..matching import rows_frame
from .bulk import CHUNK, bulk_insert, db_value, executemany, index_built_after
from .context import Context
from .frames import fail, int_ids, log_changes, pair_keys, take
from .resolve import resolve_attendance_persons, resolve_units


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
        executemany(insert(Meeting.__table__), [
            {"kind": MeetingKind.CELL.value, "held_on": date.fromisoformat(d), "created_at": now,
             "title": f"Sinh hoạt chi bộ {date.fromisoformat(d):%d/%m/%Y}", "import_batch_id": ctx.batch_id}
            for d, _ in missing])
        # ids ascend in insertion order within the transaction, so they line up with `missing`
        created = db.session.scalars(select(Meeting.id).where(Meeting.import_batch_id == ctx.batch_id)
                                     .order_by(Meeting.id)).all()
        executemany(insert(meeting_unit), [{"meeting_id": mid, "unit_id": int(u)}
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
    chosen = _last_of_each(keys[ok], np.flatnonzero(ok))
    chosen_keys, chosen_statuses = keys[chosen], frame["status"].to_numpy(dtype=object)[chosen]
    del chosen
    existing = _existing_attendance(np.unique(chosen_keys >> 32).tolist())
    stored = pd.Index(pair_keys(existing["meeting_id"].to_numpy(), existing["person_id"].to_numpy()))
    where = stored.get_indexer(chosen_keys)
    fresh = where < 0
    old = existing.iloc[where[~fresh]].assign(status=chosen_statuses[~fresh])
    changed = old[old["old_status"].to_numpy() != old["status"].to_numpy()]
    now = utcnow()
    new_keys, new_statuses = chosen_keys[fresh], chosen_statuses[fresh]
    _outcomes(frame, ok, keys, stored, changed)  # known before the write: it changes nothing the outcomes read
    # the arrays of a million marks are let go as soon as they are done with: SQLite builds the dropped index
    # after the insert in memory of its own, and the peak of a commit is that moment
    del where, old, chosen_keys, chosen_statuses, keys, ok
    in_key_order = np.argsort(new_keys, kind="stable")  # (meeting, person) indexes then grow at their end
    new_keys, new_statuses = new_keys[in_key_order], new_statuses[in_key_order]
    del in_key_order
    created = len(new_keys)
    with index_built_after(Attendance.__table__, "ix_attendance_person_meeting", created):
        bulk_insert(Attendance.__table__, ["meeting_id", "person_id", "status"], _insert_rows(new_keys, new_statuses),
                    {"expected": db_value(True), "marked_at": db_value(now), "import_batch_id": ctx.batch_id})
        del new_keys, new_statuses
    ctx.tick(95)
    table = Attendance.__table__
    executemany(update(table).where(table.c.id == bindparam("aid")).values(status=bindparam("new_status"),
                                                                            marked_at=now),
                 [{"aid": int(r.aid), "new_status": r.status} for r in changed.itertuples()])
    log_changes(ctx, "attendance", "update", [
        (int(r.aid), {"status": r.old_status, "marked_at": r.old_marked.isoformat() if r.old_marked else None})
        for r in changed.itertuples()])
    ctx.count(ctx.created, "attendance", created)
    ctx.count(ctx.updated, "attendance", len(changed))


def _outcomes(frame: pd.DataFrame, ok: np.ndarray, keys: np.ndarray, stored: pd.Index, changed: pd.DataFrame) -> None:
    """Each record's outcome: created (no mark stored for its pair before), updated (its pair's status changes) or
    unchanged."""
    outcome = frame["outcome"].to_numpy(dtype=object).copy()
    outcome[ok] = "unchanged"
    if len(changed):
        changed_keys = pd.Index(pair_keys(changed["meeting_id"].to_numpy(), changed["person_id"].to_numpy()))
        outcome[ok & (changed_keys.get_indexer(keys) >= 0)] = "updated"
    outcome[ok & (stored.get_indexer(keys) < 0)] = "created"
    frame["outcome"] = outcome


def run_attendance(frame: pd.DataFrame, ctx: Context) -> None:
    """Persons, meetings and attendance marks for attendance records."""
    resolve_units(frame, ctx)
    if ctx.options.default_unit_id:  # by id: a name such as "Chi bộ Tổ dân phố 1" may be borne in several wards
        default = db.session.get(Unit, ctx.options.default_unit_id)
        if default is not None and within(default.path, ctx.scope_path):
            frame["unit_id"] = frame["unit_id"].where(frame["unit"].notna(), float(default.id))
    fail(frame, frame["unit_id"].isna(), "thiếu chi bộ (chọn chi bộ mặc định cho các dòng không ghi chi bộ)")
    ctx.tick(30)
    resolve_attendance_persons(frame, ctx)
    ctx.tick(50)
    created_meetings = _meetings(frame, ctx)
    ctx.tick(65)
    _attendance(frame, ctx)
    _expected_rosters(ctx, created_meetings)
