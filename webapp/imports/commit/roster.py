"""Roster records: the current term, groups by number, one head per group, memberships (a changed role ends the
old row and carries its units over), assignments to the record's unit."""
import re

import numpy as np
import pandas as pd
from sqlalchemy import insert, select, update

from ...extensions import db
from ...groups import queries as group_queries
from ...groups import rules as group_rules
from ...groups import services as group_services
from ...i18n import in_vietnamese as vietnamese  # receipts keep their reasons in Vietnamese
from ...models import Assignment, Membership, Person, Term, Unit, UnitKind, WorkingGroup
from ...models.groups import active_on
from ...permissions import within
from ...services import RuleViolation
from ..matching import rows_frame
from .bulk import executemany
from .context import Context, ImportRefused, ended_heads
from .frames import fail, log_changes
from .resolve import match_roster, resolve_roster_persons, resolve_units

GROUP_NUMBER = re.compile(r"(\d+)")


def _roster_term(frame: pd.DataFrame, ctx: Context) -> tuple[Term, Unit]:
    """The current term and root committee; every record fails when the start date lies outside the term,
    with the message the group forms give."""
    term = db.session.scalar(select(Term).where(Term.is_current.is_(True)))
    root = db.session.scalar(select(Unit).where(Unit.parent_id.is_(None), Unit.kind == UnitKind.ROOT))
    if term is None or root is None:
        raise ImportRefused(
            "Chưa có nhiệm kỳ hiện tại hoặc Đảng bộ cấp trên; hãy khai báo trước khi nhập danh sách đoàn."
        )
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
    def text(column: str) -> pd.Series:  # a missing value as "" (pandas' str dtype would keep it missing)
        values = frame.get(column, pd.Series(None, index=frame.index, dtype=object))
        return values.map(lambda v: "" if v is None or v != v else str(v)).astype(object)

    new = "new:" + text("key") + "|" + text("birth_date") + "|" + text("phone")
    return frame["person_id"].astype(object).where(frame["person_id"].notna(), new)


def _single_heads(frame: pd.DataFrame, ctx: Context) -> None:
    """Refuse a head record when its group already has a head in force that this file does not move to
    another role, or an earlier head record of the file: the group form's single-head rule, per group."""
    day = ctx.options.start_date
    planned = frame[frame["outcome"].isna()].assign(who=_who(frame))
    planned = planned.drop_duplicates(["who", "group_number"], keep="last")  # the last row of a member wins
    group_ids = [int(g) for g in planned["group_id"].dropna().unique()]
    heads = rows_frame(db.session.execute(group_queries.heads_in_force(
        group_ids, day, Membership.group_id, Membership.person_id)).all(), ["group_id", "person_id"])
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


def _heads_in_force(group_ids: list[int], day) -> list:
    return db.session.execute(group_queries.heads_in_force(
        group_ids, day, Membership.id, Membership.group_id, Membership.person_id, Membership.start_date,
        Person.full_name).join(Person, Person.id == Membership.person_id)).all()


def _end_replaced_heads(frame: pd.DataFrame, ctx: Context) -> None:
    """A group the file gives another head: note its current head for the values table and, when the officer
    chose so, end that head's membership (and the units it follows) the day before the batch's start date,
    through the groups service, so the one-head rule holds for the new head."""
    day = ctx.options.start_date
    heads = frame[frame["outcome"].isna() & frame["role"].eq(group_rules.HEAD) & frame["group_id"].notna()]
    if not len(heads):
        return
    chosen = ended_heads(ctx.confirmations)
    number_of = dict(zip(heads["group_id"], heads["group_number"]))
    live = frame[frame["outcome"].isna()]
    for row in _heads_in_force([int(g) for g in number_of], day):
        group_heads = heads[heads["group_id"] == float(row.group_id)]
        if live.loc[live["group_id"] == float(row.group_id), "person_id"].eq(float(row.person_id)).any():
            continue  # the file names the present head again, or moves them to another role (handed over then)
        number = int(number_of[float(row.group_id)])
        end = group_rules.handover_end(day, row.start_date)
        ctx.plan.setdefault("heads", {})[str(number)] = {
            "group_number": number, "head": row.full_name, "since": row.start_date.isoformat(),
            "end_on": end.isoformat(), "ended": number in chosen}
        if number in chosen:
            _end_head(frame, ctx, row.id, end, group_heads.index)


def _end_head(frame: pd.DataFrame, ctx: Context, membership_id: int, end, head_rows) -> None:
    membership = db.session.get(Membership, membership_id)
    still_open = [a.id for a in membership.assignments if a.end_date is None]
    try:
        group_services.end_membership(membership, end)
    except RuleViolation as exc:
        fail(frame, frame.index.isin(head_rows), "không thể kết thúc Trưởng đoàn hiện tại: " + vietnamese(exc.message))
        return
    log_changes(ctx, "membership", "update", [(membership_id, {"end_date": None})])
    log_changes(ctx, "assignment", "update", [(a, {"end_date": None}) for a in still_open])
    ctx.count(ctx.updated, "membership", 1)


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
    executemany(insert(Membership.__table__), [
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
    executemany(insert(table), [
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
    executemany(insert(Assignment.__table__), [
        {"membership_id": int(r.membership_id), "person_id": int(r.person_id), "unit_id": int(r.unit_id),
         "start_date": day, "import_batch_id": ctx.batch_id} for r in new.itertuples()])
    ctx.count(ctx.created, "assignment", len(new))
    new_keys = set(zip(new["membership_id"], new["unit_id"]))
    return pd.Series([k in new_keys for k in zip(frame["membership_id"], frame["unit_id"])], index=frame.index)


def refuse_groups_out_of_scope(frame: pd.DataFrame, ctx: Context) -> None:
    """Roster groups belong to the top committee: an importer scoped below it may not fill them."""
    root = db.session.scalar(select(Unit).where(Unit.parent_id.is_(None), Unit.kind == UnitKind.ROOT))
    if root is None or within(root.path, ctx.scope_path):
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
    _end_replaced_heads(frame, ctx)
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
